import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ImportJobSchema, ImportRowErrorSchema } from './import-job.entity.js';
import { DriverException } from '@mikro-orm/core';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import {
  applyImportBatch,
  type BatchContext,
  type BatchOutcome,
  type ValidRow,
} from './import-batch.service.js';
import { ImportRowChecker } from './import-row-checker.js';
import { SerialLane } from './serial-lane.js';
import { ImportJobLog, readImportRows } from './import-job-log.js';
import {
  checkRowCount,
  ImportStopped,
  stoppedFailure,
  throwIfStopped,
  unboundedControl,
  type ImportJobControl,
} from './import-job-control.js';
import { loadCodeLists } from '../code-list.service.js';
import { InstitutionSchema } from '../../institutions/institution.entity.js';
import { AuditEntrySchema } from '../../audit/audit-entry.entity.js';
import { AppError, type ErrorDetail } from '../../kernel/app-error.js';
import { STATUS_ZH } from '../../domain/record-workflow.rules.js';
import type { RecordStatus } from '../../domain/record.types.js';
import type { ObjectStore } from '../../object-store/object-store.js';

const BATCH_ROWS = 500;
/** How many rows are checked between two turns of the event loop (see the loop below). */
const ROWS_BETWEEN_IO_PAUSES = 20;

interface Counters {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  conflicts: number;
}

/** Raised inside an atomic import to roll everything back once any row failed. */
class RollbackAtomicImport extends Error {}

/**
 * Runs one claimed import job to the end: streams the file from the object store, checks each row,
 * stores valid rows in batches and reports every bad row with its row number. `skip` keeps the good
 * rows; `atomic` stores nothing unless every row is good. `bounds` stops it early (cancel,
 * deadline, shutdown: ImportStopped) and bounds its rows; a batch is stored whole or not at all.
 */
