// SQL of one result page of the public catalogue: the census numbers of a ranking tier's matches,
// read from a start (after a census number) along one of two paths (catalogue-ranking.service.ts
// decides which) — walk the census-number order, or fetch every match through the GIN token
// indexes and sort them (optionally capped) — and then the page's entries by number.

import type { EntityManager } from '@mikro-orm/postgresql';
import { catalogueWhere, walkRange, type CatalogueFilter } from './catalogue-where.js';
import { hasImagesTable, type EntryRow } from './catalogue.repository.js';
import { PAGES_OF_ENTRY } from './page-images.sql.js';
import { executeBound, type StatementWarmUp } from '../kernel/bound-sql.js';
import { CATALOGUE_WALK_COLUMNS } from './catalogue-entry.entity.js';

// A walk that reads only the walk index's columns never visits the table.
const WALK_COLUMNS = ['census_number', ...CATALOGUE_WALK_COLUMNS].join(', ');

// The result columns of the entries `inner` selects (aliased e), joined with the institution and
// province names and what deciding a thumbnail needs for an open book. The census record is not
// joined: one row of that wide table per result cost more than the rest of the page's statement,
// and only a restricted book's thumbnail needs it (catalogue-thumbnails.service.ts asks for those).
function entriesSql(inner: string, images: boolean): string {
  const image = images
    ? `(select ri.id::text ${PAGES_OF_ENTRY} and ri.status = 'ready' order by ri.sequence limit 1)`
    : 'null';
  return `select e.record_id, e.census_number, e.type, e.title, e.authors, e.edition, e.institution_id,
            i.name as institution_name, i.rights_statement, e.province_code, pr.name_zh as province_zh, pr.name_en as province_en,
            e.document_type, e.classification, e.dynasty, e.year_from, e.year_to, e.edition_type,
            e.binding, e.grade, e.damage_grade, e.precious, ${image} as image_id,
            i.on_site_networks
       from (${inner}) e
       join institution i on i.id = e.institution_id
       left join province pr on pr.code = e.province_code
      order by e.census_number`;
}

/** Result columns of the entries `inner` selects (see entriesSql), in census-number order. */
export async function selectEntries(
  em: EntityManager,
  inner: string,
  bindings: unknown[],
): Promise<EntryRow[]> {
  return em.execute<EntryRow[]>(entriesSql(inner, await hasImagesTable(em)), bindings);
}

/** Where a read of a tier starts: after this census number, skipping this many matches. */
export interface TierStart {
  readonly after?: string;
  readonly skip: number;
}

// The statement's condition on where a read starts (keyset paging), and its binding.
function afterCondition(start: TierStart): { sql: string; bindings: unknown[] } {
  return start.after === undefined
    ? { sql: 'true', bindings: [] }
    : { sql: 'e.census_number > ?', bindings: [start.after] };
}

/**
 * The census numbers of up to `want` matches of one tier (or of everything: `tier` undefined, no
 * terms) from `start`, walking the census-number order and stopping after them — or after
 * `walkBudget` entries, when fewer may come back although more entries match.
 */
export async function walkTierNumbers(
  em: EntityManager,
  filter: CatalogueFilter,
  tier: 'title' | 'rest' | undefined,
  start: TierStart,
  want: number,
  walkBudget = Number.MAX_SAFE_INTEGER,
): Promise<string[]> {
  const where = catalogueWhere(filter, await hasImagesTable(em), { tier, tokens: false });
  // The planner cannot know how soon a walk meets a page of substring matches (it guesses "rarely"
  // and would scan the whole table and sort): only the walk is left to it, for this statement only.
  // The walk reads the walk index alone.
  const rows = await em.transactional(async (tx) => {
    await tx.execute(
      `set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_sort = off;
       set local max_parallel_workers_per_gather = 0`,
    );
    const range = walkRange(filter);
    const after = afterCondition(start);
    return tx.execute<Array<{ census_number: string }>>(
      `select e.census_number from (
           select ${WALK_COLUMNS} from catalogue_entry e where ${range.sql} and ${after.sql}
            order by e.census_number limit ?) e
        where ${where.sql} order by e.census_number limit ? offset ?`,
      [...range.bindings, ...after.bindings, walkBudget, ...where.bindings, want, start.skip],
    );
  });
  return rows.map((r) => r.census_number);
}

/**
 * The census numbers of up to `want` matches of one tier from `start`, through the GIN token
 * indexes: every match after `start.after` is found and sorted by number, and how many there are
 * (`remaining`) comes with them. With a `cap`, gives up (`undefined`) when more than `cap` remain,
 * after reading `cap` + 1.
 */
export async function indexTierNumbers(
  em: EntityManager,
  filter: CatalogueFilter,
  tier: 'title' | 'rest',
  start: TierStart,
  want: number,
  cap = Number.MAX_SAFE_INTEGER,
): Promise<{ numbers: string[]; remaining: number } | undefined> {
  const where = catalogueWhere(filter, await hasImagesTable(em), { tier });
  const after = afterCondition(start);
  const [found] = await em.transactional(async (tx) => {
    // Without an order (or with a LIMIT) the planner may prefer a scan in some order that "soon"
    // finds the matches: only the token indexes may serve this statement.
    await tx.execute('set local enable_seqscan = off; set local enable_indexscan = off');
    return tx.execute<Array<{ n: number; page: string[] }>>(
      `with m as materialized (select e.census_number from catalogue_entry e where ${where.sql} and ${after.sql} limit ?)
       select (select count(*)::int from m) as n,
              array(select census_number::text from m order by census_number limit ? offset ?) as page`,
      [...where.bindings, ...after.bindings, Math.min(cap + 1, Number.MAX_SAFE_INTEGER), want, start.skip],
    );
  });
  if (!found || found.n > cap) return undefined;
  return { numbers: found.page, remaining: found.n };
}

// A page's entries by census number: one named statement per SQL text (with or without the
// images table), so each pooled connection plans it once — planned afresh it cost more than it ran.
const BY_NUMBER = 'select e.* from catalogue_entry e where e.census_number = any(?::text[])';
const byNumber = (images: boolean): StatementWarmUp => ({
  statement: images ? 'catalogue_entries_by_number' : 'catalogue_entries_by_number_no_images',
  sql: entriesSql(BY_NUMBER, images),
  bindings: [[]],
});

/** The statement entriesInOrder runs, with an empty list: what warms a connection for it. */
export async function entriesWarmUp(em: EntityManager): Promise<StatementWarmUp> {
  return byNumber(await hasImagesTable(em));
}

/** The result rows of these census numbers, in the order given (numbers not in the catalogue are left out). */
export async function entriesInOrder(em: EntityManager, numbers: readonly string[]): Promise<EntryRow[]> {
  if (!numbers.length) return [];
  const { statement, sql } = byNumber(await hasImagesTable(em));
  const rows = await executeBound<EntryRow>(em, sql, [[...numbers]], statement);
  const position = new Map(numbers.map((n, i) => [n, i]));
  return rows.sort((a, b) => position.get(a.census_number)! - position.get(b.census_number)!);
}

/** How many entries one tier holds, counting no further than `cap`. */
export async function countTier(
  em: EntityManager,
  filter: CatalogueFilter,
  tier: 'title' | 'rest' | undefined,
  cap: number,
): Promise<number> {
  const where = catalogueWhere(filter, await hasImagesTable(em), { tier });
  const [row] = await em.execute<Array<{ n: number }>>(
    `select count(*)::int as n from (select 1 from catalogue_entry e where ${where.sql} limit ?) c`,
    [...where.bindings, cap],
  );
  return row?.n ?? 0;
}
