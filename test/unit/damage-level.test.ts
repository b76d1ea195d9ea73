import test from 'ava';
import {
  computeDamageLevel,
  lowestPh,
  validateAssessmentInput,
  type AssessmentInput,
  type DamageObservation,
} from '../../src/condition/damage-level.rules.js';
import {
  acidityBand,
  type AcidityBandCode,
  DAMAGE_TYPES,
  parseDamageType,
  type ConditionLevel,
} from '../../src/domain/damage.rules.js';
import { DEFAULT_DAMAGE_RULESET, type DamageRuleSet } from '../../src/condition/damage-ruleset.rules.js';

const RS = DEFAULT_DAMAGE_RULESET;

function input(observations: DamageObservation[], ph: number[] = [], totalLeaves?: number): AssessmentInput {
  return {
    observations,
    phReadings: ph.map((value) => ({ value })),
    ...(totalLeaves === undefined ? {} : { totalLeaves }),
  };
}

interface Row {
  title: string;
  input: AssessmentInput;
  level: ConditionLevel;
  /** Code of the deciding rule; null for 完好. */
  code: string | null;
  observationIndex?: number;
  phReadingIndex?: number;
  ruleSet?: DamageRuleSet;
}

function check(rows: Row[], group: string): void {
  for (const row of rows) {
    test(`${group}: ${row.title} → ${row.level}${row.code ? ` by ${row.code}` : ''}`, (t) => {
      const result = computeDamageLevel(row.input, row.ruleSet ?? RS);
      t.is(result.level, row.level);
      t.is(result.decidingRule?.code ?? null, row.code);
      if (row.code !== null) {
        t.is(result.decidingRule?.level ?? null, row.level === '完好' ? null : row.level);
        t.truthy(result.decidingRule?.descriptionZh);
        t.truthy(result.decidingRule?.descriptionEn);
        t.truthy(result.decidingRule?.evidenceZh);
        t.truthy(result.decidingRule?.evidenceEn);
      }
      if (row.observationIndex !== undefined)
        t.is(result.decidingRule?.observationIndex, row.observationIndex);
      if (row.phReadingIndex !== undefined) t.is(result.decidingRule?.phReadingIndex, row.phReadingIndex);
    });
  }
}

// --- every boundary of every area band (one water-stain observation) ---------------------------------

const areaRows: Array<[number, ConditionLevel, string]> = [
  [0, '五级', 'DAMAGE_OBSERVED'],
  [0.01, '五级', 'AREA_BAND'],
  [20, '五级', 'AREA_BAND'],
  [20.01, '四级', 'AREA_BAND'],
  [40, '四级', 'AREA_BAND'],
  [40.1, '三级', 'AREA_BAND'],
  [50, '三级', 'AREA_BAND'],
  [50.01, '二级', 'AREA_BAND'],
  [60, '二级', 'AREA_BAND'],
  [60.5, '一级', 'AREA_BAND'],
  [100, '一级', 'AREA_BAND'],
];
check(
  areaRows.map(([a, level, code]) => ({
    title: `A = ${a}%`,
    input: input([{ damageType: 'water_stain', areaPercent: a }]),
    level,
    code,
    observationIndex: 0,
  })),
  'area band',
);

// --- every boundary of every pH band (no observations) -----------------------------------------------

const phRows: Array<[number, ConditionLevel]> = [
  [0, '一级'],
  [3.99, '一级'],
  [4.0, '二级'],
  [4.49, '二级'],
  [4.5, '三级'],
  [4.99, '三级'],
  [5.0, '四级'],
  [5.59, '四级'],
  [5.6, '完好'],
  [7, '完好'],
  [14, '完好'],
];
check(
  phRows.map(([ph, level]) => ({
    title: `pH ${ph}`,
    input: input([], [ph]),
    level,
    code: level === '完好' ? null : 'PH_BAND',
    ...(level === '完好' ? {} : { phReadingIndex: 0 }),
  })),
  'pH band',
);

// --- each condition rule -----------------------------------------------------------------------------
// A small measured area (10%, 五级) keeps the area band out of the way so the condition must decide.

