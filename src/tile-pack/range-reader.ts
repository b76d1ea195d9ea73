/**
 * Reads byte ranges of stored objects with as few GETs as the readers allow, and keeps what it read.
 *
 * A viewer asks for a page's tiles over several connections at once; each tile is a range of the
 * page's tile pack. Ranges asked for while the event loop's turns keep bringing more are gathered,
 * sorted and merged where they touch or lie close (a row of tiles is one run of bytes in the pack),
 * so one ranged GET serves many tiles. The app begins requests a few per turn of the loop
 * (kernel/loop-turns.ts), so the tiles a viewer asked for together reach this reader over several
 * consecutive turns; flushing after the first turn read a row in two or three GETs (48 cold page
 * views of bench:reading, counted in a throwaway build: 390 GETs, 279–312 since reads wait for a
 * turn that brings no new range, 275 with every request begun in one turn). A range waits at most
 * `maxGatherMs` while every turn brings more. On an S3 server each GET costs a fixed round trip
 * and every byte costs transfer, so neither one GET per tile nor large aligned blocks (which drag
 * unwanted neighbours along) is as cheap. What was read stays in a byte-bounded LRU of spans; a later
 * range inside a span — finished or still in flight — is a slice of it.
 */

/** Reads bytes [offset, offset + length) of the object `key` (one ranged GET). */
export type FetchRange = (key: string, offset: number, length: number) => Promise<Buffer>;

export interface RangeReaderOptions {
  /** Bytes of finished spans kept. */
  readonly maxBytes: number;
  /** Ranges this close are read as one (the bytes between are read too). */
  readonly mergeGap: number;
  /** A merged read grows no longer than this. */
  readonly maxSpan: number;
  /** Optional prefetches (warming ahead) in flight at once; more are skipped, not queued. */
  readonly maxOptionalPrefetches: number;
  /** Longest a range waits for others to join it while every turn brings more (default 2 ms). */
  readonly maxGatherMs?: number;
  /** The clock in milliseconds (tests give their own). */
  readonly now?: () => number;
}

const MAX_GATHER_MS = 2;

interface Span {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly bytes: Promise<Buffer>;
  /** Set once the read finished: the span counts against the budget and may be evicted. */
  settled: boolean;
}

interface Wanted {
  readonly start: number;
  readonly end: number;
  readonly resolve: (bytes: Buffer) => void;
  readonly reject: (error: unknown) => void;
}

export class RangeReader {
  private readonly spansByKey = new Map<string, Span[]>();
  /** Finished spans, least recently used first (Map keeps insertion order). */
  private readonly recency = new Map<Span, number>();
  private keptBytes = 0;
  private readonly pending = new Map<string, Wanted[]>();
  private flushScheduled = false;
  /** Ranges asked for since the last flush, and how many the previous turn had seen. */
  private pendingCount = 0;
  private pendingSeen = 0;
  private gatheringSince = 0;
  private optionalInFlight = 0;
  private readonly maxGatherMs: number;
  private readonly now: () => number;

  constructor(
    private readonly fetch: FetchRange,
    private readonly options: RangeReaderOptions,
  ) {
    this.maxGatherMs = options.maxGatherMs ?? MAX_GATHER_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Bytes [offset, offset + length) of `key`: a slice of a kept or in-flight span, or read with the ranges asked alongside. */
  read(key: string, offset: number, length: number): Promise<Buffer> {
    const end = offset + length;
    const span = this.covering(key, offset, end);
    if (span) return span.bytes.then((bytes) => bytes.subarray(offset - span.start, end - span.start));
    return new Promise<Buffer>((resolve, reject) => this.want(key, { start: offset, end, resolve, reject }));
  }

  /**
   * Reads [offset, offset + length) of `key` with the ranges being gathered now, unless it is kept
   * or being read: bytes no one waits for yet, sure to be asked for next (the rest of a screen).
   */
  readAlong(key: string, offset: number, length: number): void {
    const end = offset + length;
    if (length <= 0 || this.covering(key, offset, end)) return;
    this.want(key, { start: offset, end, resolve: () => undefined, reject: () => undefined });
  }

  private want(key: string, wanted: Wanted): void {
    const list = this.pending.get(key) ?? [];
    list.push(wanted);
    this.pending.set(key, list);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Counted as new at the first check: the requests asked with this one may begin next turn.
      this.pendingSeen = this.pendingCount;
      this.gatheringSince = this.now();
      setImmediate(this.gather);
    }
    this.pendingCount += 1;
  }

