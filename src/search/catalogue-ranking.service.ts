// The census numbers of one page of a query in rank order — entries with every term in a title
// first, then the rest, each tier in census-number order — continued from what the query's result
// set already knows (result-set.rules.ts). Each tier is read on its own from where its known matches
// end, so that a broad query stops after a page and the next page does not find the first again.

import type { EntityManager } from '@mikro-orm/postgresql';
import { isFiltered, type CatalogueFilter } from './catalogue-where.js';
import { isSingleToken, matchBound, pagePath, type TokenStats } from './catalogue-plan.rules.js';
import { countTier, indexTierNumbers, walkTierNumbers, type TierStart } from './catalogue-page.repository.js';
import {
  extendPrefix,
  planTierPage,
  sizeFromBeyond,
  type ResultSet,
  type TierName,
  type TierPrefix,
} from './result-set.rules.js';

// How many times the expected number of entries a walk may read before the index takes over, and
// at least how many: walking the walk index costs well under a microsecond per entry.
const WALK_BUDGET = 4;
const MIN_WALK_BUDGET = 20_000;
// Up to how many matches of a tier the index fetches and sorts after a walk came up short.
const INDEX_CAP = 5000;

/** Matches read from a tier, and how many remain after the start when the read counted them. */
interface Read {
  readonly numbers: readonly string[];
  readonly remaining?: number;
}

/**
 * Up to `want` matches of a ranked tier from `start`. A walk is planned from an upper bound of the
 * matches; when filters or a phrase make them much rarer, it gives up after a few times the entries
 * it expected to read and the index answers if that is cheaper than walking on. One token and no
 * filter: the bound is the exact count.
 */
async function readMatches(
  em: EntityManager,
  filter: CatalogueFilter,
  stats: TokenStats,
  tier: 'title' | 'rest',
  start: TierStart,
  want: number,
): Promise<Read> {
  const exact = !isFiltered(filter) && isSingleToken(filter.terms);
  const bound = matchBound(filter.terms, stats, tier === 'title' ? 'titleCount' : 'count');
  if (bound === 0) return { numbers: [], remaining: 0 };
  const pageEnd = start.skip + want;
  if (pagePath(bound, stats.entries, pageEnd, exact) === 'index')
    return (await indexTierNumbers(em, filter, tier, start, want))!;
  const budget = Math.max(MIN_WALK_BUDGET, Math.ceil((WALK_BUDGET * pageEnd * stats.entries) / bound));
  const walked = await walkTierNumbers(em, filter, tier, start, want, budget);
  if (walked.length === want) return { numbers: walked };
  // Matches clustered beyond the budget (collections specialise: census numbers group them by
  // institution), or far fewer than the bound (it ignores filters, and several tokens of a phrase
  // each common but rarely together): the index answers if the tier is small after all. A bound
  // that is an exact count already says whether it is.
  if (!exact || bound <= INDEX_CAP) {
    const indexed = await indexTierNumbers(em, filter, tier, start, want, INDEX_CAP);
    if (indexed) return indexed;
  }
  return { numbers: await walkTierNumbers(em, filter, tier, start, want) };
}

/** Where a read starts: after `after` (none: at the tier's first match), skipping `skip` matches. */
const startAt = (after: string | undefined, skip: number): TierStart =>
  after === undefined ? { skip } : { after, skip };

/** A page of one tier: its numbers, the tier's size when the page showed it, and what is now known. */
async function tierPage(
  em: EntityManager,
  filter: CatalogueFilter,
  stats: TokenStats,
  tier: TierName,
  prefix: TierPrefix,
  page: { offset: number; limit: number; readAhead: boolean },
): Promise<{ numbers: readonly string[]; size?: number; prefix: TierPrefix }> {
  const read = (start: TierStart, want: number): Promise<Read> =>
    tier === 'all'
      ? walkTierNumbers(em, filter, undefined, start, want).then((numbers) => ({ numbers }))
      : readMatches(em, filter, stats, tier, start, want);
  // Browsing (no terms) reads only its page: its filter has no bound, and a rare one would make
  // a read-ahead walk on to the end of the catalogue for matches that are not there.
  const plan = planTierPage(prefix, page.offset, page.limit, page.readAhead && tier !== 'all');
  if (plan.kind === 'known') return { ...plan, prefix };
  if (plan.kind === 'extend') {
    const got = await read(startAt(plan.after, 0), plan.want);
    const extended = extendPrefix(prefix, got.numbers, plan.want, got.remaining);
    const sliced = planTierPage(extended, page.offset, page.limit, false);
    if (sliced.kind !== 'known') throw new Error('an extended tier must answer the page it was read for');
    return { ...sliced, prefix: extended };
  }
  const got = await read(startAt(plan.after, plan.skip), plan.want);
  const size = sizeFromBeyond(prefix, plan, got.numbers, got.remaining);
  const numbers = [...plan.known, ...got.numbers];
  return size === undefined
    ? { numbers, prefix }
    : { numbers, size, prefix: prefix.size === undefined ? { ...prefix, size } : prefix };
}

/**
 * The census numbers of one page (`offset`, `limit`) in rank order, and the result set with what
 * was learned on the way (`set` itself when nothing was). `readAhead`: read a kept tier ahead for
 * the next pages.
 */
export async function rankedPage(
  em: EntityManager,
  filter: CatalogueFilter,
  set: ResultSet,
  offset: number,
  limit: number,
  readAhead: boolean,
): Promise<{ numbers: readonly string[]; set: ResultSet }> {
  const page = (tier: TierName, tierOffset: number, tierLimit: number) =>
    tierPage(em, filter, set.stats, tier, set.tiers[tier], {
      offset: tierOffset,
      limit: tierLimit,
      readAhead,
    });
  // What was learned, in a new set; the same set when nothing was (then nothing is kept again).
  const learned = (tiers: Partial<Record<TierName, TierPrefix>>): ResultSet =>
    Object.entries(tiers).every(([name, prefix]) => set.tiers[name as TierName] === prefix)
      ? set
      : { ...set, tiers: { ...set.tiers, ...tiers } };
  if (!filter.terms.length) {
    const all = await page('all', offset, limit);
    return { numbers: all.numbers, set: learned({ all: all.prefix }) };
  }
  const title = await page('title', offset, limit);
  if (title.numbers.length === limit)
    return { numbers: title.numbers, set: learned({ title: title.prefix }) };
  // The page reaches past the title tier: how far the rest tier must skip.
  const titleSize =
    title.size ??
    (title.numbers.length || offset === 0
      ? offset + title.numbers.length
      : await countTier(em, filter, 'title', offset));
  const rest = await page('rest', Math.max(0, offset - titleSize), limit - title.numbers.length);
  return {
    numbers: [...title.numbers, ...rest.numbers],
    set: learned({ title: title.prefix, rest: rest.prefix }),
  };
}
