import test from 'ava';
import type { Socket } from 'node:net';
import type { Context } from 'koa';
import { LoopTurns } from '../../src/kernel/loop-turns.js';
import { testClock, turnCounter } from '../helpers/event-loop.js';

/** Asks for `count` turns at once; each begun request records itself, then works `ms`. */
function askAtOnce(count: number, ms: number, begun: string[], clock = testClock()) {
  const turns = new LoopTurns({ budgetMs: 0.5, now: clock.now });
  const all = Promise.all(
    Array.from({ length: count }, (_, i) =>
      turns.turn().then(() => {
        begun.push(`request ${i}`);
        clock.work(ms);
      }),
    ),
  );
  return { turns, all };
}

test('requests begin in the order they asked', async (t) => {
  const begun: string[] = [];
  const { all } = askAtOnce(6, 1, begun);
  await all;
  t.deepEqual(
    begun,
    [0, 1, 2, 3, 4, 5].map((i) => `request ${i}`),
  );
});

/** The turn on which each of `count` requests asked at once began, each working `ms`. */
async function turnsOfRequests(count: number, ms: number): Promise<number[]> {
  const counter = turnCounter();
  const clock = testClock();
  const turns = new LoopTurns({ budgetMs: 0.5, now: clock.now });
  const began = await Promise.all(
    Array.from({ length: count }, () =>
      turns.turn().then(() => {
        clock.work(ms);
        return counter.turn;
      }),
    ),
  );
  counter.stop();
  return began;
}

test('requests that each take a millisecond begin one to a turn, so the loop polls between them', async (t) => {
  const began = await turnsOfRequests(5, 1);
  t.is(new Set(began).size, 5, began.join(', '));
  t.deepEqual(
    began,
    began.map((_, i) => began[0]! + i),
  );
});

test('requests that cost next to nothing begin many to a turn', async (t) => {
  const began = await turnsOfRequests(20, 0);
  t.is(new Set(began).size, 1, began.join(', '));
});

test('requests of a quarter millisecond begin two to a turn', async (t) => {
  const began = await turnsOfRequests(6, 0.25);
  t.deepEqual(
    began.map((turn) => turn - began[0]!),
    [0, 0, 1, 1, 2, 2],
  );
});

test('a request asking while others wait begins after them', async (t) => {
  const begun: string[] = [];
  const clock = testClock();
  const { turns, all } = askAtOnce(3, 1, begun, clock);
  await new Promise((resolve) => setImmediate(resolve));
  const late = turns.turn().then(() => begun.push('late'));
  await Promise.all([all, late]);
  t.is(begun.at(-1), 'late');
});

test("a connection's first request begins before the requests waiting on open connections, in the order such requests asked", async (t) => {
  const begun: string[] = [];
  const clock = testClock();
  const turns = new LoopTurns({ budgetMs: 0.5, now: clock.now });
  const ask = (name: string, first: boolean) =>
    turns.turn(first).then(() => {
      begun.push(name);
      clock.work(1);
    });
  await Promise.all([
    ask('again 1', false),
    ask('again 2', false),
    ask('new A', true),
    ask('again 3', false),
    ask('new B', true),
  ]);
  t.deepEqual(begun, ['new A', 'new B', 'again 1', 'again 2', 'again 3']);
});

test("the middleware tells a connection's first request from the ones after it", async (t) => {
  const begun: string[] = [];
  const clock = testClock();
  const turns = new LoopTurns({ budgetMs: 0.5, now: clock.now });
  const open = {} as Socket;
  const opened = {} as Socket;
  const request = (socket: Socket, name: string) =>
    turns.middleware({ req: { socket } } as unknown as Context, async () => {
      begun.push(name);
      clock.work(1);
    });
  // One request on a connection already open, asked first: it is its connection's first.
  await request(open, 'open #1');
  await Promise.all([request(open, 'open #2'), request(open, 'open #3'), request(opened, 'opened #1')]);
  t.deepEqual(begun, ['open #1', 'opened #1', 'open #2', 'open #3']);
});
