// A pack's layout (pack-layout.rules.ts): the first view is one run from byte 0 in a pack laid out
// in pack order, and is not read ahead in an older, scattered pack.
import test from 'ava';
import type { TileIndex } from '../../src/domain/object-layout.rules.js';
import { packLayout } from '../../src/tile-pack/pack-layout.rules.js';
import { comparePackOrder } from '../../src/tile-pack/pack-order.rules.js';

const page = { width: 6000, height: 8000 };
const TILE_BYTES = 100;

/** The canonical paths a 6000×8000 page's pack holds: two thumbnails, scale 8 and scale 1. */
function pagePaths(): string[] {
  const paths = ['full/75,100/0/default.jpg', 'full/150,200/0/default.jpg'];
  for (const sf of [8, 1]) {
    const span = 512 * sf;
    for (let y = 0; y < page.height; y += span)
      for (let x = 0; x < page.width; x += span) {
        const w = Math.min(span, page.width - x);
        const h = Math.min(span, page.height - y);
        paths.push(
          `${x},${y},${w},${h}/${sf === 1 ? 'max' : `${Math.ceil(w / sf)},${Math.ceil(h / sf)}`}/0/default.jpg`,
        );
      }
  }
  return paths;
}

/** An index with every entry TILE_BYTES long, in the given order. */
function indexOf(paths: string[]): TileIndex {
  return Object.fromEntries(paths.map((path, i) => [path, [i * TILE_BYTES, TILE_BYTES]])) as TileIndex;
}

test('the first view is one run from byte 0 in pack order, and none in a scattered pack', (t) => {
  const ordered = pagePaths().sort(comparePackOrder);
  // Two thumbnails and the four tiles of scale 8 come first.
  t.is(packLayout(indexOf(ordered), page).firstViewEnd, 6 * TILE_BYTES);
  const scattered = [...ordered.slice(6, 100), ...ordered.slice(0, 6), ...ordered.slice(100)];
  t.is(packLayout(indexOf(scattered), page).firstViewEnd, 0);
});
