import type { ObjectStore } from '../object-store/object-store.js';
import { tileIndexKey, tilePackKey, type TileIndex } from '../images/object-layout.rules.js';

/**
 * The stored tile packs (grid tiles and thumbnails of an image, one object, plus a JSON
 * index by canonical request) as delivery reads them. A page seen for the first time must not wait
 * for its whole pack: its index is fetched (and cached, it is small) and each tile is read with a
 * ranged GET of its own bytes, while the whole pack loads in the background for the deep zoom
 * that follows. A viewer opening page N also warms N+1 and N+2 (bounded background work).
 */

/** Packs larger than this are not held in memory; their tiles are always read by range. */
const MAX_PACK_BYTES = 64 * 1024 * 1024;
const PACK_CACHE_BYTES = 256 * 1024 * 1024;
/** Indexes are ~20 KB each; this many cover the pages of many books being read. */
const MAX_INDEXES = 4000;
/** Whole-pack loads (warming or after a first tile) running at once; more are skipped, not queued. */
const MAX_BACKGROUND_LOADS = 2;

interface PackIndex {
  readonly index: TileIndex;
  readonly size: number;
}

const indexes = new Map<string, PackIndex>();
const loadingIndexes = new Map<string, Promise<PackIndex>>();
const packs = new Map<string, Buffer>();
const loadingPacks = new Map<string, Promise<Buffer | null>>();
let packBytes = 0;

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

/** Reads bytes [offset, offset+length) of an image's pack with one ranged GET. */
function readPackRange(store: ObjectStore, imageId: string, offset: number, length: number): Promise<Buffer> {
  return store.getRange(tilePackKey(imageId), offset, length);
}

function keepPack(key: string, data: Buffer): void {
  packs.set(key, data);
  packBytes += data.length;
  for (const [k, v] of packs) {
    if (packBytes <= PACK_CACHE_BYTES) break;
    packs.delete(k);
    packBytes -= v.length;
  }
}

/** Starts loading the whole pack into memory unless it is there, loading, too big, or too many run. */
function loadPackInBackground(store: ObjectStore, imageId: string, sha256: string, size: number): void {
  const key = keyOf(imageId, sha256);
  if (packs.has(key) || loadingPacks.has(key) || size > MAX_PACK_BYTES) return;
  if (loadingPacks.size >= MAX_BACKGROUND_LOADS) return;
  const loading = (async () => {
    const data = await store.getBuffer(tilePackKey(imageId));
    if (!packs.has(key)) keepPack(key, data);
    return data;
  })()
    .catch(() => null) // the next request reads by range again
    .finally(() => loadingPacks.delete(key));
  loadingPacks.set(key, loading);
}

/**
 * The stored bytes of one canonical request from the image's pack, or undefined when the pack
 * holds no such entry: from memory when the pack is loaded, else by a ranged GET (and the whole
 * pack starts loading for the requests that follow).
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
  const pack = packs.get(key);
  if (pack) {
    // Mark as recently used (Map keeps insertion order).
    packs.delete(key);
    packs.set(key, pack);
    return { bytes: pack.subarray(entry[0], entry[0] + entry[1]), fromMemory: true };
  }
  const bytes = await readPackRange(store, image.id, entry[0], entry[1]);
  loadPackInBackground(store, image.id, image.sha256, size);
  return { bytes, fromMemory: false };
}

/** Warms pages a reader is about to open: their indexes and, within the background bound, packs. */
export function warmPacks(store: ObjectStore, images: ReadonlyArray<{ id: string; sha256: string }>): void {
  for (const image of images) {
    void packIndex(store, image.id, image.sha256)
      .then(({ size }) => loadPackInBackground(store, image.id, image.sha256, size))
      .catch(() => undefined); // warming is best effort; a missing pack is found by the request
  }
}

/**
 * The stored bytes of several entries of one image's pack, for work that needs a whole level at
 * once (a PDF page): from memory when the pack is loaded, else by ranged GETs — one over the span
 * they occupy when they lie close together, one each when they are scattered (the pack keeps the
 * order the tiler's folders were listed in) — without loading the whole pack into the reading
 * cache. Undefined when the pack lacks any of them.
 */
export async function packedEntries(
  store: ObjectStore,
  image: { id: string; sha256: string },
  canonicalPaths: readonly string[],
): Promise<Buffer[] | undefined> {
  const { index } = await packIndex(store, image.id, image.sha256).catch(() => ({ index: {} as TileIndex }));
  const entries = canonicalPaths.map((p) => index[p]);
  if (entries.some((e) => !e)) return undefined;
  const spans = entries as Array<[number, number]>;
  const pack = packs.get(keyOf(image.id, image.sha256));
  if (pack) return spans.map(([offset, length]) => pack.subarray(offset, offset + length));
  const start = Math.min(...spans.map(([offset]) => offset));
  const end = Math.max(...spans.map(([offset, length]) => offset + length));
  const wanted = spans.reduce((sum, [, length]) => sum + length, 0);
  if (end - start > 2 * wanted) {
    return Promise.all(spans.map(([offset, length]) => readPackRange(store, image.id, offset, length)));
  }
  const bytes = await readPackRange(store, image.id, start, end - start);
  return spans.map(([offset, length]) => bytes.subarray(offset - start, offset - start + length));
}
