// Helpers for tests of work spread over turns of the event loop (kernel/loop-turns.ts and what
// waits for it), so they count turns and their own milliseconds, not the machine's.

/**
 * A clock of the test's own: a request's work moves it on, so tests running beside this one (ava
 * runs a file's tests concurrently) and a busy machine cannot spend a turn's budget.
 */
export function testClock() {
  let ms = 0;
  return { now: () => ms, work: (spent: number) => void (ms += spent) };
}

/**
 * Counts the event loop's turns: an immediate queued while immediates run waits for the next
 * turn, so this one runs once a turn until stopped.
 */
export function turnCounter() {
  let turn = 0;
  let running = true;
  const tick = () => {
    turn += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turn() {
      return turn;
    },
    stop: () => void (running = false),
  };
}
