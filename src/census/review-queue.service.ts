// The reviewer's queue (/review): the records awaiting review that the caller may review, oldest
// submission first, with the counts a reviewer plans the day by (per status and per institution)
// and, per record, the round it is in (a resubmission is checked against the previous round).
import { z } from 'zod';
import { WORKFLOW } from '../domain/record-workflow.rules.js';
import { RECORD_TYPES, type RecordStatus, type RecordType } from '../domain/record.types.js';
import { listRecords } from './record-query.service.js';
import { queueCounts, reviewRounds } from './review-queue.repository.js';
import { actorContext } from './record-access.service.js';
import { statusLabel, typeLabel } from '../domain/record-labels.rules.js';
import { formatAuthorsCell } from './spreadsheet/responsibility-cell.js';
import type { Responsibility } from '../domain/record.types.js';
import { staffAreasOf } from '../auth/staff-areas.rules.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';

/** Records a reviewer can act on: those a review step (approve, return) may start from. */
export const AWAITING_REVIEW = WORKFLOW.approve.from as readonly RecordStatus[];

const label = z.object({ zh: z.string(), en: z.string() });

export const reviewQueueQuery = z.strictObject({
  status: z.enum(AWAITING_REVIEW as ['submitted', 'in_review']).optional(),
  institutionId: z.uuid().optional(),
  type: z.enum(RECORD_TYPES).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

export const reviewQueueResponse = z.object({
  items: z.array(
    z.object({
      censusNumber: z.string(),
      title: z.string(),
      authors: z.string(),
      edition: z.string(),
      institutionId: z.string(),
      institutionName: z.string(),
      type: z.enum(RECORD_TYPES),
      typeLabel: label,
      status: z.string(),
      statusLabel: label,
      submittedAt: z.string().nullable(),
      round: z.number().int(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({
    total: z.number().int(),
    byStatus: z.array(z.object({ status: z.string(), label, count: z.number().int() })),
    byInstitution: z.array(
      z.object({ institutionId: z.string(), name: z.string(), count: z.number().int() }),
    ),
  }),
});

/** The caller's queue: one page of records awaiting their review, with the counts of the whole queue. */
export async function reviewQueue(
  scope: Context,
  f: ReviewQueueQuery,
): Promise<z.infer<typeof reviewQueueResponse>> {
  const actor = requireActor(scope);
  // Cataloguers see their own submissions on /records; the queue is for those who review.
  if (!staffAreasOf(actor.role).includes('review'))
    throw AppError.forbidden('只有审校人员有审校队列', 'Only reviewers have a review queue');
  const ctx = await actorContext(scope.em, actor);
  const page = await listRecords(scope, {
    reviewer: 'me',
    sort: 'submitted',
    page: f.page,
    pageSize: f.pageSize,
    ...(f.status ? { status: f.status } : {}),
    ...(f.institutionId ? { institutionId: f.institutionId } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.q ? { q: f.q } : {}),
  });
  // The counts cover the whole queue, not the filtered page, so the filters show what each holds.
  const [groups, roundOf] = await Promise.all([
    queueCounts(scope.em, ctx, AWAITING_REVIEW),
    reviewRounds(
      scope.em,
      page.items.map((r) => r.censusNumber),
    ),
  ]);
  const byStatus = AWAITING_REVIEW.map((status) => ({
    status,
    label: statusLabel(status),
    count: groups.filter((g) => g.status === status).reduce((n, g) => n + Number(g.n), 0),
  }));
  const institutions = new Map<string, { institutionId: string; name: string; count: number }>();
  for (const g of groups) {
    const entry = institutions.get(g.institution_id) ?? {
      institutionId: g.institution_id,
      name: g.name,
      count: 0,
    };
    entry.count += Number(g.n);
    institutions.set(g.institution_id, entry);
  }
  return {
    items: page.items.map((r) => ({
      censusNumber: r.censusNumber,
      title: r.title,
      authors: formatAuthorsCell(r.authors as Responsibility[]),
      edition: r.edition.text,
      institutionId: r.institutionId,
      institutionName: r.institutionName,
      type: r.type as RecordType,
      typeLabel: typeLabel(r.type),
      status: r.status,
      statusLabel: statusLabel(r.status),
      submittedAt: r.submittedAt,
      round: roundOf.get(r.censusNumber) ?? 1,
    })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    counts: {
      total: byStatus.reduce((n, s) => n + s.count, 0),
      byStatus,
      byInstitution: [...institutions.values()].sort(
        (a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'),
      ),
    },
  };
}
