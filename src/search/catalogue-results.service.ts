// Use case: the server-rendered results page (/catalogue/search) — a page of results and the
// total, without the facet counts the interactive /catalogue shows (the page has no facets, and
// counting them is most of a broad query's cost).

import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogueSearchQuery } from './catalogue.schemas.js';
import { isFiltered } from './catalogue-where.js';
import { presentEntry } from './catalogue.presenter.js';
import { countCatalogueTotal } from './catalogue-count.service.js';
import { thumbnailsFor, type CatalogueReader } from './catalogue-thumbnails.service.js';
import { catalogueFilterOf } from './catalogue-filter.service.js';
import { resultPage } from './catalogue-result-page.service.js';
import type { ResultSetCache } from './result-set-cache.js';
import type { ImageAccess } from '../images/image-access.service.js';
import type { Caches } from '../kernel/caches.js';

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
  resultSets?: ResultSetCache,
) {
  const filter = await catalogueFilterOf(em, query, caches);
  const { rows, counted } = await resultPage(em, filter, resultSets, query, 'total', (set) =>
    countCatalogueTotal(em, filter, isFiltered(filter), set.stats, set.counting),
  );
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
