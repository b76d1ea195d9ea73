import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ImportSettings } from '../config/config.js';
import { runImportJob, type ImportRunDeps } from './import-runner.js';
import { startJobWorker, type JobWorker } from '../jobs/job-queue.js';
import { enqueueImport, IMPORT_TASK } from './import-queue.js';
import { ImportStopped, type ImportJobControl } from './import-job-control.js';

const MAX_ATTEMPTS = 3;

/** Bounds used when the caller passes none (as the shipped defaults, README "Configuration"). */
export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 500_000,
  jobTimeoutMs: 3_600_000,
  workers: 2,
};

export type ImportWorker = JobWorker;

/**
 * Marks the job the queue handed over as running and returns it, or undefined when there is
 * nothing to run: it was cancelled, finished or removed meanwhile. A job whose worker died is
 * `running` still and is taken over — unless its cancel was asked (it ends cancelled) or it was
 * tried MAX_ATTEMPTS times already (it fails).
 */
export async function claimImport(
  em: EntityManager,
  jobId: string,
): Promise<{ id: string; kind: string } | undefined> {
  await em.execute(
    `update import_job set status = 'cancelled', error_code = 'IMPORT_CANCELLED', error_message = '导入已被取消 / The import was cancelled', finished_at = now()
     where id = ? and status = 'running' and cancel_requested_at is not null`,
    [jobId],
  );
  await em.execute(
    `update import_job set status = 'failed', error_code = 'TOO_MANY_ATTEMPTS', error_message = '导入多次中断，已放弃 / The import was interrupted too often and was given up', finished_at = now()
     where id = ? and status = 'running' and attempts >= ${MAX_ATTEMPTS}`,
    [jobId],
  );
  const rows = await em.execute<Array<{ id: string; kind: string }>>(
    `update import_job set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), heartbeat_at = now()
     where id = ? and status in ('queued', 'running') returning id, kind`,
    [jobId],
  );
  return rows[0];
}

/**
 * Runs one claimed job to its end, as a worker does: with a deadline (settings.jobTimeoutMs), a
 * heartbeat every `pollMs` that also brings a cancel request back (even while a slow read holds up
 * the batches), and `shutdown`, which stops the job at its next row and puts it back in the queue.
 */
export async function runClaimedImport(
  deps: ImportRunDeps,
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
    await runImportJob(deps, jobId, control);
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
 * Background worker for import jobs, run by the job queue: `settings.workers` imports at once in
 * this process, each claimed (claimImport) and run with runClaimedImport. `stop` (shutdown) stops
 * the running imports at their next row and puts them back in the queue for another run.
 */
export function startImportWorker(
  deps: ImportRunDeps,
  pollMs = 2000,
  settings: ImportSettings = DEFAULT_IMPORT_SETTINGS,
): ImportWorker {
  return startJobWorker({
    name: 'imports',
    orm: deps.orm,
    logger: deps.logger,
    concurrency: settings.workers,
    pollMs,
    tasks: {
      [IMPORT_TASK]: async (payload, { shutdown }) => {
        const claimed = await claimImport(deps.orm.em.fork(), String(payload['jobId']));
        if (claimed) await runClaimedImport(deps, claimed, settings, pollMs, shutdown);
      },
    },
  });
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
  await orm.em.fork().transactional(async (em) => {
    const released = await em.execute<unknown[]>(
      `update import_job set status = 'queued', attempts = greatest(attempts - 1, 0), heartbeat_at = null where id = ? and status = 'running' returning id`,
      [jobId],
    );
    if (released.length) await enqueueImport(em, jobId);
  });
}

/**
 * After an unexpected error (the database or object store went away mid-import) the job is queued
 * again at once rather than waiting to look stale; after the last attempt it fails with the cause.
 */
async function requeueOrGiveUp(orm: MikroORM, jobId: string, error: unknown): Promise<void> {
  const cause = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
  await orm.em.fork().transactional(async (em) => {
    const rows = await em.execute<Array<{ status: string }>>(
      `update import_job set
       status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end,
       error_code = case when attempts >= ${MAX_ATTEMPTS} then 'TOO_MANY_ATTEMPTS' else null end,
       error_message = case when attempts >= ${MAX_ATTEMPTS} then ? else null end,
       finished_at = case when attempts >= ${MAX_ATTEMPTS} then now() else null end
     where id = ? and status = 'running' returning status`,
      [
        `导入失败，已重试 ${MAX_ATTEMPTS} 次 / The import failed after ${MAX_ATTEMPTS} attempts: ${cause}`,
        jobId,
      ],
    );
    if (rows[0]?.status === 'queued') await enqueueImport(em, jobId);
  });
}
