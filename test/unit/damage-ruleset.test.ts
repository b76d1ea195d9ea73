import test from 'ava';
import type { DamageLevel } from '../../src/domain/damage.rules.js';
import {
  DEFAULT_DAMAGE_RULESET,
  validateRuleSet,
  type DamageRuleSet,
} from '../../src/condition/damage-ruleset.rules.js';

// Rule sets arrive from a database row, so the broken ones are built as loose JSON.
type Loose = Record<string, any>;

function broken(edit: (rs: Loose) => void): Loose {
  const rs = structuredClone(DEFAULT_DAMAGE_RULESET) as unknown as Loose;
  edit(rs);
  return rs;
}

test('the default rule set passes validation', (t) => {
  t.deepEqual(validateRuleSet(DEFAULT_DAMAGE_RULESET), []);
});

test('the default rule set survives a JSON round trip unchanged and still valid', (t) => {
  const copy: unknown = JSON.parse(JSON.stringify(DEFAULT_DAMAGE_RULESET));
  t.deepEqual(copy, DEFAULT_DAMAGE_RULESET);
  t.deepEqual(validateRuleSet(copy), []);
});

test('the default rule set is frozen so no caller can change it for everyone', (t) => {
  t.true(Object.isFrozen(DEFAULT_DAMAGE_RULESET));
  t.true(Object.isFrozen(DEFAULT_DAMAGE_RULESET.levels[0]?.conditions[0]));
  t.is(DEFAULT_DAMAGE_RULESET.version, 1);
  t.true(DEFAULT_DAMAGE_RULESET.leavesCountAsArea);
});

// The table in grading-condition.md, level by level.
const table: Array<{
  level: DamageLevel;
  nameZh: string;
  areaAbove: number;
  areaAtMost?: number;
  phAtLeast?: number;
  phBelow?: number;
  conditions: string[];
}> = [
  {
    level: '一级',
    nameZh: '特别严重',
    areaAbove: 60,
    phBelow: 4.0,
    conditions: ['ALL_LEAVES_LOST_STRENGTH', 'FUSED_BLOCK'],
  },
  {
    level: '二级',
    nameZh: '严重',
    areaAbove: 50,
    areaAtMost: 60,
    phAtLeast: 4.0,
    phBelow: 4.5,
    conditions: ['MOST_LEAVES_LOST_STRENGTH'],
  },
  {
    level: '三级',
    nameZh: '重度',
    areaAbove: 40,
    areaAtMost: 50,
    phAtLeast: 4.5,
    phBelow: 5.0,
    conditions: ['MOULD_OVER_HALF_LEAVES'],
  },
  {
    level: '四级',
    nameZh: '中度',
    areaAbove: 20,
    areaAtMost: 40,
    phAtLeast: 5.0,
    phBelow: 5.6,
    conditions: ['SPLIT_FOLD_OR_SPINE', 'HOLES_UNDER_HALF_LEAVES'],
  },
  {
    level: '五级',
    nameZh: '轻度',
    areaAbove: 0,
    areaAtMost: 20,
    conditions: ['COVERS_ONLY', 'DAMAGE_OBSERVED'],
  },
];
table.forEach((row, i) => {
  test(`default rule set encodes ${row.level}破损 (${row.nameZh}) as in the standard`, (t) => {
    const level = DEFAULT_DAMAGE_RULESET.levels[i];
    t.is(level?.level, row.level);
    t.is(level?.nameZh, row.nameZh);
    t.is(level?.areaAbove, row.areaAbove);
    t.is(level?.areaAtMost, row.areaAtMost);
    t.is(level?.phAtLeast, row.phAtLeast);
    t.is(level?.phBelow, row.phBelow);
    t.deepEqual(
      level?.conditions.map((c) => c.code),
      row.conditions,
    );
    for (const c of level?.conditions ?? []) {
      t.truthy(c.descriptionZh);
      t.truthy(c.descriptionEn);
    }
  });
});

