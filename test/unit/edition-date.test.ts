import test from 'ava';
import {
  checkGujiDate,
  isGujiDate,
  normaliseEditionDate,
  partOfSpan,
  type EditionDate,
  type EditionDateContext,
  type EditionDateErrorCode,
} from '../../src/census/dates/edition-date.rules.js';
import {
  ganzhiOfYear,
  parseChineseNumber,
  parseGanzhi,
} from '../../src/census/dates/chinese-numerals.rules.js';

type Expected = Partial<EditionDate>;

function date(
  dynasty: string | null,
  era: string | null,
  eraYear: number | null,
  yearFrom: number | null,
  yearTo: number | null,
  precision: EditionDate['precision'],
): EditionDate {
  return { dynasty, era, eraYear, yearFrom, yearTo, precision };
}

// ---------------------------------------------------------------------------------------------
// Numerals and 干支

// prettier-ignore
const NUMERALS: readonly [string, number | null][] = [
  ['元', 1], ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十五', 25],
  ['三十三', 33], ['九十九', 99], ['廿', 20], ['廿一', 21], ['卅', 30], ['卅二', 32], ['卌', 40],
  ['〇', 0], ['零', 0], ['二〇', 20], ['一九三一', 1931], ['三〇', 30], ['一百零五', 105], ['25', 25], ['２５', 25], ['兩', 2],
  ['', null], ['二三', null], ['十〇', null], ['廿十', null], ['元元', null], ['一元', null], ['甲', null],
  ['一百五', null], ['十十', null],
];
for (const [text, expected] of NUMERALS) {
  test(`numeral “${text}” → ${expected}`, (t) => {
    t.is(parseChineseNumber(text), expected);
  });
}

// prettier-ignore
const GANZHI: readonly [string, number | null][] = [
  ['甲子', 0], ['乙丑', 1], ['甲戌', 10], ['甲午', 30], ['癸亥', 59], ['癸好', 49], ['辛开', 47], ['乙荣', 51],
  ['甲丑', null], ['子甲', null], ['甲', null], ['甲子年', null],
];
for (const [text, expected] of GANZHI) {
  test(`干支 “${text}” → ${expected}`, (t) => {
    t.is(parseGanzhi(text), expected);
  });
}

// prettier-ignore
const GANZHI_YEARS: readonly [number, string][] = [
  [4, '甲子'], [1774, '甲午'], [1644, '甲申'], [1911, '辛亥'], [1984, '甲子'], [1853, '癸丑'], [1, '辛酉'],
];
for (const [year, expected] of GANZHI_YEARS) {
  test(`the year ${year} is ${expected}`, (t) => {
    t.is(ganzhiOfYear(year), expected);
  });
}

// ---------------------------------------------------------------------------------------------
// Period rule (thirds, Math.round) as documented in edition-date.rules.ts

const PARTS: readonly [string, number, number, Parameters<typeof partOfSpan>[2], [number, number]][] = [
  ['明 first third', 1368, 1644, 'first', [1368, 1459]],
  ['明 middle third', 1368, 1644, 'middle', [1460, 1552]],
  ['明 last third', 1368, 1644, 'last', [1553, 1644]],
  ['清 first third', 1644, 1911, 'first', [1644, 1732]],
  ['南宋 middle third', 1127, 1279, 'middle', [1178, 1228]],
  ['19th century first third', 1801, 1900, 'first', [1801, 1833]],
  ['19th century second half', 1801, 1900, 'secondHalf', [1851, 1900]],
  ['嘉靖 first third', 1522, 1566, 'first', [1522, 1536]],
  ['a 2-year span is not cut', 1620, 1621, 'last', [1620, 1621]],
];
for (const [title, from, to, part, expected] of PARTS) {
  test(`period rule: ${title} of ${from}–${to} = ${expected.join('–')}`, (t) => {
    t.deepEqual(partOfSpan(from, to, part), expected);
  });
}

// ---------------------------------------------------------------------------------------------
// Accepted statements

interface Case {
  text: string;
  date: Expected;
  later?: Expected[];
  warnings?: number;
  context?: EditionDateContext;
  note?: string;
}

