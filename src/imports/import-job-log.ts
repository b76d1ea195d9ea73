// What the import runner writes about a running job, whatever its kind:
// its row problems (stored in batches, capped per job), its counters as it goes, and how it ended.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Readable } from 'node:stream';
import { ImportJobSchema, ImportRowErrorSchema, type ImportJob } from './import-job.entity.js';
import { readCsvRows } from '../census/spreadsheet/csv-reader.js';
import { readXlsxRows } from '../census/spreadsheet/xlsx-reader.js';
import type { ErrorDetail } from '../kernel/app-error.js';

/** Errors kept per job; beyond this only the count grows (a file of garbage must not flood the table). */
const MAX_STORED_ERRORS = 200_000;

/** One reported problem of a row (row 0: the file as a whole). */
export interface RowProblem {
  readonly row: number;
  readonly kind?: 'error' | 'conflict' | 'warning';
  /** The header of the column concerned, as the file writes it (Chinese or English). */
  readonly column?: string | null;
  readonly detail: ErrorDetail;
}

function errorRow(jobId: string, p: RowProblem) {
  const value = p.detail.value;
  return {
    job: jobId,
    row: p.row,
    field: p.detail.path.slice(0, 64),
    columnLabel: p.column?.slice(0, 100) ?? null,
    value: value === undefined || value === null ? null : String(value).slice(0, 2000),
    code: p.detail.rule.slice(0, 64),
    kind: p.kind ?? 'error',
    messageZh: p.detail.messageZh,
    messageEn: p.detail.messageEn,
  };
}

/** How a job ended badly: the code and message on the job, and details stored as row-0 problems. */
export interface ImportFailure {
  readonly code: string;
  readonly message: string;
  readonly details?: readonly ErrorDetail[];
}

/** The problems and counters of one running import job, written through `em` (outside the data transactions). */
export class ImportJobLog {
  /** Problems found since the last flush; the runner pushes, `flush` stores. */
  readonly pending: RowProblem[] = [];
  private stored = 0;
  /** The text encoding the CSV reader found; stored with the counters. */
  encoding: string | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly jobId: string,
  ) {}

  /** Stores the pending problems (up to the per-job cap). */
  async flush(): Promise<void> {
    const rows = this.pending.splice(0).slice(0, Math.max(0, MAX_STORED_ERRORS - this.stored));
    this.stored += rows.length;
    if (rows.length)
      await this.em.insertMany(ImportRowErrorSchema, rows.map((p) => errorRow(this.jobId, p)) as never);
  }

  /** Stores the pending problems and the counters so far (the progress a client polls). */
  async report(counters: object): Promise<void> {
    await this.flush();
    await this.em.nativeUpdate(
      ImportJobSchema,
      { id: this.jobId },
      { ...counters, encoding: this.encoding, heartbeatAt: new Date() },
    );
  }

  /** Ends the job: done, or failed (or cancelled) with the failure's code, message and details. */
  async finish(
    counters: object,
    failure: ImportFailure | null,
    status: 'failed' | 'cancelled' = 'failed',
  ): Promise<void> {
    await this.flush();
    if (failure?.details?.length)
      await this.em.insertMany(
        ImportRowErrorSchema,
        failure.details.map((detail) => errorRow(this.jobId, { row: 0, detail })) as never,
      );
    await this.em.nativeUpdate(
      ImportJobSchema,
      { id: this.jobId },
      {
        ...counters,
        encoding: this.encoding,
        status: failure ? status : 'done',
        errorCode: failure?.code ?? null,
        errorMessage: failure?.message ?? null,
        finishedAt: new Date(),
        heartbeatAt: new Date(),
      },
    );
  }
}

/** The rows of an uploaded spreadsheet, streamed; the encoding a CSV is read in goes to the log. */
export function readImportRows(format: ImportJob['format'], stream: Readable, log?: ImportJobLog) {
  return format === 'csv'
    ? readCsvRows(stream, (encoding) => {
        if (log) log.encoding = encoding;
      })
    : readXlsxRows(stream);
}
