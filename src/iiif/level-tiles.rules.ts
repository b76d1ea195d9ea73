// Which grid tiles make up one whole level of an image's pyramid, and where each sits: a page at a
// reading size can then be put together from tiles already stored in its pack, without rendering
// from the master. Pure arithmetic, the same as the viewers' tile requests (IIIF Image API 3.0,
// `x,y,w,h/ceil(w/s),` per tile at scale factor s).

import { defaultScaleFactors } from '../domain/iiif/image-info.rules.js';
import { gridTile } from '../domain/iiif/grid-tile.rules.js';

/** One tile of a level: its IIIF region and size parameters and its place in the level's image. */
export interface LevelTile {
  readonly region: string;
  readonly size: string;
  readonly left: number;
  readonly top: number;
}

/** A whole level of the pyramid: its pixel size and its tiles, row by row. */
export interface LevelLayout {
  readonly scaleFactor: number;
  readonly width: number;
  readonly height: number;
  readonly tiles: readonly LevelTile[];
}

/**
 * The level whose longer edge is the largest not above `maxEdge` (the smallest level when every
 * level is larger), among the scale factors the image's info.json advertises.
 */
export function readingLevel(width: number, height: number, tileSize: number, maxEdge: number): LevelLayout {
  const factors = defaultScaleFactors(width, height, tileSize);
  const fits = factors.find((sf) => Math.max(Math.ceil(width / sf), Math.ceil(height / sf)) <= maxEdge);
  return levelLayout(width, height, tileSize, fits ?? factors.at(-1)!);
}

/** The tiles of the level at scale factor `sf`, with their offsets in the level's pixels. */
export function levelLayout(width: number, height: number, tileSize: number, sf: number): LevelLayout {
  const span = tileSize * sf;
  const tiles: LevelTile[] = [];
  let top = 0;
  for (let row = 0; row * span < height; row++) {
    let left = 0;
    let rowHeight = 0;
    for (let column = 0; column * span < width; column++) {
      const tile = gridTile({ width, height }, tileSize, sf, column, row)!;
      tiles.push({ region: tile.region, size: tile.size, left, top });
      left += tile.width;
      rowHeight = tile.height;
    }
    top += rowHeight;
  }
  return { scaleFactor: sf, width: Math.ceil(width / sf), height: Math.ceil(height / sf), tiles };
}
