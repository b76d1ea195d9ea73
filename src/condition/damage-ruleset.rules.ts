import { DAMAGE_LEVELS, DAMAGE_TYPE_CODES, type DamageLevel } from '../domain/damage.rules.js';
import type { RuleIssue } from '../kernel/issues.js';

// The damage-level rule set as data. The full criteria of WH/T 22-2006 were not available, so the
// project ships a default modelled on the five-step scale used in practice (grading-condition.md) and
// lets an institution replace it: everything here is plain JSON so a rule set can live in a database
// row, and validateRuleSet is the gate a replacement must pass.

/** A rule about the kind of damage rather than its area or pH; an observation meets it when every set field holds. */
export interface DamageCondition {
  /** Stable code, unique within the rule set, named as the deciding rule. */
  code: string;
  /** Damage-type codes the rule looks at; absent = any observation. */
  damageTypes?: string[];
  /** Share of the item's leaves affected (%), strictly above. */
  leafShareAbove?: number;
  /** Share of the item's leaves affected (%), at least. */
  leafShareAtLeast?: number;
  /** Share of the item's leaves affected (%), strictly below. */
  leafShareBelow?: number;
  /** Only observations whose leaves have lost strength (see DamageObservation.lostStrength). */
  requiresLostStrength?: boolean;
  descriptionZh: string;
  descriptionEn: string;
}

/** One damage level: its area band (areaAbove < A ≤ areaAtMost), pH band (phAtLeast ≤ pH < phBelow) and conditions. */
export interface DamageLevelRule {
  level: DamageLevel;
  nameZh: string;
  nameEn: string;
  areaAbove: number;
  /** Absent = up to 100%. */
  areaAtMost?: number;
  /** Absent = the level has no pH band. */
  phBelow?: number;
  /** Absent = no lower bound. */
  phAtLeast?: number;
  conditions: DamageCondition[];
}

export interface DamageRuleSet {
  version: number;
  /** Most severe first. */
  levels: DamageLevelRule[];
  /** When an observation gives leaves affected but no area, the share of leaves affected counts as A. */
  leavesCountAsArea: boolean;
  /** Damage types whose leaves have lost strength by definition, without the assessor saying so. */
  typesImplyingLostStrength: string[];
  /** Damage types measured on something other than the leaves (covers): never counted towards A. */
  areaExcludedTypes: string[];
}

const LOST_STRENGTH_TYPES = ['fibre_breakdown', 'mould', 'ageing'];

