import type { Knex } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type CensusRecord } from './census-record.entity.js';
import { RecordVersionSchema } from './record-version.entity.js';
import { changesSincePreviousRound } from './review-round-changes.service.js';
import { displayNames } from '../users/display-names.repository.js';
import { ReviewCommentSchema, ReviewEventSchema } from './review-event.entity.js';
import type { ListRecordsQuery } from './record.schemas.js';
import {
  canViewRecord,
  canViewWorkflow,
  REVIEWER_VISIBLE,
  type ActorContext,
  type RecordScope,
} from './record-access.rules.js';
import { actorContext } from './record-access.service.js';
import { presentRecord } from './record.presenter.js';
import { foldTerm } from './term-folding.rules.js';
import {
  importInstitutionOf,
  listBulkActions,
  mayCreateRecords,
  offeredActions,
  recordAbilities,
} from './record-abilities.rules.js';
import { actionLabel, statusLabel, tierLabel, typeLabel } from '../domain/record-labels.rules.js';
import { displayEditionDate, precisionLabel } from './dates/edition-date-display.rules.js';
import type { EditionDate } from './dates/edition-date.rules.js';
import type { WorkflowAction } from '../domain/record-workflow.rules.js';
import { recordFieldLabel } from './record-fields.rules.js';
import { containsPattern } from '../kernel/like-pattern.js';
import { AppError } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';

/**
 * Loads a record the caller may see, or 404 (not 403: an unpublished record's existence is not
 * public). `workflow` tells whether the caller may also see its workflow (history, review, who did
 * what, internal notes) — the public may see a published record but never that.
 */
export async function loadVisibleRecord(
  scope: Context,
  censusNumber: string,
): Promise<{ record: CensusRecord; ctx: ActorContext | null; workflow: boolean }> {
  const record = await scope.em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
  const ctx = scope.actor ? await actorContext(scope.em, scope.actor) : null;
  const access: RecordScope | null = record && {
    institutionId: record.institution.id,
    provinceCode: record.provinceCode,
    status: record.status,
    assignedReviewerId: record.assignedReviewer?.id ?? null,
  };
  if (!record || !access || !canViewRecord(ctx, access)) {
    throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
  }
  return { record, ctx, workflow: canViewWorkflow(ctx, access) };
}

/** Loads a record whose workflow the caller may see: 401 without login, 403 without the right. */
async function loadRecordWorkflow(scope: Context, censusNumber: string): Promise<CensusRecord> {
  const { record, workflow } = await loadVisibleRecord(scope, censusNumber);
  if (workflow) return record;
  if (!scope.actor) throw AppError.unauthorized();
  throw AppError.forbidden();
}

/**
 * One record as JSON, with what the page shows for it: the labels of its codes, the workflow steps
 * and other actions the caller may take (the server decides, the page does not re-type it), and,
 * while it is returned, the reviewer's note and field comments. Who reviews it only for those who
 * may see its workflow.
 */
export async function getRecord(scope: Context, censusNumber: string) {
  const { record, ctx, workflow } = await loadVisibleRecord(scope, censusNumber);
  const json = presentRecord(record);
  const access: RecordScope = {
    institutionId: record.institution.id,
    provinceCode: record.provinceCode,
    status: record.status,
    assignedReviewerId: record.assignedReviewer?.id ?? null,
  };
  return {
    ...json,
    typeLabel: typeLabel(record.type),
    statusLabel: statusLabel(record.status),
    tierLabel: tierLabel(record.tier),
    edition: {
      ...json.edition,
      precisionLabel: precisionLabel(json.edition.precision),
      display: displayEditionDate(json.edition as EditionDate),
    },
    assignedReviewerId: workflow ? json.assignedReviewerId : null,
    workflowVisible: workflow,
    allowedActions: offeredActions(ctx, access),
    abilities: recordAbilities(ctx, access),
    lastReturn: workflow && record.status === 'returned' ? await lastReturn(scope, record) : null,
  };
}

/** The latest return of a record: the reviewer's note and the field comments of that round. */
async function lastReturn(scope: Context, record: CensusRecord) {
  const event = await scope.em.findOne(
    ReviewEventSchema,
    { record, action: 'return' },
    { orderBy: { at: 'desc', id: 'desc' } },
  );
  if (!event) return null;
  const comments = await scope.em.find(
    ReviewCommentSchema,
    { record, round: event.round },
    { orderBy: { at: 'asc' } },
  );
  const names = await displayNames(
    scope.em,
    [event, ...comments].map((x) => x.actorId ?? null),
  );
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  return {
    round: event.round,
    note: event.note ?? null,
    at: event.at.toISOString(),
    actorName: nameOf(event.actorId),
    comments: comments.map((c) => ({
      id: c.id,
      field: c.field,
      fieldLabel: recordFieldLabel(c.field, record.type),
      text: c.text,
      actorName: nameOf(c.actorId),
      at: c.at.toISOString(),
    })),
  };
}

