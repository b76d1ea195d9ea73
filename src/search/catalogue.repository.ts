// SQL of the public catalogue (search, facets, suggestions, change feed). Plain SQL because the
// queries lean on PostgreSQL features the ORM does not express: array containment on the GIN
// token index, GROUPING SETS for all facet counts in one pass, and top-N by computed rank.

import type { EntityManager } from '@mikro-orm/postgresql';
import { catalogueWhere, type CatalogueFilter } from './catalogue-where.js';
import type { FacetCountLists } from './catalogue-plan.rules.js';
import type { RightsStatement } from '../institutions/rights-statement.rules.js';
import { PAGES_OF_ENTRY } from './page-images.sql.js';
import { arrayLiteral } from '../kernel/sql-literal.js';

/** Facets counted for every query, with the column (or expression) they group by. */
export const FACET_COLUMNS = [
  ['province', 'province_code'],
  ['institution', 'institution_id'],
  ['type', 'type'],
  ['documentType', 'document_type'],
  ['classification', 'classification'],
  ['dynasty', 'dynasty'],
  ['editionType', 'edition_type'],
  ['binding', 'binding'],
  ['grade', 'grade'],
  ['damageGrade', 'damage_grade'],
  ['precious', 'precious'],
  ['hasImages', 'has_images'],
] as const;
export type FacetName = (typeof FACET_COLUMNS)[number][0];

let imagesTable: boolean | undefined;
/** Whether the images feature's table exists (it is built separately; search works without it). */
export async function hasImagesTable(em: EntityManager): Promise<boolean> {
  if (imagesTable === undefined) {
    const rows = await em.execute<Array<{ t: string | null }>>(
      "select to_regclass('record_image')::text as t",
    );
    imagesTable = Boolean(rows[0]?.t);
  }
  return imagesTable;
}

/** One result row as PostgreSQL returns it. */
export interface EntryRow {
  record_id: string;
  census_number: string;
  type: string;
  title: string;
  authors: string;
  edition: string;
  institution_id: string;
  institution_name: string;
  /** The holding institution's rights statement (whether the public is sent the thumbnail). */
  rights_statement: RightsStatement;
  province_code: string;
  province_zh: string | null;
  province_en: string | null;
  document_type: string;
  classification: string | null;
  dynasty: string | null;
  year_from: number | null;
  year_to: number | null;
  edition_type: string | null;
  binding: string | null;
  grade: string | null;
  damage_grade: string | null;
  precious: boolean;
  image_id: string | null;
  /** The holding institution's reading-room networks (result pages; who reads on site). */
  on_site_networks?: string[] | null;
}

/** The reviewers assigned to these records (a reviewer sees the restricted images of their records). */
export async function assignedReviewers(
  em: EntityManager,
  recordIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (!recordIds.length) return new Map();
  const rows = await em.execute<Array<{ id: string; assigned_reviewer_id: string | null }>>(
    'select id, assigned_reviewer_id from census_record where id = any(?::uuid[])',
    [arrayLiteral(recordIds)],
  );
  return new Map(rows.map((r) => [r.id, r.assigned_reviewer_id]));
}

/** Title matches first (title starting with the first term, then containing every term), then by number. */
function rankSql(terms: readonly string[]): { sql: string; bindings: unknown[] } {
  if (!terms.length) return { sql: '0', bindings: [] };
  const all = terms.map(() => 'strpos(e.title_key, ?) > 0').join(' and ');
  return {
    sql: `case when starts_with(e.title_key, ?) then 0 when ${all} then 1 else 2 end`,
    bindings: [terms[0]!, ...terms],
  };
}

/** Facet counts: per facet, the values seen and how often. */
export type FacetCounts = FacetCountLists<FacetName>;

/**
 * Counts per facet value and the total, in one pass: over every matching entry (`limit` caps the
 * entries read) or over a page sample of the catalogue (`samplePercent`, TABLESAMPLE SYSTEM with a
 * fixed seed so that repeating a search repeats its estimate).
 */