check(
  [
    {
      title: '絮化 on all leaves (lost strength by definition)',
      input: input([{ damageType: 'fibre_breakdown', areaPercent: 10, leavesAffected: 100 }], [], 100),
      level: '一级',
      code: 'ALL_LEAVES_LOST_STRENGTH',
    },
    {
      title: '霉变 on all leaves, judged to have lost strength',
      input: input([{ damageType: '霉变', areaPercent: 10, leavesAffected: 80, lostStrength: true }], [], 80),
      level: '一级',
      code: 'ALL_LEAVES_LOST_STRENGTH',
    },
    {
      title: '老化 on all leaves, judged to have lost strength',
      input: input([{ damageType: '老化', areaPercent: 10, leavesAffected: 40, lostStrength: true }], [], 40),
      level: '一级',
      code: 'ALL_LEAVES_LOST_STRENGTH',
    },
    {
      title: '絮化 on 99 of 100 leaves is "most", not "all"',
      input: input([{ damageType: '絮化', areaPercent: 10, leavesAffected: 99 }], [], 100),
      level: '二级',
      code: 'MOST_LEAVES_LOST_STRENGTH',
    },
    {
      title: '书砖 (fused block), no extent needed',
      input: input([{ damageType: '书砖' }]),
      level: '一级',
      code: 'FUSED_BLOCK',
    },
    {
      title: '書磚 (traditional) with a small area',
      input: input([{ damageType: '書磚', areaPercent: 5 }]),
      level: '一级',
      code: 'FUSED_BLOCK',
    },
    {
      title: '粘连 that is not fused stays slight',
      input: input([{ damageType: '粘连' }]),
      level: '五级',
      code: 'DAMAGE_OBSERVED',
    },
    {
      title: '絮化 on 51 of 100 leaves (most lost strength)',
      input: input([{ damageType: 'fibre_breakdown', areaPercent: 10, leavesAffected: 51 }], [], 100),
      level: '二级',
      code: 'MOST_LEAVES_LOST_STRENGTH',
    },
    {
      title: '老化 on 60 of 100 leaves, judged to have lost strength',
      input: input(
        [{ damageType: 'ageing', areaPercent: 10, leavesAffected: 60, lostStrength: true }],
        [],
        100,
      ),
      level: '二级',
      code: 'MOST_LEAVES_LOST_STRENGTH',
    },
    {
      title: '絮化 on exactly half the leaves is not "most"',
      input: input([{ damageType: 'fibre_breakdown', areaPercent: 10, leavesAffected: 50 }], [], 100),
      level: '五级',
      code: 'AREA_BAND',
    },
    {
      title: '老化 (yellowing) on all leaves without lost strength',
      input: input([{ damageType: 'ageing', areaPercent: 10, leavesAffected: 100 }], [], 100),
      level: '五级',
      code: 'AREA_BAND',
    },
    {
      title: '霉变 on all leaves, weakened but not lost strength',
      input: input([{ damageType: 'mould', areaPercent: 10, leavesAffected: 100 }], [], 100),
      level: '三级',
      code: 'MOULD_OVER_HALF_LEAVES',
    },
    {
      title: '霉蚀 on 51 of 100 leaves',
      input: input([{ damageType: '霉蚀', areaPercent: 10, leavesAffected: 51 }], [], 100),
      level: '三级',
      code: 'MOULD_OVER_HALF_LEAVES',
    },
    {
      title: '霉变 on exactly half the leaves is not "over half"',
      input: input([{ damageType: 'mould', areaPercent: 10, leavesAffected: 50 }], [], 100),
      level: '五级',
      code: 'AREA_BAND',
    },
    {
      title: '霉变 explicitly judged not to have lost strength',
      input: input(
        [{ damageType: 'mould', areaPercent: 10, leavesAffected: 70, lostStrength: false }],
        [],
        100,
      ),
      level: '三级',
      code: 'MOULD_OVER_HALF_LEAVES',
    },
    {
      title: '书口开裂, no extent',
      input: input([{ damageType: '书口开裂' }]),
      level: '四级',
      code: 'SPLIT_FOLD_OR_SPINE',
    },
    {
      title: '书口/书脊开裂 by code with a small area',
      input: input([{ damageType: 'split_fold_spine', areaPercent: 3 }]),
      level: '四级',
      code: 'SPLIT_FOLD_OR_SPINE',
    },
    {
      title: '虫蛀 holes in 10 of 100 leaves',
      input: input([{ damageType: '虫蛀', areaPercent: 5, leavesAffected: 10 }], [], 100),
      level: '四级',
      code: 'HOLES_UNDER_HALF_LEAVES',
    },
    {
      title: '鼠啮 in 49 of 100 leaves',
      input: input([{ damageType: '鼠啮', areaPercent: 5, leavesAffected: 49 }], [], 100),
      level: '四级',
      code: 'HOLES_UNDER_HALF_LEAVES',
    },
    {
      title: '残缺 in 1 of 100 leaves (leaf share also counts as A = 1%)',
      input: input([{ damageType: '残缺', leavesAffected: 1 }], [], 100),
      level: '四级',
      code: 'HOLES_UNDER_HALF_LEAVES',
    },
    {
      title: '虫蛀 in exactly half the leaves is not "under half": the area decides',
      input: input([{ damageType: 'insect', areaPercent: 5, leavesAffected: 50 }], [], 100),
      level: '五级',
      code: 'AREA_BAND',
    },
    {
      title: '虫蛀 in no leaf',
      input: input([{ damageType: 'insect', leavesAffected: 0 }], [], 100),
      level: '五级',
      code: 'DAMAGE_OBSERVED',
    },
    {
      title: '虫蛀 with leaves but no total cannot be placed by leaves',
      input: input([{ damageType: 'insect', leavesAffected: 10 }]),
      level: '五级',
      code: 'DAMAGE_OBSERVED',
    },
    {
      title: '书皮破损 only',
      input: input([{ damageType: '书皮破损' }]),
      level: '五级',
      code: 'COVERS_ONLY',
    },
    {
      title: '书皮破损 over 80% of the cover is not leaf area',
      input: input([{ damageType: 'cover_damage', areaPercent: 80 }]),
      level: '五级',
      code: 'COVERS_ONLY',
    },
    {
      title: '书皮破损 plus a 30% tear: the tear decides',
      input: input([{ damageType: 'cover_damage' }, { damageType: '撕裂', areaPercent: 30 }]),
      level: '四级',
      code: 'AREA_BAND',
      observationIndex: 1,
    },
    {
      title: 'an observation with no extent at all',
      input: input([{ damageType: 'water_stain', location: '卷一首叶', notes: '轻微' }]),
      level: '五级',
      code: 'DAMAGE_OBSERVED',
    },
  ],
  'condition',
);

