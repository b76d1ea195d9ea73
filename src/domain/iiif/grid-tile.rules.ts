// One tile of an image's IIIF tile grid, as viewers ask for it (Image API 3.0: `x,y,w,h/ceil(w/s),`
// at scale factor s): the whole-level layouts that make reading copies and the reader that
// completes a zoomed screen both name tiles by it.

/** A grid tile's IIIF region and size parameters and its size in pixels at its level. */
export interface GridTile {
  readonly region: string;
  readonly size: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The tile at `column`, `row` of the level at scale factor `sf` of an image of that size with
 * `tileSize` tiles, or undefined when the cell lies outside the image.
 */
export function gridTile(
  image: { readonly width: number; readonly height: number },
  tileSize: number,
  sf: number,
  column: number,
  row: number,
): GridTile | undefined {
  const span = tileSize * sf;
  const x = column * span;
  const y = row * span;
  if (column < 0 || row < 0 || x >= image.width || y >= image.height) return undefined;
  const w = Math.min(span, image.width - x);
  const h = Math.min(span, image.height - y);
  const width = Math.ceil(w / sf);
  return { region: `${x},${y},${w},${h}`, size: `${width},`, width, height: Math.ceil(h / sf) };
}
