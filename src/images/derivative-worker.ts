import type { MikroORM } from '@mikro-orm/postgresql';
import { runDerivativeJob, type DerivativeDeps } from './derivative-runner.js';
import { enqueueJobs, startJobWorker, type JobWorker } from '../jobs/job-queue.js';
import { DERIVATIVES_TASK, derivativeJobKey } from './derivative-queue.js';

const HEARTBEAT_MS = 15_000;
export const MAX_DERIVATIVE_ATTEMPTS = 4;

/** Delay before retry n (1-based): 10 s, 40 s, 160 s … — the store or disk may need time to recover. */
export function retryDelaySeconds(attempt: number): number {
  return 10 * 4 ** (attempt - 1);
}

export type DerivativeWorker = JobWorker;

/**
 * Background worker for derivative jobs, run by the job queue (one at a time per process: the
 * image work is already parallel inside). The derivative_job row keeps what the pages show:
 * status, attempts, the next try and the last failure. A failed attempt is tried again after a
 * growing delay (retryDelaySeconds) and, after MAX_DERIVATIVE_ATTEMPTS, the image is marked
 * `failed` with the reason. Jobs live in the database, so they survive restarts.
 */
export function startDerivativeWorker(deps: DerivativeDeps, pollMs = 2000): DerivativeWorker {
  return startJobWorker({
    name: 'derivatives',
    orm: deps.orm,
    logger: deps.logger,
    concurrency: 1,
    pollMs,
    tasks: { [DERIVATIVES_TASK]: (payload) => runQueuedDerivatives(deps, String(payload['jobId'])) },
  });
}

async function runQueuedDerivatives(deps: DerivativeDeps, jobId: string): Promise<void> {
  // A job of a dead worker is `running` still: it is taken over. A finished one is not run again.
  const [job] = await deps.orm.em.fork().execute<Array<{ id: string; attempts: number }>>(
    `update derivative_job set status = 'running', attempts = attempts + 1, started_at = now(), heartbeat_at = now()
     where id = ? and status in ('queued', 'running') returning id, attempts`,
    [jobId],
  );
  if (!job) return;
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
  await finish(deps.orm, job, failure);
}

/** Records the outcome; a failure before the last attempt is queued again after its delay. */
async function finish(orm: MikroORM, job: { id: string; attempts: number }, error: unknown): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    if (!error) {
      await em.execute(
        `update derivative_job set status = 'done', error_message = null, finished_at = now() where id = ?`,
        [job.id],
      );
      return;
    }
    const message = (error as Error).message ?? String(error);
    if (job.attempts < MAX_DERIVATIVE_ATTEMPTS) {
      const [queued] = await em.execute<Array<{ run_after: Date | string }>>(
        `update derivative_job set status = 'queued', error_message = ?, run_after = now() + (? * interval '1 second') where id = ? returning run_after`,
        [message, retryDelaySeconds(job.attempts), job.id],
      );
      await em.execute(
        `update record_image set error = ? where id = (select image_id from derivative_job where id = ?)`,
        [
          `第 ${job.attempts} 次生成衍生图失败，将重试 / Derivatives attempt ${job.attempts} failed, will retry: ${message}`,
          job.id,
        ],
      );
      await enqueueJobs(em, DERIVATIVES_TASK, [
        { key: derivativeJobKey(job.id), payload: { jobId: job.id }, runAt: new Date(queued!.run_after) },
      ]);
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
  });
}
