// The tiles a screen must also hold: where a grid tile sits, and what of the rectangle of the
// tiles of one level asked for together is still to read.
import test from 'ava';
import { PAGE, pagePaths } from '../helpers/page-tiles.js';
import {
  cellId,
  gridCellOf,
  gridTilePath,
  screenCompletion,
} from '../../src/tile-pack/screen-tiles.rules.js';
import { ScreenBatches } from '../../src/tile-pack/screen-batches.js';

const TILE = 512;

test('every grid tile of a pack names its cell, and the cell names the tile back', (t) => {
  const grid = pagePaths().filter((p) => !p.startsWith('full/'));
  t.true(grid.length > 100);
  for (const path of grid) {
    const cell = gridCellOf(path, PAGE, TILE);
    t.truthy(cell, path);
    t.is(gridTilePath(cell!, PAGE, TILE), path);
  }
  t.deepEqual(gridCellOf('2048,3072,512,512/max/0/default.jpg', PAGE, TILE), {
    scaleFactor: 1,
    column: 4,
    row: 6,
  });
  // The last column at full resolution is 368 pixels wide; the fitted level's tiles are 4096 wide.
  t.deepEqual(gridCellOf('5632,0,368,512/max/0/default.jpg', PAGE, TILE), {
    scaleFactor: 1,
    column: 11,
    row: 0,
  });
  t.deepEqual(gridCellOf('4096,4096,1904,3904/238,488/0/default.jpg', PAGE, TILE), {
    scaleFactor: 8,
    column: 1,
    row: 1,
  });
});

test('thumbnails, regions off the grid and cells outside the image have no place in it', (t) => {
  for (const path of [
    'full/75,100/0/default.jpg',
    '100,0,512,512/max/0/default.jpg', // not on a tile boundary
    '0,0,512,512/256,256/0/default.jpg', // on a boundary, but not the tile of scale 2 there
    '0,0,512,400/max/0/default.jpg', // shorter than the tile
    '0,0,512,512/max/90/default.jpg',
    'junk',
  ])
    t.is(gridCellOf(path, PAGE, TILE), undefined, path);
  t.is(gridTilePath({ scaleFactor: 1, column: 12, row: 0 }, PAGE, TILE), undefined);
  t.is(gridTilePath({ scaleFactor: 1, column: -1, row: 0 }, PAGE, TILE), undefined);
});

test('the rest of the rectangle is read only while it is at most twice the tiles asked for', (t) => {
  const asked = new Set([cellId(4, 6), cellId(5, 6), cellId(6, 6), cellId(7, 6), cellId(4, 7), cellId(5, 7)]);
  const bounds = { minColumn: 4, maxColumn: 7, minRow: 6, maxRow: 7 };
  t.deepEqual(screenCompletion(bounds, asked), [
    { column: 6, row: 7 },
    { column: 7, row: 7 },
  ]);
  // Two tiles far apart (two readers on one page): the rectangle between them is on no screen.
  t.deepEqual(
    screenCompletion(
      { minColumn: 0, maxColumn: 9, minRow: 0, maxRow: 9 },
      new Set([cellId(0, 0), cellId(9, 9)]),
    ),
    [],
  );
});

test("a screen's tiles asked for together bring the rest of their rectangle, once; later ones start afresh", (t) => {
  let now = 0;
  const screens = new ScreenBatches({ windowMs: 10, now: () => now });
  const level = 'pack@1';
  // The first six tiles of a 4 × 3 screen, row by row (a browser's six connections).
  const got = [
    [4, 6],
    [5, 6],
    [6, 6],
    [7, 6],
    [4, 7],
    [5, 7],
  ].flatMap(([column, row]) => screens.note(level, column!, row!));
  t.deepEqual(got, [
    { column: 5, row: 7 },
    { column: 6, row: 7 },
    { column: 7, row: 7 },
  ]);
  // Another level and another pack are other screens.
  t.deepEqual(screens.note('pack@2', 9, 9), []);
  t.deepEqual(screens.note('other@1', 0, 0), []);
  // Past the window, a tile is a new screen's first.
  now = 11;
  t.deepEqual(screens.note(level, 4, 8), []);
  t.deepEqual(screens.note(level, 5, 8), []);
});
