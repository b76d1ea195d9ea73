import test from 'ava';
import type { Annotation, RecordInput, Responsibility, Seal } from '../../src/domain/record.types.js';
import { parseAnnotation, parseAnnotationsCell } from '../../src/census/spreadsheet/annotation-cell.js';
import { parseAuthorsCell, parseResponsibility } from '../../src/census/spreadsheet/responsibility-cell.js';
import {
  normalisePreciousListNumber,
  parseVolumes,
  recordToRow,
  rowToRecordInput,
} from '../../src/census/spreadsheet/row-codec.js';
import { parseSeal, parseSealsCell } from '../../src/census/spreadsheet/seal-cell.js';
import { TEMPLATE_COLUMNS, type TemplateCells } from '../../src/census/spreadsheet/template.js';
import { generateRecordRowCases } from '../bench/record-rows.generator.js';

const ctx = { institutionId: '7f0c2d1e-0000-4000-8000-000000000001' };

function parse(cells: Partial<TemplateCells>): RecordInput {
  const result = rowToRecordInput(cells, ctx);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.input;
}

function errorsOf(cells: Partial<TemplateCells>) {
  const result = rowToRecordInput(cells, ctx);
  return 'errors' in result ? result.errors : [];
}

// --- authors -------------------------------------------------------------------------------------

const R = (dynasty: string | null, name: string, role: string | null): Responsibility => ({
  dynasty,
  name,
  role,
});

const authorCases: Array<[string, Responsibility]> = [
  ['（宋）朱熹撰', R('宋', '朱熹', '撰')],
  ['(宋)朱熹撰', R('宋', '朱熹', '撰')],
  ['（宋)朱熹撰', R('宋', '朱熹', '撰')],
  ['〔清〕佚名輯', R('清', '佚名', '輯')],
  ['[清]佚名輯', R('清', '佚名', '輯')],
  ['（ 後秦 ）鳩摩羅什譯', R('後秦', '鳩摩羅什', '譯')],
  ['（明）邵寶輯', R('明', '邵寶', '輯')],
  ['（明）邵宝辑', R('明', '邵宝', '辑')],
  ['朱熹撰', R(null, '朱熹', '撰')],
  ['朱熹', R(null, '朱熹', null)],
  ['（清）黄丕烈批校', R('清', '黄丕烈', '批校')],
  ['（清）翁方綱批點', R('清', '翁方綱', '批點')],
  ['（清）錢大昕題識', R('清', '錢大昕', '題識')],
  ['（南朝宋）裴駰集解', R('南朝宋', '裴駰', '集解')],
  ['（宋）朱熹集注', R('宋', '朱熹', '集注')],
  ['（元）胡三省音注', R('元', '胡三省', '音注')],
  ['（清）何焯過錄', R('清', '何焯', '過錄')],
  ['（清）紀昀等撰', R('清', '紀昀等', '撰')],
  ['（清）愛新覺羅·弘曆撰', R('清', '愛新覺羅·弘曆', '撰')],
  ['（日本）山井鼎撰', R('日本', '山井鼎', '撰')],
  ['（宋）朱熹 撰', R('宋', '朱熹', '撰')],
];
for (const [text, expected] of authorCases) {
  test(`author ${text}`, (t) => {
    t.deepEqual(parseResponsibility(text), expected);
  });
}

test('authors split on full-width space, ； and ;', (t) => {
  const result = parseAuthorsCell('（宋）朱熹撰\u3000（明）邵寶輯；（清）王某校; （清）李某注');
  t.deepEqual(result, {
    authors: [R('宋', '朱熹', '撰'), R('明', '邵寶', '輯'), R('清', '王某', '校'), R('清', '李某', '注')],
  });
  t.deepEqual(parseAuthorsCell('  '), { authors: [] });
  t.deepEqual(parseAuthorsCell(undefined), { authors: [] });
});