/** The project's default rule set (version 1): the table in grading-condition.md. */
export const DEFAULT_DAMAGE_RULESET: DamageRuleSet = deepFreeze({
  version: 1,
  leavesCountAsArea: true,
  // 絮化 is fibre breakdown: the paper has no strength left. Mould and ageing may only weaken it, which
  // is why they need the assessor's judgement (observation.lostStrength) to reach 一级/二级.
  typesImplyingLostStrength: ['fibre_breakdown'],
  areaExcludedTypes: ['cover_damage'],
  levels: [
    {
      level: '一级',
      nameZh: '特别严重',
      nameEn: 'critical',
      areaAbove: 60,
      phBelow: 4.0,
      conditions: [
        {
          code: 'ALL_LEAVES_LOST_STRENGTH',
          damageTypes: LOST_STRENGTH_TYPES,
          leafShareAtLeast: 100,
          requiresLostStrength: true,
          descriptionZh: '全部书叶失去强度（霉变、老化、絮化）',
          descriptionEn: 'all leaves have lost strength (mould, ageing, fibre breakdown)',
        },
        {
          code: 'FUSED_BLOCK',
          damageTypes: ['fused_block'],
          descriptionZh: '书叶粘连成砖（书砖）',
          descriptionEn: 'leaves fused into a block (书砖)',
        },
      ],
    },
    {
      level: '二级',
      nameZh: '严重',
      nameEn: 'severe',
      areaAbove: 50,
      areaAtMost: 60,
      phAtLeast: 4.0,
      phBelow: 4.5,
      conditions: [
        {
          code: 'MOST_LEAVES_LOST_STRENGTH',
          damageTypes: LOST_STRENGTH_TYPES,
          leafShareAbove: 50,
          requiresLostStrength: true,
          descriptionZh: '大部分（过半）书叶失去强度（霉变、老化、絮化）',
          descriptionEn: 'most (over half) of the leaves have lost strength (mould, ageing, fibre breakdown)',
        },
      ],
    },
    {
      level: '三级',
      nameZh: '重度',
      nameEn: 'heavy',
      areaAbove: 40,
      areaAtMost: 50,
      phAtLeast: 4.5,
      phBelow: 5.0,
      conditions: [
        {
          code: 'MOULD_OVER_HALF_LEAVES',
          damageTypes: ['mould'],
          leafShareAbove: 50,
          descriptionZh: '过半书叶因霉变而强度减弱',
          descriptionEn: 'over half the leaves weakened by mould',
        },
      ],
    },
    {
      level: '四级',
      nameZh: '中度',
      nameEn: 'moderate',
      areaAbove: 20,
      areaAtMost: 40,
      phAtLeast: 5.0,
      phBelow: 5.6,
      conditions: [
        {
          code: 'SPLIT_FOLD_OR_SPINE',
          damageTypes: ['split_fold_spine'],
          descriptionZh: '书口或书脊开裂',
          descriptionEn: 'split fold or spine',
        },
        {
          code: 'HOLES_UNDER_HALF_LEAVES',
          damageTypes: ['insect', 'rodent', 'loss'],
          leafShareAbove: 0,
          leafShareBelow: 50,
          descriptionZh: '不足半数书叶有孔洞（虫蛀、鼠啮、残缺）',
          descriptionEn: 'holes (insect, rodent, loss) in under half the leaves',
        },
      ],
    },
    {
      level: '五级',
      nameZh: '轻度',
      nameEn: 'slight',
      areaAbove: 0,
      areaAtMost: 20,
      conditions: [
        {
          code: 'COVERS_ONLY',
          damageTypes: ['cover_damage'],
          descriptionZh: '仅书皮、护叶破损',
          descriptionEn: 'only covers and fly-leaves damaged',
        },
        {
          // 完好 means "no observation", so any recorded damage is at least the slightest level, even one
          // with no extent given or an area of 0.
          code: 'DAMAGE_OBSERVED',
          descriptionZh: '有破损记录',
          descriptionEn: 'damage was observed',
        },
      ],
    },
  ],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Validation

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  // JSON would print NaN and Infinity as null, hiding the value that was refused.
  if (typeof v === 'number' || v === undefined) return String(v);
  return JSON.stringify(v) ?? String(v);
}

function issue(code: string, field: string, value: unknown, messageZh: string, messageEn: string): RuleIssue {
  return { code, field, value, messageZh, messageEn };
}

/** Reads an optional number; reports a wrong type and returns undefined for it. */
function optNumber(o: Obj, key: string, path: string, issues: RuleIssue[]): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!isNum(v)) {
    issues.push(
      issue(
        'RULESET_FIELD_TYPE',
        `${path}.${key}`,
        v,
        `${path}.${key} 为 ${show(v)}，须为数值`,
        `${path}.${key} is ${show(v)}; it must be a number`,
      ),
    );
    return undefined;
  }
  return v;
}

function inRange(v: number | undefined, lo: number, hi: number): boolean {
  return v === undefined || (v >= lo && v <= hi);
}

interface LevelBands {
  index: number;
  level: DamageLevel;
  areaAbove: number | undefined;
  areaAtMost: number;
  phAtLeast: number | undefined;
  phBelow: number | undefined;
}