// --- 完好 ---------------------------------------------------------------------------------------------

check(
  [
    { title: 'no observation, no reading', input: input([]), level: '完好', code: null },
    { title: 'no observation, neutral paper', input: input([], [6.8, 7.1]), level: '完好', code: null },
  ],
  '完好',
);

test('完好 has no deciding rule and no reasons', (t) => {
  t.deepEqual(computeDamageLevel(input([]), RS), { level: '完好', decidingRule: null, reasons: [] });
});

// --- the most severe level wins ----------------------------------------------------------------------

check(
  [
    {
      title: 'A 30% (四级) and pH 4.2 (二级)',
      input: input([{ damageType: 'tear', areaPercent: 30 }], [4.2]),
      level: '二级',
      code: 'PH_BAND',
      phReadingIndex: 0,
    },
    {
      title: 'pH 5.2 (四级) and A 65% (一级)',
      input: input([{ damageType: 'fire', areaPercent: 65 }], [5.2]),
      level: '一级',
      code: 'AREA_BAND',
      observationIndex: 0,
    },
    {
      title: 'observations of 10% then 55%',
      input: input([
        { damageType: 'soiling', areaPercent: 10 },
        { damageType: 'water_stain', areaPercent: 55 },
      ]),
      level: '二级',
      code: 'AREA_BAND',
      observationIndex: 1,
    },
    {
      title: 'readings 5.2, 3.8, 4.7: the lowest decides',
      input: input([], [5.2, 3.8, 4.7]),
      level: '一级',
      code: 'PH_BAND',
      phReadingIndex: 1,
    },
    {
      title: 'areas are not summed: 30% + 35% stays 四级',
      input: input([
        { damageType: 'water_stain', areaPercent: 30 },
        { damageType: 'mould', areaPercent: 35 },
      ]),
      level: '四级',
      code: 'AREA_BAND',
      observationIndex: 0,
    },
    {
      title: 'split spine (四级) beats a 15% area (五级)',
      input: input([{ damageType: 'soiling', areaPercent: 15 }, { damageType: '书脊开裂' }]),
      level: '四级',
      code: 'SPLIT_FOLD_OR_SPINE',
      observationIndex: 1,
    },
    {
      title: '书砖 beats pH 4.3',
      input: input([{ damageType: 'fused_block' }], [4.3]),
      level: '一级',
      code: 'FUSED_BLOCK',
    },
    {
      title: 'a tie at 一级: the first observation is named before a reading',
      input: input([{ damageType: 'fire', areaPercent: 70 }], [3.5]),
      level: '一级',
      code: 'AREA_BAND',
      observationIndex: 0,
    },
    {
      title: 'a tie within an observation: the area band is named before a condition',
      input: input([{ damageType: 'fibre_breakdown', leavesAffected: 100 }], [], 100),
      level: '一级',
      code: 'AREA_BAND',
      observationIndex: 0,
    },
  ],
  'most severe wins',
);

