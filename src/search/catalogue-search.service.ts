import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogueSearchQuery } from './catalogue.schemas.js';
import { queryTerms } from './search-key.rules.js';
import { facetLabels, suggestTitles } from './catalogue.repository.js';
import { countTier, indexTierPage, walkTierPage } from './catalogue-page.repository.js';
import type { EntryRow } from './catalogue.repository.js';
import { isFiltered, type CatalogueFilter } from './catalogue-where.js';
import { cachedBrowseFacets, cacheBrowseFacets } from './facet-cache.js';
import { catalogueVersion } from './catalogue-entry.repository.js';
import type { Caches } from '../kernel/caches.js';
import { presentEntry, presentFacets } from './catalogue.presenter.js';
import { isSingleToken, matchBound, pagePath, type TokenStats } from './catalogue-plan.rules.js';
import { countCatalogue } from './catalogue-count.service.js';
import type { ImageAccess } from '../images/image-access.service.js';
import { catalogueFilterOf, searchPlanInputs } from './catalogue-filter.service.js';
import { PUBLIC_READER, thumbnailsFor, type CatalogueReader } from './catalogue-thumbnails.service.js';

// How many times the expected number of entries a walk may read before the index takes over, and
// at least how many: walking the walk index costs well under a microsecond per entry.
const WALK_BUDGET = 4;
const MIN_WALK_BUDGET = 20_000;
// Up to how many matches of a tier the index fetches and sorts after a walk came up short.
const INDEX_CAP = 5000;

/**
 * One page in rank order: entries with every term in a title first, then the rest, each tier in
 * census-number order. Each tier is read on its own so that a broad query stops after a page.
 * `stats` must hold the counts of the terms' tokens (tokenCounts).
 */
export async function findPage(
  em: EntityManager,
  filter: CatalogueFilter,
  stats: TokenStats,
  limit: number,
  offset: number,
): Promise<EntryRow[]> {
  if (!filter.terms.length) return walkTierPage(em, filter, undefined, limit, offset);
  // A walk is planned from an upper bound of the matches; when filters or a phrase make them much
  // rarer, it gives up after a few times the entries it expected to read and the index answers
  // if that is cheaper than walking on. One token and no filter: the bound is the exact count.
  const exact = !isFiltered(filter) && isSingleToken(filter.terms);
  // A page of the tier, and how many entries the tier holds when that came with it.
  const tier = async (
    name: 'title' | 'rest',
    bound: number,
    tierLimit: number,
    tierOffset: number,
  ): Promise<{ rows: EntryRow[]; matches?: number }> => {
    if (bound === 0) return { rows: [], matches: 0 };
    if (pagePath(bound, stats.entries, tierOffset + tierLimit, exact) === 'index')
      return (await indexTierPage(em, filter, name, tierLimit, tierOffset))!;
    const budget = Math.max(
      MIN_WALK_BUDGET,
      Math.ceil((WALK_BUDGET * (tierOffset + tierLimit) * stats.entries) / bound),
    );
    const walked = await walkTierPage(em, filter, name, tierLimit, tierOffset, budget);
    if (walked.length === tierLimit) return { rows: walked };
    // Matches clustered beyond the budget (collections specialise: census numbers group them by
    // institution), or far fewer than the bound (it ignores filters, and several tokens of a
    // phrase each common but rarely together): the index answers if the tier is small after all.
    // A bound that is an exact count already says whether it is.
    if (!exact || bound <= INDEX_CAP) {
      const indexed = await indexTierPage(em, filter, name, tierLimit, tierOffset, INDEX_CAP);
      if (indexed) return indexed;
    }
    return { rows: await walkTierPage(em, filter, name, tierLimit, tierOffset) };
  };
  const title = await tier('title', matchBound(filter.terms, stats, 'titleCount'), limit, offset);
  if (title.rows.length === limit) return title.rows;
  // The page reaches past the title tier: how far the rest tier must skip.
  const titleCount =
    title.matches ??
    (title.rows.length || offset === 0
      ? offset + title.rows.length
      : await countTier(em, filter, 'title', offset));
  const rest = await tier(
    'rest',
    matchBound(filter.terms, stats, 'count'),
    limit - title.rows.length,
    Math.max(0, offset - titleCount),
  );
  return [...title.rows, ...rest.rows];
}

/** Searches the published catalogue as the public sees it (searchCatalogueFor a reader nobody knows). */
export async function searchCatalogue(
  em: EntityManager,
  access: ImageAccess,
  query: CatalogueSearchQuery,
  caches: Caches,
) {
  return (await searchCatalogueFor(em, access, query, PUBLIC_READER, caches)).body;
}

/**
 * Searches the published catalogue: `{items, total, facets}`. An empty query browses everything;
 * facet counts always describe the records that the query and filters select — exactly, or when
 * too many match to count in time, estimated from a sample and flagged `approximate`. Thumbnails
 * are the reader's (catalogue-thumbnails.service.ts); `variesByReader`: keep out of shared caches.
 */
export async function searchCatalogueFor(
  em: EntityManager,
  access: ImageAccess,
  query: CatalogueSearchQuery,
  reader: CatalogueReader,
  caches: Caches,
) {
  const filter = await catalogueFilterOf(em, query, caches);
  const filtered = isFiltered(filter);
  const browseAll = !filter.terms.length && !filtered;
  const [{ stats, counting }, version] = await Promise.all([
    searchPlanInputs(em, filter),
    browseAll ? catalogueVersion(em) : 0,
  ]);
  const cached = browseAll ? cachedBrowseFacets(caches, version) : undefined;
  const [rows, counted] = await Promise.all([
    findPage(em, filter, stats, query.pageSize, (query.page - 1) * query.pageSize),
    cached ?? countCatalogue(em, filter, filtered, stats, counting),
  ]);
  if (browseAll && !cached) cacheBrowseFacets(caches, version, counted);
  const [labels, thumbnails] = await Promise.all([
    facetLabels(
      em,
      counted.counts.institution.map((c) => String(c.value)),
    ),
    thumbnailsFor(em, access, rows, reader),
  ]);
  const body = {
    query: { q: query.q ?? '', terms: filter.terms },
    total: counted.total,
    approximate: counted.approximate,
    totalApproximate: counted.totalApproximate,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => presentEntry(row, filter.terms, thumbnails.shown.has(row.record_id))),
    facets: presentFacets(counted.counts, labels, filter.facets, filter),
  };
  return { body, variesByReader: thumbnails.variesByReader };
}

/** Title suggestions for what has been typed so far (distinct titles, title matches first). */
export async function suggestCatalogue(em: EntityManager, q: string) {
  const terms = queryTerms(q);
  if (!terms.length) return { query: q, suggestions: [] as Array<{ title: string; count: number }> };
  const rows = await suggestTitles(em, { terms, facets: {} }, 10);
  return { query: q, suggestions: rows.map((r) => ({ title: r.title, count: r.n })) };
}
