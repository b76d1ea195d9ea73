import test from 'ava';
import {
  formatGradeLabel,
  formatGradeLabelEn,
  gradeSortKey,
  gradeWarnings,
  heritageLevelFor,
  parseGradeLabel,
  suggestGradeFloor,
  validateGrade,
  type Grade,
  type GradeFloor,
  type HeritageLevel,
  type GradeWarningInput,
  type Rank,
} from '../../src/domain/grade.rules.js';

// --- parseGradeLabel ---------------------------------------------------------------------------------

const parseOk: Array<[string, Grade, Rank | null]> = [
  ['一级甲等', '一级', '甲'],
  ['一级乙等', '一级', '乙'],
  ['一级丙等', '一级', '丙'],
  ['二级乙等', '二级', '乙'],
  ['三级丙等', '三级', '丙'],
  ['一级', '一级', null],
  ['三级', '三级', null],
  ['四级', '四级', null],
  ['未定级', '未定级', null],
  ['一級甲等', '一级', '甲'],
  ['二級丙等', '二级', '丙'],
  ['四級', '四级', null],
  ['未定級', '未定级', null],
  [' 二级 甲等 ', '二级', '甲'],
  ['二级\u3000乙等', '二级', '乙'],
  ['三级甲', '三级', '甲'],
];
for (const [label, grade, rank] of parseOk) {
  test(`parseGradeLabel reads ${JSON.stringify(label)} as ${grade}${rank ?? ''}`, (t) => {
    t.deepEqual(parseGradeLabel(label), { ok: true, grade, rank });
  });
}

const parseBad: Array<[unknown, string]> = [
  [null, 'GRADE_LABEL_EMPTY'],
  [1, 'GRADE_LABEL_UNKNOWN'],
  ['', 'GRADE_LABEL_EMPTY'],
  ['   ', 'GRADE_LABEL_EMPTY'],
  ['五级', 'GRADE_LABEL_UNKNOWN'],
  ['一级丁等', 'GRADE_LABEL_UNKNOWN'],
  ['甲等', 'GRADE_LABEL_UNKNOWN'],
  ['grade 1', 'GRADE_LABEL_UNKNOWN'],
  ['一级甲等甲等', 'GRADE_LABEL_UNKNOWN'],
  ['四级甲等', 'GRADE_RANK_NOT_ALLOWED'],
  ['四級乙等', 'GRADE_RANK_NOT_ALLOWED'],
];
for (const [label, code] of parseBad) {
  test(`parseGradeLabel refuses ${JSON.stringify(label)} with ${code}`, (t) => {
    const r = parseGradeLabel(label);
    if (r.ok) return t.fail('expected a refusal');
    t.is(r.error.code, code);
    t.is(r.error.field, 'label');
    t.is(r.error.value, label);
    t.truthy(r.error.messageZh);
    t.truthy(r.error.messageEn);
  });
}

test('parseGradeLabel errors name the value and the allowed forms in both languages', (t) => {
  const r = parseGradeLabel('五级');
  if (r.ok) return t.fail('expected a refusal');
  t.true(r.error.messageZh.includes('五级') && r.error.messageZh.includes('一级甲等'));
  t.true(r.error.messageEn.includes('五级') && r.error.messageEn.includes('未定级'));
});

// --- formatGradeLabel --------------------------------------------------------------------------------

const formats: Array<[Grade, Rank | null, string, string]> = [
  ['一级', '甲', '一级甲等', 'grade 1, class A'],
  ['二级', '乙', '二级乙等', 'grade 2, class B'],
  ['三级', '丙', '三级丙等', 'grade 3, class C'],
  ['二级', null, '二级', 'grade 2'],
  ['四级', null, '四级', 'grade 4'],
  ['未定级', null, '未定级', 'ungraded'],
  ['四级', '甲', '四级', 'grade 4'],
];
for (const [grade, rank, zh, en] of formats) {
  test(`formatGradeLabel writes ${grade}/${rank ?? '-'} as ${zh}`, (t) => {
    t.is(formatGradeLabel({ grade, rank }), zh);
    t.is(formatGradeLabelEn({ grade, rank }), en);
  });
}

