import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ObjectStore } from '../../object-store/object-store.js';
import { runImportJob } from './import-runner.js';
import { runAssessmentImportJob } from '../../condition/assessment-import-runner.js';
import { startPollingLoop, type PollingWorker } from '../../jobs/polling-loop.js';

/** A job whose worker stopped sending heartbeats this long ago is taken over (its process died). */
const STALE_AFTER_SECONDS = 120;
const MAX_ATTEMPTS = 3;

export type ImportWorker = PollingWorker;

/**
 * Background worker for persisted import jobs: claims queued jobs with FOR UPDATE SKIP LOCKED (so
 * several service instances can share the queue), takes over jobs whose worker died, and gives up
 * after three attempts. Jobs survive restarts because they live in the database.
 */
export function startImportWorker(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger; eraYearMargin?: number },
  pollMs = 2000,
): ImportWorker {
  const claim = async (): Promise<{ id: string; kind: string } | undefined> => {
    const em = deps.orm.em.fork();
    await em.execute(
      `update import_job set status = 'failed', error_code = 'TOO_MANY_ATTEMPTS', error_message = '导入多次中断，已放弃 / The import was interrupted too often and was given up', finished_at = now()
       where status = 'running' and heartbeat_at < now() - interval '${STALE_AFTER_SECONDS} seconds' and attempts >= ${MAX_ATTEMPTS}`,
    );
    const rows = await em.execute<Array<{ id: string; kind: string }>>(
      `update import_job set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), heartbeat_at = now()
       where id = (select id from import_job
                   where status = 'queued' or (status = 'running' and heartbeat_at < now() - interval '${STALE_AFTER_SECONDS} seconds')
                   order by created_at limit 1 for update skip locked)
       returning id, kind`,
    );
    return rows[0];
  };
  return startPollingLoop({
    name: 'import',
    logger: deps.logger,
    pollMs,
    takeOne: async () => {
      const claimed = await claim();
      if (!claimed) return false;
      const jobId = claimed.id;
      try {
        deps.logger.info({ jobId }, 'import started');
        if (claimed.kind === 'assessments') await runAssessmentImportJob(deps, jobId);
        else await runImportJob(deps, jobId);
        deps.logger.info({ jobId }, 'import finished');
      } catch (error) {
        deps.logger.error({ err: error, jobId }, 'import worker error');
        await requeueOrGiveUp(deps.orm, jobId, error).catch(() => undefined);
      }
      return true;
    },
  });
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