test('a consistent replacement rule set with other thresholds passes', (t) => {
  const custom: DamageRuleSet = structuredClone(DEFAULT_DAMAGE_RULESET);
  custom.version = 2;
  const [l1, l2, l3, l4, l5] = custom.levels;
  if (!l1 || !l2 || !l3 || !l4 || !l5) return t.fail();
  Object.assign(l1, { areaAbove: 70, phBelow: 3.5 });
  Object.assign(l2, { areaAbove: 55, areaAtMost: 70, phAtLeast: 3.5, phBelow: 4.5 });
  Object.assign(l3, { areaAbove: 35, areaAtMost: 55 });
  Object.assign(l4, { areaAbove: 10, areaAtMost: 35 });
  Object.assign(l5, { areaAtMost: 10 });
  custom.leavesCountAsArea = false;
  t.deepEqual(validateRuleSet(custom), []);
});

const rows: Array<{ title: string; candidate: unknown; code: string; field?: string }> = [
  { title: 'not an object', candidate: null, code: 'RULESET_NOT_OBJECT' },
  { title: 'an array', candidate: [], code: 'RULESET_NOT_OBJECT' },
  {
    title: 'version 0',
    candidate: broken((rs) => (rs['version'] = 0)),
    code: 'RULESET_VERSION_INVALID',
    field: 'version',
  },
  {
    title: 'version 1.5',
    candidate: broken((rs) => (rs['version'] = 1.5)),
    code: 'RULESET_VERSION_INVALID',
    field: 'version',
  },
  {
    title: 'version as text',
    candidate: broken((rs) => (rs['version'] = '1')),
    code: 'RULESET_VERSION_INVALID',
    field: 'version',
  },
  {
    title: 'version missing',
    candidate: broken((rs) => delete rs['version']),
    code: 'RULESET_VERSION_INVALID',
    field: 'version',
  },
  {
    title: 'leavesCountAsArea missing',
    candidate: broken((rs) => delete rs['leavesCountAsArea']),
    code: 'RULESET_FIELD_TYPE',
    field: 'leavesCountAsArea',
  },
  {
    title: 'levels not an array',
    candidate: broken((rs) => (rs['levels'] = {})),
    code: 'RULESET_LEVELS_NOT_ARRAY',
    field: 'levels',
  },
  {
    title: 'missing level 三级',
    candidate: broken((rs) => rs['levels'].splice(2, 1)),
    code: 'RULESET_LEVEL_MISSING',
    field: 'levels',
  },
  {
    title: 'no levels at all',
    candidate: broken((rs) => (rs['levels'] = [])),
    code: 'RULESET_LEVEL_MISSING',
    field: 'levels',
  },
  {
    title: 'level 二级 twice',
    candidate: broken((rs) => (rs['levels'][2].level = '二级')),
    code: 'RULESET_LEVEL_DUPLICATE',
    field: 'levels[2].level',
  },
  {
    title: 'unknown level 六级',
    candidate: broken((rs) => rs['levels'].push({ ...rs['levels'][4], level: '六级' })),
    code: 'RULESET_LEVEL_UNKNOWN',
    field: 'levels[5].level',
  },
  {
    title: 'levels listed out of severity order',
    candidate: broken((rs) => rs['levels'].reverse()),
    code: 'RULESET_LEVEL_ORDER',
    field: 'levels',
  },
  {
    title: 'area thresholds not decreasing (二级 above 一级)',
    candidate: broken((rs) => Object.assign(rs['levels'][1], { areaAbove: 70, areaAtMost: 80 })),
    code: 'RULESET_AREA_THRESHOLDS_UNORDERED',
    field: 'levels[1].areaAbove',
  },
  {
    title: 'equal area thresholds',
    candidate: broken((rs) => Object.assign(rs['levels'][3], { areaAbove: 40 })),
    code: 'RULESET_AREA_THRESHOLDS_UNORDERED',
    field: 'levels[3].areaAbove',
  },
  {
    title: 'overlapping area bands (二级 up to 65%, 一级 from 60%)',
    candidate: broken((rs) => (rs['levels'][1].areaAtMost = 65)),
    code: 'RULESET_AREA_BANDS_OVERLAP',
    field: 'levels[1].areaAtMost',
  },
  {
    title: 'a gap between area bands (二级 up to 55%, 一级 from 60%)',
    candidate: broken((rs) => (rs['levels'][1].areaAtMost = 55)),
    code: 'RULESET_AREA_BANDS_GAP',
    field: 'levels[1].areaAtMost',
  },
  {
    title: 'negative area',
    candidate: broken((rs) => (rs['levels'][4].areaAbove = -1)),
    code: 'RULESET_AREA_OUT_OF_RANGE',
    field: 'levels[4].areaAbove',
  },
  {
    title: 'area above 100',
    candidate: broken((rs) => (rs['levels'][0].areaAtMost = 120)),
    code: 'RULESET_AREA_OUT_OF_RANGE',
    field: 'levels[0].areaAtMost',
  },
  {
    title: 'empty area band',
    candidate: broken((rs) => (rs['levels'][4].areaAtMost = 0)),
    code: 'RULESET_AREA_BAND_EMPTY',
    field: 'levels[4].areaAtMost',
  },
  {
    title: 'area threshold as text',
    candidate: broken((rs) => (rs['levels'][2].areaAbove = '40')),
    code: 'RULESET_FIELD_TYPE',
    field: 'levels[2].areaAbove',
  },
  {
    title: 'pH above 14',
    candidate: broken((rs) => (rs['levels'][3].phBelow = 15)),
    code: 'RULESET_PH_OUT_OF_RANGE',
    field: 'levels[3].phBelow',
  },
  {
    title: 'negative pH',
    candidate: broken((rs) => (rs['levels'][1].phAtLeast = -1)),
    code: 'RULESET_PH_OUT_OF_RANGE',
    field: 'levels[1].phAtLeast',
  },
  {
    title: 'pH thresholds not increasing (三级 below 二级)',
    candidate: broken((rs) => Object.assign(rs['levels'][2], { phAtLeast: 3.8, phBelow: 4.2 })),
    code: 'RULESET_PH_THRESHOLDS_UNORDERED',
    field: 'levels[2].phBelow',
  },
  {
    title: 'overlapping pH bands',
    candidate: broken((rs) => (rs['levels'][2].phAtLeast = 4.4)),
    code: 'RULESET_PH_BANDS_OVERLAP',
    field: 'levels[2].phAtLeast',
  },
  {
    title: 'a milder pH band with no lower bound overlaps',
    candidate: broken((rs) => delete rs['levels'][3].phAtLeast),
    code: 'RULESET_PH_BANDS_OVERLAP',
    field: 'levels[3].phAtLeast',
  },
  {
    title: 'a gap between pH bands',
    candidate: broken((rs) => (rs['levels'][2].phAtLeast = 4.6)),
    code: 'RULESET_PH_BANDS_GAP',
    field: 'levels[2].phAtLeast',
  },
  {
    title: 'a pH band open above',
    candidate: broken((rs) => (rs['levels'][4].phAtLeast = 5.6)),
    code: 'RULESET_PH_BAND_OPEN',
    field: 'levels[4].phBelow',
  },
  {
    title: 'an empty pH band',
    candidate: broken((rs) => (rs['levels'][3].phAtLeast = 5.6)),
    code: 'RULESET_PH_BAND_EMPTY',
    field: 'levels[3].phBelow',
  },
  {
    title: 'missing level name',
    candidate: broken((rs) => (rs['levels'][0].nameEn = '')),
    code: 'RULESET_TEXT_MISSING',
    field: 'levels[0].nameEn',
  },
  {
    title: 'duplicate condition code',
    candidate: broken((rs) => (rs['levels'][3].conditions[1].code = 'SPLIT_FOLD_OR_SPINE')),
    code: 'RULESET_CONDITION_CODE_DUPLICATE',
    field: 'levels[3].conditions[1].code',
  },
  {
    title: 'condition code clashing with AREA_BAND',
    candidate: broken((rs) => (rs['levels'][2].conditions[0].code = 'AREA_BAND')),
    code: 'RULESET_CONDITION_CODE_DUPLICATE',
    field: 'levels[2].conditions[0].code',
  },
  {
    title: 'condition code not UPPER_SNAKE',
    candidate: broken((rs) => (rs['levels'][2].conditions[0].code = 'mould')),
    code: 'RULESET_CONDITION_CODE_INVALID',
    field: 'levels[2].conditions[0].code',
  },
  {
    title: 'condition with an unknown damage type',
    candidate: broken((rs) => rs['levels'][2].conditions[0].damageTypes.push('foxing')),
    code: 'RULESET_UNKNOWN_DAMAGE_TYPE',
    field: 'levels[2].conditions[0].damageTypes[1]',
  },
  {
    title: 'unknown type in areaExcludedTypes',
    candidate: broken((rs) => (rs['areaExcludedTypes'] = ['covers'])),
    code: 'RULESET_UNKNOWN_DAMAGE_TYPE',
    field: 'areaExcludedTypes[0]',
  },
  {
    title: 'leaf share above 100',
    candidate: broken((rs) => (rs['levels'][0].conditions[0].leafShareAtLeast = 101)),
    code: 'RULESET_LEAF_SHARE_OUT_OF_RANGE',
    field: 'levels[0].conditions[0].leafShareAtLeast',
  },
  {
    title: 'empty leaf-share band',
    candidate: broken((rs) => (rs['levels'][3].conditions[1].leafShareAbove = 50)),
    code: 'RULESET_LEAF_SHARE_BAND_EMPTY',
    field: 'levels[3].conditions[1].leafShareBelow',
  },
  {
    title: 'condition without a description',
    candidate: broken((rs) => delete rs['levels'][1].conditions[0].descriptionZh),
    code: 'RULESET_TEXT_MISSING',
    field: 'levels[1].conditions[0].descriptionZh',
  },
  {
    title: 'conditions not an array',
    candidate: broken((rs) => (rs['levels'][1].conditions = null)),
    code: 'RULESET_FIELD_TYPE',
    field: 'levels[1].conditions',
  },
];
for (const row of rows) {
  test(`validateRuleSet refuses ${row.title} with ${row.code}`, (t) => {
    const issues = validateRuleSet(row.candidate);
    const hit = issues.find((i) => i.code === row.code && (row.field === undefined || i.field === row.field));
    t.truthy(hit, `got ${JSON.stringify(issues.map((i) => [i.code, i.field]))}`);
    for (const i of issues) {
      t.truthy(i.messageZh);
      t.truthy(i.messageEn);
    }
  });
}