test('reasons list every rule reached, most severe first', (t) => {
  const result = computeDamageLevel(
    input([{ damageType: 'tear', areaPercent: 30 }, { damageType: 'cover_damage' }], [4.2, 5.3]),
    RS,
  );
  t.deepEqual(
    result.reasons.map((r) => [r.level, r.code, r.observationIndex ?? null, r.phReadingIndex ?? null]),
    [
      ['二级', 'PH_BAND', null, 0],
      ['四级', 'AREA_BAND', 0, null],
      ['四级', 'PH_BAND', null, 1],
      ['五级', 'DAMAGE_OBSERVED', 0, null],
      ['五级', 'COVERS_ONLY', 1, null],
      ['五级', 'DAMAGE_OBSERVED', 1, null],
    ],
  );
});

test('the deciding rule describes the band and the evidence in both languages', (t) => {
  const { decidingRule } = computeDamageLevel(input([{ damageType: '水渍', areaPercent: 60.5 }]), RS);
  t.is(decidingRule?.descriptionZh, '破损面积占书叶面积 60% < A');
  t.is(decidingRule?.descriptionEn, 'damaged share of leaf area 60% < A');
  t.is(decidingRule?.evidenceZh, '第 1 条破损观察（水渍）：破损面积 60.5%');
  t.is(decidingRule?.evidenceEn, 'observation 1 (water stain): damaged area 60.5%');
  const ph = computeDamageLevel(input([], [4.2]), RS).decidingRule;
  t.is(ph?.descriptionZh, '酸度 4.0 ≤ pH < 4.5');
  t.is(ph?.evidenceEn, 'pH reading 1: pH 4.2');
});

// --- leaves affected mapped to area ------------------------------------------------------------------