const ACCEPTED: readonly Case[] = [
  // The known values of dates.md.
  { text: '明萬曆三十三年', date: date('明', '万历', 33, 1605, 1605, 'year') },
  { text: '明嘉靖二十九年', date: date('明', '嘉靖', 29, 1550, 1550, 'year') },
  { text: '清乾隆二十五年', date: date('清', '乾隆', 25, 1760, 1760, 'year') },
  { text: '清乾隆十一年', date: date('清', '乾隆', 11, 1746, 1746, 'year') },
  { text: '明天順四年', date: date('明', '天顺', 4, 1460, 1460, 'year') },
  { text: '梁大通二年', date: date('梁', '大通', 2, 528, 528, 'year') },
  { text: '民国二十年', date: date('民国', '民国', 20, 1931, 1931, 'year') },
  // The edition statements of dates.md and records.md.
  { text: '明萬曆三十三年（1605）王肯堂刻本', date: date('明', '万历', 33, 1605, 1605, 'year'), warnings: 0 },
  { text: '清乾隆二十五年（1760）內府刻本', date: date('清', '乾隆', 25, 1760, 1760, 'year'), warnings: 0 },
  { text: '明嘉靖刻本', date: date('明', '嘉靖', null, 1522, 1566, 'era'), later: [] },
  { text: '南宋中期四川眉山刻本', date: date('南宋', null, null, 1178, 1228, 'period') },
  { text: '清陈氏向山阁抄本', date: date('清', null, null, 1644, 1911, 'dynasty') },
  { text: '稿本', date: date(null, null, null, null, null, 'unknown'), later: [], warnings: 0 },
  { text: '十九世紀初抄本', date: date(null, null, null, 1801, 1833, 'century') },
  {
    text: '明天順四年（1460）賀沈、胡緝刻本（目錄卷上配清抄本）',
    date: date('明', '天顺', 4, 1460, 1460, 'year'),
    later: [],
    note: 'a bracketed 配本 note is not a later date',
  },
  // Compound statements.
  {
    text: '元刻明正德递修本',
    date: date('元', null, null, 1271, 1368, 'dynasty'),
    later: [date('明', '正德', null, 1506, 1521, 'era')],
  },
  {
    text: '明刻清印本',
    date: date('明', null, null, 1368, 1644, 'dynasty'),
    later: [date('清', null, null, 1644, 1911, 'dynasty')],
  },
  {
    text: '宋刻宋元明递修本',
    date: { dynasty: '宋', precision: 'dynasty' },
    later: [{ dynasty: '宋' }, { dynasty: '元' }, { dynasty: '明' }],
  },
  { text: '宋元递修本', date: { dynasty: '宋', precision: 'dynasty' }, later: [{ dynasty: '元' }] },
  {
    text: '清乾隆刻嘉庆印本',
    date: date('清', '乾隆', null, 1736, 1795, 'era'),
    later: [date('清', '嘉庆', null, 1796, 1820, 'era')],
  },
  {
    text: '明嘉靖刻隆庆、万历递修本',
    date: { era: '嘉靖' },
    later: [
      { era: '隆庆', yearFrom: 1567, yearTo: 1572 },
      { era: '万历', yearFrom: 1573, yearTo: 1620 },
    ],
  },
  // Periods.
  { text: '明末清初抄本', date: date('明', null, null, 1553, 1732, 'period') },
  { text: '清末民初石印本', date: { yearFrom: 1823, yearTo: 1924, precision: 'period' } },
  { text: '嘉靖初', date: date('明', '嘉靖', null, 1522, 1536, 'period') },
  { text: '明嘉靖中刻本', date: { era: '嘉靖', yearFrom: 1537, yearTo: 1551, precision: 'period' } },
  { text: '清初刻本', date: date('清', null, null, 1644, 1732, 'period') },
  { text: '明中期刻本', date: date('明', null, null, 1460, 1552, 'period') },
  { text: '清末刻本', date: date('清', null, null, 1823, 1911, 'period') },
  { text: '明季抄本', date: { dynasty: '明', yearFrom: 1553, precision: 'period' } },
  { text: '北宋後期刻本', date: { dynasty: '北宋', precision: 'period', yearTo: 1127 } },
  { text: '元明间刻本', date: date('元', null, null, 1271, 1644, 'period') },
  // Centuries (N世纪 = (N−1)·100+1 … N·100).
  { text: '十八世纪', date: date(null, null, null, 1701, 1800, 'century') },
  { text: '十九世紀中葉', date: { yearFrom: 1834, yearTo: 1867, precision: 'century' } },
  { text: '19世纪末', date: { yearFrom: 1868, yearTo: 1900, precision: 'century' } },
  // Era only, era ranges, year ranges.
  { text: '清光緒間金陵書局刻本', date: date('清', '光绪', null, 1875, 1908, 'era') },
  {
    text: '乾隆嘉庆间刻本',
    date: { era: '乾隆', yearFrom: 1736, yearTo: 1820, precision: 'era' },
    warnings: 1,
  },
  { text: '清康熙四十五年至四十七年刻本', date: date('清', '康熙', 45, 1706, 1708, 'year') },
  { text: '清康熙五十五年至雍正二年刻本', date: { yearFrom: 1716, yearTo: 1724, precision: 'year' } },
  // 干支.
  { text: '乾隆甲午', date: date('清', '乾隆', 39, 1774, 1774, 'year') },
  { text: '清乾隆甲午（三十九年）刻本', date: { yearFrom: 1774 }, warnings: 0 },
  { text: '清康熙丙戌刻本', date: { eraYear: 45, yearFrom: 1706 } },
  { text: '清康熙四十五年丙戌刻本', date: { yearFrom: 1706 }, warnings: 0 },
  {
    text: '清康熙四十五年丁亥刻本',
    date: { yearFrom: 1706 },
    warnings: 1,
    note: '干支 contradicts the year',
  },
  { text: '太平天國癸好三年新刻', date: date('太平天国', '太平天国', 3, 1853, 1853, 'year'), warnings: 0 },
  { text: '甲午刻本', date: date(null, null, null, null, null, 'unknown'), warnings: 1, note: 'bare 干支' },
  { text: '清甲午刻本', date: { dynasty: '清', precision: 'dynasty' }, warnings: 1 },
  // Traditional characters and variants.
  { text: '嘉慶五年', date: date('清', '嘉庆', 5, 1800, 1800, 'year') },
  { text: '後至元六年', date: date('元', '后至元', 6, 1340, 1340, 'year') },
  { text: '順治二年', date: date('清', '顺治', 2, 1645, 1645, 'year') },
  { text: '唐開元十年', date: date('唐', '开元', 10, 722, 722, 'year') },
  { text: '唐天寶十四載', date: date('唐', '天宝', 14, 755, 755, 'year') },
  { text: '明天啟七年', date: date('明', '天启', 7, 1627, 1627, 'year') },
  { text: '唐咸通九年', date: date('唐', '咸通', 9, 868, 868, 'year') },
  { text: '元至正廿一年', date: date('元', '至正', 21, 1361, 1361, 'year') },
  { text: '明萬曆卅二年', date: date('明', '万历', 32, 1604, 1604, 'year') },
  { text: '民國元年', date: date('民国', '民国', 1, 1912, 1912, 'year') },
  { text: '中华民国二〇年', date: { yearFrom: 1931 } },
  { text: '[清]刻本', date: { dynasty: '清', precision: 'dynasty' } },
  { text: '清代刻本', date: { dynasty: '清', precision: 'dynasty' } },
  // Dynasty families and regimes.
  { text: '宋天聖七年', date: date('北宋', '天圣', 7, 1029, 1029, 'year') },
  { text: '宋淳熙二年', date: date('南宋', '淳熙', 2, 1175, 1175, 'year') },
  { text: '明永曆十年', date: date('南明', '永历', 10, 1656, 1656, 'year') },
  { text: '后汉天福十二年', date: date('后汉', '天福', 12, 947, 947, 'year') },
  { text: '遼清寧二年', date: date('辽', '清宁', 2, 1056, 1056, 'year') },
  { text: '金大定二十九年', date: date('金', '大定', 29, 1189, 1189, 'year') },
  { text: '西夏乾祐二十年', date: date('西夏', '乾祐', 20, 1189, 1189, 'year') },
  {
    text: '元统二年刻本',
    date: date('元', '元统', 2, 1334, 1334, 'year'),
    note: '元统 is an era, not the dynasty 元',
  },
  // Shared era names settled by year range or hint.
  { text: '天順四年', date: { dynasty: '明', yearFrom: 1460 }, warnings: 1, note: '元天顺 lasted one year' },
  { text: '天福五年', date: { dynasty: '后晋', yearFrom: 940 }, warnings: 1 },
  { text: '太平二年', date: date('辽', '太平', 2, 1022, 1022, 'year'), context: { dynastyHint: '遼' } },
  { text: '乾德二年', date: date('北宋', '乾德', 2, 964, 964, 'year'), context: { dynastyHint: '宋' } },
  { text: '至元六年', date: { era: '至元', yearFrom: 1269 }, warnings: 1, note: "plain 至元 is 世祖's" },
  // Not dates: places, studios, copies of older editions.
  { text: '影宋抄本', date: date(null, null, null, null, null, 'unknown'), note: 'the copy is undated' },
  { text: '开元寺刻本', date: date(null, null, null, null, null, 'unknown'), note: '开元寺 is a temple' },
  { text: '清中和堂刻本', date: date('清', null, null, 1644, 1911, 'dynasty'), note: '中和堂 is a studio' },
  { text: '清同治十年金陵書局刻本', date: { era: '同治', yearFrom: 1871 }, later: [] },
  { text: '金陵刻经处刻本', date: date(null, null, null, null, null, 'unknown') },
  { text: '民国间铅印本', date: date('民国', null, null, 1912, 1949, 'dynasty') },
  { text: '', date: date(null, null, null, null, null, 'unknown') },
];

