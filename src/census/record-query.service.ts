import { CensusRecordSchema, type CensusRecord } from './census-record.entity.js';
import { RecordVersionSchema } from './record-version.entity.js';
import { changesSincePreviousRound } from './review-round-changes.service.js';
import { displayNames } from '../users/display-names.repository.js';
import { ReviewCommentSchema, ReviewEventSchema } from './review-event.entity.js';
import type { ListRecordsQuery } from './record.schemas.js';
import {
  canViewRecord,
  canViewWorkflow,
  type ActorContext,
  type RecordScope,
} from './record-access.rules.js';
import { actorContext } from './record-access.service.js';
import { presentRecord } from './record.presenter.js';
import { recordListPage } from './record-list.repository.js';
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
  const countCap = f.q ? RECORD_TEXT_COUNT_CAP : RECORD_COUNT_CAP;
  const { rows, matches } = await recordListPage(scope.em, ctx, f, countCap);
  const items = rows.map((r) => ({
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
