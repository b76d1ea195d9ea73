// What a feature registers to have its spreadsheets imported: one object per kind of import. The
// machinery in this folder (upload, job, queue, worker, streaming, batches, stop signals, report)
// is the same for every kind; a kind says who may import it, how a row is checked, how a batch is
// stored (through the feature's own use-case services, with the job's Context) and how it reads.
// The registry (every kind, by name) is assembled in the composition root (src/app/import-kinds.ts),
// so this folder imports no feature that registers a kind.

import type { DriverException } from '@mikro-orm/core';
import type { ActorScope } from '../domain/permissions.rules.js';
import type { ErrorDetail } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import type { RecordsChangedListener } from '../kernel/deps.js';
import type { SheetRow } from '../census/spreadsheet/sheet-row.js';
import type { ImportJob, ImportKind } from './import-job.entity.js';
import type { RowProblem } from './import-job-log.js';
import type { ImportCounter, Label } from './import-labels.rules.js';

/** Where an import writes: the institution the job was queued for. */
export interface ImportPlace {
  readonly institutionId: string;
  readonly provinceCode: string;
}

/** What checking one row (or closing the rows gathered so far) gave. */
export interface RowOutcome<Item> {
  /** Items complete and valid, to be stored with the next batch. */
  readonly ready?: readonly Item[];
  /** Problems to report (errors and warnings, with their rows). */
  readonly problems?: readonly RowProblem[];
  /** Rows that failed and are done with (counted as processed too). */
  readonly failedRows?: number;
}

/** What storing one batch gave; `failedRows` counts rows refused by the store (data held elsewhere). */
export interface StoreOutcome {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly conflicts: number;
  readonly failedRows: number;
  readonly problems: readonly RowProblem[];
}

/** One run of an import of some kind over one file, with the state a run keeps (header, groups). */
export interface ImportKindRun<Item> {
  /** Reads the header row; its problems make the whole file fail (BAD_HEADER). */
  header(row: SheetRow): readonly ErrorDetail[];
  /** Checks one data row. */
  row(row: SheetRow): RowOutcome<Item>;
  /** After the last row: closes what is still gathered (an assessment's rows). */
  end(): RowOutcome<Item>;
  /** Stores a batch inside the caller's transaction, through the feature's use-case services. */
  store(scope: Context, items: readonly Item[]): Promise<StoreOutcome>;
  /** The file rows an item came from (counted processed, or failed when the database refuses it). */
  rowsOf(item: Item): readonly number[];
  /** The problem reported when the database refuses an item stored on its own. */
  refused(item: Item, error: DriverException): RowProblem;
}

/** What a run may need beyond its job: settings and the hooks of the app's dependencies. */
export interface ImportRunSettings {
  readonly eraYearMargin?: number | undefined;
  /** Side effects of changed records (triage ranks, the public catalogue), as for the API's writes. */
  readonly afterRecordsChanged: RecordsChangedListener;
}

/** One kind of import, as its feature registers it. */
export interface ImportKindHandler<Item = unknown> {
  readonly kind: ImportKind;
  /** The upload route of this kind (kept per kind: the API has one upload path per kind). */
  readonly upload: { readonly path: string; readonly summary: string; readonly tag: string };
  /** Whether the actor may import this kind for the institution (checked on upload and on every look). */
  mayImport(actor: ActorScope, place: ImportPlace): boolean;
  /** The 403's message when they may not. */
  readonly forbidden: Label;
  /** The counters the job page shows for this kind, in reading order. */
  readonly counters: readonly ImportCounter[];
  /** The template a bad header is measured against, as the message names it. */
  readonly templateName: Label;
  /** A blank template of this kind: the header in Chinese (and English where the kind has one). */
  readonly blankTemplate: {
    readonly zh: readonly string[];
    readonly en: readonly string[] | null;
    readonly sheet: string;
  };
  /** What a problem's field is called when the file has no column for it. */
  fieldLabel(field: string): Label;
  /** Rows stored per transaction. */
  readonly batchSize: number;
  /** Starts a run for the job (inside the run's transaction when the import is atomic). */
  open(scope: Context, job: ImportJob, settings: ImportRunSettings): Promise<ImportKindRun<Item>>;
}

/** Every kind of import, by the name stored on the job. */
export type ImportKinds = Readonly<Record<ImportKind, ImportKindHandler>>;
