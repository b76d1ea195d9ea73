// What a catalogue query selects, as the search API and the server-rendered results page both read
// it: the query's terms, the facet values it names (resolved against the code lists), and the
// token statistics and counting settings that plan its page and its count.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogueSearchQuery } from './catalogue.schemas.js';
import { resolveFacetFilters } from './facet-values.service.js';
import { queryTerms } from './search-key.rules.js';
import type { CatalogueFilter } from './catalogue-where.js';
import { tokenCounts } from './catalogue-token.repository.js';
import { readSetting } from '../settings/settings.service.js';
import {
  DEFAULT_COUNTING,
  requiredTokens,
  type CountingSettings,
  type TokenStats,
} from './catalogue-plan.rules.js';
import type { Caches } from '../kernel/caches.js';

const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

/** The filter a query asks for. */
export async function catalogueFilterOf(
  em: EntityManager,
  query: CatalogueSearchQuery,
  caches: Caches,
): Promise<CatalogueFilter> {
  return {
    terms: queryTerms(query.q ?? ''),
    facets: await resolveFacetFilters(em, query, caches),
    type: query.type,
    hasImages: flag(query.hasImages),
    precious: flag(query.precious),
    yearFrom: query.yearFrom,
    yearTo: query.yearTo,
  };
}

/** How common the filter's required tokens are, and the counting settings (exact limit, sample). */
export async function searchPlanInputs(
  em: EntityManager,
  filter: CatalogueFilter,
): Promise<{ stats: TokenStats; counting: CountingSettings }> {
  const [stats, settings] = await Promise.all([
    tokenCounts(em, requiredTokens(filter.terms)),
    readSetting<Partial<CountingSettings>>(em, 'catalogue_counting', {}),
  ]);
  return { stats, counting: { ...DEFAULT_COUNTING, ...settings } };
}
