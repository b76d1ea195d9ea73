import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { DriverException } from '@mikro-orm/core';
import { ImportJobSchema, ImportRowErrorSchema } from '../census/import/import-job.entity.js';
import { ImportJobLog, readImportRows, type RowProblem } from '../census/import/import-job-log.js';
import {
  checkRowCount,
  ImportStopped,
  stoppedFailure,
  throwIfStopped,
  unboundedControl,
  type ImportJobControl,
} from '../census/import/import-job-control.js';
import {
  checkAssessmentRow,
  groupKeyOf,
  mapAssessmentHeader,
  type AssessmentHeader,
  type AssessmentRow,
} from './assessment-import-row.rules.js';
import { draftAssessment, type AssessmentDraft } from './assessment-import-group.rules.js';
import {
  storeAssessmentDrafts,
  type AssessmentImportContext,
  type StoreOutcome,
} from './assessment-import-store.service.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ObjectStore } from '../object-store/object-store.js';

/** Assessments per transaction. */
const BATCH_DRAFTS = 200;

/** total, processed and failed count rows; created and unchanged count assessments. */
interface Counters {
  total: number;
  processed: number;
  created: number;
  unchanged: number;
  failed: number;
}
class RollbackAtomicImport extends Error {}

/**
 * Runs one claimed assessment import: streams the file, checks each row, gathers consecutive rows of
 * the same assessment, stores the assessments in batches (idempotent by key) and reports every bad row.
 * `skip` keeps the good assessments; `atomic` stores nothing unless every row is good. `bounds`
 * stops it early and bounds its rows, as for record imports.
 */
export async function runAssessmentImportJob(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger },
  jobId: string,
  bounds: ImportJobControl = unboundedControl(),
): Promise<void> {
  const control = deps.orm.em.fork();
  const job = await control.findOneOrFail(ImportJobSchema, { id: jobId });
  await control.nativeDelete(ImportRowErrorSchema, { job: job.id });
  const counters: Counters = { total: 0, processed: 0, created: 0, unchanged: 0, failed: 0 };
  const log = new ImportJobLog(control, job.id);
  const report = () => log.report(counters);
  // The uploader was authorised when the job was queued; audit entries carry their id and e-mail.
  const actor = job.createdBy
    ? ({
        userId: job.createdBy,
        email: job.createdByEmail ?? '',
        displayName: job.createdByEmail ?? '',
      } as Actor)
    : null;
  const ctx: AssessmentImportContext = {
    jobId: job.id,
    institutionId: job.institution.id,
    scope: { actor, requestId: `import-${job.id}` },
  };

  const process = async (em: EntityManager) => {
    let header: AssessmentHeader | null = null;
    let group: AssessmentRow[] = [];
    // Rows of the current group already reported (cell errors of an otherwise readable row).
    const badRows = new Set<number>();
    let drafts: AssessmentDraft[] = [];
    const store = async () => {
      throwIfStopped(bounds);
      const outcome = await storeOrOneByOne(em, ctx, drafts);
      counters.created += outcome.created;
      counters.unchanged += outcome.unchanged;
      const rowsOf = new Map(drafts.map((d) => [d.rows[0]!, d.rows.length]));
      counters.failed += outcome.rejected.reduce((n, r) => n + (rowsOf.get(r.row) ?? 1), 0);
      log.pending.push(...outcome.rejected);
      counters.processed += drafts.reduce((n, d) => n + d.rows.length, 0);
      drafts = [];
      await report();
    };
    const closeGroup = async () => {
      if (!group.length) return;
      const drafted = badRows.size ? null : draftAssessment(group);
      if (drafted && 'draft' in drafted) drafts.push(drafted.draft);
      else {
        // A bad row spoils its whole assessment: the other rows are reported so nothing goes missing silently.
        const failedRows = new Set([...badRows, ...(drafted?.problems.map((p) => p.row) ?? [])]);
        log.pending.push(...(drafted?.problems ?? []));
        for (const r of group) if (!failedRows.has(r.rowNumber)) log.pending.push(incomplete(r));
        counters.failed += group.length;
        counters.processed += group.length;
      }
      group = [];
      badRows.clear();
      if (drafts.length >= BATCH_DRAFTS) await store();
    };
    const source = await deps.objectStore.get(job.objectKey);
    const closeSource = () => source.destroy();
    bounds.signal.addEventListener('abort', closeSource);
    try {
      for await (const row of readImportRows(job.format, source, log)) {
        throwIfStopped(bounds);
        if (!header) {
          const mapped = mapAssessmentHeader(row.cells);
          if ('errors' in mapped) {
            log.pending.push(...mapped.errors.map((detail) => ({ row: row.rowNumber, detail })));
            throw new AppError(
              400,
              'BAD_HEADER',
              '表头不符合评估导入模板：' + mapped.errors.map((e) => e.messageZh).join('；'),
              'The header row does not match the assessment template: ' +
                mapped.errors.map((e) => e.messageEn).join('; '),
            );
          }
          header = mapped.header;
          continue;
        }
        counters.total += 1;
        checkRowCount(bounds, counters.total);
        const checked = checkAssessmentRow(header, row.rowNumber, row.cells);
        const errors = [...row.cellErrors, ...('errors' in checked ? checked.errors : [])];
        const valid = 'row' in checked ? checked.row : null;
        if (valid && group.length && groupKeyOf(group[0]!) !== groupKeyOf(valid)) await closeGroup();
        log.pending.push(...errors.map((detail) => ({ row: row.rowNumber, detail })));
        if (!valid) {
          // An unreadable row closes the assessment before it (its key is unknown) and counts alone.
          await closeGroup();
          counters.failed += 1;
          counters.processed += 1;
        } else {
          group.push(valid);
          if (errors.length) badRows.add(valid.rowNumber);
        }
        if (log.pending.length >= 500) await report();
      }
    } catch (error) {
      throwIfStopped(bounds);
      throw error;
    } finally {
      bounds.signal.removeEventListener('abort', closeSource);
      closeSource();
    }
    if (!header)
      throw new AppError(400, 'EMPTY_FILE', '文件中没有表头和数据', 'The file has no header and no rows');
    await closeGroup();
    await store();
    if (job.mode === 'atomic' && counters.failed > 0) throw new RollbackAtomicImport();
  };

  try {
    if (job.mode === 'atomic') await deps.orm.em.fork().transactional(process);
    else await process(deps.orm.em.fork());
    await log.finish(counters, null);
  } catch (error) {
    if (error instanceof RollbackAtomicImport) {
      await log.finish({ ...counters, created: 0 }, null);
    } else if (error instanceof ImportStopped && error.reason !== 'shutdown') {
      if (job.mode === 'atomic') counters.created = 0;
      await log.finish(
        counters,
        stoppedFailure(error.reason),
        error.reason === 'cancelled' ? 'cancelled' : 'failed',
      );
    } else if (error instanceof AppError) {
      if (job.mode === 'atomic') counters.created = 0;
      await log.finish(counters, {
        code: error.code,
        message: `${error.messageZh} / ${error.messageEn}`,
      });
    } else {
      if (!(error instanceof ImportStopped))
        deps.logger.error({ err: error, jobId }, 'assessment import failed');
      throw error;
    }
  }
}