test('authors: unclosed dynasty bracket and missing names are errors naming the entry', (t) => {
  const result = parseAuthorsCell('（宋朱熹撰；（明）輯；（清）');
  t.true('errors' in result);
  if (!('errors' in result)) return;
  t.deepEqual(
    result.errors.map((e) => [e.path, e.value, e.rule]),
    [
      ['authors[0]', '（宋朱熹撰', 'responsibility_format'],
      ['authors[1]', '（明）輯', 'responsibility_name'],
      ['authors[2]', '（清）', 'responsibility_name'],
    ],
  );
  t.regex(result.errors[0]!.messageZh, /括号/);
  t.regex(result.errors[0]!.messageEn, /bracket/);
});

// --- seals ---------------------------------------------------------------------------------------

const S = (text: string, owner: string | null, ownerUnknown = false): Seal => ({
  text,
  owner,
  ownerUnknown,
  position: null,
});

const sealCases: Array<[string, Seal]> = [
  ['黃丕烈印', S('黃丕烈印', null)],
  ['士禮居藏（黃丕烈）', S('士禮居藏', '黃丕烈')],
  ['士禮居藏(黃丕烈)', S('士禮居藏', '黃丕烈')],
  ['士禮居藏 （ 黃丕烈 ）', S('士禮居藏', '黃丕烈')],
  ['古香樓（印主不详）', S('古香樓', null, true)],
  ['古香樓（印主不詳）', S('古香樓', null, true)],
  ['古香樓（不详）', S('古香樓', null, true)],
  ['古香樓（未詳）', S('古香樓', null, true)],
  ['古香樓（）', S('古香樓', null)],
];
for (const [text, expected] of sealCases) {
  test(`seal ${text}`, (t) => {
    t.deepEqual(parseSeal(text), expected);
  });
}

test('seals split on ；, keep their order, and an empty seal text is an error', (t) => {
  t.deepEqual(parseSealsCell('甲（乙）；丙；丁（印主不详）'), {
    seals: [S('甲', '乙'), S('丙', null), S('丁', null, true)],
  });
  const bad = parseSealsCell('甲；（黃丕烈）');
  t.true('errors' in bad);
  if ('errors' in bad) t.like(bad.errors[0], { path: 'seals[1]', value: '（黃丕烈）', rule: 'seal_text' });
});

// --- annotations ---------------------------------------------------------------------------------

const A = (person: string | null, mode: string, note: string | null = null): Annotation => ({
  person,
  mode,
  note,
});

const annotationCases: Array<[string, Annotation]> = [
  ['清黄丕烈跋', A('清黄丕烈', '跋')],
  ['（清）黄丕烈批校', A('（清）黄丕烈', '批校')],
  ['（清）顧廣圻校', A('（清）顧廣圻', '校')],
  ['（清）翁方綱批點', A('（清）翁方綱', '批點')],
  ['（清）錢大昕題識', A('（清）錢大昕', '題識')],
  ['傅增湘跋：民國十年記', A('傅增湘', '跋', '民國十年記')],
  ['傅增湘跋:記得書之由', A('傅增湘', '跋', '記得書之由')],
  ['何焯過錄', A('何焯', '過錄')],
  ['批校', A(null, '批校')],
  ['跋：佚名', A(null, '跋', '佚名')],
];
for (const [text, expected] of annotationCases) {
  test(`annotation ${text}`, (t) => {
    t.deepEqual(parseAnnotation(text), expected);
  });
}

test('annotations split on ；; an entry ending in no known mode is kept whole as its mode (open list)', (t) => {
  t.deepEqual(parseAnnotationsCell('清黄丕烈跋；（清）顧廣圻校'), {
    annotations: [A('清黄丕烈', '跋'), A('（清）顧廣圻', '校')],
  });
  t.deepEqual(parseAnnotationsCell('清黄丕烈跋；黄丕烈眉記'), {
    annotations: [A('清黄丕烈', '跋'), A(null, '黄丕烈眉記')],
  });
  const bad = parseAnnotationsCell('清黄丕烈跋；：只有說明');
  t.true('errors' in bad);
  if (!('errors' in bad)) return;
  t.like(bad.errors[0], { path: 'annotations[1]', rule: 'annotation_format' });
});

// --- scalar cells --------------------------------------------------------------------------------

