// Spare-time work (src/kernel/spare-time.ts): it waits while a request is being answered and runs
// once none has been for a quiet moment, or once it has waited too long under load that never stops; one at a time; a task
// queued again under its key replaces the waiting one; a failure is reported and blocks nothing;
// nothing runs after stop, which waits for the running task.
import test from 'ava';
import type { Context, Next } from 'koa';
import { SpareTime } from '../../src/kernel/spare-time.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request held open until `end` is called. */
function request(spare: SpareTime): { end: () => void; done: Promise<void> } {
  let end!: () => void;
  const held = new Promise<void>((resolve) => (end = resolve));
  const done = (spare.track as (ctx: Context, next: Next) => Promise<void>)({} as Context, () => held);
  return { end, done };
}

test('a task waits while a request is answered and runs when it ends', async (t) => {
  const spare = new SpareTime(() => t.fail(), { maxWaitMs: 10_000 });
  const ran: string[] = [];
  const busy = request(spare);
  t.true(spare.schedule('q', async () => void ran.push('q')));
  await sleep(30);
  t.deepEqual(ran, [], 'not while a request is being answered');
  busy.end();
  await busy.done;
  await spare.idle();
  t.deepEqual(ran, ['q']);
});

test('a task waits for a quiet moment after the last request, not just a gap between two', async (t) => {
  const spare = new SpareTime(() => t.fail(), { maxWaitMs: 10_000, quietMs: 60 });
  let ranAt = 0;
  const busy = request(spare);
  spare.schedule('q', async () => void (ranAt = Date.now()));
  busy.end();
  await busy.done;
  const ended = Date.now();
  // Another request in the gap: the quiet moment starts again after it.
  await sleep(30);
  const second = request(spare);
  second.end();
  await second.done;
  const secondEnded = Date.now();
  t.is(ranAt, 0, 'not in the gap between two requests');
  await spare.idle();
  t.true(ranAt - secondEnded >= 55, `ran ${ranAt - secondEnded} ms after the last request`);
  t.true(ranAt - ended >= 85);
});

test('under load that never stops a task runs once it has waited its longest', async (t) => {
  const spare = new SpareTime(() => t.fail(), { maxWaitMs: 50 });
  const ran: number[] = [];
  const busy = request(spare);
  spare.schedule('q', async () => void ran.push(Date.now()));
  const queued = Date.now();
  await sleep(20);
  t.deepEqual(ran, []);
  await spare.idle();
  t.is(ran.length, 1);
  t.true(ran[0]! - queued >= 45, `ran after ${ran[0]! - queued} ms`);
  busy.end();
  await busy.done;
});

test('a task queued again under its key replaces the waiting one; others keep their turn', async (t) => {
  const spare = new SpareTime(() => t.fail(), { maxWaitMs: 10_000 });
  const ran: string[] = [];
  const busy = request(spare);
  spare.schedule('a', async () => void ran.push('a1'));
  spare.schedule('b', async () => void ran.push('b'));
  spare.schedule('a', async () => void ran.push('a2'));
  t.is(spare.size, 2);
  busy.end();
  await busy.done;
  await spare.idle();
  t.deepEqual(ran, ['a2', 'b']);
});

test('one task at a time; a failure is reported and the next still runs', async (t) => {
  const errors: unknown[] = [];
  const spare = new SpareTime((error) => errors.push(error));
  let running = 0;
  let most = 0;
  const ran: string[] = [];
  const task =
    (name: string, fail = false) =>
    async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(10);
      running -= 1;
      if (fail) throw new Error(`${name} failed`);
      ran.push(name);
    };
  spare.schedule('a', task('a', true));
  spare.schedule('b', task('b'));
  spare.schedule('c', task('c'));
  await spare.idle();
  t.is(most, 1);
  t.deepEqual(ran, ['b', 'c']);
  t.is(errors.length, 1);
  t.regex(String(errors[0]), /a failed/);
});

test('stop drops what waits, waits for the running task, and refuses new ones', async (t) => {
  const spare = new SpareTime(() => t.fail());
  let finished = false;
  spare.schedule('long', async () => {
    await sleep(30);
    finished = true;
  });
  const busy = request(spare);
  spare.schedule('dropped', async () => t.fail('ran after stop'));
  await spare.stop();
  t.true(finished, 'the running task finished before stop resolved');
  t.is(spare.size, 0);
  t.false(spare.schedule('late', async () => t.fail('ran after stop')));
  busy.end();
  await busy.done;
  await sleep(20);
});

test('at most so many tasks wait; more are dropped, not queued without bound', async (t) => {
  const spare = new SpareTime(() => t.fail(), { maxWaitMs: 10_000, maxWaiting: 2 });
  const busy = request(spare);
  t.true(spare.schedule('a', async () => undefined));
  t.true(spare.schedule('b', async () => undefined));
  t.false(spare.schedule('c', async () => undefined));
  t.true(
    spare.schedule('a', async () => undefined),
    'a waiting key may still be replaced',
  );
  t.is(spare.size, 2);
  busy.end();
  await busy.done;
  await spare.idle();
});
