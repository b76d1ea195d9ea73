import test from 'ava';
import {
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADER,
  TEMPLATE_KEYS,
  emptyTemplateCells,
  mapHeader,
  normaliseHeader,
  rowCells,
  templateKeyOf,
  templateRowValues,
  type HeaderMapping,
  type TemplateKey,
} from '../../src/census/spreadsheet/template.js';
import {
  CATALOGUE_COLUMNS,
  CATALOGUE_HEADER,
  recordToCatalogueRow,
} from '../../src/census/spreadsheet/catalogue.js';
import { columnLetter } from '../../src/census/spreadsheet/sheet-errors.js';
import { rowToRecordInput } from '../../src/census/spreadsheet/row-codec.js';

function mapping(cells: string[]): HeaderMapping {
  const result = mapHeader(cells);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.mapping;
}

test('the template columns are the records.md columns in order, then every other field, then 记录类型', (t) => {
  t.deepEqual(TEMPLATE_HEADER.slice(0, 17), [
    '索书号',
    '题名卷数',
    '著者',
    '版本',
    '版本类型',
    '册数',
    '存缺卷数',
    '装帧形式',
    '分类',
    '批校题跋',
    '钤印',
    '古籍级别',
    '破损级别',
    '文献类型',
    '文种',
    '附注',
    '名录号',
  ]);
  t.is(TEMPLATE_HEADER.at(-1), '记录类型');
  for (const header of [
    '总卷数',
    '存卷数',
    '开本',
    '版框',
    '行款版式',
    '函数',
    '提要',
    '版次',
    '酸度',
    '典藏史',
  ])
    t.true(TEMPLATE_HEADER.includes(header as never), header);
  t.deepEqual(TEMPLATE_KEYS.slice(0, 17), [
    'call_number',
    'title',
    'authors',
    'edition',
    'edition_type',
    'volumes',
    'extant',
    'binding',
    'classification',
    'annotations',
    'seals',
    'grade',
    'damage_grade',
    'document_type',
    'script',
    'notes',
    'precious_list_number',
  ]);
  t.deepEqual(
    TEMPLATE_COLUMNS.filter((c) => c.required).map((c) => c.key),
    ['call_number', 'title'],
  );
});

test('the canonical Chinese header maps every column', (t) => {
  t.deepEqual(mapping([...TEMPLATE_HEADER]).columns, TEMPLATE_KEYS);
});

test('English keys map, in any order and case, with spaces and full-width letters', (t) => {
  const result = mapping([
    'TITLE',
    ' Call_Number ',
    'ｖｏｌｕｍｅｓ',
    'damage grade',
    'Precious-List-Number',
  ]);
  t.deepEqual(result.columns, ['title', 'call_number', 'volumes', 'damage_grade', 'precious_list_number']);
});

const headerCases: Array<[string, TemplateKey | undefined]> = [
  ['索书号', 'call_number'],
  [' 索书号 ', 'call_number'],
  ['索 书 号', 'call_number'],
  ['\ufeff索书号', 'call_number'], // a BOM left in the first header cell
  ['索書號', 'call_number'],
  ['題名卷數', 'title'],
  ['冊數', 'volumes'],
  ['鈐印', 'seals'],
  ['记录类型', 'record_type'],
  ['record_type', 'record_type'],
  ['ＲＥＣＯＲＤ＿ＴＹＰＥ', 'record_type'],
  ['Title and number of juan', 'title'], // the English label the pages show
  ['volumes (CE)', 'volumes'],
  ['作者', undefined],
  ['', undefined],
];
for (const [header, key] of headerCases) {
  test(`header ${JSON.stringify(header)} → ${key ?? 'unknown'}`, (t) => {
    t.is(templateKeyOf(header), key);
  });
}

test('normaliseHeader folds width, case and separators', (t) => {
  t.is(normaliseHeader('Ｃａｌｌ　Ｎｕｍｂｅｒ'), 'callnumber');
  t.is(normaliseHeader('call-number'), 'callnumber');
});