const volumeCases: Array<[string, number | null]> = [
  ['4', 4],
  [' 12 ', 12],
  ['１２', 12],
  ['', null],
];
for (const [text, expected] of volumeCases) {
  test(`volumes ${JSON.stringify(text)} → ${expected}`, (t) => {
    t.deepEqual(parseVolumes(text), { value: expected });
  });
}

for (const bad of ['0', '-1', '2.5', '三冊', '十', '4册', '1e3', '99999999999999999999']) {
  test(`volumes ${JSON.stringify(bad)} is an error naming the value`, (t) => {
    const errors = errorsOf({ call_number: 'A', title: 'T', volumes: bad });
    t.is(errors.length, 1);
    t.like(errors[0], { path: 'volumes', value: bad, rule: 'integer_min_1' });
    t.true(errors[0]!.messageZh.includes(bad));
    t.true(errors[0]!.messageEn.includes(bad));
  });
}

const preciousCases: Array<[string, string | null]> = [
  ['00940', '00940'],
  ['940', '00940'],
  ['940.1', '00940.1'],
  ['1', '00001'],
  ['12345', '12345'],
  ['０９４０', '00940'],
  ['123456', '123456'],
  ['第940号', '第940号'],
  ['', null],
];
for (const [text, expected] of preciousCases) {
  test(`名录号 ${JSON.stringify(text)} → ${expected}`, (t) => {
    t.is(normalisePreciousListNumber(text), expected);
  });
}

test('a minimal row gets the defaults of a new record', (t) => {
  const input = parse({ call_number: ' 善001 ', title: '史記一百三十卷' });
  t.deepEqual(input, {
    type: 'guji',
    institutionId: ctx.institutionId,
    callNumber: '善001',
    title: '史記一百三十卷',
    otherTitles: [],
    titleSource: null,
    authors: [],
    edition: '',
    editionType: null,
    publisher: null,
    place: null,
    mixedCopies: null,
    printingState: null,
    volumes: null,
    cases: null,
    extant: null,
    totalJuan: null,
    extantJuan: null,
    binding: null,
    size: null,
    frame: null,
    layout: null,
    classification: null,
    subclass: null,
    annotations: [],
    seals: [],
    grade: null,
    damageGrade: null,
    documentType: '汉文古籍',
    script: '汉文',
    notes: null,
    abstract: null,
    preciousListNumber: null,
    minguoDocumentType: null,
    editionStatement: null,
    printing: null,
    pages: null,
    serialHoldings: null,
    paper: null,
    brittleness: null,
    phReadings: [],
    collectionHistory: null,
  });
});

test('a full row is read cell by cell, text kept as written', (t) => {
  const input = parse({
    call_number: '善001',
    title: '朱子大全一百卷目錄二卷',
    authors: '（宋）朱熹撰\u3000（明）邵寶輯',
    edition: '明萬曆三十三年（1605）王肯堂刻本',
    edition_type: '刻本',
    volumes: '24',
    extant: '存一百九卷（一至二十二）',
    binding: '綫裝',
    classification: '集',
    annotations: '清黄丕烈跋',
    seals: '士禮居藏（黃丕烈）；古香樓（印主不詳）',
    grade: '二级乙等',
    damage_grade: '三级',
    document_type: '汉文古籍',
    script: '汉文',
    notes: '卷三至五配清抄本\n有蟲蛀',
    precious_list_number: '940',
    record_type: '古籍',
  });
  t.like(input, {
    type: 'guji',
    edition: '明萬曆三十三年（1605）王肯堂刻本',
    editionType: '刻本',
    volumes: 24,
    binding: '綫裝',
    grade: '二级乙等',
    damageGrade: '三级',
    notes: '卷三至五配清抄本\n有蟲蛀',
    preciousListNumber: '00940',
  });
  t.is(input.authors.length, 2);
  t.deepEqual(input.seals[1], S('古香樓', null, true));
});

const typeCases: Array<[string, RecordInput['type']]> = [
  ['', 'guji'],
  ['古籍', 'guji'],
  ['GUJI', 'guji'],
  ['民国', 'minguo'],
  ['民國', 'minguo'],
  ['minguo', 'minguo'],
  ['民国文献', 'minguo'],
];
for (const [text, type] of typeCases) {
  test(`记录类型 ${JSON.stringify(text)} → ${type}`, (t) => {
    t.is(parse({ call_number: 'A', title: 'T', record_type: text }).type, type);
  });
}

