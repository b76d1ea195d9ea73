// The images page's 卷/叶 pattern: leaf numbers as catalogues write them, a/b sides, and labels the
// server's table of contents reads back as one 卷.
import test from 'ava';
import { chineseNumeral, DEFAULT_PATTERN, leafLabels } from '../../src/web/app/images/leafPattern.js';
import { chineseNumber, juanRuns } from '../../src/iiif/presentation-ranges.rules.js';

test('Chinese numerals as leaves are numbered, and the server reads them back', (t) => {
  const cases: Array<[number, string]> = [
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百〇五'],
    [110, '一百一十'],
    [1001, '一千〇一'],
  ];
  for (const [n, text] of cases) {
    t.is(chineseNumeral(n), text);
    t.is(chineseNumber(text), n);
  }
});

test('twenty pages of 卷一 become leaves 一a … 十b, one 卷 for the table of contents', (t) => {
  const labels = leafLabels(DEFAULT_PATTERN, 20);
  t.deepEqual(labels.slice(0, 3), ['卷一 葉一a', '卷一 葉一b', '卷一 葉二a']);
  t.is(labels[19], '卷一 葉十b');
  t.deepEqual(
    juanRuns(labels).map((r) => [r.zh, r.pages.length]),
    [['卷一', 20]],
  );
});

test('single-sided leaves, Arabic numerals, a run starting on a b side, no 卷', (t) => {
  t.deepEqual(leafLabels({ ...DEFAULT_PATTERN, sides: 'single', numerals: 'arabic', firstLeaf: 9 }, 2), [
    '卷一 葉9',
    '卷一 葉10',
  ]);
  t.deepEqual(
    leafLabels({ ...DEFAULT_PATTERN, juan: ' ', leafWord: '叶', firstSide: 'b', firstLeaf: 3 }, 3),
    ['叶三b', '叶四a', '叶四b'],
  );
});