export async function countFacets(
  em: EntityManager,
  filter: CatalogueFilter,
  scope: { limit?: number; samplePercent?: number } = {},
): Promise<{ total: number; counts: FacetCounts }> {
  const images = await hasImagesTable(em);
  const sampled = scope.samplePercent !== undefined;
  const where = catalogueWhere(filter, images, { tokens: !sampled });
  const columns = FACET_COLUMNS.map(([, c]) => c);
  const hasImages = images ? `exists (select 1 ${PAGES_OF_ENTRY})` : 'false';
  const from = sampled ? 'catalogue_entry e tablesample system (?) repeatable (0)' : 'catalogue_entry e';
  const rows = await em.execute<Array<Record<string, unknown> & { g: number; n: number }>>(
    `select grouping(${columns.join(', ')}) as g, ${columns.join(', ')}, count(*)::int as n
       from (select ${columns
         .filter((c) => c !== 'has_images')
         .map((c) => `e.${c}`)
         .join(', ')},
                    ${hasImages} as has_images
               from ${from} where ${where.sql} ${scope.limit !== undefined ? 'limit ?' : ''}) e
      group by grouping sets (${columns.map((c) => `(${c})`).join(', ')}, ())`,
    [
      ...(sampled ? [scope.samplePercent] : []),
      ...where.bindings,
      ...(scope.limit !== undefined ? [scope.limit] : []),
    ],
  );
  const all = (1 << columns.length) - 1;
  const counts = Object.fromEntries(FACET_COLUMNS.map(([name]) => [name, []])) as unknown as FacetCounts;
  let total = 0;
  for (const row of rows) {
    if (row.g === all) {
      total = row.n;
      continue;
    }
    const index = columns.findIndex((_, i) => row.g === (all ^ (1 << (columns.length - 1 - i))));
    if (index < 0) continue;
    const [name, column] = FACET_COLUMNS[index]!;
    counts[name].push({ value: row[column] as string | boolean | null, count: row.n });
  }
  for (const list of Object.values(counts)) list.sort((a, b) => b.count - a.count);
  return { total, counts };
}

/** Names of institutions and provinces for facet labels. */
export async function facetLabels(em: EntityManager, institutionIds: readonly string[]) {
  const [institutions, provinces] = await Promise.all([
    institutionIds.length
      ? em.execute<Array<{ id: string; name: string }>>(
          `select id, name from institution where id in (${institutionIds.map(() => '?').join(', ')})`,
          [...institutionIds],
        )
      : Promise.resolve([]),
    em.execute<Array<{ code: string; name_zh: string; name_en: string }>>(
      'select code, name_zh, name_en from province',
    ),
  ]);
  return {
    institutions: new Map(institutions.map((i) => [i.id, i.name])),
    provinces: new Map(provinces.map((p) => [p.code, { zh: p.name_zh, en: p.name_en }])),
  };
}

/** Distinct titles for suggestions: title matches first, then the most catalogued. */
export async function suggestTitles(
  em: EntityManager,
  filter: CatalogueFilter,
  limit: number,
): Promise<Array<{ title: string; n: number }>> {
  const where = catalogueWhere(filter, false);
  const rank = rankSql(filter.terms);
  // Bounded candidate set: a one-character prefix can match millions of entries.
  return em.execute(
    `select title, count(*)::int as n, min(rank) as rank from (
        select e.title, ${rank.sql} as rank from catalogue_entry e where ${where.sql} limit 2000) c
      group by title order by rank, n desc, title limit ?`,
    [...rank.bindings, ...where.bindings, limit],
  );
}

/** Change-log rows for one feed page (ascending id) and the total count. */
export async function changesPage(em: EntityManager, offset: number, limit: number) {
  const [rows, counted] = await Promise.all([
    em.execute<Array<{ id: string; census_number: string; type: string; at: Date }>>(
      'select id, census_number, type, at from published_change order by id limit ? offset ?',
      [limit, offset],
    ),
    em.execute<Array<{ n: number }>>('select count(*)::int as n from published_change'),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

/**
 * How many entries match (no facet counts): the results page shows the total only. `samplePercent`
 * counts in a sample of the catalogue instead; `limit` stops counting there.
 */
export async function countMatches(
  em: EntityManager,
  filter: CatalogueFilter,
  scope: { limit?: number; samplePercent?: number } = {},
): Promise<number> {
  const images = await hasImagesTable(em);
  const sampled = scope.samplePercent !== undefined;
  const where = catalogueWhere(filter, images, { tokens: !sampled });
  const from = sampled ? 'catalogue_entry e tablesample system (?) repeatable (0)' : 'catalogue_entry e';
  const [row] = await em.execute<Array<{ n: number }>>(
    `select count(*)::int as n from (select 1 from ${from} where ${where.sql} ${scope.limit !== undefined ? 'limit ?' : ''}) e`,
    [
      ...(sampled ? [scope.samplePercent] : []),
      ...where.bindings,
      ...(scope.limit !== undefined ? [scope.limit] : []),
    ],
  );
  return row!.n;
}
