// A query's result set between its pages (result-set.rules.ts, result-set-cache.ts): which pages
// are slices of what is known, how far a read goes (the page alone at first, then ahead to the
// next window, never past the kept limit), what a read teaches about a tier's size; and the cache:
// nothing kept while changes could go unheard or from reads that began before a change, one turn
// at a time per query, a failed turn blocking nobody.
import test from 'ava';
import {
  extendPrefix,
  isComplete,
  KEPT_MATCHES,
  knownAfter,
  newResultSet,
  planTierPage,
  READ_AHEAD,
  resultSetBytes,
  sizeFromBeyond,
  type ResultSet,
  type TierPrefix,
  wantsReadAhead,
} from '../../src/search/result-set.rules.js';
import { SpareTime } from '../../src/kernel/spare-time.js';
import { ResultSetCache } from '../../src/search/result-set-cache.js';
import { DEFAULT_COUNTING } from '../../src/search/catalogue-plan.rules.js';

const numbers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `350000-${String(from + i).padStart(7, '0')}`);
const prefix = (count: number, size?: number): TierPrefix =>
  size === undefined ? { numbers: numbers(0, count) } : { numbers: numbers(0, count), size };

test('a page within what is known is a slice; at the known end of a tier it says the size', (t) => {
  t.deepEqual(planTierPage(prefix(60), 20, 20, true), { kind: 'known', numbers: numbers(20, 20) });
  t.deepEqual(planTierPage(prefix(30, 30), 20, 20, true), {
    kind: 'known',
    numbers: numbers(20, 10),
    size: 30,
  });
  t.deepEqual(planTierPage(prefix(30, 30), 40, 20, true), { kind: 'known', numbers: [], size: 30 });
  t.deepEqual(planTierPage(prefix(0, 0), 0, 20, false), { kind: 'known', numbers: [], size: 0 });
});

test('the first page reads itself alone; later pages read ahead to the next window', (t) => {
  t.deepEqual(planTierPage(prefix(0), 0, 20, false), { kind: 'extend', want: 20 });
  const last = numbers(0, 20).at(-1);
  t.deepEqual(planTierPage(prefix(20), 20, 20, true), { kind: 'extend', after: last, want: READ_AHEAD - 20 });
  t.deepEqual(planTierPage(prefix(20), 20, 20, false), { kind: 'extend', after: last, want: 20 });
  // A jump to page 12 reads from the known end up to the window holding that page.
  t.deepEqual(planTierPage(prefix(20), 220, 20, true), {
    kind: 'extend',
    after: last,
    want: 2 * READ_AHEAD - 20,
  });
  // A size known without every number (the index counted the tier) still needs a read.
  t.is(planTierPage(prefix(20, 500), 20, 20, true).kind, 'extend');
});

test('no more than the kept limit is kept: deeper pages read after it, keeping nothing', (t) => {
  const near = planTierPage(prefix(KEPT_MATCHES - 100), KEPT_MATCHES - 20, 20, true);
  t.deepEqual(near, { kind: 'extend', after: numbers(0, KEPT_MATCHES - 100).at(-1), want: 100 });
  const kept = prefix(KEPT_MATCHES);
  const last = kept.numbers.at(-1);
  t.deepEqual(planTierPage(kept, KEPT_MATCHES + 40, 20, true), {
    kind: 'beyond',
    known: [],
    after: last,
    skip: 40,
    want: 20,
  });
  // A page across the limit takes its first matches from what is kept.
  t.deepEqual(planTierPage(kept, KEPT_MATCHES - 5, 20, true), {
    kind: 'beyond',
    known: numbers(KEPT_MATCHES - 5, 5),
    after: last,
    skip: 0,
    want: 15,
  });
});

