// SQL of one result page of the public catalogue, read one ranking tier at a time along one of
// two paths (catalogue-search.service.ts findPage decides which): walk the census-number order,
// or fetch every match through the GIN token indexes and sort them (optionally capped).

import type { EntityManager } from '@mikro-orm/postgresql';
import { catalogueWhere, walkRange, type CatalogueFilter } from './catalogue-where.js';
import { hasImagesTable, type EntryRow } from './catalogue.repository.js';
import { PAGES_OF_ENTRY } from './page-images.sql.js';
import { pgTextArray } from './catalogue-entry.rules.js';
import { CATALOGUE_WALK_COLUMNS } from './catalogue-entry.entity.js';

// A walk that reads only the walk index's columns never visits the table.
const WALK_COLUMNS = ['census_number', ...CATALOGUE_WALK_COLUMNS].join(', ');

/** Result columns of a page, joined with the institution and province names and what deciding a thumbnail needs. */
export async function selectEntries(
  em: EntityManager,
  inner: string,
  bindings: unknown[],
): Promise<EntryRow[]> {
  const images = await hasImagesTable(em);
  const image = images
    ? `(select ri.id::text ${PAGES_OF_ENTRY} and ri.status = 'ready' order by ri.sequence limit 1)`
    : 'null';
  return em.execute<EntryRow[]>(
    `select e.record_id, e.census_number, e.type, e.title, e.authors, e.edition, e.institution_id,
            i.name as institution_name, i.rights_statement, e.province_code, pr.name_zh as province_zh, pr.name_en as province_en,
            e.document_type, e.classification, e.dynasty, e.year_from, e.year_to, e.edition_type,
            e.binding, e.grade, e.damage_grade, e.precious, ${image} as image_id,
            i.on_site_networks, r.assigned_reviewer_id
       from (${inner}) e
       join institution i on i.id = e.institution_id
       join census_record r on r.id = e.record_id
       left join province pr on pr.code = e.province_code
      order by e.census_number`,
    bindings,
  );
}

/**
 * One page of one ranking tier (or of everything: `tier` undefined, no terms) walking the
 * census-number order and stopping after a page of matches (catalogue-plan.rules.ts decides when),
 * or after `walkBudget` entries — then the page may be short although more entries match.
 */
export async function walkTierPage(
  em: EntityManager,
  filter: CatalogueFilter,
  tier: 'title' | 'rest' | undefined,
  limit: number,
  offset: number,
  walkBudget = Number.MAX_SAFE_INTEGER,
): Promise<EntryRow[]> {
  const where = catalogueWhere(filter, await hasImagesTable(em), { tier, tokens: false });
  // The planner cannot know how soon a walk meets a page of substring matches (it guesses "rarely"
  // and would scan the whole table and sort): only the walk is left to it, for this statement only.
  // The walk reads the walk index alone; only the page's own entries are then read from the table.
  return em.transactional(async (tx) => {
    await tx.execute(
      `set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_sort = off;
       set local max_parallel_workers_per_gather = 0`,
    );
    const range = walkRange(filter);
    return selectEntries(
      tx,
      `select c.* from catalogue_entry c join (
          select e.census_number from (
              select ${WALK_COLUMNS} from catalogue_entry e where ${range.sql} order by e.census_number limit ?) e
           where ${where.sql} order by e.census_number limit ? offset ?) w on w.census_number = c.census_number`,
      [...range.bindings, walkBudget, ...where.bindings, limit, offset],
    );
  });
}

/**
 * One page of one tier through the GIN token indexes: every match is found and sorted by number,
 * and how many the tier holds comes with the page. With a `cap`, gives up (`undefined`) when the
 * tier holds more than `cap` entries, after reading `cap` + 1.
 */
export async function indexTierPage(
  em: EntityManager,
  filter: CatalogueFilter,
  tier: 'title' | 'rest',
  limit: number,
  offset: number,
  cap = Number.MAX_SAFE_INTEGER,
): Promise<{ rows: EntryRow[]; matches: number } | undefined> {
  const where = catalogueWhere(filter, await hasImagesTable(em), { tier });
  const [found] = await em.transactional(async (tx) => {
    // Without an order (or with a LIMIT) the planner may prefer a scan in some order that "soon"
    // finds the matches: only the token indexes may serve this statement.
    await tx.execute('set local enable_seqscan = off; set local enable_indexscan = off');
    // Only the numbers are sorted; the page's entries are read afterwards.
    return tx.execute<Array<{ n: number; page: string[] }>>(
      `with m as materialized (select e.census_number from catalogue_entry e where ${where.sql} limit ?)
       select (select count(*)::int from m) as n,
              array(select census_number::text from m order by census_number limit ? offset ?) as page`,
      [...where.bindings, Math.min(cap + 1, Number.MAX_SAFE_INTEGER), limit, offset],
    );
  });
  if (!found || found.n > cap) return undefined;
  const rows = found.page.length
    ? await selectEntries(em, 'select e.* from catalogue_entry e where e.census_number = any(?::text[])', [
        pgTextArray(found.page),
      ])
    : [];
  return { rows, matches: found.n };
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
