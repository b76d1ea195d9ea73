// Work done for a reader before they ask (reading the next pages of a query ahead) runs in the
// service's spare time: once no request has been answered for `quietMs`, so it never makes a reader
// wait behind it on the same thread and the same cores — not even in the gaps of a burst of
// requests. Under load that never stops, a task runs anyway once it has waited `maxWaitMs`, so it
// is late, not lost. One task at a time; a task queued again under the same key replaces the one
// waiting (the latest reader's position is the one that counts).

import type { Middleware } from 'koa';

/** A task waiting for spare time, and when it was first queued under its key. */
interface Waiting {
  readonly run: () => Promise<void>;
  readonly since: number;
}

export class SpareTime {
  private inFlight = 0;
  // When a request last began or ended.
  private lastRequest = 0;
  private running: Promise<void> | undefined;
  private readonly waiting = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /**
   * `maxWaitMs`: how long a task waits for a quiet moment before it runs anyway. `quietMs`: how
   * long no request must have been answered. `maxWaiting`: how many tasks may wait (more are
   * dropped: spare-time work is optional). `onError`: a task's failure.
   */
  constructor(
    private readonly onError: (error: unknown) => void,
    options: { maxWaitMs?: number; quietMs?: number; maxWaiting?: number } = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.quietMs = options.quietMs ?? 20;
    this.maxWaiting = options.maxWaiting ?? 1000;
  }

  private readonly maxWaitMs: number;
  private readonly quietMs: number;
  private readonly maxWaiting: number;

  /** Counts the requests being answered; put it first, so every request counts. */
  readonly track: Middleware = async (_ctx, next) => {
    this.inFlight += 1;
    this.lastRequest = Date.now();
    try {
      await next();
    } finally {
      this.inFlight -= 1;
      this.lastRequest = Date.now();
      this.kick();
    }
  };

  /**
   * Queues `run` for the next spare moment, replacing a task still waiting under the same key;
   * false when it was dropped (stopped, or too many wait).
   */
  schedule(key: string, run: () => Promise<void>): boolean {
    if (this.stopped) return false;
    const earlier = this.waiting.get(key);
    if (!earlier && this.waiting.size >= this.maxWaiting) return false;
    this.waiting.set(key, { run, since: earlier?.since ?? Date.now() });
    this.kick();
    return true;
  }

  /** How many tasks wait (for tests and logs). */
  get size(): number {
    return this.waiting.size;
  }

  /** Resolves once nothing waits or runs (tests; a task queued meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.running || (this.waiting.size && !this.stopped)) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Drops what waits and resolves when the running task has finished; nothing runs after. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [key, task] = next.value;
    const now = Date.now();
    const dueAt = task.since + this.maxWaitMs;
    const quietAt = this.inFlight > 0 ? dueAt : Math.min(dueAt, this.lastRequest + this.quietMs);
    if (now < quietAt) {
      // Busy: look again when it may be quiet or the oldest task is due, unless a request ends first.
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.kick();
      }, quietAt - now);
      this.timer.unref();
      return;
    }
    this.waiting.delete(key);
    this.running = task
      .run()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = undefined;
        this.kick();
      });
  }
}