test('a read adds its matches; fewer than asked ends the tier; a counted read gives the size', (t) => {
  const read = numbers(20, 180);
  t.deepEqual(extendPrefix(prefix(20), read, 180), { numbers: numbers(0, 200) });
  const short = extendPrefix(prefix(20), numbers(20, 7), 180);
  t.deepEqual(short, { numbers: numbers(0, 27), size: 27 });
  t.true(isComplete(short));
  t.deepEqual(extendPrefix(prefix(0), [], 20), { numbers: [], size: 0 });
  const counted = extendPrefix(prefix(20), read, 180, 900);
  t.is(counted.size, 920);
  t.false(isComplete(counted));
});

test('a read beyond the kept matches tells the size only when it shows the end', (t) => {
  const kept = prefix(100);
  t.is(sizeFromBeyond(kept, { skip: 40, want: 20 }, numbers(140, 20)), undefined);
  t.is(sizeFromBeyond(kept, { skip: 40, want: 20 }, numbers(140, 5)), 145);
  t.is(sizeFromBeyond(kept, { skip: 0, want: 20 }, []), 100);
  t.is(sizeFromBeyond(kept, { skip: 40, want: 20 }, []), undefined, 'the end lies somewhere before the page');
  t.is(sizeFromBeyond(kept, { skip: 40, want: 20 }, [], 12), 112);
});

const stats = { entries: 100, counts: new Map() };
const setOf = (count: number): ResultSet => ({
  ...newResultSet(stats, DEFAULT_COUNTING),
  tiers: { title: prefix(count), rest: { numbers: [] }, all: { numbers: [] } },
});

test('a result set is sized by the census numbers it holds', (t) => {
  t.true(resultSetBytes(setOf(1000)) > resultSetBytes(setOf(10)) + 990 * 32);
});

test('the cache keeps a set only while it hears changes and only when no change came during the read', async (t) => {
  const cache = new ResultSetCache();
  const seen: Array<[boolean, boolean]> = [];
  const work = (count: number) => async (kept: ResultSet | undefined, keeping: boolean) => {
    seen.push([kept !== undefined, keeping]);
    return { set: setOf(count), result: count };
  };
  t.is(await cache.update('q', work(1)), 1);
  t.is(cache.get('q'), undefined, 'not listening: nothing kept');
  cache.setListening(true);
  await cache.update('q', work(2));
  await cache.update('q', work(3));
  t.deepEqual(seen, [
    [false, false],
    [false, true],
    [true, true],
  ]);
  t.is(cache.get('q')?.tiers.title.numbers.length, 3);
  // A change while a read is under way: the set it returns is not kept.
  await cache.update('q', async () => {
    cache.changed();
    return { set: setOf(4), result: 4 };
  });
  t.is(cache.get('q'), undefined);
});

test('pages of one query take turns; a failed turn does not block the next', async (t) => {
  const cache = new ResultSetCache();
  cache.setListening(true);
  const order: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const first = cache.update('q', async () => {
    order.push('first starts');
    await gate;
    order.push('first ends');
    return { set: setOf(1), result: 1 };
  });
  const second = cache.update('q', async (kept) => {
    order.push(`second sees ${kept?.tiers.title.numbers.length}`);
    return { set: setOf(2), result: 2 };
  });
  const other = cache.update('other query', async () => {
    order.push('other query');
    return { set: setOf(1), result: 0 };
  });
  await other;
  release();
  t.deepEqual(await Promise.all([first, second]), [1, 2]);
  t.deepEqual(order, ['first starts', 'other query', 'first ends', 'second sees 1']);
  await t.throwsAsync(
    cache.update('q', () => Promise.reject(new Error('read failed'))),
    {
      message: 'read failed',
    },
  );
  t.is(
    await cache.update('q', async (kept) => ({ set: setOf(5), result: kept?.tiers.title.numbers.length })),
    2,
  );
});