/** Checks a candidate rule set (e.g. read from the database) and lists every defect; empty = usable. */
export function validateRuleSet(candidate: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!isObj(candidate)) {
    return [
      issue(
        'RULESET_NOT_OBJECT',
        '',
        candidate,
        '破损定级规则集须为对象',
        'a damage rule set must be an object',
      ),
    ];
  }

  const version = candidate['version'];
  if (!isNum(version) || !Number.isInteger(version) || version < 1) {
    issues.push(
      issue(
        'RULESET_VERSION_INVALID',
        'version',
        version,
        `规则集版本 version 为 ${show(version)}，须为正整数`,
        `version is ${show(version)}; it must be a positive integer`,
      ),
    );
  }
  if (typeof candidate['leavesCountAsArea'] !== 'boolean') {
    const v = candidate['leavesCountAsArea'];
    issues.push(
      issue(
        'RULESET_FIELD_TYPE',
        'leavesCountAsArea',
        v,
        `leavesCountAsArea 为 ${show(v)}，须为 true 或 false`,
        `leavesCountAsArea is ${show(v)}; it must be true or false`,
      ),
    );
  }
  for (const key of ['typesImplyingLostStrength', 'areaExcludedTypes']) {
    checkTypeList(candidate[key], key, issues, true);
  }

  const levels = candidate['levels'];
  if (!Array.isArray(levels)) {
    issues.push(
      issue(
        'RULESET_LEVELS_NOT_ARRAY',
        'levels',
        levels,
        'levels 须为破损等级数组',
        'levels must be an array of damage levels',
      ),
    );
    return issues;
  }

  const bands: LevelBands[] = [];
  const seenLevels = new Set<string>();
  const seenCodes = new Set<string>();
  levels.forEach((raw: unknown, i) => {
    const path = `levels[${i}]`;
    if (!isObj(raw)) {
      issues.push(issue('RULESET_FIELD_TYPE', path, raw, `${path} 须为对象`, `${path} must be an object`));
      return;
    }
    const level = raw['level'];
    if (typeof level !== 'string' || !(DAMAGE_LEVELS as readonly string[]).includes(level)) {
      issues.push(
        issue(
          'RULESET_LEVEL_UNKNOWN',
          `${path}.level`,
          level,
          `${path}.level 为 ${show(level)}，须为 ${DAMAGE_LEVELS.join('、')} 之一`,
          `${path}.level is ${show(level)}; it must be one of ${DAMAGE_LEVELS.join(', ')}`,
        ),
      );
      return;
    }
    if (seenLevels.has(level)) {
      issues.push(
        issue(
          'RULESET_LEVEL_DUPLICATE',
          `${path}.level`,
          level,
          `破损等级“${level}”重复出现，每级只能定义一次`,
          `damage level ${level} appears more than once; each level must be defined exactly once`,
        ),
      );
      return;
    }
    seenLevels.add(level);
    for (const key of ['nameZh', 'nameEn']) {
      if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '') {
        issues.push(
          issue(
            'RULESET_TEXT_MISSING',
            `${path}.${key}`,
            raw[key],
            `${path}.${key} 不能为空`,
            `${path}.${key} must be a non-empty string`,
          ),
        );
      }
    }
    bands.push(levelBands(raw, i, level as DamageLevel, path, issues));
    checkConditions(raw['conditions'], path, seenCodes, issues);
  });

  for (const level of DAMAGE_LEVELS) {
    if (!seenLevels.has(level)) {
      issues.push(
        issue(
          'RULESET_LEVEL_MISSING',
          'levels',
          level,
          `规则集缺少破损等级“${level}”；五个等级须各定义一次`,
          `the rule set lacks damage level ${level}; all five levels must be defined once`,
        ),
      );
    }
  }

  const levelOrder = bands.map((b) => DAMAGE_LEVELS.indexOf(b.level));
  if (levelOrder.some((v, k) => k > 0 && v < (levelOrder[k - 1] ?? -1))) {
    issues.push(
      issue(
        'RULESET_LEVEL_ORDER',
        'levels',
        bands.map((b) => b.level),
        `破损等级须按严重程度由重到轻排列（${DAMAGE_LEVELS.join('、')}）`,
        `levels must be listed from most to least severe (${DAMAGE_LEVELS.join(', ')})`,
      ),
    );
  }
  // Compare thresholds in severity order so a mis-ordered array is still checked band by band.
  const bySeverity = [...bands].sort(
    (a, b) => DAMAGE_LEVELS.indexOf(a.level) - DAMAGE_LEVELS.indexOf(b.level),
  );
  checkAreaBands(bySeverity, issues);
  checkPhBands(bySeverity, issues);
  return issues;
}

