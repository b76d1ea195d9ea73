import test from 'ava';
import {
  fieldsKey,
  highlightRanges,
  indexTokens,
  isPlainIdeograph,
  mappedSearchKey,
  spanOf,
  rangesIn,
  queryTerms,
  queryTokens,
  searchKey,
} from '../../src/search/search-key.rules.js';
import { catalogueKeys, formatAuthors } from '../../src/search/catalogue-entry.rules.js';
import { arrayLiteral } from '../../src/kernel/sql-literal.js';
import { validGujiInput } from '../helpers/record-input.js';

const cases: Array<[string, string, string]> = [
  ['traditional → simplified', '陸宣公奏議', '陆宣公奏议'],
  ['variant 峯 → 峰', '雙峯先生', '双峰先生'],
  ['variant 敎 → 教', '敎民榜文', '教民榜文'],
  ['full-width Latin and digits', 'ＡＢＣ１２３', 'abc123'],
  ['punctuation and brackets dropped', '（宋）朱熹撰　《四書》', '宋朱熹撰四书'],
  ['ideographic and zero-width spaces dropped', '朱子\u3000大全\u200b', '朱子大全'],
  ['dashes dropped', '焉耆—龟兹文', '焉耆龟兹文'],
  ['phrase conversion keeps 乾隆', '乾隆刻本', '乾隆刻本'],
];
for (const [name, input, key] of cases) {
  test(`searchKey: ${name}`, (t) => t.is(searchKey(input), key));
}

test('simplified, traditional and variant spellings give the same key', (t) => {
  t.is(searchKey('陆宣公奏议'), searchKey('陸宣公奏議'));
  t.is(searchKey('峰'), searchKey('峯'));
  t.is(searchKey('教'), searchKey('敎'));
});

test('query terms split on (full-width) spaces, fold, and drop empty and repeated terms', (t) => {
  t.deepEqual(queryTerms('陸宣公　奏議 陆宣公'), ['陆宣公', '奏议']);
  t.deepEqual(queryTerms('  《》 '), []);
  t.deepEqual(queryTerms("' OR 1=1 --"), ['or', '11']);
});

test('index tokens: characters and adjacent pairs, never across fields', (t) => {
  const tokens = indexTokens(fieldsKey(['陸宣公', '朱熹']));
  t.deepEqual(tokens.sort(), ['公', '宣', '宣公', '朱', '朱熹', '熹', '陆', '陆宣'].sort());
  t.false(tokens.includes('公朱'));
});

test('query tokens: the single character, or every adjacent pair', (t) => {
  t.deepEqual(queryTokens('宋'), ['宋']);
  t.deepEqual(queryTokens('奏议'), ['奏议']);
  t.deepEqual(queryTokens('陆宣公奏议'), ['陆宣', '宣公', '公奏', '奏议']);
  // Every query token of a key is among the index tokens of any text containing it.
  const index = new Set(indexTokens(fieldsKey(['明刻本陸宣公奏議二十二卷'])));
  t.true(queryTokens(searchKey('陆宣公奏议')).every((q) => index.has(q)));
});

test('highlights are ranges of the text as catalogued, across punctuation and conversion', (t) => {
  const title = '陸宣公奏議二十二卷';
  t.deepEqual(highlightRanges(title, ['陆宣公']), [[0, 3]]);
  const authors = '（唐）陸贄撰　（明）陸宣公注';
  const ranges = highlightRanges(authors, queryTerms('陆'));
  t.deepEqual(
    ranges.map(([a, b]) => authors.slice(a, b)),
    ['陸', '陸'],
  );
  // A match spanning punctuation covers it, so the mark is one piece.
  const edition = '明天順四年（1460）刻本';
  t.deepEqual(
    highlightRanges(edition, ['四年1460']).map(([a, b]) => edition.slice(a, b)),
    ['四年（1460'],
  );
  // Overlapping and adjacent terms merge into one range.
  t.deepEqual(highlightRanges(title, ['陆宣', '宣公奏']), [[0, 4]]);
  t.deepEqual(highlightRanges(title, []), []);
  t.deepEqual(highlightRanges('', ['陆']), []);
});

test('highlights handle characters outside the BMP (UTF-16 ranges)', (t) => {
  const text = '𠀀陸宣公';
  const [[a, b]] = highlightRanges(text, ['陆宣']) as [[number, number]];
  t.is(text.slice(a, b), '陸宣');
});

test('catalogue keys cover title, authors, edition, publisher, seals, annotations, census and call numbers', (t) => {
  const keys = catalogueKeys(validGujiInput({ callNumber: 'T5612/4432' }), '350000-2001-0000001');
  t.true(keys.searchKey.includes('35000020010000001'));
  t.true(keys.searchKey.includes('t56124432'));
  t.is(keys.titleKey, '朱子大全一百卷目录二卷|晦庵先生朱文公文集');
  for (const part of ['朱熹', '天顺四年1460', '贺沈胡缉', '汲古阁', '毛晋', '黄丕烈'])
    t.true(keys.searchKey.includes(part), part);
  t.true(keys.tokens.includes('汲古'));
});

