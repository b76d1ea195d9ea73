import test from 'ava';
import {
  checkAssessmentRow,
  mapAssessmentHeader,
  parseImportDate,
  type AssessmentHeader,
  type AssessmentRow,
} from '../../src/condition/assessment-import-row.rules.js';
import { draftAssessment, draftFingerprint } from '../../src/condition/assessment-import-group.rules.js';

const headerOf = (cells: string[]): AssessmentHeader => {
  const mapped = mapAssessmentHeader(cells);
  if ('errors' in mapped) throw new Error(JSON.stringify(mapped.errors));
  return mapped.header;
};

test('headers match in Chinese, traditional, English and key form', (t) => {
  t.deepEqual(headerOf(['索書號', 'Damage Type', 'area_percent', 'pH', '']), [
    'callNumber',
    'damageType',
    'areaPercent',
    'ph',
    null,
  ]);
});

test('unknown, repeated and missing required headers are all reported', (t) => {
  const mapped = mapAssessmentHeader(['破损类型', '颜色', '破損類型']);
  t.true('errors' in mapped);
  if (!('errors' in mapped)) return;
  t.deepEqual(
    mapped.errors.map((e) => e.rule),
    ['unknown_column', 'duplicate_column', 'required_column'],
  );
});

test('dates are normalised and impossible days refused', (t) => {
  t.is(parseImportDate('2025/3/5'), '2025-03-05');
  t.is(parseImportDate('2025年3月5日'), '2025-03-05');
  t.is(parseImportDate('2025-02-30'), undefined);
  t.is(parseImportDate('昨天'), undefined);
});

const header = headerOf([
  '索书号',
  '破损类型',
  '破损面积%',
  'pH',
  'pH测量方法',
  '古籍级别',
  '改定等级',
  '改定理由',
]);
const row = (cells: string[], n = 2) => checkAssessmentRow(header, n, cells);

test('a row gives an observation by canonical code and a pH reading', (t) => {
  const r = row(['A1', '蟲蛀', '12.5%', '6.1', '平头电极', '', '', '']);
  t.true('row' in r);
  if (!('row' in r)) return;
  t.deepEqual(r.row.observation, { damageType: 'insect', areaPercent: 12.5 });
  t.deepEqual(r.row.phReading, { value: 6.1, method: '平头电极' });
});

test('row errors name the column and the rule', (t) => {
  const cases: Array<[string[], string, string]> = [
    [['', '虫蛀', '1', '', '', '', '', ''], 'callNumber', 'required'],
    [['A', '火烧', '1', '', '', '', '', ''], 'damageType', 'damage_type_unknown'],
    [['A', '虫蛀', '101', '', '', '', '', ''], 'areaPercent', 'area_percent_out_of_range'],
    [['A', '虫蛀', '十', '', '', '', '', ''], 'areaPercent', 'number'],
    [['A', '', '', '14.5', '', '', '', ''], 'ph', 'ph_out_of_range'],
    [['A', '', '20', '', '', '', '', ''], 'damageType', 'required'],
    [['A', '', '', '', '电极', '', '', ''], 'ph', 'required'],
  ];
  for (const [cells, field, rule] of cases) {
    const r = row(cells);
    t.true('errors' in r, cells.join(','));
    if ('errors' in r) t.deepEqual([r.errors[0]!.path, r.errors[0]!.rule], [field, rule], cells.join(','));
  }
});

const valid = (cells: string[], n: number): AssessmentRow => {
  const r = row(cells, n);
  if (!('row' in r)) throw new Error(JSON.stringify(r.errors));
  return r.row;
};

test('a group checks grade, 等次 and override across its rows', (t) => {
  const ok = draftAssessment([
    valid(['A', '虫蛀', '5', '', '', '二级乙等', '', ''], 2),
    valid(['A', '', '', '6', '', '', '', ''], 3),
  ]);
  t.true('draft' in ok);
  if ('draft' in ok) {
    t.deepEqual(ok.draft.grade, { grade: '二级', rank: '乙' });
    t.is(ok.draft.observations.length, 1);
    t.is(ok.draft.phReadings.length, 1);
  }
  const problems = (rows: AssessmentRow[]) => {
    const d = draftAssessment(rows);
    return 'problems' in d ? d.problems.map((p) => [p.row, p.detail.rule]) : [];
  };
  t.deepEqual(problems([valid(['A', '虫蛀', '5', '', '', '四级乙等', '', ''], 4)]), [
    [4, 'grade_rank_not_allowed'],
  ]);
  t.deepEqual(problems([valid(['A', '虫蛀', '5', '', '', '', '二级', ''], 5)]), [
    [5, 'override_reason_required'],
  ]);
  t.deepEqual(problems([valid(['A', '虫蛀', '5', '', '', '', '', '旧伤'], 6)]), [
    [6, 'override_level_required'],
  ]);
  t.deepEqual(
    problems([
      valid(['A', '虫蛀', '5', '', '', '一级', '', ''], 7),
      valid(['A', '', '', '', '', '二级', '', ''], 8),
    ]),
    [[8, 'conflicting_values']],
  );
});

test('the fingerprint ignores row order but not content', (t) => {
  const a = valid(['A', '虫蛀', '5', '', '', '', '', ''], 2);
  const b = valid(['A', '霉蚀', '3', '', '', '', '', ''], 3);
  const fp = (rows: AssessmentRow[]) => {
    const d = draftAssessment(rows);
    return 'draft' in d ? draftFingerprint('inst', d.draft) : '';
  };
  t.is(fp([a, b]), fp([b, a]));
  t.not(fp([a, b]), fp([a]));
});
