/**
 * The order of entries in a tile pack. Delivery reads a pack it does not hold in memory in blocks
 * of adjacent bytes (one ranged GET serves many tiles), so the pack is laid out the way a viewer
 * asks for it: the thumbnails and small levels first (a page opens fitted to the screen: the first
 * block holds them all), then each larger level row by row (the tiles under a zoomed screen lie in
 * a few runs of adjacent bytes).
 */

/** Whole-image entries (`full/…`) first by width; then grid tiles by scale factor (coarse to fine), y, x. */
export function packOrderKey(canonicalPath: string): [number, number, number, number] {
  const [region = '', size = ''] = canonicalPath.split('/');
  // Sizes are `w,h`, or `max` for a full-resolution tile (scale 1).
  const width = Number(size.replace(/^\^/, '').split(',')[0]) || 0;
  if (region === 'full') return [0, -Infinity, 0, width];
  const [x = 0, y = 0, w = 0] = region.split(',').map(Number);
  const scale = width > 0 ? w / width : 1;
  // Edge tiles are narrower than a full tile at the same scale; rounding puts them in their level.
  return [1, -Math.round(Math.log2(scale)), y, x];
}

/** Compares two canonical paths by pack order. */
export function comparePackOrder(a: string, b: string): number {
  const ka = packOrderKey(a);
  const kb = packOrderKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}

/** Longest side of the levels a viewer is likely to open a page at (fitted to a large screen). */
export const FIRST_VIEW_SIDE = 1280;

/**
 * Whether an entry belongs to what a viewer asks for when it opens a page: the thumbnails and the
 * levels no larger than a screen. In pack order they come first, so they are one run of bytes.
 */
export function inFirstView(canonicalPath: string, image: { width: number; height: number }): boolean {
  const [kind, negativeLog2Scale] = packOrderKey(canonicalPath);
  if (kind === 0) return true;
  const scale = 2 ** -negativeLog2Scale;
  return Math.max(image.width, image.height) / scale <= FIRST_VIEW_SIDE;
}
