import type { ObjectStore } from '../object-store/object-store.js';
import { tileIndexKey, tilePackKey, type TileIndex } from '../domain/object-layout.rules.js';
import { packLayout, type PackLayout } from './pack-layout.rules.js';
import { RangeReader } from './range-reader.js';
import { ScreenBatches } from './screen-batches.js';
import { gridCellOf, gridTilePath } from './screen-tiles.rules.js';
import { TILE_SIZE } from '../domain/iiif/image-service.config.js';

/**
 * The stored tile packs (grid tiles and thumbnails of an image, one object, plus a JSON index by
 * canonical request) as delivery reads them. A page seen for the first time must neither wait for
 * its whole pack nor make one GET per tile: its index is fetched (and cached, it is small) and
 * tiles are read through the range reader, which merges the tiles a viewer asks for together into
 * few ranged GETs and keeps what it read. The pack is laid out in the order viewers ask
 * (pack-order.rules.ts), so the first view of a page — thumbnails and the levels fitted to
 * a screen — is one run of bytes, read as soon as a viewer opens the page (its info.json), and the
 * tiles under a zoomed screen are a few runs. Opening page N warms N+1 and N+2 the same way. The
 * first tiles of a zoomed screen bring the rest of their rectangle along (screen-tiles.rules.ts):
 * the tiles the browser sends as its connections come free are then in memory.
 */

/**
 * Tiles of one level asked for within this long of each other count as one screen's: a browser
 * sends a screen's tiles over its connections at once, and they arrive within a few milliseconds.
 */
const SCREEN_WINDOW_MS = 10;

/** Indexes are ~15–20 KB each; this many cover the pages of many books being read. */
const MAX_INDEXES = 4000;

const keyOf = (imageId: string, sha256: string) => `${imageId}:${sha256}`;

/** An image as the reader knows it: its pack is keyed by id and content, its grid by its size. */
type PackedImage = { id: string; sha256: string; width: number; height: number };

/** The reader keys spans by pack and content (`key#sha256`): a replaced master's pack is other bytes. */
const readerKey = (image: { id: string; sha256: string }) => `${tilePackKey(image.id)}#${image.sha256}`;

/**
 * Reads the tile packs of one object store. One per app (src/app/app-deps.ts builds it): its pack
 * indexes and the range reader's kept spans are what make a page seen again cheap, and they belong
 * to the app, not to the module (tests start several apps in one process).
 */
export class TilePackReader {
  private readonly layouts = new Map<string, PackLayout>();
  private readonly loadingLayouts = new Map<string, Promise<PackLayout>>();
  private readonly reader: RangeReader;
  private readonly screens = new ScreenBatches({ windowMs: SCREEN_WINDOW_MS });

  constructor(private readonly store: ObjectStore) {
    this.reader = new RangeReader(
      (key, offset, length) => store.getRange(key.split('#')[0]!, offset, length),
      {
        maxBytes: 256 * 1024 * 1024,
        // A row's tiles follow each other in the pack; the rows under a zoomed screen lie a level's
        // width apart, too far to read the bytes between.
        mergeGap: 32 * 1024,
        maxSpan: 8 * 1024 * 1024,
        maxOptionalPrefetches: 4,
      },
    );
  }

  /** The layout of an image's pack from its index (cached; the same for every version until the master changes). */
  private async layoutOf(image: PackedImage): Promise<PackLayout> {
    const key = keyOf(image.id, image.sha256);
    const hit = this.layouts.get(key);
    if (hit) return hit;
    let loading = this.loadingLayouts.get(key);
    if (!loading) {
      loading = (async () => {
        const index = JSON.parse(
          (await this.store.getBuffer(tileIndexKey(image.id))).toString('utf8'),
        ) as TileIndex;
        const layout = packLayout(index, image);
        if (this.layouts.size >= MAX_INDEXES) this.layouts.delete(this.layouts.keys().next().value!);
        this.layouts.set(key, layout);
        return layout;
      })().finally(() => this.loadingLayouts.delete(key));
      this.loadingLayouts.set(key, loading);
    }
    return loading;
  }