check(
  [
    {
      title: '30 of 100 leaves counts as A = 30%',
      input: input([{ damageType: 'water_stain', leavesAffected: 30 }], [], 100),
      level: '四级',
      code: 'AREA_BAND',
    },
    {
      title: '61 of 100 leaves counts as A = 61%',
      input: input([{ damageType: 'water_stain', leavesAffected: 61 }], [], 100),
      level: '一级',
      code: 'AREA_BAND',
    },
    {
      title: '6 of 10 leaves counts as A = 60%',
      input: input([{ damageType: 'water_stain', leavesAffected: 6 }], [], 10),
      level: '二级',
      code: 'AREA_BAND',
    },
    {
      title: '1 of 5 leaves counts as A = 20%',
      input: input([{ damageType: 'water_stain', leavesAffected: 1 }], [], 5),
      level: '五级',
      code: 'AREA_BAND',
    },
    {
      title: 'a measured area beats the leaf count',
      input: input([{ damageType: 'water_stain', areaPercent: 10, leavesAffected: 80 }], [], 100),
      level: '五级',
      code: 'AREA_BAND',
    },
    {
      title: 'leaves without a total give no area',
      input: input([{ damageType: 'water_stain', leavesAffected: 61 }]),
      level: '五级',
      code: 'DAMAGE_OBSERVED',
    },
    {
      title: 'a rule set that does not count leaves as area',
      input: input([{ damageType: 'water_stain', leavesAffected: 61 }], [], 100),
      ruleSet: { ...RS, leavesCountAsArea: false },
      level: '五级',
      code: 'DAMAGE_OBSERVED',
    },
  ],
  'leaves as area',
);

test('the evidence says when a leaf share was counted as A', (t) => {
  const { decidingRule } = computeDamageLevel(
    input([{ damageType: 'water_stain', leavesAffected: 30 }], [], 100),
    RS,
  );
  t.is(decidingRule?.evidenceZh, '第 1 条破损观察（水渍）：受损 30/100 叶（30%），按受损叶数比例计作 A');
  t.is(
    decidingRule?.evidenceEn,
    'observation 1 (water stain): 30 of 100 leaves affected (30%), leaf share counted as A',
  );
});

test('the computation follows the rule set it is given, not a built-in table', (t) => {
  const strict: DamageRuleSet = structuredClone(RS);
  const worst = strict.levels[0];
  const next = strict.levels[1];
  if (!worst || !next) return t.fail();
  worst.areaAbove = 40;
  next.areaAbove = 30;
  next.areaAtMost = 40;
  t.is(computeDamageLevel(input([{ damageType: 'tear', areaPercent: 45 }]), strict).level, '一级');
  t.is(computeDamageLevel(input([{ damageType: 'tear', areaPercent: 45 }]), RS).level, '三级');
});

test('computeDamageLevel does not modify the rule set or the input', (t) => {
  const data = input([{ damageType: 'tear', areaPercent: 30 }], [4.2]);
  const before = structuredClone(data);
  computeDamageLevel(data, RS);
  t.deepEqual(data, before);
  t.true(Object.isFrozen(RS.levels));
});

// --- damage types ------------------------------------------------------------------------------------

test('the damage-type list covers the types of grading-condition.md, codes unique', (t) => {
  const zh = DAMAGE_TYPES.map((d) => d.zh);
  for (const name of [
    '酸化',
    '老化',
    '霉变',
    '虫蛀',
    '鼠啮',
    '水渍',
    '污渍',
    '残缺',
    '粘连',
    '撕裂',
    '絮化',
    '糟朽',
    '烬毁',
    '折痕',
    '书口/书脊开裂',
    '线断',
    '书皮破损',
    '字迹洇化/褪色',
  ]) {
    t.true(zh.includes(name), name);
  }
  t.is(new Set(DAMAGE_TYPES.map((d) => d.code)).size, DAMAGE_TYPES.length);
});

const typeInputs: Array<[string, string | undefined]> = [
  ['acidification', 'acidification'],
  ['酸化', 'acidification'],
  ['霉蚀', 'mould'],
  ['霉變', 'mould'],
  ['蟲蛀', 'insect'],
  ['缺损', 'loss'],
  ['掉渣', 'friable'],
  ['書皮破損', 'cover_damage'],
  ['字迹褪色', 'ink_bleed_fading'],
  ['綫斷', 'broken_sewing'],
  [' Mould ', 'mould'],
  ['foxing', undefined],
  ['', undefined],
];
for (const [text, code] of typeInputs) {
  test(`parseDamageType(${JSON.stringify(text)}) is ${code ?? 'unknown'}`, (t) => {
    t.is(parseDamageType(text)?.code, code);
  });
}

// --- validateAssessmentInput -------------------------------------------------------------------------

