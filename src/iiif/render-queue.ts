/**
 * Bounds the renders of the IIIF image service: at most `concurrency` run at once, at most `queue`
 * wait, and each has a deadline counted from its arrival. A render that cannot start is refused at
 * once (the caller answers 503 + Retry-After) rather than piling up memory; one past its deadline is
 * answered as failed while its slot stays taken until the pixel work really stops (the renderer is
 * given the remaining time too and aborts itself), so the bound on concurrent work holds.
 */

/** The queue is full: nothing was started. */
export class RenderQueueFullError extends Error {
  constructor() {
    super('render queue full');
  }
}

/** The render did not finish (or start) before its deadline. */
export class RenderDeadlineError extends Error {
  constructor() {
    super('render deadline passed');
  }
}

/** Limits of a render queue (from the configuration). */
export interface RenderQueueLimits {
  readonly concurrency: number;
  readonly queue: number;
  readonly timeoutMs: number;
}

interface Waiter {
  readonly start: () => void;
}

/** A counting semaphore with a bounded waiting line and per-task deadlines. */
export class RenderQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly limits: RenderQueueLimits) {}

  /** Renders running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Runs `work` in a slot. `work` receives the milliseconds left before the deadline, so it can
   * abort its own pixel work then. Rejects with RenderQueueFullError or RenderDeadlineError.
   */
  async run<T>(work: (remainingMs: number) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.limits.timeoutMs;
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.queue) throw new RenderQueueFullError();
      await this.wait(deadline);
    } else {
      this.running++;
    }
    let job: Promise<T>;
    try {
      job = work(Math.max(1, deadline - Date.now()));
    } catch (error) {
      this.release();
      throw error;
    }
    // The slot is freed when the work ends, whatever the caller was told meanwhile.
    void job.then(
      () => this.release(),
      () => this.release(),
    );
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderDeadlineError()), Math.max(0, deadline - Date.now()));
    });
    try {
      return await Promise.race([job, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private wait(deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new RenderDeadlineError());
      }, deadline - Date.now());
      this.waiting.push(waiter);
    });
  }

  // A freed slot passes straight to the next waiter (the count does not drop and rise again).
  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running--;
  }
}
