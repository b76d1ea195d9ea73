// The one file that knows the job queue library (graphile-worker, README "Background jobs"): every
// background job of the service — image derivatives, spreadsheet imports, the periodic orphan
// sweep and fixity check — is added and run through the functions below.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger as Pino } from 'pino';
import {
  Logger,
  parseCronItems,
  run,
  runMigrations,
  type Runner,
  type Task,
  type TimestampDigest,
  type WorkerEvents,
  type WorkerPool,
} from 'graphile-worker';
import { isDueEvery } from './periodic.rules.js';

/** The library's own schema, installed and upgraded by the library (not by our migrations). */
const SCHEMA = 'graphile_worker';
/** Each running worker pool keeps one connection named so; a pool without one has died. */
const ALIVE_PREFIX = 'census-jobs:';
/**
 * A job locked this long by a worker pool whose connection is gone is unlocked for another run. The
 * library itself only does so after 4 hours; a killed process should not hold an import that long.
 */
const DEAD_AFTER_SECONDS = 60;
const RECLAIM_EVERY_MS = 30_000;

/** One job to add. The key makes adding idempotent: a job waiting under the same key is replaced. */
export interface QueuedJob {
  readonly key: string;
  readonly payload: Record<string, unknown>;
  /** Not before (default: now). */
  readonly runAt?: Date;
  /** Lower runs first (default 0); among equals, the earliest `runAt`. */
  readonly priority?: number;
  /** Runs the queue makes when the handler throws, with exponential backoff (default 10). */
  readonly maxAttempts?: number;
}

/**
 * Adds jobs in the caller's transaction, so they exist exactly when the rows that ask for them are
 * committed. Other instances' workers hear of them at once (LISTEN/NOTIFY). A job under a key
 * whose previous job is running right now is added anew; the running one finishes undisturbed.
 */
export async function enqueueJobs(
  em: EntityManager,
  task: string,
  jobs: readonly QueuedJob[],
): Promise<void> {
  if (!jobs.length) return;
  const specs = jobs.map((job) => ({
    payload: job.payload,
    run_at: job.runAt?.toISOString() ?? null,
    max_attempts: job.maxAttempts ?? 10,
    key: job.key,
    priority: job.priority ?? 0,
  }));
  // One call for the lot (the library's add_jobs; add_job is the same for one job).
  await em.execute(
    `select count(*) from ${SCHEMA}.add_jobs(array(
       select (?, s.payload, null::text, coalesce(s.run_at, now()), s.max_attempts, s.key, s.priority, null::text[])::${SCHEMA}.job_spec
       from json_to_recordset(?::json) as s(payload json, run_at timestamptz, max_attempts int, key text, priority int)))`,
    [task, JSON.stringify(specs)],
  );
}

/** Installs or upgrades the queue's schema (idempotent; `npm start` and the test template do it). */
export async function installJobQueue(databaseUrl: string, logger?: Pino): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, schema: SCHEMA, logger: queueLogger(logger) });
}

/** What a handler gets besides its payload. */
export interface JobContext {
  /** Aborted when this process stops its workers: a long job stops and hands its work back. */
  readonly shutdown: AbortSignal;
}

export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

/** A periodic job: added by the queue's cron every `everyMinutes` minutes (counted from each month's start, UTC). */
export interface PeriodicJob {
  readonly task: string;
  readonly everyMinutes: number;
}

/** Control of the workers of one kind of job in this process. */
export interface JobWorker {
  /** Look for due jobs now (a new job needs no kick: its notification wakes the workers). */
  kick(): void;
  /** Stops taking jobs, aborts `shutdown` for the running ones and waits for them to end. */
  stop(): Promise<void>;
  /** Resolves when no job of these tasks is due, nor running here (tests, benchmarks, the CLI). */
  idle(): Promise<void>;
}

export interface JobWorkerOptions {
  readonly name: string;
  readonly orm: MikroORM;
  readonly logger: Pino;
  /** Jobs run at once by this process (0: no worker here). */
  readonly concurrency: number;
  /** How often the workers look for jobs that became due (retries, scheduled runs). */
  readonly pollMs: number;
  readonly tasks: Readonly<Record<string, JobHandler>>;
  readonly periodic?: readonly PeriodicJob[];
}