test('unknown columns are each named, with their column letter', (t) => {
  const result = mapHeader(['索书号', '题名卷数', '作者', '备注']);
  t.true('errors' in result);
  if (!('errors' in result)) return;
  t.deepEqual(
    result.errors.map((e) => [e.path, e.value, e.rule]),
    [
      ['header.C', '作者', 'unknown_column'],
      ['header.D', '备注', 'unknown_column'],
    ],
  );
  t.regex(result.errors[0]!.messageZh, /第 C 列.*作者.*索书号/);
  t.regex(result.errors[0]!.messageEn, /Column C.*"作者"/);
});

test('missing required columns are each named', (t) => {
  const result = mapHeader(['著者', '版本']);
  t.true('errors' in result);
  if (!('errors' in result)) return;
  t.deepEqual(
    result.errors.map((e) => [e.rule, e.value]),
    [
      ['missing_column', 'call_number'],
      ['missing_column', 'title'],
    ],
  );
  t.regex(result.errors[0]!.messageZh, /索书号/);
  t.regex(result.errors[1]!.messageEn, /题名卷数.*title/);
});

test('the same column twice (Chinese and English) is a duplicate', (t) => {
  const result = mapHeader(['索书号', '题名卷数', 'call_number']);
  t.true('errors' in result);
  if (!('errors' in result)) return;
  t.is(result.errors.length, 1);
  t.like(result.errors[0], { path: 'header.C', rule: 'duplicate_column' });
  t.regex(result.errors[0]!.messageZh, /第 C 列与第 A 列/);
});

test('all header problems are reported together', (t) => {
  const result = mapHeader(['题名卷数', '题名卷数', '作者']);
  t.true('errors' in result);
  if (!('errors' in result)) return;
  t.deepEqual(
    result.errors.map((e) => e.rule),
    ['duplicate_column', 'unknown_column', 'missing_column'],
  );
});

test('blank header cells are ignored, but a value under one is reported', (t) => {
  const m = mapping(['索书号', '', '题名卷数', '', '']);
  t.deepEqual(m.columns, ['call_number', null, 'title', null, null]);
  const ok = rowCells(m, ['A1', '', '史記', ' ']);
  t.deepEqual(ok.errors, []);
  t.is(ok.cells.call_number, 'A1');
  t.is(ok.cells.title, '史記');
  t.is(ok.cells.seals, undefined);
  const bad = rowCells(m, ['A1', 'x', '史記', '', '', 'beyond']);
  t.deepEqual(
    bad.errors.map((e) => [e.path, e.value, e.rule]),
    [
      ['cells.B', 'x', 'unnamed_column'],
      ['cells.F', 'beyond', 'unnamed_column'],
    ],
  );
});

test('rowCells gives only the columns the file has (an absent column is not an empty one)', (t) => {
  const { cells } = rowCells(mapping(['题名卷数', '索书号', '著者']), ['史記一百三十卷', '善001']);
  t.is(cells.title, '史記一百三十卷');
  t.is(cells.call_number, '善001');
  t.is(cells.authors, '');
  t.deepEqual(Object.keys(cells).sort(), ['authors', 'call_number', 'title']);
  t.deepEqual(templateRowValues({ ...emptyTemplateCells(), ...cells }).slice(0, 3), [
    '善001',
    '史記一百三十卷',
    '',
  ]);
});

test('column letters', (t) => {
  t.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter), [
    'A',
    'B',
    'Z',
    'AA',
    'AB',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
  ]);
});

test('the catalogue columns lead with the census number', (t) => {
  t.deepEqual(CATALOGUE_HEADER, ['普查编号', '索书号', '题名卷数', '著者', '版本', '册数', '存缺卷数']);
  t.is(CATALOGUE_COLUMNS[0].key, 'census_number');
  const parsed = rowToRecordInput(
    {
      call_number: '善001',
      title: '史記一百三十卷',
      authors: '（漢）司馬遷撰；（南朝宋）裴駰集解',
      edition: '明嘉靖刻本',
      volumes: '24',
    },
    { institutionId: 'i' },
  );
  if ('errors' in parsed) return t.fail(JSON.stringify(parsed.errors));
  t.deepEqual(recordToCatalogueRow({ ...parsed.input, censusNumber: '350000-2001-0000001' }), [
    '350000-2001-0000001',
    '善001',
    '史記一百三十卷',
    '（漢）司馬遷撰\u3000（南朝宋）裴駰集解',
    '明嘉靖刻本',
    '24',
    '',
  ]);
});