/** Restricts a query to what the caller may see (the same rules as canViewRecord, as SQL). */
export function applyVisibility(q: Knex.QueryBuilder, ctx: ActorContext | null): void {
  if (!ctx || ctx.role === 'reader') {
    q.where('r.status', 'published');
    return;
  }
  switch (ctx.role) {
    case 'national_admin':
      return;
    case 'provincial_admin':
      q.where('r.province_code', ctx.provinceCode);
      return;
    case 'reviewer':
      q.where((w) =>
        w.where('r.status', 'published').orWhere((v) =>
          v
            .where('r.province_code', ctx.provinceCode)
            .whereIn('r.status', [...REVIEWER_VISIBLE])
            .where((a) =>
              a
                .where('r.assigned_reviewer_id', ctx.userId)
                .orWhereIn('r.institution_id', [...ctx.assignedInstitutionIds]),
            ),
        ),
      );
      return;
    default:
      q.where((w) => w.where('r.status', 'published').orWhere('r.institution_id', ctx.institutionId));
  }
}

/** One row of the list query (snake_case, as PostgreSQL returns it). */
interface RecordListRow {
  census_number: string;
  type: string;
  institution_id: string;
  institution_name: string;
  province_code: string;
  call_number: string;
  title: string;
  authors: unknown[] | null;
  edition_text: string;
  volumes: number | null;
  extant: string | null;
  dynasty: string | null;
  era: string | null;
  era_year: number | null;
  year_from: number | null;
  year_to: number | null;
  date_precision: string;
  status: string;
  grade: string | null;
  damage_grade: string | null;
  classification: string | null;
  tier: string;
  updated_at: string | Date;
  submitted_at: string | Date | null;
  version: number;
}

// RRRRRR-IIII-NNNNNNN, 民国 with M before the serial (census-number.rules.ts).
const CENSUS_NUMBER_SHAPE = /^\d{6}-\d{4}-M?\d{7}$/i;

/** Lists count their matches exactly up to this many; beyond it `totalCapped` is true. */
export const RECORD_COUNT_CAP = 10_000;
/**
 * With a free-text filter the count stops sooner: every candidate the trigram index offers must be
 * re-read and re-checked against the stored text, so counting 10,000 matches of a common word
 * costs several times what the page itself does. The list then says "1000+".
 */
export const RECORD_TEXT_COUNT_CAP = 1_000;