test('formatGradeLabel round-trips through parseGradeLabel for every valid value', (t) => {
  for (const label of [
    '一级甲等',
    '一级乙等',
    '一级丙等',
    '二级甲等',
    '二级乙等',
    '二级丙等',
    '三级甲等',
    '三级乙等',
    '三级丙等',
    '一级',
    '二级',
    '三级',
    '四级',
    '未定级',
  ]) {
    const r = parseGradeLabel(label);
    if (!r.ok) return t.fail(label);
    t.is(formatGradeLabel(r), label);
  }
});

// --- validateGrade -----------------------------------------------------------------------------------

const validations: Array<{ title: string; grade: unknown; rank?: unknown; codes: string[] }> = [
  { title: '一级 with 甲', grade: '一级', rank: '甲', codes: [] },
  { title: '三级 with 丙等 written in full', grade: '三级', rank: '丙等', codes: [] },
  { title: '二级 without 等次 (not yet decided)', grade: '二级', rank: null, codes: [] },
  { title: '一级 with rank omitted', grade: '一级', codes: [] },
  { title: '一级 with an empty rank', grade: '一级', rank: '', codes: [] },
  { title: '四级 without 等次', grade: '四级', rank: null, codes: [] },
  { title: '未定级 without 等次', grade: '未定级', codes: [] },
  { title: 'traditional 一級', grade: '一級', rank: '乙', codes: [] },
  { title: '四级 with 甲', grade: '四级', rank: '甲', codes: ['GRADE_RANK_NOT_ALLOWED'] },
  { title: '未定级 with 乙', grade: '未定级', rank: '乙', codes: ['GRADE_RANK_NOT_ALLOWED'] },
  { title: 'unknown rank 丁', grade: '二级', rank: '丁', codes: ['GRADE_RANK_UNKNOWN'] },
  { title: 'unknown grade 五级', grade: '五级', rank: null, codes: ['GRADE_UNKNOWN'] },
  { title: 'grade not a string', grade: 1, codes: ['GRADE_UNKNOWN'] },
  {
    title: 'unknown grade and unknown rank',
    grade: '特级',
    rank: 'A',
    codes: ['GRADE_UNKNOWN', 'GRADE_RANK_UNKNOWN'],
  },
];
for (const row of validations) {
  test(`validateGrade: ${row.title} → ${row.codes.join(', ') || 'valid'}`, (t) => {
    const issues = validateGrade({ grade: row.grade, rank: row.rank });
    t.deepEqual(
      issues.map((i) => i.code),
      row.codes,
    );
    for (const i of issues) {
      t.truthy(i.messageZh);
      t.truthy(i.messageEn);
    }
  });
}

test('validateGrade names the field and value of a misplaced 等次', (t) => {
  const [issue] = validateGrade({ grade: '四级', rank: '甲' });
  t.is(issue?.field, 'rank');
  t.is(issue?.value, '甲');
  t.true(issue?.messageZh.includes('四级'));
  t.true(issue?.messageEn.includes('四级'));
});

// --- heritageLevelFor --------------------------------------------------------------------------------

const heritage: Array<[string, HeritageLevel | null]> = [
  ['一级', '一级珍贵文物'],
  ['二级', '二级珍贵文物'],
  ['三级', '三级珍贵文物'],
  ['四级', '一般文物'],
  ['未定级', null],
  ['三級', '三级珍贵文物'],
  ['五级', null],
];
for (const [grade, level] of heritage) {
  test(`heritageLevelFor(${grade}) is ${level ?? 'null'}`, (t) => {
    t.is(heritageLevelFor(grade), level);
  });
}

// --- gradeSortKey ------------------------------------------------------------------------------------

test('gradeSortKey orders 一级甲等 first and 未定级 last', (t) => {
  const expected = [
    '一级甲等',
    '一级乙等',
    '一级丙等',
    '一级',
    '二级甲等',
    '二级乙等',
    '二级丙等',
    '二级',
    '三级甲等',
    '三级丙等',
    '三级',
    '四级',
    '未定级',
  ];
  const shuffled = [...expected].reverse();
  const parsed = shuffled.map((label) => {
    const r = parseGradeLabel(label);
    if (!r.ok) throw new Error(label);
    return r;
  });
  parsed.sort((a, b) => gradeSortKey(a) - gradeSortKey(b));
  t.deepEqual(parsed.map(formatGradeLabel), expected);
});

