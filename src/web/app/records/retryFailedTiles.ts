// Asking again for page tiles the image service could not send yet. It answers 503 with
// Retry-After while a page's derivatives are still being made (a page just uploaded) or its render
// queue is full, and OpenSeadragon marks a tile that failed once as missing for good: the page
// stayed blank until the reader reloaded it. OpenSeadragon's own retry (`tileRetryMax`) fetched
// the tiles again, yet with 5.0.1 the page stayed blank all the same (seen in the browser test's
// screenshot). So a failed tile is marked as existing again after a pause and the image is made
// to choose its tiles anew, which asks for it the usual way and draws it.

/** The parts of an OpenSeadragon tile and tiled image this uses. */
interface FailedTile {
  exists: boolean;
}
interface TiledImage {
  getClip(): unknown;
  setClip(clip: unknown): void;
}
/** The part of an OpenSeadragon viewer this uses. */
export interface TileEvents {
  addHandler(
    event: 'tile-load-failed',
    handler: (event: { tile: FailedTile; tiledImage: TiledImage }) => void,
  ): void;
}

/** How often and how far apart a tile is asked for again: together about a minute. */
export const TILE_RETRY = { max: 20, delayMs: 3000 };

const hooked = new WeakSet<object>();

/** Makes `viewer` ask again for tiles that failed (once per viewer; later calls do nothing). */
export function retryFailedTiles(viewer: TileEvents, retry = TILE_RETRY): void {
  if (hooked.has(viewer)) return;
  hooked.add(viewer);
  const tries = new WeakMap<FailedTile, number>();
  viewer.addHandler('tile-load-failed', ({ tile, tiledImage }) => {
    const count = (tries.get(tile) ?? 0) + 1;
    if (count > retry.max) return;
    tries.set(tile, count);
    setTimeout(() => {
      tile.exists = true;
      // The public call that makes the image choose its tiles on the next frame (same clip).
      tiledImage.setClip(tiledImage.getClip());
    }, retry.delayMs);
  });
}
