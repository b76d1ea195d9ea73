import type { ObjectStore } from '../object-store/object-store.js';
import { tileIndexKey, tilePackKey, type TileIndex } from '../images/object-layout.rules.js';
import { overviewSpan } from '../images/tile-pack-order.rules.js';

/**
 * The stored tile packs (grid tiles and thumbnails of an image, one object, plus a JSON index by
 * canonical request) as delivery reads them. A page is first seen whole and then zoomed into one
 * part, so a page costs what it shows, not its whole pack:
 * - a viewer opening page N warms N (and N+1, N+2 in reading order): its index and its overview
 *   (thumbnails and coarse levels, written first in the pack: one ranged GET of ~5 % of the pack);
 * - other tiles are read with a ranged GET of their own bytes;
 * - only a page being deep-zoomed (many tiles read by range) has its whole pack loaded into memory.
 */

/** Packs larger than this are not held in memory; their tiles are always read by range. */
const MAX_PACK_BYTES = 64 * 1024 * 1024;
const PACK_CACHE_BYTES = 256 * 1024 * 1024;
const OVERVIEW_CACHE_BYTES = 64 * 1024 * 1024;
/** Indexes are ~20 KB each; this many cover the pages of many books being read. */
const MAX_INDEXES = 4000;
/** Tiles of one page read by range before its whole pack is loaded (a page view's zoom reads ~12). */
const DEEP_ZOOM_RANGED_READS = 24;
/** Background reads (overviews, whole packs) running at once. */
const MAX_BACKGROUND_READS = 2;
/** Background reads waiting for a slot; beyond this the oldest wait is dropped (the reader has moved on). */
const MAX_WAITING_READS = 16;

interface PackIndex {
  readonly index: TileIndex;
  readonly size: number;
}

/** Bytes of a pack held in memory from `start` (a whole pack: start 0). */
interface HeldBytes {
  readonly start: number;
  readonly bytes: Buffer;
}

const indexes = new Map<string, PackIndex>();
const loadingIndexes = new Map<string, Promise<PackIndex>>();
/** Least recently used first (a Map keeps insertion order; a hit moves its entry to the end). */
class HeldCache {
  private readonly entries = new Map<string, HeldBytes>();
  private total = 0;
  constructor(private readonly capacity: number) {}
  get(key: string): HeldBytes | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  set(key: string, held: HeldBytes): void {
    const old = this.entries.get(key);
    if (old) this.total -= old.bytes.length;
    this.entries.delete(key);
    this.entries.set(key, held);
    this.total += held.bytes.length;
    for (const [k, v] of this.entries) {
      if (this.total <= this.capacity) break;
      this.entries.delete(k);
      this.total -= v.bytes.length;
    }
  }
}
const packs = new HeldCache(PACK_CACHE_BYTES);
const overviews = new HeldCache(OVERVIEW_CACHE_BYTES);
const rangedReads = new Map<string, number>();

const keyOf = (imageId: string, sha256: string) => `${imageId}:${sha256}`;

/** The index of an image's pack (cached; identical for every version until the master changes). */
async function packIndex(store: ObjectStore, imageId: string, sha256: string): Promise<PackIndex> {
  const key = keyOf(imageId, sha256);
  const hit = indexes.get(key);
  if (hit) return hit;
  let loading = loadingIndexes.get(key);
  if (!loading) {
    loading = (async () => {
      const index = JSON.parse((await store.getBuffer(tileIndexKey(imageId))).toString('utf8')) as TileIndex;
      const size = Object.values(index).reduce((end, [offset, length]) => Math.max(end, offset + length), 0);
      const loaded = { index, size };
      if (indexes.size >= MAX_INDEXES) indexes.delete(indexes.keys().next().value!);
      indexes.set(key, loaded);
      return loaded;
    })().finally(() => loadingIndexes.delete(key));
    loadingIndexes.set(key, loading);
  }
  return loading;
}

