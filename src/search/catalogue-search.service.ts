import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogueSearchQuery } from './catalogue.schemas.js';
import { queryTerms } from './search-key.rules.js';
import { facetLabels, suggestTitles } from './catalogue.repository.js';
import { isFiltered } from './catalogue-where.js';
import { cachedBrowseFacets, cacheBrowseFacets } from './facet-cache.js';
import { catalogueVersion } from './catalogue-entry.repository.js';
import type { Caches } from '../kernel/caches.js';
import { presentEntry, presentFacets } from './catalogue.presenter.js';
import { countCatalogue } from './catalogue-count.service.js';
import type { ImageAccess } from '../images/image-access.service.js';
import { catalogueFilterOf } from './catalogue-filter.service.js';
import { PUBLIC_READER, thumbnailsFor, type CatalogueReader } from './catalogue-thumbnails.service.js';
import { resultPage } from './catalogue-result-page.service.js';
import type { ResultSet } from './result-set.rules.js';
import type { ResultSetCache } from './result-set-cache.js';

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
 * `resultSets`: where the query's result set is kept between its pages (none: nothing is kept).
 */
export async function searchCatalogueFor(
  em: EntityManager,
  access: ImageAccess,
  query: CatalogueSearchQuery,
  reader: CatalogueReader,
  caches: Caches,
  resultSets?: ResultSetCache,
) {
  const filter = await catalogueFilterOf(em, query, caches);
  const filtered = isFiltered(filter);
  const browseAll = !filter.terms.length && !filtered;
  const count = async (set: ResultSet) => {
    if (!browseAll) return countCatalogue(em, filter, filtered, set.stats, set.counting);
    const version = await catalogueVersion(em);
    const cached = cachedBrowseFacets(caches, version);
    if (cached) return cached;
    const counted = await countCatalogue(em, filter, filtered, set.stats, set.counting);
    cacheBrowseFacets(caches, version, counted);
    return counted;
  };
  const { rows, counted } = await resultPage(em, filter, resultSets, query, 'counts', count);
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
