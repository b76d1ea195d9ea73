import test from 'ava';
import {
  validateRecord,
  type RecordKeys,
  type RecordValidationContext,
  type RecordValidationResult,
} from '../../src/census/record-validation.rules.js';
import { codeListsFromSeed, type CodeListValues } from '../../src/census/code-list.rules.js';
import type { CodeListName, DerivedEditionDate, RecordInput } from '../../src/domain/record.types.js';
import { TEST_TODAY, validGujiInput, validMinguoInput } from '../helpers/record-input.js';

const SEED = codeListsFromSeed();

function validate(input: RecordInput, ctx: Partial<RecordValidationContext> = {}): RecordValidationResult {
  return validateRecord(input, { codeLists: SEED, intent: 'save', today: TEST_TODAY, ...ctx });
}

function pairs(details: RecordValidationResult['errors']): string[] {
  return details.map((d) => `${d.path} ${d.rule}`).sort();
}

interface Row {
  title: string;
  input: RecordInput;
  ctx?: Partial<RecordValidationContext>;
  /** Exactly these errors, as "path rule" ([] = valid). */
  errors: string[];
  /** Exactly these warnings when given. */
  warnings?: string[];
  normalised?: Partial<RecordInput>;
  /** The canonical code-list values matched (filed in the list columns). */
  keys?: Partial<RecordKeys>;
  derived?: Partial<DerivedEditionDate>;
  /** Each listed error's messageZh contains all these fragments. */
  messageZh?: string[];
}

const submit: Partial<RecordValidationContext> = { intent: 'submit' };
const guji = validGujiInput;
const minguo = validMinguoInput;
// A Qing edition leaves the grade free of period floors, so grade rows are not also warnings.
const qing = (overrides: Partial<RecordInput> = {}) => guji({ edition: '清刻本', ...overrides });

// Code lists where 毛装 is retired and 线装 has an alias.
const retiredBinding: CodeListValues = {
  name: 'binding',
  values: [
    { value: '线装', aliases: ['线订'], active: true },
    { value: '毛装', aliases: [], active: false },
  ],
};
const withRetired = new Map<CodeListName, CodeListValues>([...SEED, ['binding', retiredBinding]]);

