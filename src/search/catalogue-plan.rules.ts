// How to answer a catalogue query at national scale, decided from the token statistics before any
// entry is read. Two costs matter: finding the first page (scan the query's matches through the GIN
// index and sort them, or walk the census-number order and stop after a page of matches) and
// counting (exactly, or from a sample when the matches are too many to count within the latency
// target — flagged approximate in the answer). Pure: the numbers come in, the plan goes out.

import { queryTokens } from './search-key.rules.js';

/** Counting limits, kept as the `catalogue_counting` setting (data, not code). */
export interface CountingSettings {
  /** Up to this many possible matches, totals and facet counts are exact. */
  exactLimit: number;
  /** Above it, a sample is drawn that should hold about this many matches … */
  sampleMatches: number;
  /** … but reads no more than this many entries. */
  maxSampleRows: number;
}

// Measured at 3 million entries: 5,000 matches count exactly in ~25 ms; 20,000 sampled entries
// take ~20 ms, and 1,000 sampled matches estimate facet shares to a few per cent.
export const DEFAULT_COUNTING: CountingSettings = {
  exactLimit: 5000,
  sampleMatches: 1000,
  maxSampleRows: 20_000,
};

/** The statistics a plan needs: entries in the catalogue and per token (entry and title) counts. */
export interface TokenStats {
  entries: number;
  counts: ReadonlyMap<string, { count: number; titleCount: number }>;
}

/** Every index token the query's terms require (their pairs, or the single character). */
export function requiredTokens(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap(queryTokens))];
}

/**
 * At most how many entries (or titles) can match: the rarest required token's count, or every
 * entry when there are no terms. Filters are ignored, so this is an upper bound.
 */
export function matchBound(
  terms: readonly string[],
  stats: TokenStats,
  field: 'count' | 'titleCount',
): number {
  const tokens = requiredTokens(terms);
  if (!tokens.length) return stats.entries;
  return Math.min(...tokens.map((t) => stats.counts.get(t)?.[field] ?? 0));
}

/**
 * Whether a query is exactly one index token (a term of one or two characters): then the token's
 * count is its exact number of matches (tokens never span fields, like the substring match).
 */
export function isSingleToken(terms: readonly string[]): boolean {
  return terms.length === 1 && [...terms[0]!].length <= 2;
}

/** Where a page of one ranking tier comes from (see the file comment). */
export type PagePath = 'index' | 'ordered';

// A walk tests entries in census-number order in the walk index alone (an index-only scan, well
// under a microsecond each); the index path fetches each match from the table and sorts them
// (several microseconds each): an entry walked costs about this many entries fetched by index.
const WALK_COST = 0.1;
// When the bound is only an upper bound (several tokens, or filters), the matches may be far fewer:
// the index then reads fewer entries than counted and a walk more. Lean towards the index.
const UPPER_BOUND_WALK_COST = 1;

/**
 * Index when few entries can match; walk the census-number order when matches are dense enough
 * that a page of them turns up cheaper than fetching and sorting all of them. The walk reads
 * about pageEnd / density entries, density = bound / entries; the index reads bound entries.
 * `exact`: the bound is the number of matches (one token, no filter), not just an upper bound.
 */
export function pagePath(bound: number, entries: number, pageEnd: number, exact = true): PagePath {
  const walkCost = exact ? WALK_COST : UPPER_BOUND_WALK_COST;
  return bound * bound > walkCost * pageEnd * entries ? 'ordered' : 'index';
}

/** How the counts of a query are computed. */
export type CountPlan =
  { kind: 'exact' } | { kind: 'sample'; percent: number; exactTotal: number | undefined; bound: number };

/**
 * Exact when at most `exactLimit` entries can match; otherwise a page sample (TABLESAMPLE SYSTEM)
 * sized to hold about `sampleMatches` matches. An unfiltered query without terms, or of a single
 * token, still has an exact total from the statistics.
 */
export function countPlan(
  terms: readonly string[],
  filtered: boolean,
  stats: TokenStats,
  settings: CountingSettings,
): CountPlan {
  const bound = matchBound(terms, stats, 'count');
  if (bound <= settings.exactLimit) return { kind: 'exact' };
  const exactTotal = !filtered && (terms.length === 0 || isSingleToken(terms)) ? bound : undefined;
  const rows = Math.min(settings.maxSampleRows, (settings.sampleMatches * stats.entries) / bound);
  const percent = Math.min(100, Math.max(0.001, (100 * rows) / Math.max(1, stats.entries)));
  return { kind: 'sample', percent, exactTotal, bound };
}

/**
 * The number of matches a sample suggests, never more than the bound: a sample drawn where the
 * matches cluster (collections specialise) can overshoot, and no more entries can match than the
 * rarest token is in.
 */
export function estimateFromSample(plan: { percent: number; bound: number }, sampled: number): number {
  return Math.min(plan.bound, Math.round((sampled * 100) / plan.percent));
}

/** Facet counts as lists of value and count. */
export type FacetCountLists<K extends string> = Record<
  K,
  Array<{ value: string | boolean | null; count: number }>
>;

/**
 * Scales counts seen in a sample to the estimated total. Rounded, never below 1 for a value that
 * was seen (it exists), and never above the total.
 */
export function scaleCounts<K extends string>(
  counts: FacetCountLists<K>,
  sampled: number,
  total: number,
): FacetCountLists<K> {
  const factor = sampled > 0 ? total / sampled : 0;
  return Object.fromEntries(
    Object.entries(counts).map(([name, list]) => [
      name,
      (list as FacetCountLists<K>[K]).map((c) => ({
        value: c.value,
        count: Math.min(total, Math.max(1, Math.round(c.count * factor))),
      })),
    ]),
  ) as FacetCountLists<K>;
}
