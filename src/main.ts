// Entry point of `npm start`: configuration → services (embedded or external) → migrations → HTTP.
import http from 'node:http';
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { startServices, type RunningServices } from './runtime/services.js';
import { backfillCatalogueInBackground, prepareStorage } from './app/prepare.js';
import { isPortInUse } from './runtime/free-port.js';
import { connectOrm } from './db/orm.js';
import { ObjectStore } from './object-store/object-store.js';
import { requestHandler } from './app/request-handler.js';
import { startAppDeps, type RunningAppDeps } from './app/start-app-deps.js';
import { ensureInitialAdmin } from './auth/initial-admin.service.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startPeriodicJobs } from './maintenance/periodic-jobs.js';
import type { JobWorker } from './jobs/job-queue.js';
import { sweepDeadScratch } from './runtime/scratch-dir.js';
import { warmPooledConnections } from './kernel/bound-sql.js';
import { RECORD_PAGE_STATEMENTS } from './public-pages/record-page.repository.js';
import { entriesWarmUp } from './search/catalogue-page.repository.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const logger = pino({ level: config.logLevel, base: { service: 'census' } });

if (await isPortInUse(config.port, config.host)) {
  fail(
    `端口 ${config.port} 已被占用（${config.host}）。请先停止占用它的程序，或用 PORT=<其他端口> npm start。\n` +
      `Port ${config.port} on ${config.host} is already in use. Stop whatever uses it, or start with PORT=<another port> npm start.`,
  );
}

let services: RunningServices | undefined;
let orm: MikroORM | undefined;
let server: http.Server | undefined;
let importWorker: RunningAppDeps['importWorker'] | undefined;
let derivativeWorker: RunningAppDeps['derivativeWorker'] | undefined;
let periodicJobs: JobWorker | undefined;
let catalogueBackfill: Promise<void> | undefined;
let pageChanges: RunningAppDeps['pageChanges'] | undefined;
let spareTime: RunningAppDeps['spareTime'] | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Whatever hangs (a request, a worker, an embedded server), the process is gone within the deadline.
  setTimeout(() => {
    logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown deadline passed; exiting now');
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
  // Running imports stop at their next row and go back to the queue while requests finish.
  const importsStopped = importWorker?.stop();
  if (server) {
    const closing = new Promise((resolve) => server!.close(resolve));
    server.closeIdleConnections();
    // Requests still running after 10 s (or half the shutdown deadline) are cut so the embedded servers can stop.
    const force = setTimeout(
      () => server!.closeAllConnections(),
      Math.min(10_000, config.shutdownTimeoutMs / 2),
    );
    await closing;
    clearTimeout(force);
  }
  await catalogueBackfill;
  await importsStopped;
  await derivativeWorker?.stop();
  await periodicJobs?.stop();
  await pageChanges?.stop();
  await spareTime?.stop();
  await orm?.close(true).catch(() => undefined);
  await services?.stop();
  logger.info('stopped');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));

try {
  // Temporary files of processes killed before they could clean up (kill -9 mid-upload).
  const swept = await sweepDeadScratch();
  if (swept.folders.length) logger.info(swept, 'removed temporary files left by stopped processes');
  services = await startServices(config, logger);
  // The pool stays at its size: a connection closed after a quiet minute would have to be opened,
  // and its backend's caches filled, in the middle of the next burst of readers.
  const pool = config.databasePoolSize;
  orm = await connectOrm(services.databaseUrl, { min: pool, max: pool });
  const objectStore = new ObjectStore(services.objectStore);
  await prepareStorage(orm, objectStore, logger);
  await warmPooledConnections(orm.em.fork(), pool, [
    ...RECORD_PAGE_STATEMENTS,
    await entriesWarmUp(orm.em.fork()),
  ]);
  const admin = await ensureInitialAdmin(orm.em.fork(), {
    email: config.adminEmail,
    password: config.adminPassword,
  });
  if (admin.created) {
    logger.info({ email: admin.email }, 'first national administrator created');
    if (admin.generatedPassword) {
      console.log(
        `\n首位国家级管理员 / First national administrator: ${admin.email}\n` +
          `初始密码（只显示这一次）/ Initial password (shown only this once): ${admin.generatedPassword}\n`,
      );
    }
  }
  const running = startAppDeps({ config, orm, objectStore, logger, databaseUrl: services.databaseUrl });
  ({ importWorker, derivativeWorker, pageChanges, spareTime } = running);
  periodicJobs = startPeriodicJobs({ orm, objectStore, logger }, config);
  server = http.createServer(requestHandler(running.deps));
  server.requestTimeout = 300_000;
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject);
    server!.listen(config.port, config.host, () => resolve());
  });
  catalogueBackfill = backfillCatalogueInBackground(orm, logger, () => !stopping);
  console.log(
    `古籍普查系统已启动 / Census service listening on ${config.publicUrl}  (health: ${config.publicUrl}/health)`,
  );
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    console.error(
      `端口 ${config.port} 已被占用 / Port ${config.port} is already in use. Use PORT=<another port>.`,
    );
  } else {
    logger.fatal({ err: error }, 'start-up failed');
    console.error(`启动失败 / Start-up failed: ${e.message ?? String(error)}`);
  }
  await orm?.close(true).catch(() => undefined);
  await services?.stop();
  process.exit(1);
}
