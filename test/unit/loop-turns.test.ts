import test from 'ava';
import { LoopTurns } from '../../src/kernel/loop-turns.js';

/** Keeps the thread busy for `ms`, as rendering a page does. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Asks for `count` turns at once; each begun request records itself, then works `ms`. */
function askAtOnce(turns: LoopTurns, count: number, ms: number, begun: string[]): Promise<void[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      turns.turn().then(() => {
        begun.push(`request ${i}`);
        work(ms);
      }),
    ),
  );
}

test('requests begin in the order they asked', async (t) => {
  const turns = new LoopTurns();
  const begun: string[] = [];
  await askAtOnce(turns, 6, 1, begun);
  t.deepEqual(
    begun,
    [0, 1, 2, 3, 4, 5].map((i) => `request ${i}`),
  );
  t.is(turns.size, 0);
});

test('requests that each take a millisecond begin one to a turn, so the loop polls between them', async (t) => {
  const turns = new LoopTurns();
  const begun: string[] = [];
  // A timer due now fires in the loop's next turn: as early as the second request without the
  // bound, only after all five.
  setTimeout(() => begun.push('the loop turned'), 0);
  await askAtOnce(turns, 5, 1, begun);
  const turned = begun.indexOf('the loop turned');
  t.true(turned >= 1 && turned <= 2, begun.join(', '));
});

test('requests that cost next to nothing begin many to a turn', async (t) => {
  const turns = new LoopTurns();
  const begun: string[] = [];
  const turned = new Promise<void>((resolve) =>
    setTimeout(() => {
      begun.push('the loop turned');
      resolve();
    }, 0),
  );
  await askAtOnce(turns, 20, 0, begun);
  await turned;
  // All twenty take microseconds; even a busy test machine begins more than one before the timer.
  t.true(begun.indexOf('the loop turned') > 2, begun.join(', '));
});

test('a request asking while others wait begins after them', async (t) => {
  const turns = new LoopTurns();
  const begun: string[] = [];
  const first = askAtOnce(turns, 3, 1, begun);
  await new Promise((resolve) => setImmediate(resolve));
  const late = turns.turn().then(() => begun.push('late'));
  await Promise.all([first, late]);
  t.is(begun.at(-1), 'late');
});
