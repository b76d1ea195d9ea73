import type { EntityManager } from '@mikro-orm/postgresql';
import { countFacets, countMatches, type FacetCounts } from './catalogue.repository.js';
import type { CatalogueFilter } from './catalogue-where.js';
import {
  countPlan,
  estimateFromSample,
  scaleCounts,
  type CountingSettings,
  type TokenStats,
} from './catalogue-plan.rules.js';

/** Total and facet counts of a query, and whether they are estimates. */
export interface CatalogueCounts {
  total: number;
  counts: FacetCounts;
  /** Some count (facet or total) is estimated from a sample. */
  approximate: boolean;
  /** The total itself is estimated. */
  totalApproximate: boolean;
}

// Below this many matches in a sample an estimate is mostly noise: count exactly instead, up to
// the exact limit.
const MIN_SAMPLED_MATCHES = 100;

/**
 * Counts a query's matches per facet within the latency budget (catalogue-plan.rules.ts): exactly
 * when few entries can match; otherwise from a sample, scaled to the exact total when the token
 * statistics know it (unfiltered one- or two-character queries, browsing) or to the sample's
 * estimate of it.
 */
export async function countCatalogue(
  em: EntityManager,
  filter: CatalogueFilter,
  filtered: boolean,
  stats: TokenStats,
  settings: CountingSettings,
): Promise<CatalogueCounts> {
  const plan = countPlan(filter.terms, filtered, stats, settings);
  if (plan.kind === 'exact') {
    return { ...(await countFacets(em, filter)), approximate: false, totalApproximate: false };
  }
  const sample = await countFacets(em, filter, { samplePercent: plan.percent });
  const estimate = estimateFromSample(plan, sample.total);
  if (plan.exactTotal !== undefined && sample.total > 0) {
    const total = plan.exactTotal;
    return {
      total,
      counts: scaleCounts(sample.counts, sample.total, total),
      approximate: true,
      totalApproximate: false,
    };
  }
  if (sample.total >= MIN_SAMPLED_MATCHES) {
    return {
      total: estimate,
      counts: scaleCounts(sample.counts, sample.total, estimate),
      approximate: true,
      totalApproximate: true,
    };
  }
  const capped = await countFacets(em, filter, { limit: settings.exactLimit + 1 });
  if (capped.total <= settings.exactLimit) return { ...capped, approximate: false, totalApproximate: false };
  // More than the limit, too few in the sample: the first entries found stand in for the sample.
  const total = plan.exactTotal ?? Math.max(capped.total, estimate);
  return {
    total,
    counts: scaleCounts(capped.counts, capped.total, total),
    approximate: true,
    totalApproximate: plan.exactTotal === undefined,
  };
}

/**
 * The total alone, by the same plan as countCatalogue (exact when few can match, else the token
 * statistics' exact count or a sample's estimate) but without counting any facet.
 */
export async function countCatalogueTotal(
  em: EntityManager,
  filter: CatalogueFilter,
  filtered: boolean,
  stats: TokenStats,
  settings: CountingSettings,
): Promise<{ total: number; totalApproximate: boolean }> {
  const plan = countPlan(filter.terms, filtered, stats, settings);
  if (plan.kind === 'exact') return { total: await countMatches(em, filter), totalApproximate: false };
  if (plan.exactTotal !== undefined) return { total: plan.exactTotal, totalApproximate: false };
  const sample = await countMatches(em, filter, { samplePercent: plan.percent });
  const estimate = estimateFromSample(plan, sample);
  if (sample >= MIN_SAMPLED_MATCHES) return { total: estimate, totalApproximate: true };
  const capped = await countMatches(em, filter, { limit: settings.exactLimit + 1 });
  if (capped <= settings.exactLimit) return { total: capped, totalApproximate: false };
  return { total: Math.max(capped, estimate), totalApproximate: true };
}