function checkTypeList(v: unknown, path: string, issues: RuleIssue[], required: boolean): void {
  if (v === undefined && !required) return;
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) {
    issues.push(
      issue(
        'RULESET_FIELD_TYPE',
        path,
        v,
        `${path} 须为破损类型代码数组`,
        `${path} must be an array of damage-type codes`,
      ),
    );
    return;
  }
  v.forEach((t: string, k) => {
    if (!DAMAGE_TYPE_CODES.includes(t)) {
      issues.push(
        issue(
          'RULESET_UNKNOWN_DAMAGE_TYPE',
          `${path}[${k}]`,
          t,
          `${path}[${k}] 为 ${show(t)}，不是已知的破损类型代码；可选：${DAMAGE_TYPE_CODES.join('、')}`,
          `${path}[${k}] is ${show(t)}, not a known damage-type code; allowed: ${DAMAGE_TYPE_CODES.join(', ')}`,
        ),
      );
    }
  });
}

function levelBands(
  raw: Obj,
  index: number,
  level: DamageLevel,
  path: string,
  issues: RuleIssue[],
): LevelBands {
  let areaAbove: number | undefined;
  if (!isNum(raw['areaAbove'])) {
    issues.push(
      issue(
        'RULESET_FIELD_TYPE',
        `${path}.areaAbove`,
        raw['areaAbove'],
        `${path}.areaAbove 为 ${show(raw['areaAbove'])}，须为数值`,
        `${path}.areaAbove is ${show(raw['areaAbove'])}; it must be a number`,
      ),
    );
  } else {
    areaAbove = raw['areaAbove'];
  }
  const atMostRaw = optNumber(raw, 'areaAtMost', path, issues);
  const phAtLeast = optNumber(raw, 'phAtLeast', path, issues);
  const phBelow = optNumber(raw, 'phBelow', path, issues);

  for (const [key, v] of [
    ['areaAbove', areaAbove],
    ['areaAtMost', atMostRaw],
  ] as const) {
    if (!inRange(v, 0, 100)) {
      issues.push(
        issue(
          'RULESET_AREA_OUT_OF_RANGE',
          `${path}.${key}`,
          v,
          `${path}.${key} 为 ${v}%，面积阈值须在 0 至 100 之间`,
          `${path}.${key} is ${v}%; area thresholds must lie between 0 and 100`,
        ),
      );
    }
  }
  const areaAtMost = atMostRaw ?? 100;
  if (areaAbove !== undefined && areaAbove >= areaAtMost) {
    issues.push(
      issue(
        'RULESET_AREA_BAND_EMPTY',
        `${path}.areaAtMost`,
        areaAtMost,
        `${level}的面积区间 ${areaAbove}% < A ≤ ${areaAtMost}% 为空：上限须大于下限`,
        `the area band of ${level}, ${areaAbove}% < A ≤ ${areaAtMost}%, is empty: the upper bound must exceed the lower`,
      ),
    );
  }

  for (const [key, v] of [
    ['phAtLeast', phAtLeast],
    ['phBelow', phBelow],
  ] as const) {
    if (!inRange(v, 0, 14)) {
      issues.push(
        issue(
          'RULESET_PH_OUT_OF_RANGE',
          `${path}.${key}`,
          v,
          `${path}.${key} 为 ${v}，pH 阈值须在 0 至 14 之间`,
          `${path}.${key} is ${v}; pH thresholds must lie between 0 and 14`,
        ),
      );
    }
  }
  if (phAtLeast !== undefined && phBelow === undefined) {
    issues.push(
      issue(
        'RULESET_PH_BAND_OPEN',
        `${path}.phBelow`,
        undefined,
        `${level}有 pH 下限 ${phAtLeast} 却无上限 phBelow：酸性更弱的纸张不能判为更严重的破损`,
        `${level} has a pH lower bound of ${phAtLeast} but no phBelow: less acidic paper cannot be more damaged`,
      ),
    );
  }
  if (phAtLeast !== undefined && phBelow !== undefined && phAtLeast >= phBelow) {
    issues.push(
      issue(
        'RULESET_PH_BAND_EMPTY',
        `${path}.phBelow`,
        phBelow,
        `${level}的 pH 区间 ${phAtLeast} ≤ pH < ${phBelow} 为空：上限须大于下限`,
        `the pH band of ${level}, ${phAtLeast} ≤ pH < ${phBelow}, is empty: the upper bound must exceed the lower`,
      ),
    );
  }
  return { index, level, areaAbove, areaAtMost, phAtLeast, phBelow };
}

