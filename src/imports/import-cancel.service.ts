import { ImportJobSchema } from './import-job.entity.js';
import { loadVisibleJob, presentImportJob } from './import.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import type { ImportKinds } from './import-kind.js';

/**
 * Cancels an import, authorised like starting one. A queued job is cancelled at once; a running
 * job is asked to stop, and its worker stops it at the next row (a skip import keeps the batches
 * already stored, each whole; an atomic import keeps nothing). A finished job cannot be cancelled.
 */
export async function cancelImport(scope: Context, kinds: ImportKinds, id: string) {
  const job = await loadVisibleJob(scope, kinds, id);
  return scope.em.transactional(async (em) => {
    const now = new Date();
    // Conditional updates: the worker may claim or finish the job at the same moment.
    const dequeued = await em.nativeUpdate(
      ImportJobSchema,
      { id, status: 'queued' },
      {
        status: 'cancelled',
        cancelRequestedAt: now,
        errorCode: 'IMPORT_CANCELLED',
        errorMessage: '导入已被取消 / The import was cancelled',
        finishedAt: now,
      },
    );
    const asked =
      dequeued ||
      (await em.nativeUpdate(
        ImportJobSchema,
        { id, status: 'running', cancelRequestedAt: null },
        { cancelRequestedAt: now },
      ));
    const current = () =>
      em.findOneOrFail(ImportJobSchema, { id }, { populate: ['institution'], refresh: true });
    if (!asked) {
      const found = await current();
      if (found.status === 'running') return presentImportJob(kinds, found); // asked before: nothing more to do
      throw AppError.conflict(
        'IMPORT_FINISHED',
        `导入任务已结束（${found.status}），不能取消`,
        `The import has already ended (${found.status}) and cannot be cancelled`,
        [
          {
            path: 'status',
            value: found.status,
            rule: 'queued_or_running',
            messageZh: '只能取消排队中或运行中的导入',
            messageEn: 'only a queued or running import can be cancelled',
          },
        ],
      );
    }
    recordAudit(em, scope, {
      action: 'import.cancel',
      entityType: 'import_job',
      entityId: id,
      before: { status: job.status },
      after: { status: dequeued ? 'cancelled' : 'running', cancelRequested: true },
      provinceCode: job.institution.province.code,
      institutionId: job.institution.id,
    });
    await em.flush();
    return presentImportJob(kinds, await current());
  });
}
