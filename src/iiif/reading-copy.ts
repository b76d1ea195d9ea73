// A whole page at reading size (for a PDF): the pyramid level nearest below the requested edge,
// put together from its grid tiles in the stored pack — no render from the master, so a book of
// hundreds of pages is a few ranged reads and one JPEG encode per page.

import { joinTiles } from '../images/image-processor.js';
import { canonicalPath } from '../domain/iiif/canonical-path.js';
import { TILE_SIZE } from '../domain/iiif/image-service.config.js';
import { readingLevel } from './level-tiles.rules.js';
import type { TilePackReader } from '../tile-pack/tile-pack-reader.js';

/** JPEG quality of a joined page: a reading copy, not a master (a 2000 px page ≈ 0.3–1 MB). */
const READING_COPY_QUALITY = 80;

/** A page image ready to embed: JPEG bytes and pixel size. */
export interface ReadingCopy {
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The page as one JPEG at most `maxEdge` pixels on its longer side; undefined when its pack lacks tiles. */
export async function readingCopy(
  tilePacks: TilePackReader,
  image: { id: string; sha256: string; width: number; height: number },
  maxEdge: number,
): Promise<ReadingCopy | undefined> {
  const level = readingLevel(image.width, image.height, TILE_SIZE, maxEdge);
  const paths = level.tiles.map((tile) => canonicalPath(tile.region, tile.size, image));
  if (paths.some((p) => !p)) return undefined;
  const tiles = await tilePacks.packedEntries(image, paths as string[]);
  if (!tiles) return undefined;
  if (tiles.length === 1) return { jpeg: tiles[0]!, width: level.width, height: level.height };
  const jpeg = await joinTiles(
    level.tiles.map((tile, i) => ({ jpeg: tiles[i]!, left: tile.left, top: tile.top })),
    level.width,
    level.height,
    READING_COPY_QUALITY,
  );
  return { jpeg, width: level.width, height: level.height };
}
