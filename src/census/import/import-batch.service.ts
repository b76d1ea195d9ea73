import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type RecordBody } from '../census-record.entity.js';
import { RecordVersionSchema } from '../record-version.entity.js';
import {
  DEFAULT_NUMBERING_SCHEME,
  formatCensusNumber,
  type NumberingScheme,
} from '../census-number.rules.js';
import { recordColumns } from '../record-columns.js';
import { EMPTY_RECORD_BODY, toBody, toRecordInput } from '../record-body.js';
import { diffRecords } from '../record-diff.rules.js';
import { readSetting } from '../../settings/settings.service.js';
import { recordAudit } from '../../audit/audit.service.js';
import { FREELY_EDITABLE } from '../../domain/record-workflow.rules.js';
import { insertRecordset } from './recordset-insert.js';
import { executeBound } from '../../kernel/bound-sql.js';
import type {
  CompletenessTier,
  DerivedEditionDate,
  RecordInput,
  RecordStatus,
  RecordType,
} from '../../domain/record.types.js';
import type { RecordVersion } from '../record-version.entity.js';
import type { EntityData } from '@mikro-orm/core';
import type { ErrorDetail } from '../../kernel/app-error.js';
import type { Context } from '../../kernel/context.js';
import type { RecordsChangedListener } from '../../kernel/deps.js';
import type { RecordKeys, RecordValidationResult } from '../record-validation.rules.js';
import { reserveSerials } from '../census-serial.repository.js';
import { preciousNumberHolders } from '../precious-number.repository.js';

/** A row that passed every check, ready to be stored. */
export interface ValidRow {
  readonly rowNumber: number;
  readonly input: RecordInput;
  readonly keys: RecordKeys;
  readonly date: DerivedEditionDate;
  readonly tier: CompletenessTier;
  /** The fields the file has columns for; the others of an existing record stay as stored. */
  readonly present?: ReadonlySet<keyof RecordBody>;
  /** Whether the file says the record type (else an existing record keeps its own). */
  readonly typeGiven?: boolean;
}

/** A merged record checked again (see BatchContext.revalidate). */
export type Revalidated = RecordValidationResult & { tier: CompletenessTier };

export interface BatchContext {
  readonly institution: { id: string; code: string; provinceCode: string };
  /** The import job the batch belongs to: named in the versions' reason and the audit entry. */
  readonly job: { id: string; fileName: string };
  /** Checks a row merged with the record it updates; without it, rows are stored as checked. */
  readonly revalidate?: (input: RecordInput, previous: RecordInput) => Revalidated;
  /** What follows a change of records (triage ranks …), as after the API's record writes. */
  readonly afterRecordsChanged: RecordsChangedListener;
}

export interface BatchOutcome {
  created: string[];
  updated: string[];
  unchanged: number;
  conflicts: Array<{ rowNumber: number; callNumber: string; censusNumber: string; status: string }>;
  /** Rows refused because of data held by other records (e.g. a precious-list number already taken). */
  rejected: Array<{ rowNumber: number; detail: ErrorDetail }>;
}

/**
 * The record a row makes of a stored one: the fields the file has columns for come from the row,
 * every other field stays as stored (an absent column never blanks a field).
 */
export function mergeRow(stored: RecordInput, row: ValidRow): RecordInput {
  if (!row.present) return row.input;
  const merged: Record<string, unknown> = { ...stored };
  const from = row.input as unknown as Record<string, unknown>;
  for (const field of row.present) merged[field] = from[field];
  merged.type = row.typeGiven === false ? stored.type : row.input.type;
  return merged as unknown as RecordInput;
}

/**
 * Stores one batch of valid rows in the caller's transaction, as `scope.actor` (the job's uploader),
 * audited as one entry per batch. A row whose call number is new
 * becomes a draft with a fresh census number; a row matching a draft (or returned record) updates
 * it when something changed; a row matching a record already submitted or approved is a conflict
 * and never overwrites it. Re-importing the same file therefore creates and changes nothing.
 */