export async function runImportJob(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger; eraYearMargin?: number },
  jobId: string,
  bounds: ImportJobControl = unboundedControl(),
): Promise<void> {
  const control = deps.orm.em.fork();
  const job = await control.findOneOrFail(ImportJobSchema, { id: jobId }, { populate: ['institution'] });
  const institution = await control.findOneOrFail(InstitutionSchema, { id: job.institution.id });
  await control.nativeDelete(ImportRowErrorSchema, { job: job.id });
  const counters: Counters = {
    total: 0,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    conflicts: 0,
  };
  const log = new ImportJobLog(control, job.id);
  const report = () => log.report(counters);
  const ctx: BatchContext = {
    institution: { id: institution.id, code: institution.code, provinceCode: institution.province.code },
    actor: { id: job.createdBy ?? null, email: job.createdByEmail ?? null },
    reason: `spreadsheet import ${job.id} (${job.fileName})`,
  };

  const process = async (em: EntityManager) => {
    const checker = new ImportRowChecker(institution.id, await loadCodeLists(em), new Date(), {
      eraYearMargin: deps.eraYearMargin,
    });
    let batch: ValidRow[] = [];
    let first = true;
    // One transaction per batch (a savepoint inside an atomic import): records, versions, serials and audit together.
    const storeBatch = (rows: readonly ValidRow[]) =>
      em.transactional(async (tem) => {
        const result = await applyImportBatch(
          tem,
          { ...ctx, revalidate: (input, previous) => checker.revalidate(input, previous) },
          rows,
        );
        if (result.created.length || result.updated.length) {
          tem.create(AuditEntrySchema, {
            at: new Date(),
            actorId: ctx.actor.id,
            actorEmail: ctx.actor.email,
            action: 'record.import_batch',
            entityType: 'import_job',
            entityId: job.id,
            after: { created: result.created, updated: result.updated },
            scopeProvinceCode: ctx.institution.provinceCode,
            scopeInstitutionId: ctx.institution.id,
          });
        }
        return result;
      });
    const applyBatch = async (rows: readonly ValidRow[]) => {
      throwIfStopped(bounds);
      const outcome = await storeBatchOrRowByRow(storeBatch, rows);
      counters.created += outcome.created.length;
      counters.updated += outcome.updated.length;
      counters.unchanged += outcome.unchanged;
      counters.conflicts += outcome.conflicts.length;
      for (const c of outcome.conflicts) {
        const status = STATUS_ZH[c.status as RecordStatus] ?? c.status;
        log.pending.push({
          row: c.rowNumber,
          kind: 'conflict',
          column: checker.columnOf('callNumber'),
          detail: {
            path: 'callNumber',
            value: c.callNumber,
            rule: 'record_not_editable',
            messageZh: `索书号 ${c.callNumber} 对应的记录 ${c.censusNumber} 状态为“${status}”，只有草稿和已退回的记录可由导入修改，本行未导入`,
            messageEn: `Record ${c.censusNumber} (call number ${c.callNumber}) is ${c.status.replace('_', ' ')}; an import only changes drafts and returned records, so this row was not imported`,
          },
        });
      }
      counters.failed += new Set(outcome.rejected.map((r) => r.rowNumber)).size;
      for (const r of outcome.rejected)
        log.pending.push({
          row: r.rowNumber,
          kind: 'error',
          column: checker.columnOf(r.detail.path),
          detail: r.detail,
        });
      counters.processed += rows.length;
      await report();
    };
    // Stores batch N while batch N+1 is read and checked.
    const lane = new SerialLane();
    const source = await deps.objectStore.get(job.objectKey);
    // A failure mid-file must not leave the download (and its connection) open; a stop signal
    // also ends a read that is waiting for the object store.
    const closeSource = () => source.destroy();
    bounds.signal.addEventListener('abort', closeSource);
    try {
      for await (const row of readImportRows(job.format, source, log)) {
        throwIfStopped(bounds);
        if (first) {
          first = false;
          const headerErrors = checker.header(row);
          if (headerErrors.length) {
            log.pending.push(
              ...headerErrors.map((detail) => ({ row: row.rowNumber, kind: 'error' as const, detail })),
            );
            throw new AppError(
              400,
              'BAD_HEADER',
              '表头不符合模板：' + headerErrors.map((e) => e.messageZh).join('；'),
              'The header row does not match the template: ' +
                headerErrors.map((e) => e.messageEn).join('; '),
            );
          }
          continue;
        }
        counters.total += 1;
        checkRowCount(bounds, counters.total);
        // Rows parsed from one chunk of the file arrive as microtasks, which run before any I/O
        // callback: without a pause the database's answers to the batch being stored would wait
        // until the whole chunk was checked, and storing and checking would take turns instead
        // of overlapping.
        if (counters.total % ROWS_BETWEEN_IO_PAUSES === 0) await yieldToIo();
        const checked = checker.check(row);
        const problems = (kind: 'error' | 'warning', details: readonly ErrorDetail[]) =>
          details.map((detail) => ({
            row: row.rowNumber,
            kind,
            column: checker.columnOf(detail.path),
            detail,
          }));
        log.pending.push(...problems('warning', checked.warnings));
        if ('errors' in checked) {
          counters.failed += 1;
          counters.processed += 1;
          log.pending.push(...problems('error', checked.errors));
        } else {
          batch.push(checked.valid);
        }
        if (batch.length >= BATCH_ROWS) {
          const rows = batch;
          batch = [];
          await lane.run(() => applyBatch(rows));
        } else if (log.pending.length >= BATCH_ROWS) await lane.run(report);
      }
    } catch (error) {
      // A read cut short by the stop signal fails with a stream error: report the stop instead.
      throwIfStopped(bounds);
      throw error;
    } finally {
      bounds.signal.removeEventListener('abort', closeSource);
      closeSource();
      // Even when reading failed, the batch being stored finishes (and is counted) before the job
      // is finished; its own failure comes first, as it would have had it been awaited in line.
      await lane.drain();
    }
    if (first)
      throw new AppError(400, 'EMPTY_FILE', '文件中没有表头和数据', 'The file has no header and no rows');
    await applyBatch(batch);
    if (job.mode === 'atomic' && (counters.failed > 0 || counters.conflicts > 0))
      throw new RollbackAtomicImport();
  };

  try {
    if (job.mode === 'atomic') {
      await deps.orm.em.fork().transactional(process);
    } else {
      // Each batch commits on its own: a later fault keeps the rows already imported.
      await process(deps.orm.em.fork());
    }
    await log.finish(counters, null);
  } catch (error) {
    if (error instanceof RollbackAtomicImport) {
      await log.finish({ ...counters, created: 0, updated: 0 }, null);
    } else if (error instanceof ImportStopped && error.reason !== 'shutdown') {
      // Stored batches of a skip import stay (each was committed whole); an atomic one keeps nothing.
      if (job.mode === 'atomic') Object.assign(counters, { created: 0, updated: 0 });
      await log.finish(
        counters,
        stoppedFailure(error.reason),
        error.reason === 'cancelled' ? 'cancelled' : 'failed',
      );
    } else if (error instanceof AppError) {
      if (job.mode === 'atomic') Object.assign(counters, { created: 0, updated: 0 });
      await log.finish(counters, {
        code: error.code,
        message: `${error.messageZh} / ${error.messageEn}`,
        details: error.details,
      });
    } else {
      if (!(error instanceof ImportStopped)) deps.logger.error({ err: error, jobId }, 'import failed');
      throw error;
    }
  }
}

/**
 * Stores a batch; when the database refuses it (a constraint no row check foresaw), stores its rows
 * one at a time so that only the offending rows are reported and the good ones are kept.
 */
async function storeBatchOrRowByRow(
  storeBatch: (rows: readonly ValidRow[]) => Promise<BatchOutcome>,
  batch: readonly ValidRow[],
): Promise<BatchOutcome> {
  try {
    return await storeBatch(batch);
  } catch (error) {
    if (!(error instanceof DriverException) || batch.length === 0) throw error;
  }
  const total: BatchOutcome = { created: [], updated: [], unchanged: 0, conflicts: [], rejected: [] };
  for (const row of batch) {
    try {
      const one = await storeBatch([row]);
      total.created.push(...one.created);
      total.updated.push(...one.updated);
      total.unchanged += one.unchanged;
      total.conflicts.push(...one.conflicts);
      total.rejected.push(...one.rejected);
    } catch (error) {
      if (!(error instanceof DriverException)) throw error;
      // pg's own fields name the constraint and the key; the message would also carry the SQL.
      const { constraint, detail } = error as DriverException & { constraint?: string; detail?: string };
      const why = [constraint, detail].filter(Boolean).join(': ') || (error.sqlState ?? error.name);
      total.rejected.push({
        rowNumber: row.rowNumber,
        detail: {
          path: 'row',
          value: row.input.callNumber,
          rule: 'database_constraint',
          messageZh: `数据库拒绝保存此行（${why}）`,
          messageEn: `The database refused this row (${why})`,
        },
      });
    }
  }
  return total;
}