  /** Reads bytes [offset, offset+length) of an image's pack with one ranged GET. */
  private readPackRange(imageId: string, offset: number, length: number): Promise<Buffer> {
    return this.store.getRange(tilePackKey(imageId), offset, length);
  }

  /**
   * The stored bytes of one canonical request from the image's pack, or undefined when the pack
   * holds no such entry. The bytes are a view of a kept span: callers need not cache them again.
   */
  async packedTile(image: PackedImage, canonicalPath: string): Promise<Buffer | undefined> {
    const layout = await this.layoutOf(image).catch(() => undefined);
    const entry = layout?.index[canonicalPath];
    if (!layout || !entry) return undefined;
    this.readRestOfScreen(image, layout, canonicalPath);
    return this.reader.read(readerKey(image), entry[0], entry[1]);
  }

  /**
   * Reads, along with a grid tile, the tiles of its level that the screen asking for it must also
   * show (screen-tiles.rules.ts): the rest of a row the viewer asked for part of is then in the
   * same GET, not in one of its own when the browser sends it on a connection come free.
   */
  private readRestOfScreen(image: PackedImage, layout: PackLayout, canonicalPath: string): void {
    const cell = gridCellOf(canonicalPath, image, TILE_SIZE);
    if (!cell) return;
    const key = readerKey(image);
    for (const other of this.screens.note(`${key}@${cell.scaleFactor}`, cell.column, cell.row)) {
      const path = gridTilePath({ ...other, scaleFactor: cell.scaleFactor }, image, TILE_SIZE);
      const entry = path === undefined ? undefined : layout.index[path];
      if (entry) this.reader.readAlong(key, entry[0], entry[1]);
    }
  }

  /**
   * Warms the page a viewer opens and the pages it will turn to: their indexes and first views (the
   * thumbnails and screen-sized levels, one run of bytes in packs laid out in pack order; older
   * packs are not warmed). The opened page's first view is read now: its tiles are asked for next.
   * The next pages' are skipped while enough warming is under way. Reading whole packs ahead was
   * measured slower (bench:reading): the large reads delay the tiles readers are waiting for.
   */
  warmPages(opened: PackedImage, next: ReadonlyArray<PackedImage>): void {
    const warmFirstView = async (image: PackedImage, optional: boolean) => {
      const { firstViewEnd } = await this.layoutOf(image);
      if (firstViewEnd > 0) await this.reader.prefetch(readerKey(image), 0, firstViewEnd, optional);
    };
    // The opened page first: the next pages' reads would only delay the tiles a reader waits for.
    // Warming is best effort; a missing pack is found by the request.
    void warmFirstView(opened, false)
      .catch(() => undefined)
      .then(() => Promise.all(next.map((image) => warmFirstView(image, true).catch(() => undefined))));
  }

  /**
   * The stored bytes of several entries of one image's pack, for work that needs a whole level at
   * once (a PDF page): by ranged GETs — one over the span they occupy when they lie close together
   * (a level is contiguous in packs made since the pack order), one each when they are scattered
   * (older packs kept the order the tiler's folders were listed in) — without filling the reading
   * cache. Undefined when the pack lacks any of them.
   */
  async packedEntries(image: PackedImage, canonicalPaths: readonly string[]): Promise<Buffer[] | undefined> {
    const layout = await this.layoutOf(image).catch(() => undefined);
    const entries = canonicalPaths.map((p) => layout?.index[p]);
    if (entries.some((e) => !e)) return undefined;
    const spans = entries as Array<[number, number]>;
    const start = Math.min(...spans.map(([offset]) => offset));
    const end = Math.max(...spans.map(([offset, length]) => offset + length));
    const wanted = spans.reduce((sum, [, length]) => sum + length, 0);
    if (end - start > 2 * wanted) {
      return Promise.all(spans.map(([offset, length]) => this.readPackRange(image.id, offset, length)));
    }
    const bytes = await this.readPackRange(image.id, start, end - start);
    return spans.map(([offset, length]) => bytes.subarray(offset - start, offset - start + length));
  }
}