test('authors are formatted as in catalogues', (t) => {
  t.is(
    formatAuthors([
      { dynasty: '宋', name: '朱熹', role: '撰' },
      { dynasty: null, name: '邵寶', role: null },
    ]),
    '（宋）朱熹撰\u3000邵寶',
  );
});

test('text arrays are quoted for PostgreSQL', (t) => {
  t.is(arrayLiteral(['a', 'b"c', 'd\\e']), '{"a","b\\"c","d\\\\e"}');
  t.is(arrayLiteral([]), '{}');
});

test('the ideographs the key keeps without normalising are exactly ones NFKC leaves and no rule drops', (t) => {
  let checked = 0;
  for (let cp = 0; cp <= 0x3134f; cp++) {
    if (!isPlainIdeograph(cp)) continue;
    const ch = String.fromCodePoint(cp);
    // Unchanged by NFKC, and a letter (or unassigned): never punctuation, symbol, space or control.
    if (ch.normalize('NFKC') !== ch || !/^[\p{L}\p{Cn}]$/u.test(ch)) t.fail(`U+${cp.toString(16)}`);
    checked += 1;
  }
  t.is(checked, 20_992 + 6_592 + 60_400);
  // Compatibility ideographs change under NFKC: they take the full path.
  t.false(isPlainIdeograph(0xf900));
  t.false(isPlainIdeograph(0x2f800));
  t.is(searchKey('\uf900\u{2f800}'), searchKey('豈丽'));
});

test('the key maps every kept character back to its place in the text, ideographs and the rest alike', (t) => {
  const text = '（清）錢大昕撰　《廿二史考異》一百卷 𠀀 ＡＢ１';
  const mapped = mappedSearchKey(text);
  t.is(mapped.key, '清钱大昕撰廿二史考异一百卷𠀀ab1');
  t.deepEqual(
    [...mapped.key].map((_, i) => text.slice(...spanOf(mapped, i))),
    [...'清錢大昕撰廿二史考異一百卷', '𠀀', 'Ａ', 'Ｂ', '１'],
  );
});

// What the marks must be, found the slow way: every code-point position of the key where a term
// starts, mapped back through spanOf, then merged.
function naiveRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const mapped = mappedSearchKey(text);
  const keyChars = [...mapped.key];
  const found: Array<[number, number]> = [];
  for (const term of terms) {
    const termChars = [...term];
    if (!termChars.length) continue;
    for (let i = 0; i + termChars.length <= keyChars.length; i++)
      if (termChars.every((c, j) => keyChars[i + j] === c))
        found.push([spanOf(mapped, i)[0], spanOf(mapped, i + termChars.length - 1)[1]]);
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

test('marks found by searching the key agree with a character-by-character search, on catalogue text', (t) => {
  const texts = [
    '資治通鑑二百九十四卷',
    '（宋）司馬光撰　（元）胡三省音注',
    '明嘉靖十四年（1535）孔天胤刻本',
    '清乾隆三十八年（1773）武英殿聚珍版印本',
    '詩詩詩',
    '𠀀陸𠀁宣公奏議',
    '杜工部集二十卷 補遺一卷',
    'ＡＢＣ１２３本',
    '民國八年（1919）上海商務印書館鉛印本',
    '',
  ];
  const queries = [
    '宋',
    '诗',
    '诗诗',
    '资治通鉴',
    '嘉靖十四年1535',
    '陆𠀁宣',
    '𠀀',
    'abc12',
    '补遗',
    '民国',
    '乾隆',
    '刻本 明',
  ];
  let marked = 0;
  for (const text of texts) {
    const mapped = mappedSearchKey(text);
    for (const q of queries) {
      const terms = queryTerms(q);
      const expected = naiveRanges(text, terms);
      t.deepEqual(rangesIn(mapped, terms), expected, `${text} / ${q}`);
      t.deepEqual(highlightRanges(text, terms), expected);
      marked += expected.length;
    }
  }
  t.is(marked, 13);
  // Overlapping occurrences merge: 诗诗 twice in 詩詩詩 is one mark over all three.
  t.deepEqual(highlightRanges('詩詩詩', ['诗诗']), [[0, 3]]);
  // A mark over a character beyond the BMP ends after both its units.
  const text = '陸𠀁宣公';
  t.deepEqual(highlightRanges(text, ['陆𠀁宣']), [[0, 4]]);
});

test('a text of plain characters keeps no map; one with punctuation or wider characters does', (t) => {
  t.is(mappedSearchKey('資治通鑑二百九十四卷').spans, undefined);
  t.is(mappedSearchKey('abc本').spans, undefined);
  t.truthy(mappedSearchKey('（宋）司馬光撰').spans);
  t.truthy(mappedSearchKey('𠀀陸').spans);
  // Full-width letters become half-width ones one for one: still each from its own unit.
  t.deepEqual(mappedSearchKey('ＡＢ'), { key: 'ab' });
  t.deepEqual(spanOf(mappedSearchKey('（宋）司馬光撰'), 0), [1, 2]);
});