const rows: Row[] = [
  // --- whole records --------------------------------------------------------------------------
  {
    title: 'a full 古籍 record (朱子大全, 明天順四年刻本) is valid for submission',
    input: guji(),
    ctx: submit,
    errors: [],
    warnings: [],
    derived: { dynasty: '明', era: '天顺', eraYear: 4, yearFrom: 1460, yearTo: 1460, precision: 'year' },
  },
  {
    title: 'a full 民国 record (吶喊, 民國十二年) is valid for submission',
    input: minguo(),
    ctx: submit,
    errors: [],
    warnings: [],
    derived: { dynasty: '民国', yearFrom: 1923, yearTo: 1923, precision: 'year' },
  },
  {
    title: 'traditional spellings match the code-list values; the text is kept as written (輯 stays 輯)',
    input: guji({
      binding: '綫裝',
      editionType: '刻本',
      documentType: '漢文古籍',
      script: '漢文',
      classification: ' 集 ',
      authors: [
        { dynasty: '宋', name: '朱熹', role: '撰' },
        { dynasty: '明', name: '邵寶', role: '輯' },
      ],
      annotations: [{ person: '黄丕烈', mode: '題識', note: null }],
      grade: '一級甲等',
    }),
    errors: [],
    warnings: [],
    normalised: {
      binding: '綫裝',
      editionType: '刻本',
      documentType: '漢文古籍',
      script: '漢文',
      classification: '集',
      authors: [
        { dynasty: '宋', name: '朱熹', role: '撰' },
        { dynasty: '明', name: '邵寶', role: '輯' },
      ],
      annotations: [{ person: '黄丕烈', mode: '題識', note: null }],
      grade: '一級甲等',
      title: '朱子大全一百卷目錄二卷',
      edition: '明天順四年（1460）賀沈、胡緝刻本',
    },
    keys: { binding: '线装', documentType: '汉文古籍', classification: '集', grade: '一级甲等' },
  },
  {
    title: '線裝 and 鈔本 match 线装 and 抄本 and stay as written',
    input: guji({ binding: '線裝', editionType: '鈔本' }),
    errors: [],
    normalised: { binding: '線裝', editionType: '鈔本' },
    keys: { binding: '线装', editionType: '抄本' },
  },
  {
    title: 'save versus submit: a draft without 册数, grade and damage grade saves',
    input: guji({ volumes: null, grade: null, damageGrade: null }),
    errors: [],
  },
  {
    title: 'save versus submit: the same record cannot be submitted',
    input: guji({ volumes: null, grade: null, damageGrade: null }),
    ctx: submit,
    errors: ['damageGrade required_for_submit', 'grade required_for_submit', 'volumes required_for_submit'],
  },

  // --- 古籍 dates -----------------------------------------------------------------------------
  {
    title: '古籍 dated 宣統三年 (1911) is accepted',
    input: guji({ edition: '清宣統三年（1911）刻本' }),
    errors: [],
    derived: { yearFrom: 1911 },
  },
  {
    title: '古籍 dated 民國二十年 (1931) is rejected with the hint to register it as 民国文献',
    input: guji({ edition: '民國二十年（1931）上海中華書局石印本' }),
    errors: ['edition guji_date_too_late'],
    messageZh: ['民国文献', '1931'],
  },
  {
    title: '古籍 with a Gregorian 1920 and no era is rejected as 1912+',
    input: guji({ edition: '1920年上海掃葉山房石印本' }),
    errors: ['edition guji_date_too_late'],
  },
  {
    title: 'era year within the era (乾隆六十年) is accepted',
    input: guji({ edition: '清乾隆六十年（1795）刻本' }),
    errors: [],
    derived: { yearFrom: 1795 },
  },
  {
    title: 'era year far past the era (乾隆八十年, beyond the 10-year margin) is rejected',
    input: guji({ edition: '清乾隆八十年刻本' }),
    errors: ['edition era_year_out_of_range'],
    messageZh: ['乾隆八十年', '60', '10'],
  },
  {
    title: 'era year just past the era (乾隆六十一年, attested) is accepted with a warning',
    input: guji({ edition: '清乾隆六十一年（1796）刻本' }),
    errors: [],
    warnings: ['edition edition_era_year_past_end'],
    derived: { era: '乾隆', eraYear: 61, yearFrom: 1796 },
  },
  {
    title: 'a shared era name without a dynasty (天顺元年) is a warning and derives no year',
    input: guji({ edition: '天順元年刻本', authors: [{ dynasty: null, name: '朱熹', role: '撰' }] }),
    errors: [],
    warnings: ['edition edition_era_ambiguous'],
    derived: { precision: 'unknown', yearFrom: null },
  },
  {
    title: 'a date range that ends before it starts is rejected',
    input: guji({ edition: '清康熙四十七年至四十五年刻本' }),
    errors: ['edition date_range_reversed'],
    messageZh: ['1706', '1708'],
  },
  {
    title: "a shared era name is settled by the first author's dynasty",
    input: guji({ edition: '天順元年刻本', authors: [{ dynasty: '明', name: '丘濬', role: '撰' }] }),
    errors: [],
    derived: { dynasty: '明', yearFrom: 1457 },
  },
  {
    title: 'an undated edition (稿本) is accepted as unknown',
    input: guji({ edition: '稿本', editionType: '稿本' }),
    errors: [],
    derived: { precision: 'unknown', yearFrom: null },
  },

  // --- 民国 dates -----------------------------------------------------------------------------
  {
    title: '民国 dated 1904 (光緒三十年) is rejected with the hint to register it as 古籍',
    input: minguo({ edition: '清光緒三十年（1904）上海商務印書館鉛印本' }),
    errors: ['edition minguo_date_before_range'],
    messageZh: ['1912-01-01', '古籍'],
  },
  {
    title: '民国 with a Gregorian 1931 is accepted and dated',
    input: minguo({ edition: '上海：商務印書館，1931年' }),
    errors: [],
    derived: { dynasty: '民国', yearFrom: 1931, yearTo: 1931, precision: 'year' },
  },
  {
    title: '民国 dated 1949-09-30 (the last day) is accepted',
    input: minguo({ edition: '1949年9月30日上海出版' }),
    errors: [],
  },
  {
    title: '民国 dated 1949-10-01 is after the range',
    input: minguo({ edition: '1949年10月1日北京出版' }),
    errors: ['edition minguo_date_after_range'],
  },
  {
    title: '民国 dated 1950 is after the range',
    input: minguo({ edition: '1950年上海出版' }),
    errors: ['edition minguo_date_after_range'],
  },
  {
    title: '民国 past the last 民国 year (民国四十年 = 1951) is after the 民国 range',
    input: minguo({ edition: '民國四十年臺北出版' }),
    errors: ['edition minguo_date_after_range'],
  },
  {
    title: '民国 with a span straddling 1912 (清末民初) cannot be ruled out',
    input: minguo({ edition: '清末民初石印本' }),
    errors: [],
  },
  {
    title: '民国 without a year is accepted',
    input: minguo({ edition: '上海商務印書館鉛印本' }),
    errors: [],
    derived: { precision: 'unknown' },
  },
  {
    title: 'the 民国 range is configurable (民国三十年 after a range ending 1937-07-06)',
    input: minguo({ edition: '民國三十年（1941）重慶出版' }),
    ctx: { minguoRange: { from: '1912-01-01', to: '1937-07-06' } },
    errors: ['edition minguo_date_after_range'],
  },

  // --- quantities -----------------------------------------------------------------------------
  { title: '册数 1 is accepted', input: guji({ volumes: 1 }), errors: [] },
  { title: '册数 0 is rejected', input: guji({ volumes: 0 }), errors: ['volumes whole_number_min_1'] },
  { title: '册数 2.5 is rejected', input: guji({ volumes: 2.5 }), errors: ['volumes whole_number_min_1'] },
  { title: '函数 0 is rejected', input: guji({ cases: 0 }), errors: ['cases whole_number_min_1'] },
  {
    title: 'extant 卷 equal to the total is accepted',
    input: guji({ totalJuan: 102, extantJuan: 102 }),
    errors: [],
  },
  {
    title: 'extant 卷 above the total is rejected',
    input: guji({ totalJuan: 102, extantJuan: 109 }),
    errors: ['extantJuan extant_juan_exceeds_total'],
  },
  {
    title: 'extant 卷 without a total is accepted',
    input: guji({ totalJuan: null, extantJuan: 30 }),
    errors: [],
  },
  {
    title: '民国 submitted with pages but no 册数 is accepted',
    input: minguo({ volumes: null, pages: 278 }),
    ctx: submit,
    errors: [],
  },
  {
    title: '民国 submitted without 册数, pages or serial holdings is rejected',
    input: minguo({ volumes: null, pages: null, serialHoldings: null }),
    ctx: submit,
    errors: ['volumes extent_required_for_submit'],
  },
  { title: 'pages 0 on 民国 is rejected', input: minguo({ pages: 0 }), errors: ['pages whole_number_min_1'] },

  // --- grade ----------------------------------------------------------------------------------
  {
    title: 'grade 三级甲 is filed as 三级甲等 and kept as written',
    input: qing({ grade: '三级甲' }),
    errors: [],
    normalised: { grade: '三级甲' },
    keys: { grade: '三级甲等' },
  },
  { title: 'grade 四级 is accepted', input: qing({ grade: '四级' }), errors: [], warnings: [] },
  {
    title: 'grade 四级甲等 is rejected (四级 has no 等次)',
    input: qing({ grade: '四级甲等' }),
    errors: ['grade grade_rank_not_allowed'],
  },
  { title: 'grade 五级 is rejected', input: qing({ grade: '五级' }), errors: ['grade grade_label_unknown'] },
  { title: 'grade 未定级 saves as a draft', input: qing({ grade: '未定级' }), errors: [] },
  {
    title: 'grade 未定级 does not count at submission',
    input: qing({ grade: '未定级' }),
    ctx: submit,
    errors: ['grade required_for_submit'],
    messageZh: ['未定级'],
  },
  {
    title: 'a 民国 record may be submitted without a grade',
    input: minguo({ grade: null }),
    ctx: submit,
    errors: [],
  },

  // --- damage grade ---------------------------------------------------------------------------
  {
    title: 'damage grade 一級破損 is filed as 一级 and kept as written',
    input: guji({ damageGrade: '一級破損' }),
    errors: [],
    normalised: { damageGrade: '一級破損' },
    keys: { damageGrade: '一级' },
  },
  { title: 'damage grade 完好 is accepted', input: guji({ damageGrade: '完好' }), errors: [] },
  {
    title: 'damage grade 六级 is rejected, listing the allowed values',
    input: guji({ damageGrade: '六级' }),
    errors: ['damageGrade damage_grade_unknown'],
    messageZh: ['五级', '完好'],
  },
  { title: 'damage grade 未评估 saves as a draft', input: guji({ damageGrade: '未评估' }), errors: [] },
  {
    title: 'damage grade 未評估 does not count at submission',
    input: guji({ damageGrade: '未評估' }),
    ctx: submit,
    errors: ['damageGrade required_for_submit'],
  },

  // --- precious list --------------------------------------------------------------------------
  {
    title: 'precious-list number 00940.1 is accepted',
    input: guji({ preciousListNumber: '00940.1' }),
    errors: [],
  },
  {
    title: 'a full-width precious-list number is normalised',
    input: guji({ preciousListNumber: '００２４５' }),
    errors: [],
    normalised: { preciousListNumber: '00245' },
  },
  {
    title: 'precious-list number 940 is rejected',
    input: guji({ preciousListNumber: '940' }),
    errors: ['preciousListNumber precious_list_number_format'],
  },

  // --- identity -------------------------------------------------------------------------------
  {
    title: 'an empty call number is rejected',
    input: guji({ callNumber: '  ' }),
    errors: ['callNumber required'],
  },
  {
    title: 'a call number of 100 characters is accepted',
    input: guji({ callNumber: 'A'.repeat(100) }),
    errors: [],
  },
  {
    title: 'a call number of 101 characters is rejected',
    input: guji({ callNumber: 'A'.repeat(101) }),
    errors: ['callNumber max_length'],
  },
  { title: 'an empty title is rejected', input: guji({ title: '' }), errors: ['title required'] },

  // --- pH, sizes, dates -----------------------------------------------------------------------
  {
    title: 'pH 0 and 14 are accepted',
    input: minguo({
      phReadings: [
        { value: 0, method: null, point: null, measuredAt: null },
        { value: 14, method: null, point: null, measuredAt: '2025-03-15' },
      ],
    }),
    errors: [],
  },
  {
    title: 'pH 14.5 and -1 are rejected',
    input: minguo({
      phReadings: [
        { value: 4.2, method: null, point: null, measuredAt: null },
        { value: 14.5, method: null, point: null, measuredAt: null },
        { value: -1, method: null, point: null, measuredAt: null },
      ],
    }),
    errors: ['phReadings[1].value ph_range', 'phReadings[2].value ph_range'],
  },
  {
    title: 'a pH reading dated tomorrow is rejected',
    input: minguo({ phReadings: [{ value: 4.2, method: null, point: null, measuredAt: '2025-03-16' }] }),
    errors: ['phReadings[0].measuredAt date_in_future'],
  },
  {
    title: 'a pH reading dated 2025-02-30 is rejected',
    input: minguo({ phReadings: [{ value: 4.2, method: null, point: null, measuredAt: '2025-02-30' }] }),
    errors: ['phReadings[0].measuredAt date_invalid'],
  },
  {
    title: 'sizes must be positive',
    input: guji({ size: { height: 0, width: 17 }, frame: { height: 20, width: -1 } }),
    errors: ['frame.width size_positive', 'size.height size_positive'],
  },

  // --- code lists -----------------------------------------------------------------------------
  {
    title: 'an unknown binding is rejected, listing the allowed values',
    input: guji({ binding: '胶装' }),
    errors: ['binding code_value_unknown'],
    messageZh: ['胶装', '线装', '包背装', '金镶玉'],
  },
  {
    title: "an author's role outside the open list is kept and is a warning at its path",
    input: guji({
      authors: [
        { dynasty: '宋', name: '朱熹', role: '撰' },
        { dynasty: '明', name: '邵寶', role: '著者' },
      ],
    }),
    errors: [],
    warnings: ['authors[1].role open_list_new_value'],
    normalised: {
      authors: [
        { dynasty: '宋', name: '朱熹', role: '撰' },
        { dynasty: '明', name: '邵寶', role: '著者' },
      ],
    },
  },
  {
    title: 'ordinary modes of real catalogues are known: 補注 集解 音義 評點 正義 音注 校注 箋注 編次 傳',
    input: guji({
      authors: ['補注', '集解', '音義', '評點', '正義', '音注', '校注', '箋注', '編次', '傳'].map((role) => ({
        dynasty: '漢',
        name: '某甲',
        role,
      })),
    }),
    errors: [],
    warnings: [],
  },
  {
    title: 'an annotation mode outside the open list is kept and is a warning at its path',
    input: guji({ annotations: [{ person: '黄丕烈', mode: '眉評', note: null }] }),
    errors: [],
    warnings: ['annotations[0].mode open_list_new_value'],
    normalised: { annotations: [{ person: '黄丕烈', mode: '眉評', note: null }] },
  },
  {
    title: 'an edition type outside the open list is kept and is a warning, filed as written',
    input: guji({ editionType: '朱墨套印本' }),
    errors: [],
    warnings: ['editionType open_list_new_value'],
    keys: { editionType: '朱墨套印本' },
  },
  {
    title: 'an unknown 民国 paper is rejected',
    input: minguo({ paper: '宣纸' }),
    errors: ['paper code_value_unknown'],
  },
  {
    title: 'an unknown 民国 document type is rejected',
    input: minguo({ minguoDocumentType: '杂志' }),
    errors: ['minguoDocumentType code_value_unknown'],
  },
  {
    title: 'a retired binding is refused for new input',
    input: guji({ binding: '毛装' }),
    ctx: { codeLists: withRetired },
    errors: ['binding code_value_retired'],
  },
  {
    title: 'a retired binding the record already held stays valid',
    input: guji({ binding: '毛裝' }),
    ctx: { codeLists: withRetired, previous: guji({ binding: '毛装' }) },
    errors: [],
    normalised: { binding: '毛裝' },
    keys: { binding: '毛装' },
  },
  {
    title: 'an alias of a renamed value resolves to the new spelling',
    input: guji({ binding: '線訂' }),
    ctx: { codeLists: withRetired },
    errors: [],
    normalised: { binding: '線訂' },
    keys: { binding: '线装' },
  },
  {
    title: 'an empty document type is rejected',
    input: guji({ documentType: '' }),
    errors: ['documentType required'],
  },

  // --- type-specific fields -------------------------------------------------------------------
  {
    title: '民国 fields on a 古籍 record are rejected',
    input: guji({
      paper: '机制纸',
      phReadings: [{ value: 5, method: null, point: null, measuredAt: null }],
      collectionHistory: '購於北平',
    }),
    errors: [
      'collectionHistory minguo_only_field',
      'paper minguo_only_field',
      'phReadings minguo_only_field',
    ],
  },
  {
    title: '古籍 fields on a 民国 record are rejected',
    input: minguo({ grade: '二级', preciousListNumber: '00001', totalJuan: 4 }),
    errors: ['grade guji_only_field', 'preciousListNumber guji_only_field', 'totalJuan guji_only_field'],
  },

  // --- responsibility and seals ---------------------------------------------------------------
  {
    title: 'an author needs a name',
    input: guji({ authors: [{ dynasty: '宋', name: ' ', role: '撰' }] }),
    errors: ['authors[0].name required'],
  },
  {
    title: 'an annotation needs a mode',
    input: guji({ annotations: [{ person: '黄丕烈', mode: '', note: null }] }),
    errors: ['annotations[0].mode required'],
  },
  {
    title: 'a seal flagged owner-unknown cannot name an owner',
    input: guji({ seals: [{ text: '汲古閣', owner: '毛晉', ownerUnknown: true, position: null }] }),
    errors: ['seals[0].owner seal_owner_unknown_conflict'],
  },
  {
    title: 'a seal without an owner is flagged owner-unknown',
    input: guji({ seals: [{ text: '某氏藏書', owner: ' ', ownerUnknown: false, position: null }] }),
    errors: [],
    normalised: { seals: [{ text: '某氏藏書', owner: null, ownerUnknown: true, position: null }] },
  },
  {
    title: 'a seal needs its text',
    input: guji({ seals: [{ text: '', owner: null, ownerUnknown: true, position: null }] }),
    errors: ['seals[0].text required'],
  },

  // --- warnings -------------------------------------------------------------------------------
  {
    title: 'a bracketed Gregorian year disagreeing with the era is a warning',
    input: guji({ edition: '清乾隆二十五年（1761）內府刻本' }),
    errors: [],
    warnings: ['edition edition_bracket_year_mismatch'],
    derived: { yearFrom: 1760 },
  },
  {
    title: 'a dated Yuan edition graded below 一级 is a warning',
    input: guji({ edition: '元至正二十五年刻本', grade: '二级' }),
    errors: [],
    warnings: ['grade grade_below_period_floor'],
  },
  {
    title: 'a precious-list item graded below 二级 is a warning',
    input: qing({ grade: '三级', preciousListNumber: '00001' }),
    errors: [],
    warnings: ['grade precious_list_below_grade_2'],
  },
];