test('an unknown record type is an error', (t) => {
  const errors = errorsOf({ call_number: 'A', title: 'T', record_type: '善本' });
  t.like(errors[0], { path: 'type', value: '善本', rule: 'record_type' });
});

test('a 民国 row reads 文献类型 as its minguo document type', (t) => {
  const input = parse({
    call_number: 'M1',
    title: '吶喊',
    record_type: '民国',
    document_type: '图书',
    binding: '平装',
  });
  t.is(input.type, 'minguo');
  t.is(input.minguoDocumentType, '图书');
  t.is(input.documentType, '汉文古籍');
});

test('every bad cell of a row is reported at once', (t) => {
  const errors = errorsOf({
    call_number: 'A',
    title: 'T',
    volumes: '0',
    authors: '（宋',
    seals: '（x）',
    annotations: '：某人',
    record_type: '?',
    size: '大',
    total_juan: '十',
    ph_readings: '酸',
  });
  t.deepEqual(errors.map((e) => e.path).sort(), [
    'annotations[0]',
    'authors[0]',
    'phReadings[0]',
    'seals[0]',
    'size',
    'totalJuan',
    'type',
    'volumes',
  ]);
  for (const e of errors) {
    t.truthy(e.messageZh);
    t.truthy(e.messageEn);
  }
});

// --- round trip ----------------------------------------------------------------------------------

function record(overrides: Partial<RecordInput>): RecordInput {
  return { ...parse({ call_number: 'X', title: 'X' }), ...overrides };
}

const roundTripRecords: RecordInput[] = [
  record({ callNumber: '善001', title: '史記一百三十卷' }),
  record({
    callNumber: '善002',
    title: '朱子大全一百卷目錄二卷',
    authors: [
      R('宋', '朱熹', '撰'),
      R('明', '邵寶', '輯'),
      R(null, '佚名', '批點'),
      R('日本', '山井鼎', null),
    ],
    edition: '明天順四年（1460）賀沈、胡緝刻本（目錄卷上配清抄本）',
    editionType: '刻本',
    volumes: 40,
    extant: '存一百九卷（一至二十二、二十四至三十一）',
    binding: '綫裝',
    classification: '集',
    annotations: [A('清黄丕烈', '跋'), A('（清）顧廣圻', '校', '據宋本校'), A(null, '批校')],
    seals: [S('士禮居藏', '黃丕烈'), S('古香樓', null, true), S('乾隆御覽之寶', null)],
    grade: '一级甲等',
    damageGrade: '二级',
    documentType: '少数民族文字古籍',
    script: '满文',
    notes: '卷三至五配清抄本\n書衣有題簽',
    preciousListNumber: '00940.1',
  }),
  record({
    type: 'minguo',
    callNumber: 'M001',
    title: '吶喊',
    minguoDocumentType: '图书',
    binding: '平装',
    volumes: 1,
    edition: '民國十二年（1923）北京新潮社初版',
  }),
  record({ callNumber: '  ', title: '', volumes: 1, grade: '未定级', damageGrade: '完好' }),
];
roundTripRecords.forEach((input, i) => {
  test(`round trip ${i}: recordToRow then rowToRecordInput gives the same input`, (t) => {
    t.deepEqual(parse(recordToRow({ ...input, censusNumber: '350000-2001-0000001' })), {
      ...input,
      callNumber: input.callNumber.trim(),
    });
  });
});

test('round trip over 500 generated rows: parse → export → parse is stable', async (t) => {
  let checked = 0;
  for await (const { row, invalid } of generateRecordRowCases(500, { seed: 42, invalidShare: 0.2 })) {
    const cells = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, row[c.zh]])) as TemplateCells;
    const first = rowToRecordInput(cells, ctx);
    if ('errors' in first) {
      t.is(invalid, 'volumes', JSON.stringify(first.errors));
      continue;
    }
    t.deepEqual(parse(recordToRow(first.input)), first.input);
    checked += 1;
  }
  t.true(checked > 350);
});
