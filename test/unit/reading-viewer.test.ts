// The reading room's two listeners on Mirador's store, on their pure parts: which leaf of the other
// copy a page turn goes to, and the size and fit of an opening as Mirador lays it out.
import test from 'ava';
import { matchingCanvas } from '../../src/web/app/records/syncWindows.js';
import { fittingViewport, openingSize, showsAll } from '../../src/web/app/records/fitOpenings.js';

const leaf = (id: string, label?: string) => ({ id, ...(label ? { label: { 'zh-Hans': [label] } } : {}) });

test('a page turn goes to the leaf with the same label in the other copy', (t) => {
  const beijing = [leaf('b0', '封面'), leaf('b1', '卷一 1a'), leaf('b2', '卷一 1b'), leaf('b3', '卷二 1a')];
  // The Shanghai copy lacks its cover: same labels sit one place earlier.
  const shanghai = [leaf('s1', '卷一 1a'), leaf('s2', '卷一 1b'), leaf('s3', '卷二 1a')];
  t.is(matchingCanvas(beijing, shanghai, 'b3'), 's3');
  t.is(matchingCanvas(shanghai, beijing, 's1'), 'b1');
});

test('without a matching label it goes to the same position, or the last leaf', (t) => {
  const a = [leaf('a0'), leaf('a1'), leaf('a2'), leaf('a3')];
  const b = [leaf('x0'), leaf('x1')];
  t.is(matchingCanvas(a, b, 'a1'), 'x1');
  t.is(matchingCanvas(a, b, 'a3'), 'x1');
  t.is(matchingCanvas(a, b, 'nope'), null);
  // A label used twice in the other copy says nothing: position decides.
  const twice = [leaf('y0', '序'), leaf('y1', '序')];
  t.is(matchingCanvas([leaf('z0', '目錄'), leaf('z1', '序')], twice, 'z1'), 'y1');
});

test('an opening is laid side by side at the shortest leaf height, or stacked for a scroll', (t) => {
  const pages = [
    { id: 'p1', width: 600, height: 900 },
    { id: 'p2', width: 400, height: 600 },
  ];
  t.deepEqual(openingSize(pages, 'right-to-left'), [800, 600]);
  t.deepEqual(openingSize(pages, 'top-to-bottom'), [400, 1200]);
  t.is(openingSize([{ id: 'p' }]), null);
});

test('the fitting viewport shows the whole opening and a narrower one does not', (t) => {
  const wide = { x: 1000, y: 500 };
  const tall = { x: 400, y: 800 };
  for (const container of [wide, tall]) {
    const fit = fittingViewport([1200, 900], container);
    t.true(showsAll(fit, [1200, 900], container));
    // Zoomed to one leaf's width (the cover's fit kept after the turn): the other leaf is cut off.
    t.false(showsAll({ ...fit, x: 900, zoom: fit.zoom * 2 }, [1200, 900], container));
  }
});
