// `npm run census -- migrate-parts`: joins the numbered `part-NNNNN` objects of earlier versions into
// single objects (see src/maintenance/legacy-parts-migration.service.ts). Idempotent and resumable:
// run it again after an interruption. Uses DATABASE_URL and MINIO_* when set, else the embedded
// servers under DATA_DIR (only while `npm start` is not running).
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../config/config.js';
import { connectOrm } from '../db/orm.js';
import { ObjectStore } from '../object-store/object-store.js';
import { startServices } from '../runtime/services.js';
import { migrateLegacyParts } from '../maintenance/legacy-parts-migration.service.js';
import { processScratchDir } from '../runtime/scratch-dir.js';

/** Runs the migration; returns the process exit code (1 when a set could not be migrated). */
export async function migrateParts(): Promise<number> {
  const config = loadConfig();
  const services = await startServices(config, pino({ level: 'silent' }));
  const orm = await connectOrm(services.databaseUrl);
  try {
    const report = await migrateLegacyParts(orm.em.fork(), new ObjectStore(services.objectStore), {
      workDir: path.join(processScratchDir(), 'migrate-parts'),
      log: (line) => console.log(line),
    });
    for (const p of report.problems) console.log(`PROBLEM 问题  ${p.prefix}  ${p.reason}: ${p.detail}`);
    console.log(
      `migrate-parts: ${report.sets} part set(s), ${report.migrated.length} joined into single objects, ${report.problems.length} problem(s) / ${report.sets} 组分片，${report.migrated.length} 组已合并为单个对象，${report.problems.length} 个问题`,
    );
    return report.problems.length ? 1 : 0;
  } finally {
    await orm.close(true);
    await services.stop();
  }
}