const validations: Array<{ title: string; input: unknown; issues: Array<[string, string]> }> = [
  {
    title: 'a valid assessment',
    input: {
      observations: [{ damageType: '霉变', areaPercent: 30, leavesAffected: 12, lostStrength: false }],
      phReadings: [{ value: 4.4 }],
      totalLeaves: 120,
    },
    issues: [],
  },
  { title: 'an empty assessment', input: { observations: [], phReadings: [] }, issues: [] },
  {
    title: 'pH below 0',
    input: { observations: [], phReadings: [{ value: -0.1 }] },
    issues: [['PH_OUT_OF_RANGE', 'phReadings[0].value']],
  },
  {
    title: 'pH above 14',
    input: { observations: [], phReadings: [{ value: 5 }, { value: 14.1 }] },
    issues: [['PH_OUT_OF_RANGE', 'phReadings[1].value']],
  },
  {
    title: 'pH as text',
    input: { observations: [], phReadings: [{ value: '5.2' }] },
    issues: [['PH_OUT_OF_RANGE', 'phReadings[0].value']],
  },
  {
    title: 'pH NaN',
    input: { observations: [], phReadings: [{ value: Number.NaN }] },
    issues: [['PH_OUT_OF_RANGE', 'phReadings[0].value']],
  },
  {
    title: 'area above 100 on the third observation',
    input: {
      observations: [
        { damageType: 'tear' },
        { damageType: 'tear' },
        { damageType: 'tear', areaPercent: 101 },
      ],
      phReadings: [],
    },
    issues: [['AREA_PERCENT_OUT_OF_RANGE', 'observations[2].areaPercent']],
  },
  {
    title: 'negative area',
    input: { observations: [{ damageType: 'tear', areaPercent: -1 }], phReadings: [] },
    issues: [['AREA_PERCENT_OUT_OF_RANGE', 'observations[0].areaPercent']],
  },
  {
    title: 'fractional leaves',
    input: { observations: [{ damageType: 'tear', leavesAffected: 2.5 }], phReadings: [] },
    issues: [['LEAVES_AFFECTED_INVALID', 'observations[0].leavesAffected']],
  },
  {
    title: 'negative leaves',
    input: { observations: [{ damageType: 'tear', leavesAffected: -1 }], phReadings: [] },
    issues: [['LEAVES_AFFECTED_INVALID', 'observations[0].leavesAffected']],
  },
  {
    title: 'more leaves than the item has',
    input: { observations: [{ damageType: 'tear', leavesAffected: 121 }], phReadings: [], totalLeaves: 120 },
    issues: [['LEAVES_AFFECTED_EXCEEDS_TOTAL', 'observations[0].leavesAffected']],
  },
  {
    title: 'all the leaves',
    input: { observations: [{ damageType: 'tear', leavesAffected: 120 }], phReadings: [], totalLeaves: 120 },
    issues: [],
  },
  {
    title: 'unknown damage type',
    input: { observations: [{ damageType: 'foxing' }], phReadings: [] },
    issues: [['DAMAGE_TYPE_UNKNOWN', 'observations[0].damageType']],
  },
  {
    title: 'missing damage type',
    input: { observations: [{ areaPercent: 5 }], phReadings: [] },
    issues: [['DAMAGE_TYPE_UNKNOWN', 'observations[0].damageType']],
  },
  {
    title: 'lostStrength not a boolean',
    input: { observations: [{ damageType: 'mould', lostStrength: 'yes' }], phReadings: [] },
    issues: [['LOST_STRENGTH_NOT_BOOLEAN', 'observations[0].lostStrength']],
  },
  {
    title: 'zero total leaves',
    input: { observations: [], phReadings: [], totalLeaves: 0 },
    issues: [['TOTAL_LEAVES_INVALID', 'totalLeaves']],
  },
  {
    // Beyond any book and beyond the 32-bit column: named here, not a database error.
    title: 'three billion total leaves',
    input: { observations: [], phReadings: [], totalLeaves: 3_000_000_000 },
    issues: [['TOTAL_LEAVES_INVALID', 'totalLeaves']],
  },
  {
    title: 'observations missing',
    input: { phReadings: [] },
    issues: [['OBSERVATIONS_NOT_ARRAY', 'observations']],
  },
  {
    title: 'readings missing',
    input: { observations: [] },
    issues: [['PH_READINGS_NOT_ARRAY', 'phReadings']],
  },
  { title: 'not an object', input: 'bad', issues: [['ASSESSMENT_NOT_OBJECT', '']] },
  {
    title: 'several problems at once, each with its own path',
    input: {
      observations: [{ damageType: '霉斑', areaPercent: 120, leavesAffected: -2 }],
      phReadings: [{ value: 15 }],
      totalLeaves: 10,
    },
    issues: [
      ['DAMAGE_TYPE_UNKNOWN', 'observations[0].damageType'],
      ['AREA_PERCENT_OUT_OF_RANGE', 'observations[0].areaPercent'],
      ['LEAVES_AFFECTED_INVALID', 'observations[0].leavesAffected'],
      ['PH_OUT_OF_RANGE', 'phReadings[0].value'],
    ],
  },
];
for (const row of validations) {
  test(`validateAssessmentInput: ${row.title}`, (t) => {
    const issues = validateAssessmentInput(row.input);
    t.deepEqual(
      issues.map((i) => [i.code, i.field]),
      row.issues,
    );
    for (const i of issues) {
      t.truthy(i.messageZh);
      t.truthy(i.messageEn);
    }
  });
}

