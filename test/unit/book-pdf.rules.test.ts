// The arithmetic of a downloaded book: which tiles make a page at reading size, the page boxes,
// the reading direction, bookmarks per 卷, and the content key that retires a stale PDF.
import test from 'ava';
import { levelLayout, readingLevel } from '../../src/iiif/level-tiles.rules.js';
import {
  bookContentKey,
  bookFileName,
  bookmarks,
  pageBox,
  viewerLayout,
} from '../../src/downloads/book-pdf.rules.js';

test('a 6000×8000 master is read at 1500×2000 from 3×4 tiles that cover it exactly', (t) => {
  const level = readingLevel(6000, 8000, 512, 2000);
  t.is(level.scaleFactor, 4);
  t.deepEqual([level.width, level.height], [1500, 2000]);
  t.is(level.tiles.length, 12);
  t.deepEqual(level.tiles[0], { region: '0,0,2048,2048', size: '512,', left: 0, top: 0 });
  const last = level.tiles.at(-1)!;
  t.deepEqual(last, { region: '4096,6144,1904,1856', size: '476,', left: 1024, top: 1536 });
  t.is(last.left + 476, level.width);
  t.is(last.top + Math.ceil(1856 / 4), level.height);
});

test('odd sizes: the tiles of every level add up to the level, whatever the rounding', (t) => {
  for (const [w, h] of [
    [4999, 7001],
    [513, 513],
    [1, 9000],
    [12000, 377],
  ] as const) {
    for (const sf of [1, 2, 4, 8, 16]) {
      const level = levelLayout(w, h, 512, sf);
      const rowWidths = level.tiles.filter((tile) => tile.top === 0);
      const right = rowWidths.at(-1)!;
      t.is(right.left + Number(right.size.slice(0, -1)), level.width, `${w}×${h} at ${sf}`);
      t.is(level.width, Math.ceil(w / sf));
    }
  }
});

test('a page smaller than the reading edge is read whole; a huge one at the smallest level that fits', (t) => {
  t.is(readingLevel(600, 900, 512, 2000).scaleFactor, 1);
  t.is(readingLevel(600, 900, 512, 2000).tiles.length, 4);
  const huge = readingLevel(30000, 40000, 512, 2000);
  t.true(Math.max(huge.width, huge.height) <= 2000);
  t.is(huge.scaleFactor, 32);
});

test('page boxes are A4 high (or wide for a landscape leaf), keeping the page’s proportions', (t) => {
  t.deepEqual(pageBox(1500, 2000), { width: 631.5, height: 842 });
  t.deepEqual(pageBox(2000, 1000), { width: 842, height: 421 });
});

test('Chinese books turn right to left two pages at a time; scrolls one page', (t) => {
  t.deepEqual(viewerLayout('right-to-left'), { pageLayout: 'TwoPageRight', direction: 'R2L' });
  t.deepEqual(viewerLayout('left-to-right'), { pageLayout: 'TwoPageRight', direction: 'L2R' });
  t.deepEqual(viewerLayout('top-to-bottom'), { pageLayout: 'SinglePage', direction: 'L2R' });
});

test('a bookmark at the first page of each 卷; pages outside a 卷 have none', (t) => {
  t.deepEqual(bookmarks(['書衣', '序 1a', '卷一 1a', '卷一 1b', '卷二 1a', '卷之三 1a', '卷首 1a']), [
    { title: '卷一', page: 2 },
    { title: '卷二', page: 4 },
    { title: '卷三', page: 5 },
    { title: '卷首', page: 6 },
  ]);
});

test('the content key changes with a page, its order or its label, and with nothing else', (t) => {
  const pages = [
    { id: 'a', sha256: '1', label: '卷一 1a' },
    { id: 'b', sha256: '2', label: '卷一 1b' },
  ];
  const key = bookContentKey({ censusNumber: '110000-2001-0000001', title: '文選六十卷', pages });
  t.regex(key, /^[0-9a-f]{32}$/);
  t.is(bookContentKey({ censusNumber: '110000-2001-0000001', title: '文選六十卷', pages: [...pages] }), key);
  t.not(
    bookContentKey({ censusNumber: '110000-2001-0000001', title: '文選六十卷', pages: [...pages].reverse() }),
    key,
  );
  t.not(
    bookContentKey({
      censusNumber: '110000-2001-0000001',
      title: '文選六十卷',
      pages: [pages[0]!, { ...pages[1]!, label: '卷二 1a' }],
    }),
    key,
  );
  t.not(
    bookContentKey({
      censusNumber: '110000-2001-0000001',
      title: '文選六十卷',
      pages: [pages[0]!, { ...pages[1]!, sha256: '3' }],
    }),
    key,
  );
});

test('the file name is the census number, with anything unsafe in a header replaced', (t) => {
  t.is(bookFileName('110000-2001-0000001'), '110000-2001-0000001.pdf');
  t.is(bookFileName('11"0\r\n'), '11_0__.pdf');
});