const sortPairs: Array<[{ grade: string; rank?: string | null }, { grade: string; rank?: string | null }]> = [
  [
    { grade: '一级', rank: '丙' },
    { grade: '二级', rank: '甲' },
  ],
  [{ grade: '三级', rank: null }, { grade: '四级' }],
  [{ grade: '四级' }, { grade: '未定级' }],
  [{ grade: '未定级' }, { grade: 'nonsense' }],
  [
    { grade: '一級', rank: '甲等' },
    { grade: '一级', rank: '乙' },
  ],
];
for (const [higher, lower] of sortPairs) {
  test(`gradeSortKey ranks ${JSON.stringify(higher)} above ${JSON.stringify(lower)}`, (t) => {
    t.true(gradeSortKey(higher) < gradeSortKey(lower));
  });
}

// --- suggestGradeFloor -------------------------------------------------------------------------------

const floors: Array<{
  title: string;
  yearTo?: number | null;
  dynasty?: string | null;
  floor: Grade | undefined;
  code?: GradeFloor['code'];
}> = [
  {
    title: 'dated Yuan edition (1340)',
    yearTo: 1340,
    dynasty: '元',
    floor: '一级',
    code: 'FLOOR_YUAN_OR_EARLIER',
  },
  { title: 'Yuan dynasty without a year', dynasty: '元', floor: '一级', code: 'FLOOR_YUAN_OR_EARLIER' },
  { title: 'Song, bracketed traditional form （宋）', dynasty: '（宋）', floor: '一级' },
  { title: '遼 (traditional)', dynasty: '遼', floor: '一级' },
  { title: '西夏', dynasty: '西夏', floor: '一级' },
  { title: '金', dynasty: '金', floor: '一级' },
  { title: '蒙古', dynasty: '蒙古', floor: '一级' },
  { title: '唐', dynasty: '唐', floor: '一级' },
  { title: '後秦 (traditional)', dynasty: '後秦', floor: '一级' },
  { title: 'year 1367 with no dynasty', yearTo: 1367, floor: '一级', code: 'FLOOR_YUAN_OR_EARLIER' },
  { title: 'year 528 (梁大通二年) with no dynasty', yearTo: 528, floor: '一级' },
  {
    title: 'year 1368 with no dynasty: may be 洪武元年, so the Ming floor',
    yearTo: 1368,
    floor: '二级',
    code: 'FLOOR_EARLY_MING',
  },
  { title: 'year 1368 with dynasty 元', yearTo: 1368, dynasty: '元', floor: '一级' },
  { title: 'year 1368 with dynasty 明', yearTo: 1368, dynasty: '明', floor: '二级' },
  { title: '明天順四年 (1460)', yearTo: 1460, dynasty: '明', floor: '二级', code: 'FLOOR_EARLY_MING' },
  { title: '隆庆六年 (1572), the last early-Ming year', yearTo: 1572, dynasty: '明', floor: '二级' },
  { title: '1573 (万历元年)', yearTo: 1573, dynasty: '明', floor: undefined },
  { title: '明萬曆三十三年 (1605)', yearTo: 1605, dynasty: '明', floor: undefined },
  { title: 'Ming without a year', dynasty: '明', floor: undefined },
  { title: '清乾隆二十五年 (1760)', yearTo: 1760, dynasty: '清', floor: undefined },
  { title: 'a Qing dynasty outweighs a stray early year', yearTo: 1500, dynasty: '清', floor: undefined },
  {
    title: 'an unrecognised dynasty text leaves the year to decide',
    yearTo: 1360,
    dynasty: '元末明初',
    floor: '一级',
  },
  { title: 'nothing known', floor: undefined },
  { title: 'null year and dynasty', yearTo: null, dynasty: null, floor: undefined },
];
for (const row of floors) {
  test(`suggestGradeFloor: ${row.title} → ${row.floor ?? 'none'}`, (t) => {
    const floor = suggestGradeFloor({ editionYearTo: row.yearTo, editionDynasty: row.dynasty });
    t.is(floor?.grade, row.floor);
    if (row.code) t.is(floor?.code, row.code);
    if (floor) {
      t.truthy(floor.reasonZh);
      t.truthy(floor.reasonEn);
    }
  });
}

// --- gradeWarnings -----------------------------------------------------------------------------------

