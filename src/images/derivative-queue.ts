// How image work is handed to the job queue; the worker (derivative-worker.ts) runs it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJobs } from '../jobs/job-queue.js';

export const DERIVATIVES_TASK = 'image-derivatives';

/** One queue job per derivative_job row: adding it again (a retry) replaces the waiting one. */
export const derivativeJobKey = (jobId: string) => `derivatives:${jobId}`;

/**
 * Hands the queued derivative jobs of these images to the job queue, in the caller's transaction
 * (after its flush): the work exists exactly when the image rows do.
 */
export async function queueDerivatives(em: EntityManager, imageIds: readonly string[]): Promise<void> {
  if (!imageIds.length) return;
  const rows = await em.execute<Array<{ id: string }>>(
    `select id from derivative_job where image_id in (${imageIds.map(() => '?').join(', ')}) and status = 'queued'`,
    [...imageIds],
  );
  await enqueueJobs(
    em,
    DERIVATIVES_TASK,
    rows.map((r) => ({ key: derivativeJobKey(r.id), payload: { jobId: r.id } })),
  );
}