function incomplete(r: AssessmentRow): RowProblem {
  return {
    row: r.rowNumber,
    detail: {
      path: 'row',
      value: r.callNumber,
      rule: 'assessment_has_bad_rows',
      messageZh: `同一次评估（索书号 ${r.callNumber}）的其他行有错误，此行未导入`,
      messageEn: `another row of the same assessment (call number ${r.callNumber}) is bad, so this row was not imported`,
    },
  };
}

/** One transaction per batch (a savepoint in an atomic import); a refused batch is retried draft by draft. */
async function storeOrOneByOne(
  em: EntityManager,
  ctx: AssessmentImportContext,
  drafts: readonly AssessmentDraft[],
): Promise<StoreOutcome> {
  try {
    return await em.transactional((tem) => storeAssessmentDrafts(tem, ctx, drafts));
  } catch (error) {
    if (!(error instanceof DriverException) || drafts.length <= 1) throw error;
  }
  const total: StoreOutcome = { created: 0, unchanged: 0, rejected: [] };
  for (const draft of drafts) {
    try {
      const one = await em.transactional((tem) => storeAssessmentDrafts(tem, ctx, [draft]));
      total.created += one.created;
      total.unchanged += one.unchanged;
      total.rejected.push(...one.rejected);
    } catch (error) {
      if (!(error instanceof DriverException)) throw error;
      const { constraint } = error as DriverException & { constraint?: string };
      total.rejected.push({
        row: draft.rows[0]!,
        detail: {
          path: 'row',
          value: draft.callNumber,
          rule: 'database_constraint',
          messageZh: `数据库拒绝保存此评估（${constraint ?? error.name}）`,
          messageEn: `The database refused this assessment (${constraint ?? error.name})`,
        },
      });
    }
  }
  return total;
}
