// Queries' result sets (result-set.rules.ts) kept in memory while this instance hears of every
// change to the catalogue (the change listener drives it like the rendered public pages): any
// change forgets them all, and one read from data that changed meanwhile is never kept. The pages
// of one query take turns with its result set, so that two readers turning pages of the same
// query read its matches once, not each on their own; a turn is told how many wait behind it. The
// rows of the matches read ahead of a reader are kept with them (entry-row-cache.ts), and reading
// ahead waits for spare time.

import { ChangeFollowingCache } from '../http-cache/change-following-cache.js';
import { resultSetBytes, type ResultSet } from './result-set.rules.js';
import { EntryRowCache } from './entry-row-cache.js';
import type { SpareTime } from '../kernel/spare-time.js';

/** Default bound of the kept result sets (about 150,000 census numbers). */
export const DEFAULT_RESULT_SET_BYTES = 16 * 1024 * 1024;

export class ResultSetCache extends ChangeFollowingCache<ResultSet> {
  // The last turn taken under each key; the next waits for it.
  private readonly turns = new Map<string, Promise<unknown>>();

  // How many turns under each key have been asked for and not begun.
  private readonly queued = new Map<string, number>();

  // Per query waiting for spare time: the furthest page end read ahead for.
  private readonly readAheadEnds = new Map<string, number>();

  /** The rows of matches read ahead: forgotten, and listening, with the sets. */
  readonly rows: EntryRowCache;

  private readonly spareTime: SpareTime | undefined;

  /** `spareTime`: where reading ahead waits for a quiet moment; absent, nothing is read ahead. */
  constructor(options: { maxBytes?: number; rowBytes?: number; spareTime?: SpareTime } = {}) {
    super(options.maxBytes ?? DEFAULT_RESULT_SET_BYTES, resultSetBytes);
    this.rows = new EntryRowCache(options.rowBytes);
    this.spareTime = options.spareTime;
  }

  override changed(): void {
    super.changed();
    this.rows.changed();
  }

  override setListening(listening: boolean): void {
    super.setListening(listening);
    this.rows.setListening(listening);
  }

  /** Whether reading ahead waits for spare time (readAheadLater), not done with the page. */
  get readsAheadInSpareTime(): boolean {
    return this.spareTime !== undefined;
  }

  /**
   * Runs `read(end)` in spare time for this query, with the furthest `end` asked for since it last
   * ran: a reader who turned several pages meanwhile is read ahead once, from their furthest page.
   */
  readAheadLater(key: string, end: number, read: (end: number) => Promise<void>): void {
    if (!this.spareTime) return;
    this.readAheadEnds.set(key, Math.max(end, this.readAheadEnds.get(key) ?? 0));
    const queued = this.spareTime.schedule(key, async () => {
      const furthest = this.readAheadEnds.get(key) ?? end;
      this.readAheadEnds.delete(key);
      await read(furthest);
    });
    if (!queued) this.readAheadEnds.delete(key);
  }

  /**
   * Runs `work` on the key's kept result set (undefined: none yet) after the key's earlier turns,
   * and keeps the set it returns unless that is the kept one itself. While changes cannot be heard
   * nothing is kept, and turns are not taken: `keeping` tells the work so. `waiting`: how many
   * turns under the key wait behind this one (readers of the same query asking meanwhile).
   */
  async update<R>(
    key: string,
    work: (
      kept: ResultSet | undefined,
      keeping: boolean,
      waiting: number,
    ) => Promise<{ set: ResultSet | undefined; result: R }>,
  ): Promise<R> {
    if (this.begin() === undefined) return (await work(undefined, false, 0)).result;
    this.queued.set(key, (this.queued.get(key) ?? 0) + 1);
    const turn = (this.turns.get(key) ?? Promise.resolve()).then(async () => {
      const waiting = this.queued.get(key)! - 1;
      if (waiting) this.queued.set(key, waiting);
      else this.queued.delete(key);
      const ticket = this.begin();
      const kept = this.get(key);
      const { set, result } = await work(kept, ticket !== undefined, waiting);
      // The same set back: nothing learned, nothing to keep (and no need to size it again).
      if (set !== undefined && set !== kept) this.keep(key, ticket, set);
      return result;
    });
    // The next turn waits for this one whether it succeeds or not.
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(key, settled);
    void settled.then(() => {
      if (this.turns.get(key) === settled) this.turns.delete(key);
    });
    return turn;
  }
}