test('an unknown damage type is refused with the allowed types listed', (t) => {
  const [issue] = validateAssessmentInput({ observations: [{ damageType: 'foxing' }], phReadings: [] });
  t.is(issue?.value, 'foxing');
  t.true(
    issue?.messageZh.includes('foxing') &&
      issue.messageZh.includes('霉变') &&
      issue.messageZh.includes('书皮破损'),
  );
  t.true(issue?.messageEn.includes('foxing') && issue.messageEn.includes('mould (霉变)'));
});

test('a NaN pH is shown as NaN, not as null', (t) => {
  const [issue] = validateAssessmentInput({ observations: [], phReadings: [{ value: Number.NaN }] });
  t.true(issue?.messageEn.includes('is NaN'));
});

test('an out-of-range pH names the field, the value and the rule', (t) => {
  const [issue] = validateAssessmentInput({ observations: [], phReadings: [{ value: 15 }] });
  t.is(issue?.value, 15);
  t.true(
    issue?.messageZh.includes('phReadings[0].value') &&
      issue.messageZh.includes('15') &&
      issue.messageZh.includes('0 至 14'),
  );
  t.true(
    issue?.messageEn.includes('phReadings[0].value') &&
      issue.messageEn.includes('15') &&
      issue.messageEn.includes('0 to 14'),
  );
});

// --- acidity -----------------------------------------------------------------------------------------

const acidity: Array<[number, AcidityBandCode | undefined, boolean | undefined]> = [
  [3.2, 'severe', true],
  [4.49, 'severe', true],
  [4.5, 'heavy', true],
  [4.99, 'heavy', true],
  [5.0, 'needs_deacidification', true],
  [5.59, 'needs_deacidification', true],
  [5.6, 'ok', false],
  [7.2, 'ok', false],
  [-1, undefined, undefined],
  [14.5, undefined, undefined],
  [Number.NaN, undefined, undefined],
];
for (const [ph, band, needs] of acidity) {
  test(`acidityBand(${ph}) is ${band ?? 'not a pH'}`, (t) => {
    const result = acidityBand(ph);
    t.is(result?.band, band);
    t.is(result?.needsDeacidification, needs);
    if (result) {
      t.truthy(result.labelZh);
      t.truthy(result.labelEn);
    }
  });
}

const lowest: Array<[number[], number | undefined]> = [
  [[], undefined],
  [[5.2], 5.2],
  [[5.2, 4.1, 6], 4.1],
  [[Number.NaN, 5], 5],
  [[-3, 20, 6.1], 6.1],
];
for (const [values, expected] of lowest) {
  test(`lowestPh(${JSON.stringify(values)}) is ${expected ?? 'undefined'}`, (t) => {
    t.is(lowestPh(values.map((value) => ({ value }))), expected);
  });
}
