// SQL of the record lists: what the caller may see (the rules of canViewRecord as a WHERE clause,
// also used by the review queue and the to-do counts) and one filtered page with its capped count.

import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { REVIEWER_VISIBLE, type ActorContext } from './record-access.rules.js';
import type { ListRecordsQuery } from './record.schemas.js';
import { foldTerm } from './term-folding.rules.js';
import { containsPattern } from '../kernel/like-pattern.js';

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
export interface RecordListRow {
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

/**
 * One page of the records the caller may see that match the filters, in census-number (or
 * submission) order, and how many match, counted up to `countCap + 1`.
 */
export async function recordListPage(
  em: EntityManager,
  ctx: ActorContext | null,
  f: ListRecordsQuery,
  countCap: number,
): Promise<{ rows: RecordListRow[]; matches: number }> {
  const knex = em.getKnex();
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
  return { rows: rows as RecordListRow[], matches: Number((counted[0] as { n: string }).n) };
}

/** Records of the given statuses the caller may see (of one institution, if given), counted per status. */
export async function visibleRecordsPerStatus(
  em: EntityManager,
  ctx: ActorContext | null,
  statuses: readonly string[],
  institutionId: string | null,
): Promise<Map<string, number>> {
  const q = em
    .getKnex()('census_record as r')
    .whereIn('r.status', [...statuses]);
  applyVisibility(q, ctx);
  if (institutionId) q.where('r.institution_id', institutionId);
  const rows = (await q.select('r.status').count({ n: '*' }).groupBy('r.status')) as Array<{
    status: string;
    n: string;
  }>;
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