test('an inverted pair of area thresholds is reported once, as unordered', (t) => {
  const issues = validateRuleSet(
    broken((rs) => Object.assign(rs['levels'][1], { areaAbove: 70, areaAtMost: 80 })),
  );
  t.deepEqual(
    issues.filter((i) => i.field.startsWith('levels[1]')).map((i) => i.code),
    ['RULESET_AREA_THRESHOLDS_UNORDERED'],
  );
});

test('every missing level is named', (t) => {
  const issues = validateRuleSet(broken((rs) => (rs['levels'] = rs['levels'].slice(0, 2))));
  t.deepEqual(
    issues.filter((i) => i.code === 'RULESET_LEVEL_MISSING').map((i) => i.value),
    ['三级', '四级', '五级'],
  );
});

test('an overlap message names both levels and both thresholds', (t) => {
  const issue = validateRuleSet(broken((rs) => (rs['levels'][1].areaAtMost = 65))).find(
    (i) => i.code === 'RULESET_AREA_BANDS_OVERLAP',
  );
  t.true(
    issue?.messageZh.includes('二级') &&
      issue.messageZh.includes('一级') &&
      issue.messageZh.includes('65') &&
      issue.messageZh.includes('60'),
  );
  t.true(
    issue?.messageEn.includes('二级') && issue.messageEn.includes('65%') && issue.messageEn.includes('60%'),
  );
});
