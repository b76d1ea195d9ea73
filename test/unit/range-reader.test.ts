import test from 'ava';
import { RangeReader } from '../../src/tile-pack/range-reader.js';
import { LoopTurns } from '../../src/kernel/loop-turns.js';
import { testClock, turnCounter } from '../helpers/event-loop.js';

/** An object of 1 MiB whose byte i is i mod 251, and a fetch that records each ranged GET. */
function objectStore(options: { fail?: boolean; gate?: Promise<void> } = {}) {
  const data = Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => i % 251));
  const gets: Array<[number, number]> = [];
  const fetch = async (_key: string, offset: number, length: number) => {
    gets.push([offset, length]);
    await options.gate;
    if (options.fail) throw new Error('store down');
    return data.subarray(offset, Math.min(data.length, offset + length));
  };
  return { data, gets, fetch };
}

const options = { maxBytes: 512 * 1024, mergeGap: 1024, maxSpan: 256 * 1024, maxOptionalPrefetches: 1 };

test('ranges asked together and lying close are read with one GET; each reader gets its own bytes', async (t) => {
  const store = objectStore();
  const reader = new RangeReader(store.fetch, options);
  const wanted: Array<[number, number]> = [
    [1000, 100],
    [0, 1000], // touches the first
    [1600, 50], // 500 bytes after the first: within the merge gap
    [100_000, 10], // far away: a GET of its own
  ];
  const got = await Promise.all(wanted.map(([o, l]) => reader.read('pack', o, l)));
  got.forEach((bytes, i) =>
    t.deepEqual(bytes, store.data.subarray(wanted[i]![0], wanted[i]![0] + wanted[i]![1])),
  );
  t.deepEqual(store.gets, [
    [0, 1650],
    [100_000, 10],
  ]);
});

test('tiles whose requests begin a few per turn of the event loop are still read with one GET', async (t) => {
  // The app begins requests half a millisecond of work per turn (kernel/loop-turns.ts): six tile
  // requests of a quarter millisecond each, asked at once, reach the reader over three turns.
  const clock = testClock();
  const counter = turnCounter();
  const turns = new LoopTurns({ budgetMs: 0.5, now: clock.now });
  const store = objectStore();
  const reader = new RangeReader(store.fetch, { ...options, now: clock.now });
  const beganOnTurn: number[] = [];
  const tiles = await Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      await turns.turn();
      beganOnTurn.push(counter.turn);
      clock.work(0.25);
      return reader.read('pack', i * 1000, 1000);
    }),
  );
  counter.stop();
  t.true(new Set(beganOnTurn).size >= 3, `began on turns ${beganOnTurn.join(', ')}`);
  tiles.forEach((bytes, i) => t.deepEqual(bytes, store.data.subarray(i * 1000, (i + 1) * 1000)));
  t.deepEqual(store.gets, [[0, 6000]]);
});

test('a range waits for others no longer than maxGatherMs while every turn brings more', async (t) => {
  const clock = testClock();
  const store = objectStore();
  const reader = new RangeReader(store.fetch, { ...options, maxGatherMs: 2, now: clock.now });
  const reads: Array<Promise<Buffer>> = [];
  for (let turn = 0; turn < 8; turn++) {
    reads.push(reader.read('pack', turn * 1000, 1000));
    clock.work(1);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(reads);
  t.true(store.gets.length >= 2, `GETs: ${JSON.stringify(store.gets)}`);
  t.deepEqual(store.gets[0], [0, 2000], "the first two turns' ranges went out after 2 ms");
});

test('a range inside what was read, or is being read, costs no GET', async (t) => {
  let open!: () => void;
  const store = objectStore({ gate: new Promise((r) => (open = r)) });
  const reader = new RangeReader(store.fetch, options);
  reader.prefetch('pack', 0, 64 * 1024);
  const inFlight = reader.read('pack', 10_000, 20);
  open();
  t.deepEqual(await inFlight, store.data.subarray(10_000, 10_020));
  t.deepEqual(await reader.read('pack', 60_000, 4096), store.data.subarray(60_000, 64_096));
  t.deepEqual(store.gets, [[0, 64 * 1024]]);
  t.is(reader.bytesKept, 64 * 1024);
});

test('merged reads stop growing at the longest span', async (t) => {
  const store = objectStore();
  const reader = new RangeReader(store.fetch, options);
  await Promise.all(Array.from({ length: 6 }, (_, i) => reader.read('pack', i * 100_000, 100_000)));
  t.deepEqual(store.gets, [
    [0, 200_000],
    [200_000, 200_000],
    [400_000, 200_000],
  ]);
});

test('a failed GET fails its readers, keeps nothing, and the next read tries again', async (t) => {
  const failing = objectStore({ fail: true });
  const reader = new RangeReader(failing.fetch, options);
  await t.throwsAsync(Promise.all([reader.read('pack', 0, 10), reader.read('pack', 10, 10)]), {
    message: 'store down',
  });
  t.is(reader.bytesKept, 0);
  await t.throwsAsync(reader.read('pack', 0, 10));
  t.is(failing.gets.length, 2);
});

test('what was read least recently is dropped beyond the byte budget', async (t) => {
  const store = objectStore();
  const reader = new RangeReader(store.fetch, options);
  await reader.read('a', 0, 256 * 1024);
  await reader.read('b', 0, 256 * 1024);
  await reader.read('a', 0, 10); // a is used again: b is now the oldest
  await reader.read('c', 0, 256 * 1024);
  t.is(reader.bytesKept, 512 * 1024);
  const before = store.gets.length;
  await reader.read('a', 100, 10);
  t.is(store.gets.length, before, 'a is kept');
  await reader.read('b', 100, 10);
  t.is(store.gets.length, before + 1, 'b was dropped and is read again');
});

test('warming ahead is skipped while enough of it runs; a certain prefetch is not', async (t) => {
  let open!: () => void;
  const store = objectStore({ gate: new Promise((r) => (open = r)) });
  const reader = new RangeReader(store.fetch, options);
  reader.prefetch('next-1', 0, 1000, true);
  reader.prefetch('next-2', 0, 1000, true); // over maxOptionalPrefetches: skipped
  reader.prefetch('opened', 0, 1000);
  open();
  await reader.read('opened', 0, 10);
  t.deepEqual(
    store.gets.map(([o, l]) => `${o}+${l}`),
    ['0+1000', '0+1000'],
  );
  await reader.read('next-1', 0, 10);
  t.is(store.gets.length, 2, 'next-1 was warmed');
});
