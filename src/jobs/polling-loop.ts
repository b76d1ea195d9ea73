import type { Logger } from 'pino';

/** Control of a background worker that polls a job table. */
export interface PollingWorker {
  /** Look for work now (called after a job is queued). */
  kick(): void;
  /** Finish the current job and stop. */
  stop(): Promise<void>;
  /** Resolves when no job is due or running any more (tests, benchmarks, the CLI). */
  idle(): Promise<void>;
}

/**
 * The loop every persisted-job worker shares: run `takeOne` until it finds nothing to do, then
 * sleep until kicked or `pollMs` passes. `takeOne` claims and runs one job and says whether it
 * found one; an error it lets escape is logged and the loop goes on (the job table keeps the state).
 */
export function startPollingLoop(options: {
  readonly name: string;
  readonly logger: Logger;
  readonly pollMs: number;
  readonly takeOne: () => Promise<boolean>;
}): PollingWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  const idleWaiters: Array<() => void> = [];
  const loop = (async () => {
    while (!stopped) {
      try {
        if (await options.takeOne()) continue;
      } catch (error) {
        options.logger.error({ err: error }, `${options.name} worker error`);
      }
      for (const resolve of idleWaiters.splice(0)) resolve();
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.pollMs).unref();
      });
    }
    for (const resolve of idleWaiters.splice(0)) resolve();
  })();
  return {
    kick: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake?.();
      }),
  };
}
