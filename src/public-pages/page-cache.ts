// Rendered public pages kept in memory, so a page many readers open is built once. It serves only
// while it hears of every change (page-cache-listener.ts keeps it listening to PostgreSQL's
// public_pages_changed, which every instance's writes send): any change forgets every page, and a
// page rendered from reads that began before a change is never kept. Only answers that are the
// same for every reader are put here; the routes decide which.

/** A rendered page (UTF-8, encoded once) and its strong validator. */
export interface CachedPage {
  readonly body: Buffer;
  /** Quoted strong entity tag of the body (etagOf). */
  readonly etag: string;
}

/** A ticket from begin(), handed back to keep(): which state of the catalogue a page was read from. */
export type RenderTicket = number | undefined;

/** Default bound of the kept pages' bytes. */
export const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** Least-recently-used pages up to a total size, forgotten whole on every change of the catalogue. */
export class PublicPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  private generation = 0;
  private listening = false;

  constructor(private readonly maxBytes = DEFAULT_PAGE_CACHE_BYTES) {}

  /** Call before the reads a page is rendered from; undefined while changes could go unheard. */
  begin(): RenderTicket {
    return this.listening ? this.generation : undefined;
  }

  /** The kept page under this key, if any (and marks it recently used). */
  get(key: string): CachedPage | undefined {
    if (!this.listening) return undefined;
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** Keeps a page unless the catalogue changed since `ticket` was taken (its reads may be stale). */
  keep(key: string, ticket: RenderTicket, page: CachedPage): void {
    if (ticket === undefined || ticket !== this.generation || !this.listening) return;
    if (page.body.length > this.maxBytes / 4) return;
    const old = this.pages.get(key);
    if (old) this.bytes -= old.body.length;
    this.pages.delete(key);
    this.pages.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest, evicted] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= evicted.body.length;
    }
  }

  /** Something a public page shows has changed: forget every page and every render under way. */
  changed(): void {
    this.generation += 1;
    this.pages.clear();
    this.bytes = 0;
  }

  /** Whether changes are heard; while they are not, nothing is served or kept. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.changed();
  }

  /** How many pages are kept (for tests and logs). */
  get size(): number {
    return this.pages.size;
  }
}
