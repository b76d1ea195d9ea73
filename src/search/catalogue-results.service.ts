// Use case: the server-rendered results page (/catalogue/search) — a page of results and the
// total, without the facet counts the interactive /catalogue shows (the page has no facets, and
// counting them is most of a broad query's cost).

import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogueSearchQuery } from './catalogue.schemas.js';
import { resolveFacetFilters } from './facet-values.service.js';
import { queryTerms } from './search-key.rules.js';
import { isFiltered, type CatalogueFilter } from './catalogue-where.js';
import { presentEntry } from './catalogue.presenter.js';
import { tokenCounts } from './catalogue-token.repository.js';
import { readSetting } from '../settings/settings.service.js';
import { DEFAULT_COUNTING, requiredTokens, type CountingSettings } from './catalogue-plan.rules.js';
import { countCatalogueTotal } from './catalogue-count.service.js';
import { thumbnailsFor, type CatalogueReader } from './catalogue-thumbnails.service.js';
import { findPage } from './catalogue-search.service.js';
import type { ImageAccess } from '../images/image-access.service.js';
import type { Caches } from '../kernel/caches.js';

const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

/**
 * A page of results in rank order and the total (estimated above the exact limit, as the search
 * API counts), with the reader's thumbnails; `variesByReader`: keep out of shared caches.
 */
export async function catalogueResultsFor(
  em: EntityManager,
  access: ImageAccess,
  query: CatalogueSearchQuery,
  reader: CatalogueReader,
  caches: Caches,
) {
  const facets = await resolveFacetFilters(em, query, caches);
  const filter: CatalogueFilter = {
    terms: queryTerms(query.q ?? ''),
    facets,
    type: query.type,
    hasImages: flag(query.hasImages),
    precious: flag(query.precious),
    yearFrom: query.yearFrom,
    yearTo: query.yearTo,
  };
  const [stats, settings] = await Promise.all([
    tokenCounts(em, requiredTokens(filter.terms)),
    readSetting<Partial<CountingSettings>>(em, 'catalogue_counting', {}),
  ]);
  const counting = { ...DEFAULT_COUNTING, ...settings };
  const [rows, counted] = await Promise.all([
    findPage(em, filter, stats, query.pageSize, (query.page - 1) * query.pageSize),
    countCatalogueTotal(em, filter, isFiltered(filter), stats, counting),
  ]);
  const thumbnails = await thumbnailsFor(em, access, rows, reader);
  return {
    body: {
      total: counted.total,
      totalApproximate: counted.totalApproximate,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((row) => presentEntry(row, filter.terms, thumbnails.shown.has(row.record_id))),
    },
    variesByReader: thumbnails.variesByReader,
  };
}