for (const c of ACCEPTED) {
  const label = c.text === '' ? '(empty)' : c.text;
  test(`accepts ${label}${c.note ? ` — ${c.note}` : ''}`, (t) => {
    const result = normaliseEditionDate(c.text, c.context);
    if (!result.ok) return t.fail(`${result.error.code}: ${result.error.messageEn}`);
    t.like(result.date, c.date);
    if (c.later) {
      t.is(result.later.length, c.later.length, 'number of later dates');
      c.later.forEach((expected, i) => t.like(result.later[i], expected));
    }
    if (c.warnings !== undefined) {
      t.is(result.warnings.length, c.warnings, result.warnings.map((w) => w.messageEn).join(' | '));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Warnings

const WARNED: readonly [string, RegExp][] = [
  ['明萬曆三十三年（1606）王肯堂刻本', /1606.*1605/],
  ['明嘉靖（1700）刻本', /1700/],
  ['清乾隆甲午（四十年）刻本', /四十年/],
];
for (const [text, pattern] of WARNED) {
  test(`warns about ${text}`, (t) => {
    const result = normaliseEditionDate(text);
    if (!result.ok) return t.fail(result.error.code);
    t.is(result.warnings.length, 1);
    t.regex(result.warnings[0]?.messageZh ?? '', pattern);
    t.regex(result.warnings[0]?.messageEn ?? '', /[a-z]{3}/);
  });
}

// ---------------------------------------------------------------------------------------------
// Rejected statements

const REJECTED: readonly [string, EditionDateErrorCode, string][] = [
  ['乾隆八十年', 'ERA_YEAR_OUT_OF_RANGE', '乾隆 lasted 60 years; 20 past the end is beyond the margin'],
  ['清乾隆七十一年（1806）刻本', 'ERA_YEAR_OUT_OF_RANGE', 'with dynasty and bracket, 11 past the end'],
  ['明泰昌十三年', 'ERA_YEAR_OUT_OF_RANGE', '泰昌 lasted one year'],
  ['民国〇年', 'ERA_YEAR_OUT_OF_RANGE', 'there is no year 0'],
  ['后汉天福三年', 'ERA_YEAR_OUT_OF_RANGE', '后汉 only used 天福十二年'],
  ['清康熙四十五年至八十年刻本', 'ERA_YEAR_OUT_OF_RANGE', 'the end of a range is checked too'],
  ['元刻明正德三十年递修本', 'ERA_YEAR_OUT_OF_RANGE', 'later dates are checked too'],
  ['清萬曆刻本', 'ERA_DYNASTY_MISMATCH', '万历 is a 明 era'],
  ['宋至正三年', 'ERA_DYNASTY_MISMATCH', '至正 is a 元 era'],
  ['泰昌甲申', 'ERA_GANZHI_NOT_IN_ERA', '泰昌 was 庚申 (1620) only; the next 甲申 is 1644'],
  ['清康熙四十七年至四十五年刻本', 'DATE_RANGE_REVERSED', 'a range that ends before it starts'],
  ['至正二十四至二十年', 'DATE_RANGE_REVERSED', 'the same inside one era'],
  ['乾隆二三年', 'INVALID_YEAR_NUMERAL', 'not a numeral'],
];
for (const [text, code, why] of REJECTED) {
  test(`rejects ${text} with ${code} (${why})`, (t) => {
    const result = normaliseEditionDate(text);
    if (result.ok) return t.fail(`accepted as ${JSON.stringify(result.date)}`);
    t.is(result.error.code, code);
    t.is(result.error.value, text);
    t.regex(result.error.messageZh, /[\u4e00-\u9fff]/);
    t.regex(result.error.messageEn, /[a-z]{3}/);
  });
}

// An era name several regimes used, with nothing in the statement or the record to choose: a
// warning, and no year (never invent one); a dynasty the statement names is kept.
const AMBIGUOUS: readonly [string, Expected, string][] = [
  ['太平二年', date(null, null, null, null, null, 'unknown'), '梁 and 辽 both had 太平 of at least 2 years'],
  ['乾德二年', date(null, null, null, null, null, 'unknown'), '前蜀 and 北宋'],
  ['大安三年', date(null, null, null, null, null, 'unknown'), '辽, 西夏 and 金'],
  ['唐上元二年', date('唐', null, null, 618, 907, 'dynasty'), '唐 had two 上元 eras'],
];
for (const [text, expected, why] of AMBIGUOUS) {
  test(`warns that ${text} is ambiguous and derives no year (${why})`, (t) => {
    const result = normaliseEditionDate(text);
    if (!result.ok) return t.fail(result.error.code);
    t.like(result.date, expected);
    t.deepEqual(
      result.warnings.map((w) => w.code),
      ['ERA_AMBIGUOUS'],
    );
  });
}

test('an ambiguous era lists its candidates in both languages', (t) => {
  const result = normaliseEditionDate('太平二年');
  if (!result.ok) return t.fail();
  t.regex(result.warnings[0]?.messageZh ?? '', /梁太平.*辽太平/);
  t.regex(result.warnings[0]?.messageEn ?? '', /梁 太平 \(556–557\).*辽 太平 \(1021–1031\)/);
});

test('康熙壬寅 (1662 or 1722) keeps the era and warns instead of choosing', (t) => {
  const result = normaliseEditionDate('清康熙壬寅刻本');
  if (!result.ok) return t.fail(result.error.code);
  t.like(result.date, date('清', '康熙', null, 1662, 1722, 'era'));
  t.deepEqual(
    result.warnings.map((w) => w.code),
    ['ERA_GANZHI_AMBIGUOUS'],
  );
});

// ---------------------------------------------------------------------------------------------
// 古籍 must be before 1912

const GUJI: readonly [string, EditionDateErrorCode | null][] = [
  ['民国二十年铅印本', 'GUJI_DATE_TOO_LATE'],
  ['民国间铅印本', 'GUJI_DATE_TOO_LATE'],
  ['清宣統三年刻本', null],
  ['清末民初石印本', null],
  ['稿本', null],
  ['明萬曆三十三年（1605）王肯堂刻本', null],
  ['乾隆八十年', 'ERA_YEAR_OUT_OF_RANGE'],
  ['清乾隆六十一年刻本', null],
];
for (const [text, code] of GUJI) {
  test(`古籍 date check: ${text} → ${code ?? 'accepted'}`, (t) => {
    const error = checkGujiDate(normaliseEditionDate(text), text);
    t.is(error?.code ?? null, code);
    if (code === 'GUJI_DATE_TOO_LATE') {
      t.is(error?.value, text);
      t.regex(error?.messageZh ?? '', /民国文献/);
      t.regex(error?.messageEn ?? '', /Republican-era/);
    }
  });
}

test('isGujiDate: before 1912 or unknown', (t) => {
  t.true(isGujiDate(date('清', '宣统', 3, 1911, 1911, 'year')));
  t.false(isGujiDate(date('民国', '民国', 1, 1912, 1912, 'year')));
  t.true(isGujiDate(date(null, null, null, null, null, 'unknown')));
});