function checkConditions(
  conditions: unknown,
  path: string,
  seenCodes: Set<string>,
  issues: RuleIssue[],
): void {
  if (!Array.isArray(conditions)) {
    issues.push(
      issue(
        'RULESET_FIELD_TYPE',
        `${path}.conditions`,
        conditions,
        `${path}.conditions 须为数组（可为空）`,
        `${path}.conditions must be an array (possibly empty)`,
      ),
    );
    return;
  }
  conditions.forEach((c: unknown, k) => {
    const cp = `${path}.conditions[${k}]`;
    if (!isObj(c)) {
      issues.push(issue('RULESET_FIELD_TYPE', cp, c, `${cp} 须为对象`, `${cp} must be an object`));
      return;
    }
    const code = c['code'];
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) {
      issues.push(
        issue(
          'RULESET_CONDITION_CODE_INVALID',
          `${cp}.code`,
          code,
          `${cp}.code 为 ${show(code)}，须为大写字母、数字和下划线组成的代码`,
          `${cp}.code is ${show(code)}; it must be an UPPER_SNAKE_CASE code`,
        ),
      );
    } else if (seenCodes.has(code) || code === 'AREA_BAND' || code === 'PH_BAND') {
      issues.push(
        issue(
          'RULESET_CONDITION_CODE_DUPLICATE',
          `${cp}.code`,
          code,
          `条件代码 ${code} 重复（或与 AREA_BAND、PH_BAND 冲突），须在规则集内唯一`,
          `condition code ${code} is used twice (or clashes with AREA_BAND/PH_BAND); codes must be unique in the rule set`,
        ),
      );
    } else {
      seenCodes.add(code);
    }
    for (const key of ['descriptionZh', 'descriptionEn']) {
      if (typeof c[key] !== 'string' || (c[key] as string).trim() === '') {
        issues.push(
          issue(
            'RULESET_TEXT_MISSING',
            `${cp}.${key}`,
            c[key],
            `${cp}.${key} 不能为空`,
            `${cp}.${key} must be a non-empty string`,
          ),
        );
      }
    }
    checkTypeList(c['damageTypes'], `${cp}.damageTypes`, issues, false);
    if (c['requiresLostStrength'] !== undefined && typeof c['requiresLostStrength'] !== 'boolean') {
      const v = c['requiresLostStrength'];
      issues.push(
        issue(
          'RULESET_FIELD_TYPE',
          `${cp}.requiresLostStrength`,
          v,
          `${cp}.requiresLostStrength 为 ${show(v)}，须为 true 或 false`,
          `${cp}.requiresLostStrength is ${show(v)}; it must be true or false`,
        ),
      );
    }
    const above = optNumber(c, 'leafShareAbove', cp, issues);
    const atLeast = optNumber(c, 'leafShareAtLeast', cp, issues);
    const below = optNumber(c, 'leafShareBelow', cp, issues);
    for (const [key, v] of [
      ['leafShareAbove', above],
      ['leafShareAtLeast', atLeast],
      ['leafShareBelow', below],
    ] as const) {
      if (!inRange(v, 0, 100)) {
        issues.push(
          issue(
            'RULESET_LEAF_SHARE_OUT_OF_RANGE',
            `${cp}.${key}`,
            v,
            `${cp}.${key} 为 ${v}%，书叶比例须在 0 至 100 之间`,
            `${cp}.${key} is ${v}%; leaf shares must lie between 0 and 100`,
          ),
        );
      }
    }
    const lower = Math.max(above ?? -Infinity, atLeast ?? -Infinity);
    if (below !== undefined && lower >= below) {
      issues.push(
        issue(
          'RULESET_LEAF_SHARE_BAND_EMPTY',
          `${cp}.leafShareBelow`,
          below,
          `${cp} 的书叶比例区间为空：下限 ${lower}% 不小于上限 ${below}%`,
          `the leaf-share band of ${cp} is empty: the lower bound ${lower}% is not below the upper bound ${below}%`,
        ),
      );
    }
  });
}

