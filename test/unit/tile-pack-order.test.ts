import test from 'ava';
import { overviewSpan, packOrder } from '../../src/images/tile-pack-order.rules.js';
import type { TileIndex } from '../../src/images/object-layout.rules.js';

// Canonical paths as the grid of a 6000×8000 page with 512-px tiles writes them.
const full = ['0,0,512,512/512,512/0/default.jpg', '512,0,512,512/512,512/0/default.jpg'];
const half = ['0,0,1024,1024/512,512/0/default.jpg', '0,1024,1024,1024/512,512/0/default.jpg'];
const eighth = ['0,0,4096,4096/512,512/0/default.jpg', '4096,0,1904,4096/238,512/0/default.jpg'];
const thumb = 'full/150,200/0/default.jpg';

test('a pack is written coarsest level first, then row by row', (t) => {
  const shuffled = [full[1]!, half[1]!, eighth[1]!, full[0]!, thumb, half[0]!, eighth[0]!];
  t.deepEqual(packOrder(shuffled), [thumb, eighth[0], eighth[1], half[0], half[1], full[0], full[1]]);
});

function indexOf(paths: readonly string[], length = 100): TileIndex {
  return Object.fromEntries(paths.map((p, i) => [p, [i * length, length]]));
}

test('the overview of a pack in this order is one span: thumbnails and levels at scale 4 and up', (t) => {
  const order = packOrder([...full, ...half, ...eighth, thumb]);
  t.deepEqual(overviewSpan(indexOf(order)), { start: 0, end: 300 });
});

test('a pack of the older order whose overview is scattered is not read as a span', (t) => {
  t.is(overviewSpan(indexOf([thumb, ...full, ...half, ...eighth])), null);
  t.is(overviewSpan(indexOf(full)), null); // nothing coarse at all
});
