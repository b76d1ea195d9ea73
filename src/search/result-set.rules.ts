// A query's result set as far as it is known, kept between its pages the way search servers keep
// result windows: for each ranking tier, its first matches in census-number order. A later page
// is a slice of what is known, or continues reading after the last known match instead of finding
// every earlier match again. Pure: which matches a page needs, and what a read adds.

import type { CountingSettings, TokenStats } from './catalogue-plan.rules.js';
import type { CatalogueCounts } from './catalogue-count.service.js';

/** The ranking tiers: every term in a title, the rest; or every entry when there are no terms. */
export type TierName = 'title' | 'rest' | 'all';

/** What is known of one tier. */
export interface TierPrefix {
  /** Its first matches in census-number order (census numbers). */
  readonly numbers: readonly string[];
  /** How many matches it holds, once known (then `numbers` may still be fewer). */
  readonly size?: number;
}

/** A query's kept state: its plan inputs, the known prefix of each tier, and its counts once made. */
export interface ResultSet {
  readonly stats: TokenStats;
  readonly counting: CountingSettings;
  readonly tiers: Readonly<Record<TierName, TierPrefix>>;
  readonly total?: { readonly total: number; readonly totalApproximate: boolean };
  readonly counts?: CatalogueCounts;
}

// Up to how many matches of a tier are kept (Elasticsearch's result window is 10,000 too): pages
// beyond are read after the last kept match without keeping them.
export const KEPT_MATCHES = 10_000;
// Once a reader turns past the first page, a kept tier is read ahead to the next multiple of this
// many matches, so that the pages they turn to next are slices of what is kept. The first page
// reads only itself: most readers stop there, and it must come fastest.
export const READ_AHEAD = 200;

const EMPTY: TierPrefix = { numbers: [] };

/** A result set that knows nothing of its tiers yet. */
export function newResultSet(stats: TokenStats, counting: CountingSettings): ResultSet {
  return { stats, counting, tiers: { title: EMPTY, rest: EMPTY, all: EMPTY } };
}

/** Whether the prefix is the whole tier. */
export function isComplete(prefix: TierPrefix): boolean {
  return prefix.size !== undefined && prefix.numbers.length >= prefix.size;
}

/**
 * How a page of a tier (`offset`, `limit` within the tier) is answered:
 * - `known`: from the prefix (`size` when the page shows the tier's end);
 * - `extend`: read `want` matches after `after` and keep them, then slice;
 * - `beyond`: past what is kept: read `want` matches after `after`, skipping `skip`, keep nothing;
 *   `known` holds the page's first matches that are kept already.
 */
export type TierPagePlan =
  | { readonly kind: 'known'; readonly numbers: readonly string[]; readonly size?: number }
  | { readonly kind: 'extend'; readonly after?: string; readonly want: number }
  | {
      readonly kind: 'beyond';
      readonly known: readonly string[];
      readonly after?: string;
      readonly skip: number;
      readonly want: number;
    };

export function planTierPage(
  prefix: TierPrefix,
  offset: number,
  limit: number,
  readAhead: boolean,
): TierPagePlan {
  const end = offset + limit;
  const held = prefix.numbers.length;
  if (held >= end || isComplete(prefix)) {
    const numbers = prefix.numbers.slice(offset, end);
    return numbers.length < limit && prefix.size !== undefined
      ? { kind: 'known', numbers, size: prefix.size }
      : { kind: 'known', numbers };
  }
  const after = held ? prefix.numbers[held - 1] : undefined;
  const afterField = after === undefined ? {} : { after };
  if (end <= KEPT_MATCHES) {
    const target = readAhead ? Math.min(KEPT_MATCHES, Math.ceil(end / READ_AHEAD) * READ_AHEAD) : end;
    return { kind: 'extend', ...afterField, want: target - held };
  }
  const known = prefix.numbers.slice(offset, end);
  return {
    kind: 'beyond',
    known,
    ...afterField,
    skip: Math.max(0, offset - held),
    want: limit - known.length,
  };
}

/**
 * The prefix after reading `read` matches past its end when `want` were asked for: fewer than asked
 * means the tier ends there. `remaining`: how many matches the read counted past the old end.
 */
export function extendPrefix(
  prefix: TierPrefix,
  read: readonly string[],
  want: number,
  remaining?: number,
): TierPrefix {
  const numbers = [...prefix.numbers, ...read];
  const size =
    read.length < want
      ? numbers.length
      : remaining !== undefined
        ? prefix.numbers.length + remaining
        : prefix.size;
  return size === undefined ? { numbers } : { numbers, size };
}

/**
 * How many matches a tier holds as learned from a `beyond` read: known when the read came back
 * short (the tier ends inside the page) or when the read counted the rest.
 */
export function sizeFromBeyond(
  prefix: TierPrefix,
  plan: { readonly skip: number; readonly want: number },
  read: readonly string[],
  remaining?: number,
): number | undefined {
  const held = prefix.numbers.length;
  if (remaining !== undefined) return held + remaining;
  // An empty read that skipped matches only says the tier ends somewhere before the page.
  if (read.length < plan.want && (read.length > 0 || plan.skip === 0)) return held + plan.skip + read.length;
  return prefix.size;
}

/**
 * The matches known after the first `end` of a query, in rank order, at most `count`: with terms,
 * the title tier's and then, once the title tier is whole, the rest's; without, every entry's.
 */
export function knownAfter(set: ResultSet, hasTerms: boolean, end: number, count: number): string[] {
  if (!hasTerms) return set.tiers.all.numbers.slice(end, end + count);
  const { title, rest } = set.tiers;
  const fromTitle = title.numbers.slice(end, end + count);
  if (fromTitle.length === count || !isComplete(title)) return fromTitle;
  const restStart = Math.max(0, end - title.numbers.length);
  return [...fromTitle, ...rest.numbers.slice(restStart, restStart + count - fromTitle.length)];
}

/**
 * Whether a reader whose page ended at `end` should have the query read on before they turn again:
 * fewer than READ_AHEAD matches are known past the page, more may exist, and they would be kept.
 * Browsing (no terms) is never read ahead (see catalogue-ranking.service.ts).
 */
export function wantsReadAhead(set: ResultSet, hasTerms: boolean, end: number): boolean {
  if (!hasTerms || end + READ_AHEAD > KEPT_MATCHES) return false;
  if (isComplete(set.tiers.title) && isComplete(set.tiers.rest)) return false;
  return knownAfter(set, hasTerms, end, READ_AHEAD).length < READ_AHEAD;
}

/** About how many bytes a result set holds (for the cache's bound): its census numbers as strings. */
export function resultSetBytes(set: ResultSet): number {
  let bytes = 4096;
  for (const prefix of Object.values(set.tiers)) for (const n of prefix.numbers) bytes += 32 + 2 * n.length;
  return bytes;
}