/**
 * Starts `concurrency` workers for the given tasks. Each job is taken by one worker of one
 * instance (the library locks it with FOR UPDATE SKIP LOCKED); a handler that throws is retried
 * with exponential backoff; a job of a process that died is taken over after DEAD_AFTER_SECONDS.
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  if (options.concurrency < 1)
    return { kick: () => undefined, stop: async () => undefined, idle: async () => undefined };
  const { logger, name } = options;
  const databaseUrl = String(options.orm.config.get('clientUrl'));
  const shutdown = new AbortController();
  const taskNames = Object.keys(options.tasks);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.concurrency + 2 });
  // A connection lost while idle (the database restarted) is logged; the pool opens a new one.
  const onError = (err: Error) => logger.warn({ err, worker: name }, 'job queue connection error');
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const events = new EventEmitter() as WorkerEvents;
  let workerPool: WorkerPool | undefined;
  const alive = keepAliveConnection(databaseUrl, logger, name);
  events.on('pool:create', ({ workerPool: created }) => {
    workerPool = created;
    alive.start(created.id);
  });
  const taskList: Record<string, Task> = {};
  for (const [task, handler] of Object.entries(options.tasks)) {
    taskList[task] = async (payload) => {
      await handler((payload ?? {}) as Record<string, unknown>, { shutdown: shutdown.signal });
    };
  }
  const started: Promise<Runner | undefined> = (async () => {
    await reclaimDeadWorkers(pool, logger).catch(() => undefined);
    return run({
      pgPool: pool,
      schema: SCHEMA,
      concurrency: options.concurrency,
      pollInterval: options.pollMs,
      noHandleSignals: true,
      taskList,
      parsedCronItems: parseCronItems(
        (options.periodic ?? []).map((p) => ({
          task: p.task,
          identifier: p.task,
          match: everyMinutes(p.everyMinutes),
          options: { backfillPeriod: 0, maxAttempts: 1 },
        })),
      ),
      logger: queueLogger(logger, name),
      events,
    });
  })().catch((err: unknown) => {
    logger.error({ err, worker: name }, 'job worker failed to start');
    return undefined;
  });
  const reclaimer = setInterval(
    () => void reclaimDeadWorkers(pool, logger).catch(() => undefined),
    RECLAIM_EVERY_MS,
  );
  reclaimer.unref();
  return {
    kick: () => workerPool?.nudge(options.concurrency),
    stop: async () => {
      shutdown.abort('shutdown');
      clearInterval(reclaimer);
      const runner = await started;
      await runner
        ?.stop()
        .catch((err: unknown) => logger.error({ err, worker: name }, 'job worker stop failed'));
      await alive.stop();
      await pool.end().catch(() => undefined);
    },
    idle: async () => {
      const runner = await started;
      if (!runner) return;
      for (;;) {
        await reclaimDeadWorkers(pool, logger);
        if (!(await hasWork(pool, taskNames, workerPool?.id ?? ''))) return;
        workerPool?.nudge(options.concurrency);
        await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs, 50)));
      }
    },
  };
}

/** A job of these tasks is due and free, or locked by this pool (running or being completed). */
async function hasWork(pool: pg.Pool, tasks: string[], poolId: string): Promise<boolean> {
  const { rows } = await pool.query<{ busy: boolean }>(
    `select exists (select 1 from ${SCHEMA}.jobs where task_identifier = any($1::text[])
       and ((locked_at is null and attempts < max_attempts and run_at <= now()) or locked_by = $2)) as busy`,
    [tasks, poolId],
  );
  return rows[0]!.busy;
}

/**
 * Unlocks the jobs of worker pools that have died (their named connection is gone: PostgreSQL drops
 * it when the process goes), so another worker takes them over.
 */
async function reclaimDeadWorkers(pool: pg.Pool, logger: Pino): Promise<void> {
  const { rows } = await pool.query<{ locked_by: string }>(
    `select distinct locked_by from ${SCHEMA}.jobs
      where locked_by is not null and locked_at < now() - interval '${DEAD_AFTER_SECONDS} seconds'
        and locked_by not in (select substr(application_name, ${ALIVE_PREFIX.length + 1}) from pg_stat_activity
                               where application_name like '${ALIVE_PREFIX}%')`,
  );
  if (!rows.length) return;
  const dead = rows.map((r) => r.locked_by);
  await pool.query(`select ${SCHEMA}.force_unlock_workers($1::text[])`, [dead]);
  logger.warn({ workerPools: dead }, 'jobs of stopped workers unlocked for another run');
}

/** The connection that shows a worker pool is alive; reconnected if the database restarts. */
function keepAliveConnection(databaseUrl: string, logger: Pino, name: string) {
  let client: pg.Client | undefined;
  let stopped = false;
  const connect = (poolId: string) => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, application_name: ALIVE_PREFIX + poolId });
    client = c;
    const retry = () => {
      if (client !== c || stopped) return;
      client = undefined;
      setTimeout(() => connect(poolId), 5000).unref();
    };
    c.on('error', (err) => {
      logger.warn({ err, worker: name }, 'job worker keep-alive connection lost');
      retry();
    });
    c.connect().catch(retry);
  };
  return {
    start: connect,
    stop: async () => {
      stopped = true;
      await client?.end().catch(() => undefined);
    },
  };
}

/** Cron matcher: every `minutes` minutes, counted from the start of the month (UTC). */
function everyMinutes(minutes: number): (digest: TimestampDigest) => boolean {
  return (digest) => isDueEvery(minutes, digest);
}

/** The library's log lines, through the service's logger. */
function queueLogger(logger: Pino | undefined, worker?: string): Logger {
  return new Logger(() => (level, message, meta) => {
    if (!logger) return;
    const method =
      level === 'warning' ? 'warn' : level === 'error' ? 'error' : level === 'info' ? 'info' : 'debug';
    logger[method]({ ...meta, worker }, message);
  });
}
