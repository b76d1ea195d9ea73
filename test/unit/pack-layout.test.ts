// A pack's layout (pack-layout.rules.ts): the first view is one run from byte 0 in a pack laid out
// in pack order, and is not read ahead in an older, scattered pack.
import test from 'ava';
import type { TileIndex } from '../../src/domain/object-layout.rules.js';
import { packLayout } from '../../src/tile-pack/pack-layout.rules.js';
import { comparePackOrder } from '../../src/tile-pack/pack-order.rules.js';
import { PAGE, pagePaths } from '../helpers/page-tiles.js';

const TILE_BYTES = 100;

/** An index with every entry TILE_BYTES long, in the given order. */
function indexOf(paths: string[]): TileIndex {
  return Object.fromEntries(paths.map((path, i) => [path, [i * TILE_BYTES, TILE_BYTES]])) as TileIndex;
}

test('the first view is one run from byte 0 in pack order, and none in a scattered pack', (t) => {
  const ordered = pagePaths().sort(comparePackOrder);
  // Two thumbnails and the four tiles of scale 8 come first.
  t.is(packLayout(indexOf(ordered), PAGE).firstViewEnd, 6 * TILE_BYTES);
  const scattered = [...ordered.slice(6, 100), ...ordered.slice(0, 6), ...ordered.slice(100)];
  t.is(packLayout(indexOf(scattered), PAGE).firstViewEnd, 0);
});