for (const row of rows) {
  test(`validateRecord: ${row.title}`, (t) => {
    const result = validate(row.input, row.ctx);
    t.deepEqual(pairs(result.errors), [...row.errors].sort(), JSON.stringify(result.errors, null, 1));
    if (row.warnings) t.deepEqual(pairs(result.warnings), [...row.warnings].sort());
    if (row.normalised) t.like(result.normalised, row.normalised);
    if (row.keys) t.like(result.keys, row.keys);
    if (row.derived) t.like(result.derivedDate, row.derived);
    for (const fragment of row.messageZh ?? []) {
      t.true(
        result.errors.some((e) => e.messageZh.includes(fragment)),
        `no message mentions ${fragment}: ${result.errors.map((e) => e.messageZh).join(' | ')}`,
      );
    }
  });
}

test('validateRecord: every error has the ErrorDetail shape and names field, value and rule', (t) => {
  for (const row of rows.filter((r) => r.errors.length > 0)) {
    for (const error of validate(row.input, row.ctx).errors) {
      t.deepEqual(Object.keys(error).sort(), ['messageEn', 'messageZh', 'path', 'rule', 'value'], row.title);
      t.regex(error.rule, /^[a-z][a-z0-9_]*$/, row.title);
      t.true(error.messageZh.length > 0 && error.messageEn.length > 0, row.title);
      if ((typeof error.value === 'string' && error.value.trim() !== '') || typeof error.value === 'number') {
        t.true(error.messageZh.includes(String(error.value)), `${row.title}: ${error.messageZh}`);
        t.true(error.messageEn.includes(String(error.value)), `${row.title}: ${error.messageEn}`);
      }
    }
  }
});

test('validateRecord: many problems are reported together', (t) => {
  const result = validate(
    guji({ callNumber: '', volumes: 0, binding: '胶装', grade: '四级甲等', edition: '清乾隆八十年刻本' }),
    submit,
  );
  t.deepEqual(pairs(result.errors), [
    'binding code_value_unknown',
    'callNumber required',
    'edition era_year_out_of_range',
    'grade grade_rank_not_allowed',
    'volumes whole_number_min_1',
  ]);
  t.is(result.derivedDate.precision, 'unknown');
});

test('validateRecord: the input is not modified', (t) => {
  const input = guji({
    binding: '綫裝',
    seals: [{ text: '印', owner: null, ownerUnknown: false, position: null }],
  });
  const copy = structuredClone(input);
  validate(input);
  t.deepEqual(input, copy);
});

test('validateRecord: later dates of a compound statement are returned', (t) => {
  const result = validate(guji({ edition: '元刻明正德遞修本', grade: '一级' }));
  t.deepEqual(result.errors, []);
  t.is(result.derivedDate.dynasty, '元');
  t.is(result.laterDates[0]?.era, '正德');
});
