import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers the scheduling priority of this process's worker threads (libvips' pixel workers and
 * libuv's pool), leaving the main thread — the event loop that answers /health, serves tiles from
 * memory and parses every request — at normal priority. On a machine with few cores a handful of
 * large renders otherwise take all the CPU and the event loop waits behind them (measured with
 * `npm run bench:iiif-abuse`). Linux only (a thread id is a valid target of setpriority there);
 * elsewhere, and when not permitted, it does nothing. Threads are created lazily, so callers run
 * it before pixel work; each thread is changed once.
 */
const NICE = 10;
const done = new Set<number>();
let supported = process.platform === 'linux';

/** Gives every worker thread of the process a lower priority than the main thread. */
export function lowerWorkerThreadPriority(): void {
  if (!supported) return;
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    supported = false;
    return;
  }
  for (const name of tids) {
    const tid = Number(name);
    if (tid === process.pid || done.has(tid)) continue;
    done.add(tid);
    try {
      os.setPriority(tid, NICE);
    } catch {
      // The thread ended meanwhile, or the system refuses: the render still runs, unreniced.
    }
  }
  if (done.size > 10_000) done.clear(); // thread ids of ended threads are reused
}