/** Paginated, filtered list of the records the caller may see, in census-number order. */
export async function listRecords(scope: Context, f: ListRecordsQuery) {
  const ctx = scope.actor ? await actorContext(scope.em, scope.actor) : null;
  const knex = scope.em.getKnex();
  const base = knex('census_record as r');
  applyVisibility(base, ctx);
  if (f.institutionId) base.where('r.institution_id', f.institutionId);
  if (f.provinceCode) base.where('r.province_code', f.provinceCode);
  if (f.type) base.where('r.type', f.type);
  if (f.status) base.where('r.status', f.status);
  if (f.classification) base.where('r.classification', f.classification);
  if (f.dynasty) base.where('r.dynasty', f.dynasty);
  if (f.grade) base.where('r.grade', f.grade);
  if (f.damageGrade) base.where('r.damage_grade', f.damageGrade);
  if (f.yearFrom !== undefined) base.where('r.year_to', '>=', f.yearFrom);
  if (f.yearTo !== undefined) base.where('r.year_from', '<=', f.yearTo);
  if (f.reviewer === 'me' && ctx) base.whereIn('r.status', ['submitted', 'in_review']);
  const countCap = f.q ? RECORD_TEXT_COUNT_CAP : RECORD_COUNT_CAP;
  if (f.q) {
    // A whole census number names one record: its unique index answers at once. Anything else
    // (part of a number, a call number, words) is a substring of the folded search text, which
    // holds the census and call numbers too (record-columns.ts).
    const whole = CENSUS_NUMBER_SHAPE.exec(f.q.normalize('NFKC').trim());
    if (whole) base.where('r.census_number', whole[0].toUpperCase());
    else base.where('r.search_text', 'like', containsPattern(foldTerm(f.q)));
  }
  const order =
    f.sort === 'submitted'
      ? [{ column: 'r.submitted_at', order: 'asc' }, { column: 'r.census_number' }]
      : [{ column: 'r.census_number' }];
  // The page's rows are chosen first by identity alone, and only those rows are then read out:
  // otherwise every match that is sorted (or skipped by the offset) would have its JSON fields
  // extracted and its institution joined, which made one institution's first page cost 5 ms.
  const page = base
    .clone()
    .select('r.id')
    .orderBy(order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .as('page');
  const [rows, counted] = await Promise.all([
    knex
      .from(page)
      .join('census_record as r', 'r.id', 'page.id')
      .join('institution as i', 'i.id', 'r.institution_id')
      .select(
        'r.census_number',
        'r.type',
        'r.institution_id',
        'i.name as institution_name',
        'r.province_code',
        'r.call_number',
        'r.title',
        knex.raw("r.body->'authors' as authors"),
        knex.raw("r.body->>'edition' as edition_text"),
        knex.raw("r.body->'volumes' as volumes"),
        knex.raw("r.body->>'extant' as extant"),
        'r.dynasty',
        'r.era',
        'r.era_year',
        'r.year_from',
        'r.year_to',
        'r.date_precision',
        'r.status',
        'r.grade',
        'r.damage_grade',
        'r.classification',
        'r.tier',
        'r.updated_at',
        'r.submitted_at',
        'r.version',
      )
      .orderBy(order),
    // Counting every match of a broad filter over a million records costs seconds; past the cap
    // the list says "more than" instead, as a person paging through it needs no exact figure.
    knex.count({ n: '*' }).from(
      base
        .clone()
        .select(knex.raw('1'))
        .limit(countCap + 1)
        .as('matches'),
    ),
  ]);
  const items = (rows as RecordListRow[]).map((r) => ({
    censusNumber: r.census_number,
    type: r.type,
    typeLabel: typeLabel(r.type),
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    provinceCode: r.province_code,
    callNumber: r.call_number,
    title: r.title,
    authors: r.authors ?? [],
    edition: {
      text: r.edition_text,
      dynasty: r.dynasty,
      era: r.era,
      eraYear: r.era_year,
      yearFrom: r.year_from,
      yearTo: r.year_to,
      precision: r.date_precision,
      precisionLabel: precisionLabel(r.date_precision),
      display: displayEditionDate({
        dynasty: r.dynasty,
        era: r.era,
        eraYear: r.era_year,
        yearFrom: r.year_from,
        yearTo: r.year_to,
        precision: r.date_precision as EditionDate['precision'],
      }),
    },
    volumes: r.volumes ?? null,
    extant: r.extant ?? null,
    status: r.status,
    statusLabel: statusLabel(r.status),
    grade: r.grade,
    damageGrade: r.damage_grade,
    classification: r.classification,
    tier: r.tier,
    tierLabel: tierLabel(r.tier),
    updatedAt: new Date(r.updated_at).toISOString(),
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    version: r.version,
  }));
  const matches = Number((counted[0] as { n: string }).n);
  return {
    items,
    total: Math.min(matches, countCap),
    totalCapped: matches > countCap,
    page: f.page,
    pageSize: f.pageSize,
    mayCreate: mayCreateRecords(scope.actor ?? null),
    bulkActions: listBulkActions(scope.actor ?? null).map((action) => ({
      action,
      label: actionLabel(action),
    })),
    importInstitutionId: importInstitutionOf(scope.actor ?? null),
  };
}

/** Every saved version of a record, newest first (who, when, why, what changed). */
export async function listVersions(scope: Context, censusNumber: string) {
  const record = await loadRecordWorkflow(scope, censusNumber);
  const versions = await scope.em.find(RecordVersionSchema, { record }, { orderBy: { version: 'desc' } });
  const names = await displayNames(
    scope.em,
    versions.map((v) => v.actorId ?? null),
  );
  return {
    items: versions.map((v) => ({
      version: v.version,
      at: v.at.toISOString(),
      actorId: v.actorId ?? null,
      actorEmail: v.actorEmail ?? null,
      actorName: v.actorId ? (names.get(v.actorId) ?? null) : null,
      reason: v.reason ?? null,
      status: v.status,
      statusLabel: statusLabel(v.status),
      changes: (v.changes as Array<{ field: string; before: unknown; after: unknown }>).map((c) => ({
        ...c,
        fieldLabel: recordFieldLabel(c.field, record.type),
      })),
    })),
  };
}

/** The review history of a record: every round's events and field comments. */
export async function reviewHistory(scope: Context, censusNumber: string) {
  const record = await loadRecordWorkflow(scope, censusNumber);
  const [events, comments] = await Promise.all([
    scope.em.find(ReviewEventSchema, { record }, { orderBy: { at: 'asc', id: 'asc' } }),
    scope.em.find(ReviewCommentSchema, { record }, { orderBy: { at: 'asc' } }),
  ]);
  const names = await displayNames(
    scope.em,
    [...events, ...comments].map((x) => x.actorId ?? null),
  );
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  return {
    status: record.status,
    events: events.map((e) => ({
      round: e.round,
      action: e.action,
      actionLabel: actionLabel(e.action as WorkflowAction),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: statusLabel(e.toStatus),
      actorEmail: e.actorEmail ?? null,
      actorName: nameOf(e.actorId),
      note: e.note ?? null,
      at: e.at.toISOString(),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      round: c.round,
      field: c.field,
      fieldLabel: recordFieldLabel(c.field, record.type),
      text: c.text,
      actorEmail: c.actorEmail ?? null,
      actorName: nameOf(c.actorId),
      resolved: c.resolved,
      at: c.at.toISOString(),
    })),
    changesSincePreviousRound: await changesSincePreviousRound(scope.em, record, events),
  };
}
