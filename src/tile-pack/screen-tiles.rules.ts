// Where a grid tile sits in its level, and the tiles a viewer's screen must also hold.
//
// A viewer asks for the tiles under its screen, and the screen is a rectangle. The tiles of one
// level that meet a rectangle form a rectangle of the grid. So tiles of one level asked for
// together lie inside the screen, and so does every tile of the smallest grid rectangle that holds
// them. A reader reading those tiles too reads only tiles the viewer will ask for next, whatever
// order it asks in. The tiles are named by their canonical IIIF paths, as the tile pack indexes them.

import { canonicalPath } from '../domain/iiif/canonical-path.js';
import { gridTile } from '../domain/iiif/grid-tile.rules.js';
import { packOrderKey } from './pack-order.rules.js';

/** A grid tile's place: its level (scale factor) and its column and row in that level. */
export interface GridCell {
  readonly scaleFactor: number;
  readonly column: number;
  readonly row: number;
}

type Size = { readonly width: number; readonly height: number };

/** The canonical path of the grid tile at `cell`, or undefined when the cell lies outside the image. */
export function gridTilePath(cell: GridCell, image: Size, tileSize: number): string | undefined {
  const tile = gridTile(image, tileSize, cell.scaleFactor, cell.column, cell.row);
  return tile && canonicalPath(tile.region, tile.size, image);
}

/**
 * The grid cell of a canonical tile path, or undefined for anything else (a thumbnail, a region
 * off the grid): the path must be exactly the one `gridTilePath` gives for that cell.
 */
export function gridCellOf(path: string, image: Size, tileSize: number): GridCell | undefined {
  // The pack order's key already reads a path's level and place (pack-order.rules.ts).
  const [kind, negativeLog2Scale, y, x] = packOrderKey(path);
  if (kind !== 1) return undefined;
  const scaleFactor = 2 ** -negativeLog2Scale;
  const span = tileSize * scaleFactor;
  if (x % span !== 0 || y % span !== 0) return undefined;
  const cell = { scaleFactor, column: x / span, row: y / span };
  return gridTilePath(cell, image, tileSize) === path ? cell : undefined;
}

/** Columns and rows of the grid rectangle that holds the cells. */
export interface CellBounds {
  readonly minColumn: number;
  readonly maxColumn: number;
  readonly minRow: number;
  readonly maxRow: number;
}

/**
 * The cells of `bounds` not in `asked`, when the rectangle is at most twice as many cells as were
 * asked for; else none. Two viewers on one page at once ask for tiles far apart, and the
 * rectangle between them is not on either screen: the bound keeps what is read beyond the asked
 * tiles no larger than what was asked.
 */
export function screenCompletion(
  bounds: CellBounds,
  asked: ReadonlySet<string>,
): Array<{ column: number; row: number }> {
  const columns = bounds.maxColumn - bounds.minColumn + 1;
  const rows = bounds.maxRow - bounds.minRow + 1;
  if (columns * rows > 2 * asked.size) return [];
  const missing: Array<{ column: number; row: number }> = [];
  for (let row = bounds.minRow; row <= bounds.maxRow; row++)
    for (let column = bounds.minColumn; column <= bounds.maxColumn; column++)
      if (!asked.has(cellId(column, row))) missing.push({ column, row });
  return missing;
}

/** A cell's key in sets of cells. */
export function cellId(column: number, row: number): string {
  return `${column},${row}`;
}
