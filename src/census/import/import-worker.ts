import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ObjectStore } from '../../object-store/object-store.js';
import type { ImportSettings } from '../../config/config.js';
import { runImportJob } from './import-runner.js';
import { runAssessmentImportJob } from '../../condition/assessment-import-runner.js';
import { startPollingLoop, type PollingWorker } from '../../jobs/polling-loop.js';
import { ImportStopped, type ImportJobControl } from './import-job-control.js';

/** A job whose worker stopped sending heartbeats this long ago is taken over (its process died). */
const STALE_AFTER_SECONDS = 120;
const MAX_ATTEMPTS = 3;

/** Bounds used when the caller passes none (as the shipped defaults, README "Configuration"). */
export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 500_000,
  jobTimeoutMs: 3_600_000,
  workers: 2,
};

export type ImportWorker = PollingWorker;

/**
 * Claims the next import job, fairly: among queued jobs (and running ones whose worker died), the
 * oldest job of the institution with the fewest jobs running now comes first, so one institution's
 * long import never holds back another's. FOR UPDATE SKIP LOCKED lets several workers and service
 * instances share the queue. Jobs whose cancel was asked while their worker died end as cancelled.
 */
export async function claimNextImport(em: EntityManager): Promise<{ id: string; kind: string } | undefined> {
  const stale = `now() - interval '${STALE_AFTER_SECONDS} seconds'`;
  await em.execute(
    `update import_job set status = 'cancelled', error_code = 'IMPORT_CANCELLED', error_message = '导入已被取消 / The import was cancelled', finished_at = now()
     where status = 'running' and heartbeat_at < ${stale} and cancel_requested_at is not null`,
  );
  await em.execute(
    `update import_job set status = 'failed', error_code = 'TOO_MANY_ATTEMPTS', error_message = '导入多次中断，已放弃 / The import was interrupted too often and was given up', finished_at = now()
     where status = 'running' and heartbeat_at < ${stale} and attempts >= ${MAX_ATTEMPTS}`,
  );
  const rows = await em.execute<Array<{ id: string; kind: string }>>(
    `update import_job set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), heartbeat_at = now()
     where id = (select j.id from import_job j
                 where j.status = 'queued' or (j.status = 'running' and j.heartbeat_at < ${stale})
                 order by (select count(*) from import_job r
                            where r.institution_id = j.institution_id and r.status = 'running'
                              and r.heartbeat_at >= ${stale}),
                          j.created_at
                 limit 1 for update of j skip locked)
     returning id, kind`,
  );
  return rows[0];
}

/**
 * Runs one claimed job to its end, as a worker does: with a deadline (settings.jobTimeoutMs), a
 * heartbeat every `pollMs` that also brings a cancel request back (even while a slow read holds up
 * the batches), and `shutdown`, which stops the job at its next row and puts it back in the queue.
 */
export async function runClaimedImport(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger },
  claimed: { id: string; kind: string },
  settings: ImportSettings,
  pollMs: number,
  shutdown: AbortSignal,
): Promise<void> {
  const jobId = claimed.id;
  const stop = new AbortController();
  const onShutdown = () => stop.abort('shutdown');
  if (shutdown.aborted) onShutdown();
  shutdown.addEventListener('abort', onShutdown);
  const deadline = setTimeout(() => stop.abort('deadline'), settings.jobTimeoutMs);
  const heartbeat = setInterval(() => {
    void beat(deps.orm, jobId)
      .then((cancelled) => cancelled && stop.abort('cancelled'))
      .catch(() => undefined);
  }, pollMs);
  const control: ImportJobControl = { signal: stop.signal, maxRows: settings.maxRows };
  try {
    deps.logger.info({ jobId }, 'import started');
    if (await beat(deps.orm, jobId)) stop.abort('cancelled');
    if (claimed.kind === 'assessments') await runAssessmentImportJob(deps, jobId, control);
    else await runImportJob(deps, jobId, control);
    deps.logger.info({ jobId }, 'import finished');
  } catch (error) {
    if (error instanceof ImportStopped && error.reason === 'shutdown') {
      deps.logger.info({ jobId }, 'import released for another run (shutdown)');
      await release(deps.orm, jobId).catch(() => undefined);
    } else {
      deps.logger.error({ err: error, jobId }, 'import worker error');
      await requeueOrGiveUp(deps.orm, jobId, error).catch(() => undefined);
    }
  } finally {
    clearTimeout(deadline);
    clearInterval(heartbeat);
    shutdown.removeEventListener('abort', onShutdown);
  }
}

/**
 * Background worker for persisted import jobs: `settings.workers` loops in this process claim jobs
 * (claimNextImport), take over jobs whose worker died, give up after three attempts, and run each
 * with runClaimedImport. `stop` (shutdown) stops the running jobs at their next row and puts them
 * back in the queue for another run.
 */
export function startImportWorker(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger; eraYearMargin?: number },
  pollMs = 2000,
  settings: ImportSettings = DEFAULT_IMPORT_SETTINGS,
): ImportWorker {
  const shutdown = new AbortController();
  const loops = Array.from({ length: settings.workers }, (_, i) =>
    startPollingLoop({
      name: `import#${i + 1}`,
      logger: deps.logger,
      pollMs,
      takeOne: async () => {
        if (shutdown.signal.aborted) return false;
        const claimed = await claimNextImport(deps.orm.em.fork());
        if (!claimed) return false;
        await runClaimedImport(deps, claimed, settings, pollMs, shutdown.signal);
        return true;
      },
    }),
  );
  return {
    kick: () => loops.forEach((loop) => loop.kick()),
    stop: async () => {
      shutdown.abort('shutdown');
      await Promise.all(loops.map((loop) => loop.stop()));
    },
    idle: async () => {
      await Promise.all(loops.map((loop) => loop.idle()));
    },
  };
}

/** Refreshes a running job's heartbeat; says whether its cancel was asked. */
async function beat(orm: MikroORM, jobId: string): Promise<boolean> {
  const rows = await orm.em
    .fork()
    .execute<Array<{ cancel_requested_at: Date | null }>>(
      `update import_job set heartbeat_at = now() where id = ? and status = 'running' returning cancel_requested_at`,
      [jobId],
    );
  return rows[0]?.cancel_requested_at != null;
}

/** Puts a job stopped by a shutdown back in the queue; the interrupted run does not count as an attempt. */
async function release(orm: MikroORM, jobId: string): Promise<void> {
  await orm.em
    .fork()
    .execute(
      `update import_job set status = 'queued', attempts = greatest(attempts - 1, 0), heartbeat_at = null where id = ? and status = 'running'`,
      [jobId],
    );
}

/**
 * After an unexpected error (the database or object store went away mid-import) the job is queued
 * again at once rather than waiting to look stale; after the last attempt it fails with the cause.
 */
async function requeueOrGiveUp(orm: MikroORM, jobId: string, error: unknown): Promise<void> {
  const cause = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
  await orm.em.fork().execute(
    `update import_job set
       status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end,
       error_code = case when attempts >= ${MAX_ATTEMPTS} then 'TOO_MANY_ATTEMPTS' else null end,
       error_message = case when attempts >= ${MAX_ATTEMPTS} then ? else null end,
       finished_at = case when attempts >= ${MAX_ATTEMPTS} then now() else null end
     where id = ? and status = 'running'`,
    [
      `导入失败，已重试 ${MAX_ATTEMPTS} 次 / The import failed after ${MAX_ATTEMPTS} attempts: ${cause}`,
      jobId,
    ],
  );
}
