import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type Config } from '../../src/config/config.js';
import { connectOrm } from '../../src/db/orm.js';
import { ObjectStore, type ObjectStoreSettings } from '../../src/object-store/object-store.js';
import { requestHandler } from '../../src/app/request-handler.js';
import type { AppDeps } from '../../src/app/app-deps.js';
import { startAppDeps } from '../../src/app/start-app-deps.js';
import { ensureInitialAdmin } from '../../src/auth/initial-admin.service.js';
import { createTestDatabase } from './test-database.js';
import { testEnvironment, type S3ServerName } from './environment.js';
import { renderQueueFor } from '../../src/iiif/image-routes.js';

export const ADMIN = { email: 'admin@test.local', password: 'Admin-password-1' } as const;

export interface TestApp {
  readonly url: string;
  readonly databaseUrl: string;
  readonly orm: MikroORM;
  readonly objectStore: ObjectStore;
  readonly deps: AppDeps;
  close(): Promise<void>;
}

/** A fresh bucket on the test S3 server (the one chosen by useS3Server, s3rver by default). */
export async function createTestObjectStore(server?: S3ServerName): Promise<ObjectStore> {
  const env = testEnvironment(server);
  const store = new ObjectStore({ ...env.s3, bucket: `t-${crypto.randomBytes(6).toString('hex')}` });
  await store.ensureBucket();
  return store;
}

export interface TestAppOptions {
  /** The S3 server to use (default: the file's, see useS3Server). */
  readonly s3?: S3ServerName;
  /** A second instance: the same database and bucket as this app (its own workers and HTTP server). */
  readonly share?: TestApp;
  /** Rewrites the object-store settings the app uses (e.g. through a proxy that can cut the line). */
  readonly storeVia?: (settings: ObjectStoreSettings) => ObjectStoreSettings;
}

/**
 * The real Koa app on a random loopback port, over its own cloned database and its own bucket,
 * with a national administrator (ADMIN) already created.
 */
export async function startTestApp(
  overrides: Partial<Record<string, string>> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = options.share
    ? { url: options.share.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const orm = await connectOrm(db.url);
  const shared = options.share?.objectStore ?? (await createTestObjectStore(options.s3));
  const objectStore = new ObjectStore(options.storeVia ? options.storeVia(shared.settings) : shared.settings);
  if (!options.share) await ensureInitialAdmin(orm.em.fork(), ADMIN);
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const config: Config = loadConfig({
    PORT: String(port),
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    ...overrides,
  });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // The app's render queue, so tests can see (and occupy) its slots.
  const imageRenders = renderQueueFor(config);
  // Workers and the public pages' listener as in production, polling faster.
  const { deps, importWorker, derivativeWorker, pageChanges, spareTime } = startAppDeps(
    { config, orm, objectStore, logger, databaseUrl: db.url },
    { pollMs: 200, imageRenders },
  );
  await pageChanges.ready;
  server.on('request', requestHandler(deps));
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: db.url,
    orm,
    objectStore,
    deps,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await importWorker.stop();
      await derivativeWorker.stop();
      await pageChanges.stop();
      await spareTime.stop();
      await orm.close(true);
      await db.drop();
    },
  };
}