  // Runs once per turn of the loop while ranges wait: another turn while the last one brought more
  // (the rest of a viewer's tiles are beginning), else the GETs go out.
  private readonly gather = (): void => {
    const grew = this.pendingCount !== this.pendingSeen;
    this.pendingSeen = this.pendingCount;
    if (grew && this.now() - this.gatheringSince < this.maxGatherMs) {
      setImmediate(this.gather);
      return;
    }
    this.flush();
  };

  /**
   * Starts reading [offset, offset + length) of `key` unless it is kept or being read (warming);
   * settles (never rejects) when those bytes are kept, or at once when the prefetch is skipped.
   * An optional prefetch is skipped when enough of them are running: guessing ahead must not
   * flood the object store (a harvester opening thousands of pages warms nothing it does not get).
   */
  prefetch(key: string, offset: number, length: number, optional = false): Promise<void> {
    const done = () => undefined;
    if (length <= 0) return Promise.resolve();
    const span = this.covering(key, offset, offset + length);
    if (span) return span.bytes.then(done, done);
    if (optional && this.optionalInFlight >= this.options.maxOptionalPrefetches) return Promise.resolve();
    if (optional) this.optionalInFlight++;
    return this.startSpan(key, offset, offset + length)
      .then(done, done)
      .finally(() => {
        if (optional) this.optionalInFlight--;
      });
  }

  /** Bytes of finished spans kept (for tests and diagnostics). */
  get bytesKept(): number {
    return this.keptBytes;
  }

  private covering(key: string, start: number, end: number): Span | undefined {
    const span = this.spansByKey.get(key)?.find((s) => s.start <= start && end <= s.end);
    if (span?.settled) {
      this.recency.delete(span);
      this.recency.set(span, span.end - span.start);
    }
    return span;
  }

  private flush(): void {
    this.flushScheduled = false;
    this.pendingCount = 0;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [key, wanted] of batches) {
      wanted.sort((a, b) => a.start - b.start);
      let group: Wanted[] = [];
      let groupStart = 0;
      let groupEnd = 0;
      const send = () => {
        if (!group.length) return;
        const members = group;
        const start = groupStart;
        const span = this.covering(key, start, groupEnd);
        const bytes = span ? span.bytes : this.startSpan(key, start, groupEnd);
        const from = span ? span.start : start;
        bytes.then(
          (all) => {
            for (const w of members) w.resolve(all.subarray(w.start - from, w.end - from));
          },
          (error: unknown) => {
            for (const w of members) w.reject(error);
          },
        );
      };
      for (const w of wanted) {
        const joins =
          group.length > 0 &&
          w.start - groupEnd <= this.options.mergeGap &&
          Math.max(groupEnd, w.end) - groupStart <= this.options.maxSpan;
        if (joins) {
          group.push(w);
          groupEnd = Math.max(groupEnd, w.end);
        } else {
          send();
          group = [w];
          groupStart = w.start;
          groupEnd = w.end;
        }
      }
      send();
    }
  }

  private startSpan(key: string, start: number, end: number): Promise<Buffer> {
    const bytes = this.fetch(key, start, end - start);
    const span: Span = { key, start, end, bytes, settled: false };
    const spans = this.spansByKey.get(key) ?? [];
    spans.push(span);
    this.spansByKey.set(key, spans);
    bytes.then(
      () => {
        span.settled = true;
        this.recency.set(span, end - start);
        this.keptBytes += end - start;
        this.evict();
      },
      () => this.forget(span), // the next read tries again
    );
    return bytes;
  }

  private evict(): void {
    for (const span of this.recency.keys()) {
      if (this.keptBytes <= this.options.maxBytes) break;
      this.recency.delete(span);
      this.keptBytes -= span.end - span.start;
      this.forget(span);
    }
  }

  private forget(span: Span): void {
    const spans = this.spansByKey.get(span.key);
    if (!spans) return;
    const left = spans.filter((s) => s !== span);
    if (left.length) this.spansByKey.set(span.key, left);
    else this.spansByKey.delete(span.key);
  }
}
