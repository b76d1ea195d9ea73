/**
 * Runs database work one piece at a time in the background while the caller carries on, so that an
 * import reads and checks the next batch of rows while PostgreSQL stores the previous one (the two
 * use different cores; done in turn, each waited for the other).
 *
 * `run` first waits for the piece before it: at most one piece runs, so batches are stored in file
 * order on one connection (an atomic import's savepoints nest in order), and at most one more batch
 * is held in memory. A piece that fails makes the next `run` or `drain` throw its error, so the
 * caller stops at the first failure as if the work had been awaited in line.
 */
export class SerialLane {
  private last: Promise<void> = Promise.resolve();

  async run(work: () => Promise<void>): Promise<void> {
    await this.last;
    const next = work();
    // Observed by the next run() or drain(); this only keeps Node from calling it unhandled meanwhile.
    next.catch(() => undefined);
    this.last = next;
  }

  /** Waits for the piece in progress; throws its error if it failed. */
  drain(): Promise<void> {
    return this.last;
  }
}