// --- background reads: a small queue, so warm-ups run in the order readers asked for them

interface BackgroundRead {
  readonly id: string;
  readonly run: () => Promise<void>;
}
const waitingReads: BackgroundRead[] = [];
const runningReads = new Set<string>();

function queueRead(read: BackgroundRead): void {
  if (runningReads.has(read.id) || waitingReads.some((w) => w.id === read.id)) return;
  waitingReads.push(read);
  if (waitingReads.length > MAX_WAITING_READS) waitingReads.shift();
  startReads();
}

function startReads(): void {
  while (runningReads.size < MAX_BACKGROUND_READS && waitingReads.length) {
    const read = waitingReads.shift()!;
    runningReads.add(read.id);
    void read
      .run()
      .catch(() => undefined) // best effort: the next request reads by range
      .finally(() => {
        runningReads.delete(read.id);
        startReads();
      });
  }
}

function loadWholePack(store: ObjectStore, imageId: string, key: string, size: number): void {
  if (packs.has(key) || size > MAX_PACK_BYTES) return;
  queueRead({
    id: `pack:${key}`,
    run: async () => {
      if (!packs.has(key)) packs.set(key, { start: 0, bytes: await store.getBuffer(tilePackKey(imageId)) });
    },
  });
}

function loadOverview(store: ObjectStore, imageId: string, key: string, index: TileIndex): void {
  if (packs.has(key) || overviews.has(key)) return;
  const span = overviewSpan(index);
  if (!span) return;
  queueRead({
    id: `overview:${key}`,
    run: async () => {
      if (packs.has(key) || overviews.has(key)) return;
      const bytes = await store.getRange(tilePackKey(imageId), span.start, span.end - span.start);
      overviews.set(key, { start: span.start, bytes });
    },
  });
}

function sliceOf(held: HeldBytes | undefined, offset: number, length: number): Buffer | undefined {
  if (!held || offset < held.start || offset + length > held.start + held.bytes.length) return undefined;
  return held.bytes.subarray(offset - held.start, offset - held.start + length);
}

/**
 * The stored bytes of one canonical request from the image's pack, or undefined when the pack
 * holds no such entry: from memory (whole pack or overview) when there, else by a ranged GET; a
 * page read by range many times (a deep zoom) then has its whole pack loaded.
 */
export async function packedTile(
  store: ObjectStore,
  image: { id: string; sha256: string },
  canonicalPath: string,
): Promise<{ bytes: Buffer; fromMemory: boolean } | undefined> {
  const key = keyOf(image.id, image.sha256);
  const { index, size } = await packIndex(store, image.id, image.sha256).catch(() => ({
    index: {} as TileIndex,
    size: 0,
  }));
  const entry = index[canonicalPath];
  if (!entry) return undefined;
  const [offset, length] = entry;
  const held = sliceOf(packs.get(key), offset, length) ?? sliceOf(overviews.get(key), offset, length);
  if (held) return { bytes: held, fromMemory: true };
  const bytes = await store.getRange(tilePackKey(image.id), offset, length);
  const reads = (rangedReads.get(key) ?? 0) + 1;
  if (rangedReads.size >= MAX_INDEXES) rangedReads.clear();
  rangedReads.set(key, reads);
  if (reads >= DEEP_ZOOM_RANGED_READS) loadWholePack(store, image.id, key, size);
  return { bytes, fromMemory: false };
}

/**
 * Warms pages a reader is about to see, in the order given: their indexes and their overviews
 * (thumbnails and coarse levels), read in the background in the order asked.
 */
export function warmPacks(store: ObjectStore, images: ReadonlyArray<{ id: string; sha256: string }>): void {
  for (const image of images) {
    void packIndex(store, image.id, image.sha256)
      .then(({ index }) => loadOverview(store, image.id, keyOf(image.id, image.sha256), index))
      .catch(() => undefined); // warming is best effort; a missing pack is found by the request
  }
}
