import type { TileIndex } from './object-layout.rules.js';

/**
 * The order of a tile pack and its overview. A reader opening a page first sees it whole (the
 * coarse levels and thumbnails), and only then zooms into a part of it. The pack is therefore
 * written coarse levels first and row by row within a level, so the bytes a page needs before
 * any zoom — its overview — are one contiguous span that a single ranged GET warms.
 */

/** Levels at this scale factor and coarser (and whole-image thumbnails) form the overview. */
export const OVERVIEW_MIN_SCALE = 4;

interface PackEntryPlace {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** Scale factor and position of a canonical `{region}/{size}/…` path (a thumbnail: region `full`). */
function placeOf(canonicalPath: string): PackEntryPlace {
  const [region, size] = canonicalPath.split('/');
  const width = Number(size!.split(',')[0]!.replace('^', ''));
  if (region === 'full' || !region) return { scale: Number.POSITIVE_INFINITY, x: 0, y: 0 };
  const [x, y, w] = region.split(',').map(Number);
  return { scale: width > 0 ? w! / width : 1, x: x!, y: y! };
}

/** Canonical paths in pack order: coarsest first, then top to bottom, left to right. */
export function packOrder(paths: readonly string[]): string[] {
  const places = new Map(paths.map((p) => [p, placeOf(p)]));
  return [...paths].sort((a, b) => {
    const pa = places.get(a)!;
    const pb = places.get(b)!;
    return pb.scale - pa.scale || pa.y - pb.y || pa.x - pb.x || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/**
 * The byte span [start, end) of a pack holding its overview entries, or null when they are not
 * contiguous enough to be worth one read (packs written before this order: at most twice their
 * bytes is read).
 */
export function overviewSpan(index: TileIndex): { start: number; end: number } | null {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  let bytes = 0;
  for (const [canonicalPath, [offset, length]] of Object.entries(index)) {
    if (placeOf(canonicalPath).scale < OVERVIEW_MIN_SCALE) continue;
    start = Math.min(start, offset);
    end = Math.max(end, offset + length);
    bytes += length;
  }
  if (bytes === 0 || end - start > 2 * bytes) return null;
  return { start, end };
}