export async function applyImportBatch(
  scope: Context,
  ctx: BatchContext,
  batchRows: readonly ValidRow[],
): Promise<BatchOutcome> {
  const em = scope.em;
  const actor = { id: scope.actor?.userId ?? null, email: scope.actor?.email ?? null };
  const reason = `spreadsheet import ${ctx.job.id} (${ctx.job.fileName})`;
  let rows = batchRows;
  const outcome: BatchOutcome = { created: [], updated: [], unchanged: 0, conflicts: [], rejected: [] };
  if (!rows.length) return outcome;
  rows = await withoutTakenPreciousNumbers(em, ctx, rows, outcome);
  // One unique-index probe per call number. Written as `call_number in (...)` (or as a plain join),
  // a table not yet analysed during a large import made PostgreSQL read every record of the
  // institution for each batch, so batches got slower as the import went on; `limit 1` keeps the
  // lateral subquery from being flattened into such a join (the call number is unique anyway).
  const existing = await executeBound<{
    id: string;
    call_number: string;
    census_number: string;
    status: string;
    type: RecordType;
    body: RecordBody;
    version: number;
  }>(
    em,
    `select r.id, r.call_number, r.census_number, r.status, r.type, r.body, r.version
       from unnest(?::text[]) as c(call_number)
       cross join lateral (select * from census_record r
                            where r.institution_id = ? and r.call_number = c.call_number limit 1) r`,
    [rows.map((r) => r.input.callNumber), ctx.institution.id],
  );
  const byCallNumber = new Map(existing.map((e) => [e.call_number, e]));
  const fresh: ValidRow[] = [];
  const now = new Date();
  const versions: Array<EntityData<RecordVersion>> = [];
  for (const row of rows) {
    const found = byCallNumber.get(row.input.callNumber);
    if (!found) {
      fresh.push(row);
      continue;
    }
    const stored = toRecordInput(found.type, ctx.institution.id, { ...EMPTY_RECORD_BODY, ...found.body });
    let next = mergeRow(stored, row);
    const changes = diffRecords(stored, next);
    if (!changes.length) {
      outcome.unchanged += 1;
    } else if (!FREELY_EDITABLE.includes(found.status as RecordStatus) || found.type !== next.type) {
      outcome.conflicts.push({
        rowNumber: row.rowNumber,
        callNumber: row.input.callNumber,
        censusNumber: found.census_number,
        status: found.status,
      });
    } else {
      let derived: Pick<ValidRow, 'keys' | 'date' | 'tier'> = row;
      if (next !== row.input && ctx.revalidate) {
        // Fields from the file next to fields kept from the record: the whole must pass again.
        const checked = ctx.revalidate(next, stored);
        if (checked.errors.length) {
          for (const detail of checked.errors) outcome.rejected.push({ rowNumber: row.rowNumber, detail });
          continue;
        }
        next = checked.normalised;
        derived = { keys: checked.keys, date: checked.derivedDate, tier: checked.tier };
      }
      const version = found.version + 1;
      await em.nativeUpdate(
        CensusRecordSchema,
        { id: found.id },
        {
          body: toBody(next),
          ...recordColumns(next, derived.date, derived.tier, derived.keys, found.census_number),
          version,
          updatedAt: now,
        },
      );
      versions.push({
        record: found.id,
        version,
        at: now,
        actorId: actor.id,
        actorEmail: actor.email,
        reason,
        status: found.status,
        changes: diffRecords(stored, next),
        snapshot: toBody(next),
      });
      outcome.updated.push(found.census_number);
    }
  }
  const numbers = await issueSerialBlock(em, ctx.institution, fresh);
  if (fresh.length) {
    const records = fresh.map((row, i) => ({
      id: randomUUID(),
      censusNumber: numbers[i]!,
      type: row.input.type,
      institution: ctx.institution.id,
      provinceCode: ctx.institution.provinceCode,
      status: 'draft' as const,
      body: toBody(row.input),
      ...recordColumns(row.input, row.date, row.tier, row.keys, numbers[i]!),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }));
    await insertRecordset(em, CensusRecordSchema, records);
    for (const r of records) {
      versions.push({
        record: r.id,
        version: 1,
        at: now,
        actorId: actor.id,
        actorEmail: actor.email,
        reason,
        status: 'draft',
        changes: [{ field: '*', before: null, after: 'created by import' }],
        snapshot: r.body,
      });
      outcome.created.push(r.censusNumber);
    }
  }
  // The database assigns the version row's id.
  await insertRecordset(em, RecordVersionSchema, versions);
  if (outcome.created.length || outcome.updated.length)
    recordAudit(em, scope, {
      action: 'record.import_batch',
      entityType: 'import_job',
      entityId: ctx.job.id,
      after: { created: outcome.created, updated: outcome.updated },
      provinceCode: ctx.institution.provinceCode,
      institutionId: ctx.institution.id,
    });
  // Once for the batch's created and changed records (set-based where the listeners can), same transaction.
  await ctx.afterRecordsChanged(
    em,
    versions.map((v) => v.record as string),
  );
  return outcome;
}

/**
 * A precious-list (名录) number belongs to one record: rows naming a number that another record
 * (not the one the row updates) already holds are refused with a row error instead of failing
 * the whole batch on the unique constraint.
 */
async function withoutTakenPreciousNumbers(
  em: EntityManager,
  ctx: BatchContext,
  rows: readonly ValidRow[],
  outcome: BatchOutcome,
): Promise<readonly ValidRow[]> {
  const numbers = rows.flatMap((r) => (r.input.preciousListNumber ? [r.input.preciousListNumber] : []));
  if (!numbers.length) return rows;
  const holders = await preciousNumberHolders(em, numbers);
  const holderOf = new Map(holders.map((h) => [h.precious_list_number, h]));
  return rows.filter((row) => {
    const holder = row.input.preciousListNumber ? holderOf.get(row.input.preciousListNumber) : undefined;
    const sameRecord =
      holder?.institution_id === ctx.institution.id && holder.call_number === row.input.callNumber;
    if (!holder || sameRecord) return true;
    outcome.rejected.push({
      rowNumber: row.rowNumber,
      detail: {
        path: 'preciousListNumber',
        value: row.input.preciousListNumber,
        rule: 'precious_list_number_taken',
        messageZh: `名录号 ${row.input.preciousListNumber} 已被记录 ${holder.census_number} 使用`,
        messageEn: `Precious-list number ${row.input.preciousListNumber} is already used by record ${holder.census_number}`,
      },
    });
    return false;
  });
}

/** Issues census numbers for new rows, one counter update per series for the whole batch. */
async function issueSerialBlock(
  em: EntityManager,
  institution: BatchContext['institution'],
  rows: readonly ValidRow[],
): Promise<string[]> {
  const scheme = await readSetting<NumberingScheme>(em, 'numbering_scheme', DEFAULT_NUMBERING_SCHEME);
  const numbers: string[] = new Array(rows.length);
  for (const type of ['guji', 'minguo'] as const) {
    const indexes = rows.flatMap((r, i) => (r.input.type === type ? [i] : []));
    if (!indexes.length) continue;
    const n = indexes.length;
    const last = await reserveSerials(em, institution.id, type, n);
    indexes.forEach((rowIndex, k) => {
      numbers[rowIndex] = formatCensusNumber(scheme, {
        provinceCode: institution.provinceCode,
        institutionCode: institution.code,
        type,
        serial: last - n + 1 + k,
      });
    });
  }
  return numbers;
}
