import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import {
  catalogueSearchQuery,
  catalogueSearchResponse,
  catalogueSuggestQuery,
  catalogueSuggestResponse,
  changePageParams,
  sameEditionResponse,
} from './catalogue.schemas.js';
import { searchCatalogueFor, suggestCatalogue } from './catalogue-search.service.js';
import { openSearchDescription } from './opensearch.presenter.js';
import { changeFeed, changeFeedPage } from './change-discovery.service.js';
import { sameEditionCopies } from './same-edition.service.js';
import { recordCitations } from './citation.service.js';
import { censusNumberParams } from '../census/record.schemas.js';

const tag = 'Catalogue 公共目录检索';
const ACTIVITY_STREAMS = 'application/ld+json;profile="https://www.w3.org/ns/activitystreams"';
const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** The public catalogue: search, suggestions, OpenSearch description and the harvesting feed. */
export const catalogueRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/catalogue/search',
    summary:
      'Search published records (simplified, traditional and variant forms match alike); {items, total, facets}',
    tag,
    auth: 'public',
    query: catalogueSearchQuery,
    response: catalogueSearchResponse,
    handler: async ({ scope, query, deps }) => {
      const { body, variesByReader } = await searchCatalogueFor(
        scope.em,
        deps.imageAccess,
        query,
        { actor: scope.actor, address: scope.ip },
        deps.caches,
        deps.resultSets,
      );
      // Thumbnails of restricted books are the reader's own: never from a shared cache.
      return { body, ...(variesByReader ? { headers: { 'Cache-Control': 'private, no-store' } } : {}) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/catalogue/suggest',
    summary: 'Title suggestions for a partial query (format=opensearch: [query, [titles]])',
    tag,
    auth: 'public',
    query: catalogueSuggestQuery,
    response: z.union([catalogueSuggestResponse, z.tuple([z.string(), z.array(z.string())])]),
    handler: async ({ scope, query }) => {
      const result = await suggestCatalogue(scope.em, query.q);
      return {
        body: query.format === 'opensearch' ? [query.q, result.suggestions.map((s) => s.title)] : result,
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/catalogue/records/:censusNumber/same-edition',
    summary:
      'Other published copies of the same edition (同版: same title, persons and edition), {censusNumber, grouped, copies}',
    tag,
    auth: 'public',
    params: censusNumberParams,
    response: sameEditionResponse,
    handler: async ({ scope, params }) => ({ body: await sameEditionCopies(scope.em, params.censusNumber) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/catalogue/records/:censusNumber/citation',
    summary: 'Citations of a published record: GB/T 7714-2015 and Chicago, dated today, with its permalink',
    tag,
    auth: 'public',
    params: censusNumberParams,
    handler: async ({ scope, deps, params }) => ({
      body: await recordCitations(scope.em, params.censusNumber, base(deps.config.publicUrl)),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/catalogue/opensearch.xml',
    summary: 'OpenSearch 1.1 description of the catalogue search',
    tag,
    auth: 'public',
    handler: async ({ deps }) => ({
      body: openSearchDescription(base(deps.config.publicUrl)),
      headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/catalogue/changes',
    summary: 'IIIF Change Discovery 1.0 collection of published changes (for harvesting)',
    tag,
    auth: 'public',
    handler: async ({ scope, deps }) => ({
      body: await changeFeed(scope.em, base(deps.config.publicUrl)),
      headers: { 'Content-Type': ACTIVITY_STREAMS },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/catalogue/changes/page/:page',
    summary: 'One page of Create/Update/Delete activities, oldest first',
    tag,
    auth: 'public',
    params: changePageParams,
    handler: async ({ scope, deps, params }) => ({
      body: await changeFeedPage(scope.em, base(deps.config.publicUrl), params.page),
      headers: { 'Content-Type': ACTIVITY_STREAMS },
    }),
  }),
];