test("a query's turn is told how many of its turns wait behind it", async (t) => {
  const cache = new ResultSetCache();
  cache.setListening(true);
  const seen: number[] = [];
  const turn = () =>
    cache.update('q', async (_kept, _keeping, waiting) => {
      seen.push(waiting);
      return { set: undefined, result: undefined };
    });
  const otherQuery = cache.update('other query', async (_kept, _keeping, waiting) => ({
    set: undefined,
    result: waiting,
  }));
  await Promise.all([turn(), turn(), turn()]);
  t.deepEqual(seen, [2, 1, 0]);
  t.is(await otherQuery, 0, 'turns of another query do not count');
  await turn();
  t.deepEqual(seen, [2, 1, 0, 0], 'none wait once the others are done');
});

const tiers = (title: TierPrefix, rest: TierPrefix = { numbers: [] }, all: TierPrefix = { numbers: [] }) => ({
  ...newResultSet(stats, DEFAULT_COUNTING),
  tiers: { title, rest, all },
});
const restNumbers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `110000-${String(from + i).padStart(7, '0')}`);

test('the matches known after a page: the title tier, then the rest once the title tier is whole', (t) => {
  t.deepEqual(knownAfter(tiers(prefix(300)), true, 40, 200), numbers(40, 200));
  t.deepEqual(knownAfter(tiers(prefix(100)), true, 40, 200), numbers(40, 60), 'no more known');
  // The title tier ends at 50: the rest tier follows it.
  const whole = tiers(prefix(50, 50), { numbers: restNumbers(0, 30) });
  t.deepEqual(knownAfter(whole, true, 40, 20), [...numbers(40, 10), ...restNumbers(0, 10)]);
  t.deepEqual(knownAfter(whole, true, 60, 200), restNumbers(10, 20), 'a page inside the rest tier');
  // Not whole: the rest tier's matches are not next, whatever is known of it.
  t.deepEqual(knownAfter(tiers(prefix(50), { numbers: restNumbers(0, 30) }), true, 40, 200), numbers(40, 10));
  t.deepEqual(
    knownAfter(tiers(prefix(0), undefined, prefix(90)), false, 80, 200),
    numbers(80, 10),
    'browsing',
  );
});

test('a reader is read ahead while fewer than READ_AHEAD matches are known past their page and more may exist', (t) => {
  t.false(wantsReadAhead(tiers(prefix(400)), true, 200), 'READ_AHEAD known ahead');
  t.true(wantsReadAhead(tiers(prefix(400)), true, 201));
  t.false(wantsReadAhead(tiers(prefix(300, 300), { numbers: [], size: 0 }), true, 280), 'everything known');
  t.true(wantsReadAhead(tiers(prefix(300, 300)), true, 280), 'the rest tier is not read yet');
  t.false(wantsReadAhead(tiers(prefix(0), undefined, prefix(20)), false, 20), 'browsing is never read ahead');
  t.false(
    wantsReadAhead(tiers(prefix(KEPT_MATCHES - 100)), true, KEPT_MATCHES - READ_AHEAD + 1),
    'nothing past the kept limit',
  );
});

test('reading ahead waits for spare time and runs once per query from its furthest page', async (t) => {
  const spare = new SpareTime(() => t.fail(), { maxWaitMs: 10_000 });
  const cache = new ResultSetCache({ spareTime: spare });
  let end!: () => void;
  const held = new Promise<void>((resolve) => (end = resolve));
  const request = (spare.track as (ctx: never, next: () => Promise<void>) => Promise<void>)(
    undefined as never,
    () => held,
  );
  const ran: Array<[string, number]> = [];
  const read = (key: string) => async (furthest: number) => void ran.push([key, furthest]);
  cache.readAheadLater('q', 240, read('q'));
  cache.readAheadLater('q', 420, read('q'));
  cache.readAheadLater('q', 300, read('q'));
  cache.readAheadLater('other', 40, read('other'));
  t.deepEqual(ran, [], 'not while a request is answered');
  end();
  await request;
  await spare.idle();
  t.deepEqual(ran, [
    ['q', 420],
    ['other', 40],
  ]);
  // Without spare time nothing is read ahead.
  new ResultSetCache().readAheadLater('q', 40, read('none'));
  await new Promise((resolve) => setTimeout(resolve, 10));
  t.is(ran.length, 2);
});
