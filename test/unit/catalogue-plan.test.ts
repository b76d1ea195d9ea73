import test from 'ava';
import {
  countPlan,
  DEFAULT_COUNTING,
  estimateFromSample,
  isSingleToken,
  matchBound,
  pagePath,
  requiredTokens,
  scaleCounts,
  type TokenStats,
} from '../../src/search/catalogue-plan.rules.js';

const stats: TokenStats = {
  entries: 1_000_000,
  counts: new Map([
    ['宋', { count: 300_000, titleCount: 20_000 }],
    ['朱熹', { count: 40_000, titleCount: 0 }],
    ['陆宣', { count: 900, titleCount: 800 }],
    ['宣公', { count: 1200, titleCount: 850 }],
  ]),
};

test('the rarest required token bounds the matches; no terms means every entry', (t) => {
  t.deepEqual(requiredTokens(['陆宣公']), ['陆宣', '宣公']);
  t.is(matchBound(['陆宣公'], stats, 'count'), 900);
  t.is(matchBound(['陆宣公'], stats, 'titleCount'), 800);
  t.is(matchBound(['朱熹'], stats, 'titleCount'), 0);
  t.is(matchBound(['从未'], stats, 'count'), 0);
  t.is(matchBound([], stats, 'count'), 1_000_000);
});

test('only terms of one or two characters are a single token', (t) => {
  t.true(isSingleToken(['宋']));
  t.true(isSingleToken(['朱熹']));
  t.false(isSingleToken(['陆宣公']));
  t.false(isSingleToken(['宋', '元']));
  // Three equal characters have one distinct pair but are not that pair.
  t.false(isSingleToken(['亹亹亹']));
});

test('pages of dense queries walk the census-number order, sparse ones use the index', (t) => {
  t.is(pagePath(300_000, 1_000_000, 20), 'ordered');
  t.is(pagePath(900, 1_000_000, 20), 'index');
  t.is(pagePath(0, 1_000_000, 20), 'index');
  // Deep pages need more matches before a walk pays.
  t.is(pagePath(10_000, 1_000_000, 20), 'ordered');
  t.is(pagePath(10_000, 1_000_000, 2000), 'index');
  // An upper bound (several tokens, filters) may overstate the matches: lean towards the index.
  t.is(pagePath(4000, 1_000_000, 20), 'ordered');
  t.is(pagePath(4000, 1_000_000, 20, false), 'index');
});

test('counts are exact up to the limit, sampled above it, with exact totals where the statistics know them', (t) => {
  t.deepEqual(countPlan(['陆宣公'], false, stats, DEFAULT_COUNTING), { kind: 'exact' });
  const broad = countPlan(['宋'], false, stats, DEFAULT_COUNTING);
  t.is(broad.kind, 'sample');
  if (broad.kind !== 'sample') return;
  t.is(broad.exactTotal, 300_000);
  // About sampleMatches matches expected: 1,000 / 30 % of the entries ≈ 3,333 entries ≈ 0.33 %.
  t.true(Math.abs(broad.percent - 0.3333) < 0.001, String(broad.percent));
  const filtered = countPlan(['宋'], true, stats, DEFAULT_COUNTING);
  t.true(filtered.kind === 'sample' && filtered.exactTotal === undefined);
  const browse = countPlan([], false, stats, DEFAULT_COUNTING);
  t.true(browse.kind === 'sample' && browse.exactTotal === 1_000_000);
  // A rare-ish query never samples more than maxSampleRows entries.
  const mid = countPlan(
    ['宣公'],
    false,
    { ...stats, entries: 100_000_000 },
    { ...DEFAULT_COUNTING, exactLimit: 10 },
  );
  t.true(mid.kind === 'sample' && Math.abs(mid.percent - 0.02) < 1e-9, JSON.stringify(mid));
  t.deepEqual(countPlan(['宣公'], false, stats, { ...DEFAULT_COUNTING, exactLimit: 1199 }).kind, 'sample');
});

test('the estimate from a sample never exceeds the bound of the rarest token', (t) => {
  const plan = countPlan(['宋', '朱熹'], true, stats, DEFAULT_COUNTING);
  t.true(plan.kind === 'sample' && plan.bound === 40_000, JSON.stringify(plan));
  if (plan.kind !== 'sample') return;
  t.is(estimateFromSample(plan, 10), Math.round(1000 / plan.percent));
  // Matches clustered where the sample fell: scaled up they would be more than can match.
  t.is(estimateFromSample(plan, 100_000), 40_000);
});

test('sampled counts scale to the total, seen values never vanish', (t) => {
  const scaled = scaleCounts(
    {
      province: [
        { value: '350000', count: 600 },
        { value: '320000', count: 399 },
        { value: '110000', count: 1 },
      ],
    },
    1000,
    100_000,
  );
  t.deepEqual(scaled.province, [
    { value: '350000', count: 60_000 },
    { value: '320000', count: 39_900 },
    { value: '110000', count: 100 },
  ]);
  t.deepEqual(scaleCounts({ x: [{ value: 'a', count: 1 }] }, 1000, 10).x, [{ value: 'a', count: 1 }]);
});