// Bands are compared pairwise down the severity scale: a less severe level must start exactly where the
// more severe one ends. An inverted pair is reported as unordered and not also as overlapping, so each
// defect is reported once.
function checkAreaBands(levels: LevelBands[], issues: RuleIssue[]): void {
  for (let k = 1; k < levels.length; k++) {
    const worse = levels[k - 1];
    const milder = levels[k];
    if (!worse || !milder || worse.areaAbove === undefined || milder.areaAbove === undefined) continue;
    const path = `levels[${milder.index}]`;
    if (milder.areaAbove >= worse.areaAbove) {
      issues.push(
        issue(
          'RULESET_AREA_THRESHOLDS_UNORDERED',
          `${path}.areaAbove`,
          milder.areaAbove,
          `面积阈值须随严重程度递减：${milder.level}的下限 ${milder.areaAbove}% 不小于${worse.level}的下限 ${worse.areaAbove}%`,
          `area thresholds must fall as severity falls: ${milder.level} starts above ${milder.areaAbove}%, not below ${worse.level}'s ${worse.areaAbove}%`,
        ),
      );
    } else if (milder.areaAtMost > worse.areaAbove) {
      issues.push(
        issue(
          'RULESET_AREA_BANDS_OVERLAP',
          `${path}.areaAtMost`,
          milder.areaAtMost,
          `面积区间重叠：${milder.level}的上限 ${milder.areaAtMost}% 超过${worse.level}的下限 ${worse.areaAbove}%`,
          `area bands overlap: ${milder.level} reaches ${milder.areaAtMost}%, above where ${worse.level} starts (${worse.areaAbove}%)`,
        ),
      );
    } else if (milder.areaAtMost < worse.areaAbove) {
      issues.push(
        issue(
          'RULESET_AREA_BANDS_GAP',
          `${path}.areaAtMost`,
          milder.areaAtMost,
          `面积区间有缺口：${milder.level}止于 ${milder.areaAtMost}%，${worse.level}始于 ${worse.areaAbove}% 以上`,
          `area bands leave a gap: ${milder.level} ends at ${milder.areaAtMost}% but ${worse.level} starts above ${worse.areaAbove}%`,
        ),
      );
    }
  }
}

function checkPhBands(levels: LevelBands[], issues: RuleIssue[]): void {
  // Levels without a pH band (五级 in the default) are skipped; the rest must tile the scale upwards.
  const withPh = levels.filter((b) => b.phBelow !== undefined);
  for (let k = 1; k < withPh.length; k++) {
    const worse = withPh[k - 1];
    const milder = withPh[k];
    if (!worse || !milder || worse.phBelow === undefined || milder.phBelow === undefined) continue;
    const path = `levels[${milder.index}]`;
    if (milder.phBelow <= worse.phBelow) {
      issues.push(
        issue(
          'RULESET_PH_THRESHOLDS_UNORDERED',
          `${path}.phBelow`,
          milder.phBelow,
          `pH 阈值须随严重程度递增：${milder.level}的上限 pH < ${milder.phBelow} 不大于${worse.level}的 pH < ${worse.phBelow}`,
          `pH thresholds must rise as severity falls: ${milder.level}'s pH < ${milder.phBelow} is not above ${worse.level}'s pH < ${worse.phBelow}`,
        ),
      );
    } else if (milder.phAtLeast === undefined || milder.phAtLeast < worse.phBelow) {
      issues.push(
        issue(
          'RULESET_PH_BANDS_OVERLAP',
          `${path}.phAtLeast`,
          milder.phAtLeast,
          `pH 区间重叠：${milder.level}的下限 ${milder.phAtLeast ?? '（无）'} 低于${worse.level}的上限 ${worse.phBelow}`,
          `pH bands overlap: ${milder.level} starts at ${milder.phAtLeast ?? '(no lower bound)'}, below where ${worse.level} ends (${worse.phBelow})`,
        ),
      );
    } else if (milder.phAtLeast > worse.phBelow) {
      issues.push(
        issue(
          'RULESET_PH_BANDS_GAP',
          `${path}.phAtLeast`,
          milder.phAtLeast,
          `pH 区间有缺口：${worse.level}止于 pH < ${worse.phBelow}，${milder.level}始于 ${milder.phAtLeast}`,
          `pH bands leave a gap: ${worse.level} ends below ${worse.phBelow} but ${milder.level} starts at ${milder.phAtLeast}`,
        ),
      );
    }
  }
}
