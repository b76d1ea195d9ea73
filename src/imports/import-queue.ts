// How spreadsheet imports are handed to the job queue; the worker (import-worker.ts) runs them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJobs } from '../jobs/job-queue.js';

export const IMPORT_TASK = 'spreadsheet-import';
/** One queue job per import_job row: adding it again (a release or retry) replaces the waiting one. */
export const importJobKey = (jobId: string) => `import:${jobId}`;

/**
 * Hands a queued import job (flushed in the caller's transaction) to the job queue. Fairly: its
 * priority is the number of its institution's imports queued or running before it, so the queue
 * takes the first job of every institution before anyone's second, and one institution's long
 * import never holds back another's.
 */
export async function enqueueImport(em: EntityManager, jobId: string): Promise<void> {
  const [row] = await em.execute<Array<{ ahead: number }>>(
    `select count(*)::int as ahead from import_job o
      where o.institution_id = (select institution_id from import_job where id = ?)
        and o.id <> ? and o.status in ('queued', 'running') and o.created_at <= (select created_at from import_job where id = ?)`,
    [jobId, jobId, jobId],
  );
  await enqueueJobs(em, IMPORT_TASK, [
    { key: importJobKey(jobId), payload: { jobId }, priority: Math.min(row?.ahead ?? 0, 1000) },
  ]);
}
