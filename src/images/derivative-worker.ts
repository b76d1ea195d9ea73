import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ObjectStore } from '../object-store/object-store.js';
import { runDerivativeJob } from './derivative-runner.js';
import { startPollingLoop, type PollingWorker } from '../jobs/polling-loop.js';

/** A running job whose worker stopped sending heartbeats this long ago is taken over (its process died). */
const STALE_AFTER_SECONDS = 120;
const HEARTBEAT_MS = 15_000;
export const MAX_DERIVATIVE_ATTEMPTS = 4;

/** Delay before retry n (1-based): 10 s, 40 s, 160 s … — the store or disk may need time to recover. */
export function retryDelaySeconds(attempt: number): number {
  return 10 * 4 ** (attempt - 1);
}

export type DerivativeWorker = PollingWorker;

/**
 * Background worker for persisted derivative jobs: claims due jobs with FOR UPDATE SKIP LOCKED,
 * takes over jobs whose worker died, retries failures with growing delays and finally marks the
 * image `failed` with the reason. Jobs live in the database, so they survive restarts.
 */
export function startDerivativeWorker(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger },
  pollMs = 2000,
): DerivativeWorker {
  const claim = async (): Promise<{ id: string; attempts: number } | undefined> => {
    const rows = await deps.orm.em.fork().execute<Array<{ id: string; attempts: number }>>(
      `update derivative_job set status = 'running', attempts = attempts + 1, started_at = now(), heartbeat_at = now()
       where id = (select id from derivative_job
                   where (status = 'queued' and run_after <= now())
                      or (status = 'running' and heartbeat_at < now() - interval '${STALE_AFTER_SECONDS} seconds')
                   order by run_after limit 1 for update skip locked)
       returning id, attempts`,
    );
    return rows[0];
  };
  const finish = async (job: { id: string; attempts: number }, error: unknown) => {
    const em = deps.orm.em.fork();
    if (!error) {
      await em.execute(
        `update derivative_job set status = 'done', error_message = null, finished_at = now() where id = ?`,
        [job.id],
      );
      return;
    }
    const message = (error as Error).message ?? String(error);
    if (job.attempts < MAX_DERIVATIVE_ATTEMPTS) {
      await em.execute(
        `update derivative_job set status = 'queued', error_message = ?, run_after = now() + (? * interval '1 second') where id = ?`,
        [message, retryDelaySeconds(job.attempts), job.id],
      );
      await em.execute(
        `update record_image set error = ? where id = (select image_id from derivative_job where id = ?)`,
        [
          `第 ${job.attempts} 次生成衍生图失败，将重试 / Derivatives attempt ${job.attempts} failed, will retry: ${message}`,
          job.id,
        ],
      );
      return;
    }
    await em.execute(
      `update derivative_job set status = 'failed', error_message = ?, finished_at = now() where id = ?`,
      [message, job.id],
    );
    await em.execute(
      `update record_image set status = 'failed', error = ? where id = (select image_id from derivative_job where id = ?)`,
      [`生成衍生图失败 / Building derivatives failed: ${message}`, job.id],
    );
  };
  return startPollingLoop({
    name: 'derivative',
    logger: deps.logger,
    pollMs,
    takeOne: async () => {
      const job = await claim();
      if (!job) return false;
      const beat = setInterval(() => {
        void deps.orm.em
          .fork()
          .execute(`update derivative_job set heartbeat_at = now() where id = ?`, [job.id])
          .catch(() => undefined);
      }, HEARTBEAT_MS);
      let failure: unknown;
      try {
        await runDerivativeJob(deps, job.id);
      } catch (error) {
        failure = error ?? new Error('unknown failure');
        deps.logger.warn({ err: error, jobId: job.id }, 'derivative job failed');
      } finally {
        clearInterval(beat);
      }
      await finish(job, failure);
      return true;
    },
  });
}
