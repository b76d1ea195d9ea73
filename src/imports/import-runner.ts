import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { DriverException } from '@mikro-orm/core';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { ImportJobSchema, ImportRowErrorSchema, type ImportKind } from './import-job.entity.js';
import { ImportJobLog, readImportRows, type RowProblem } from './import-job-log.js';
import {
  checkRowCount,
  ImportStopped,
  stoppedFailure,
  throwIfStopped,
  unboundedControl,
  type ImportJobControl,
} from './import-job-control.js';
import { SerialLane } from './serial-lane.js';
import { jobContext } from './import-job-context.js';
import type {
  ImportKinds,
  ImportKindRun,
  ImportRunSettings,
  RowOutcome,
  StoreOutcome,
} from './import-kind.js';
import { AppError } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import type { ObjectStore } from '../object-store/object-store.js';

/** How many rows are checked between two turns of the event loop (see the loop below). */
const ROWS_BETWEEN_IO_PAUSES = 20;
/** Problems held before they are stored (with the counters so far). */
const PENDING_PROBLEMS = 500;

/** The counters of a job; `total`, `processed` and `failed` count rows, the others what the kind stores. */
export interface ImportCounters {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  conflicts: number;
}

/** The counts a store gives that add up to the job's counters of the same name. */
const STORED_COUNTS = ['created', 'updated', 'unchanged', 'conflicts'] as const;

/** Raised inside an atomic import to roll everything back once any row failed. */
class RollbackAtomicImport extends Error {}

/** What a run of an import job needs. */
export interface ImportRunDeps extends ImportRunSettings {
  readonly orm: MikroORM;
  readonly objectStore: ObjectStore;
  readonly logger: Logger;
  readonly kinds: ImportKinds;
}

/**
 * Runs one claimed import job to the end, whatever its kind: streams the file from the object store,
 * has the kind check each row, stores the valid items in batches (the kind's use-case services, with
 * the job's Context: its uploader, a request id naming the job) and reports every bad row with its
 * row number. `skip` keeps the good rows; `atomic` stores nothing unless every row is good.
 * `bounds` stops it early (cancel, deadline, shutdown: ImportStopped) and bounds its rows; a batch
 * is stored whole or not at all.
 */
export async function runImportJob(
  deps: ImportRunDeps,
  jobId: string,
  bounds: ImportJobControl = unboundedControl(),
): Promise<void> {
  const control = deps.orm.em.fork();
  const job = await control.findOneOrFail(ImportJobSchema, { id: jobId }, { populate: ['institution'] });
  await control.nativeDelete(ImportRowErrorSchema, { job: job.id });
  const kind = deps.kinds[job.kind as ImportKind];
  const counters: ImportCounters = {
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

  const process = async (em: EntityManager) => {
    const scope = await jobContext(em, job);
    const run = await kind.open(scope, job, deps);
    let batch: unknown[] = [];
    let first = true;
    const take = (outcome: RowOutcome<unknown>) => {
      if (outcome.problems?.length) log.pending.push(...outcome.problems);
      counters.failed += outcome.failedRows ?? 0;
      counters.processed += outcome.failedRows ?? 0;
      if (outcome.ready?.length) batch.push(...outcome.ready);
    };
    const applyBatch = async (items: readonly unknown[]) => {
      throwIfStopped(bounds);
      const outcome = await storeBatchOrOneByOne(em, scope, run, items);
      for (const key of STORED_COUNTS) counters[key] += outcome[key];
      counters.failed += outcome.failedRows;
      log.pending.push(...outcome.problems);
      counters.processed += items.reduce<number>((n, item) => n + run.rowsOf(item).length, 0);
      await report();
    };
    // Stores batch N while batch N+1 is read and checked.
    const lane = new SerialLane();
    const flushFullBatch = async () => {
      if (batch.length >= kind.batchSize) {
        const items = batch;
        batch = [];
        await lane.run(() => applyBatch(items));
      } else if (log.pending.length >= PENDING_PROBLEMS) await lane.run(report);
    };
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
          const headerErrors = run.header(row);
          if (headerErrors.length) {
            log.pending.push(
              ...headerErrors.map((detail) => ({ row: row.rowNumber, kind: 'error' as const, detail })),
            );
            throw new AppError(
              400,
              'BAD_HEADER',
              `表头不符合${kind.templateName.zh}：` + headerErrors.map((e) => e.messageZh).join('；'),
              `The header row does not match ${kind.templateName.en}: ` +
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
        take(run.row(row));
        await flushFullBatch();
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
    take(run.end());
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
    // An atomic import that did not finish stored nothing.
    const stored = job.mode === 'atomic' ? { created: 0, updated: 0 } : {};
    if (error instanceof RollbackAtomicImport) {
      await log.finish({ ...counters, created: 0, updated: 0 }, null);
    } else if (error instanceof ImportStopped && error.reason !== 'shutdown') {
      // Stored batches of a skip import stay (each was committed whole).
      await log.finish(
        { ...counters, ...stored },
        stoppedFailure(error.reason),
        error.reason === 'cancelled' ? 'cancelled' : 'failed',
      );
    } else if (error instanceof AppError) {
      await log.finish(
        { ...counters, ...stored },
        {
          code: error.code,
          message: `${error.messageZh} / ${error.messageEn}`,
          details: error.details,
        },
      );
    } else {
      if (!(error instanceof ImportStopped)) deps.logger.error({ err: error, jobId }, 'import failed');
      throw error;
    }
  }
}

const NOTHING: StoreOutcome = {
  created: 0,
  updated: 0,
  unchanged: 0,
  conflicts: 0,
  failedRows: 0,
  problems: [],
};

/**
 * Stores a batch in one transaction (a savepoint inside an atomic import); when the database refuses
 * it (a constraint no row check foresaw), stores its items one at a time so that only the offending
 * ones are reported and the good ones are kept.
 */
async function storeBatchOrOneByOne(
  em: EntityManager,
  scope: Context,
  run: ImportKindRun<unknown>,
  items: readonly unknown[],
): Promise<StoreOutcome> {
  if (!items.length) return NOTHING;
  const store = (some: readonly unknown[]) =>
    em.transactional((tem) => run.store({ ...scope, em: tem }, some));
  try {
    return await store(items);
  } catch (error) {
    if (!(error instanceof DriverException)) throw error;
  }
  const total = {
    created: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
    failedRows: 0,
    problems: [] as RowProblem[],
  };
  for (const item of items) {
    try {
      const one = await store([item]);
      for (const key of [...STORED_COUNTS, 'failedRows'] as const) total[key] += one[key];
      total.problems.push(...one.problems);
    } catch (error) {
      if (!(error instanceof DriverException)) throw error;
      total.failedRows += run.rowsOf(item).length;
      total.problems.push(run.refused(item, error));
    }
  }
  return total;
}