const warnings: Array<{ title: string; input: GradeWarningInput; codes: string[] }> = [
  {
    title: 'Yuan edition graded 一级乙等',
    input: { grade: '一级', rank: '乙', editionYearTo: 1340, editionDynasty: '元', onPreciousList: false },
    codes: [],
  },
  {
    title: 'Yuan edition graded 二级',
    input: { grade: '二级', rank: '甲', editionYearTo: 1340, editionDynasty: '元', onPreciousList: false },
    codes: ['GRADE_BELOW_PERIOD_FLOOR'],
  },
  {
    title: 'Song edition graded 四级',
    input: { grade: '四级', editionDynasty: '宋', onPreciousList: false },
    codes: ['GRADE_BELOW_PERIOD_FLOOR'],
  },
  {
    title: 'year 1300 graded 三级',
    input: { grade: '三级', editionYearTo: 1300, onPreciousList: false },
    codes: ['GRADE_BELOW_PERIOD_FLOOR'],
  },
  {
    title: 'Ming 1460 graded 二级',
    input: { grade: '二级', editionYearTo: 1460, editionDynasty: '明', onPreciousList: false },
    codes: [],
  },
  {
    title: 'Ming 1460 graded 三级',
    input: { grade: '三级', editionYearTo: 1460, editionDynasty: '明', onPreciousList: false },
    codes: ['GRADE_BELOW_PERIOD_FLOOR'],
  },
  {
    title: 'Ming 1572 graded 四级',
    input: { grade: '四级', editionYearTo: 1572, editionDynasty: '明', onPreciousList: false },
    codes: ['GRADE_BELOW_PERIOD_FLOOR'],
  },
  {
    title: 'Ming 1573 graded 四级',
    input: { grade: '四级', editionYearTo: 1573, editionDynasty: '明', onPreciousList: false },
    codes: [],
  },
  {
    title: 'Qing 1760 graded 四级',
    input: { grade: '四级', editionYearTo: 1760, editionDynasty: '清', onPreciousList: false },
    codes: [],
  },
  { title: 'precious-list item graded 一级', input: { grade: '一级', onPreciousList: true }, codes: [] },
  { title: 'precious-list item graded 二级', input: { grade: '二级', onPreciousList: true }, codes: [] },
  {
    title: 'precious-list item graded 三级',
    input: { grade: '三级', onPreciousList: true },
    codes: ['PRECIOUS_LIST_BELOW_GRADE_2'],
  },
  {
    title: 'precious-list item graded 四级',
    input: { grade: '四级', onPreciousList: true },
    codes: ['PRECIOUS_LIST_BELOW_GRADE_2'],
  },
  {
    title: 'Yuan precious-list item graded 三级',
    input: { grade: '三级', editionDynasty: '元', onPreciousList: true },
    codes: ['GRADE_BELOW_PERIOD_FLOOR', 'PRECIOUS_LIST_BELOW_GRADE_2'],
  },
  {
    title: 'ungraded Yuan precious-list draft (nothing to contradict yet)',
    input: { grade: '未定级', editionDynasty: '元', onPreciousList: true },
    codes: [],
  },
  {
    title: 'traditional 三級 on the precious list',
    input: { grade: '三級', onPreciousList: true },
    codes: ['PRECIOUS_LIST_BELOW_GRADE_2'],
  },
  {
    title: 'unknown grade (validateGrade reports it)',
    input: { grade: '五级', editionDynasty: '元', onPreciousList: true },
    codes: [],
  },
];
for (const row of warnings) {
  test(`gradeWarnings: ${row.title} → ${row.codes.join(', ') || 'none'}`, (t) => {
    const result = gradeWarnings(row.input);
    t.deepEqual(
      result.map((w) => w.code),
      row.codes,
    );
    for (const w of result) {
      t.is(w.field, 'grade');
      t.is(w.value, row.input.grade);
      t.truthy(w.messageZh);
      t.truthy(w.messageEn);
    }
  });
}

test('the period-floor warning names the grade, the floor and the period', (t) => {
  const [w] = gradeWarnings({
    grade: '三级',
    editionYearTo: 1460,
    editionDynasty: '明',
    onPreciousList: false,
  });
  t.true(w?.messageZh.includes('三级') && w.messageZh.includes('二级') && w.messageZh.includes('1572'));
  t.true(w?.messageEn.includes('三级') && w.messageEn.includes('二级') && w.messageEn.includes('1460'));
});
