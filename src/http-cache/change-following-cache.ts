// Answers kept in memory while this instance hears of every change to what they show (a listener
// on PostgreSQL's notifications calls setListening and changed): any change forgets all of them,
// and an answer made from reads that began before a change is never kept. Bounded by bytes, least
// recently used first out; optionally an answer is kept only the second time it is made lately.

import { RecentKeys } from './recent-keys.js';

/** A ticket from begin(), handed back to keep(): which state of the data an answer was made from. */
export type RenderTicket = number | undefined;

/** What a listener drives: told of each change, and whether changes can be heard at all. */
export interface ChangeFollower {
  changed(): void;
  setListening(listening: boolean): void;
}

/** The size of an answer that is a body of bytes: the `sizeOf` of caches of responses and pages. */
export const bodyBytes = (entry: { readonly body: Buffer }): number => entry.body.length;

export class ChangeFollowingCache<T> implements ChangeFollower {
  private readonly entries = new Map<string, { readonly value: T; readonly bytes: number }>();
  private bytes = 0;
  private generation = 0;
  private listening = false;

  /** Keys made lately, when answers are kept only on their second making. */
  private readonly recent: RecentKeys | undefined;

  /**
   * `sizeOf`: how many bytes an answer holds (for the bound). `admitAfter`: keep an answer only
   * when its key was made before within the latest this many keys (and not the first time);
   * undefined keeps every answer.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (entry: T) => number,
    options: { admitAfter?: number } = {},
  ) {
    this.recent = options.admitAfter ? new RecentKeys(options.admitAfter) : undefined;
  }

  /** Call before the reads an answer is made from; undefined while changes could go unheard. */
  begin(): RenderTicket {
    return this.listening ? this.generation : undefined;
  }

  /** The kept answer under this key, if any (and marks it recently used). */
  get(key: string): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  /** Whether an answer is kept under this key (without marking it used). */
  has(key: string): boolean {
    return this.listening && this.entries.has(key);
  }

  /** Keeps an answer unless the data changed since `ticket` was taken (its reads may be stale). */
  keep(key: string, ticket: RenderTicket, entry: T): void {
    if (ticket === undefined || ticket !== this.generation || !this.listening) return;
    const bytes = this.sizeOf(entry);
    if (bytes > this.maxBytes / 4) return;
    if (this.recent && !this.recent.seenBefore(key)) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value: entry, bytes });
    this.bytes += bytes;
    for (const [oldest, evicted] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.bytes;
    }
  }

  /** Forgets one answer (one that has gone stale by its own clock). */
  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Something the answers show has changed: forget every answer and every one under way. */
  changed(): void {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Whether changes are heard; while they are not, nothing is served or kept. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.changed();
  }

  /** How many answers are kept (for tests and logs). */
  get size(): number {
    return this.entries.size;
  }
}
