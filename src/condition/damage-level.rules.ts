import type { DamageCondition, DamageLevelRule, DamageRuleSet } from './damage-ruleset.rules.js';
import { MAX_LEAVES } from '../domain/leaves.rules.js';
import {
  DAMAGE_LEVELS,
  DAMAGE_TYPES,
  parseDamageType,
  type ConditionLevel,
  type DamageLevel,
} from '../domain/damage.rules.js';
import type { RuleIssue } from '../kernel/issues.js';

// Condition assessment (破损定级): input validation and the computation of the damage level from
// observations and pH readings with a replaceable rule set (shared/domain/grading-condition.md). The
// vocabulary (levels, damage types, acidity bands) is shared: src/domain/damage.rules.ts. The rule set
// lives in damage-ruleset.rules.ts and imports only that vocabulary; this file only imports its types.

// ---------------------------------------------------------------------------------------------------
// Input

export interface DamageObservation {
  damageType: string;
  /** Damaged share of leaf area, 0–100. */
  areaPercent?: number;
  /** Number of leaves (叶) affected. */
  leavesAffected?: number;
  /**
   * The assessor's judgement that the affected leaves have lost their strength (tear or crumble under
   * handling). The standard tells "lost strength" (一级/二级) from "weakened by mould" (三级) and only the
   * assessor can see the difference; types listed in the rule set's typesImplyingLostStrength count as
   * lost strength without it.
   */
  lostStrength?: boolean;
  location?: string;
  notes?: string;
}

export interface PhReading {
  value: number;
}

export interface AssessmentInput {
  observations: DamageObservation[];
  phReadings: PhReading[];
  /** Leaves (叶) in the item; needed to turn leavesAffected into a share. */
  totalLeaves?: number;
}

const ALLOWED_TYPES_ZH = DAMAGE_TYPES.map((t) => t.zh).join('、');
const ALLOWED_TYPES_EN = DAMAGE_TYPES.map((t) => `${t.code} (${t.zh})`).join(', ');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  // JSON would print NaN and Infinity as null, hiding the value that was refused.
  if (typeof v === 'number' || v === undefined) return String(v);
  return JSON.stringify(v) ?? String(v);
}

/** Checks an assessment's observations and pH readings; each problem names its field path. */
export function validateAssessmentInput(input: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!isRecord(input)) {
    return [
      {
        code: 'ASSESSMENT_NOT_OBJECT',
        field: '',
        value: input,
        messageZh: '破损评估须为对象，包含 observations 与 phReadings',
        messageEn: 'the assessment must be an object with observations and phReadings',
      },
    ];
  }

  const totalLeaves = input['totalLeaves'];
  const totalKnown =
    isFiniteNumber(totalLeaves) &&
    Number.isInteger(totalLeaves) &&
    totalLeaves >= 1 &&
    totalLeaves <= MAX_LEAVES;
  if (totalLeaves !== undefined && totalLeaves !== null && !totalKnown) {
    issues.push({
      code: 'TOTAL_LEAVES_INVALID',
      field: 'totalLeaves',
      value: totalLeaves,
      messageZh: `总叶数 totalLeaves 为 ${show(totalLeaves)}，须为 1 至 ${MAX_LEAVES} 的整数`,
      messageEn: `totalLeaves is ${show(totalLeaves)}; it must be a whole number from 1 to ${MAX_LEAVES}`,
    });
  }

  const observations = input['observations'];
  if (!Array.isArray(observations)) {
    issues.push({
      code: 'OBSERVATIONS_NOT_ARRAY',
      field: 'observations',
      value: observations,
      messageZh: '破损观察 observations 须为数组（无破损时为空数组）',
      messageEn: 'observations must be an array (empty when nothing is damaged)',
    });
  } else {
    observations.forEach((obs: unknown, i) =>
      issues.push(
        ...observationIssues(obs, `observations[${i}]`, totalKnown ? (totalLeaves as number) : undefined),
      ),
    );
  }

  const readings = input['phReadings'];
  if (!Array.isArray(readings)) {
    issues.push({
      code: 'PH_READINGS_NOT_ARRAY',
      field: 'phReadings',
      value: readings,
      messageZh: 'pH 读数 phReadings 须为数组（未测时为空数组）',
      messageEn: 'phReadings must be an array (empty when nothing was measured)',
    });
  } else {
    readings.forEach((r: unknown, i) => {
      const value = isRecord(r) ? r['value'] : r;
      if (!isFiniteNumber(value) || value < 0 || value > 14) {
        issues.push({
          code: 'PH_OUT_OF_RANGE',
          field: `phReadings[${i}].value`,
          value,
          messageZh: `pH 读数 phReadings[${i}].value 为 ${show(value)}，须为 0 至 14 之间的数`,
          messageEn: `pH reading phReadings[${i}].value is ${show(value)}; pH must be a number from 0 to 14`,
        });
      }
    });
  }
  return issues;
}

function observationIssues(obs: unknown, path: string, totalLeaves: number | undefined): RuleIssue[] {
  if (!isRecord(obs)) {
    return [
      {
        code: 'OBSERVATION_NOT_OBJECT',
        field: path,
        value: obs,
        messageZh: `破损观察 ${path} 须为对象`,
        messageEn: `observation ${path} must be an object`,
      },
    ];
  }
  const issues: RuleIssue[] = [];
  const type = obs['damageType'];
  if (typeof type !== 'string' || parseDamageType(type) === undefined) {
    issues.push({
      code: 'DAMAGE_TYPE_UNKNOWN',
      field: `${path}.damageType`,
      value: type,
      messageZh: `破损类型 ${path}.damageType 为 ${show(type)}，不在类型表中；可选：${ALLOWED_TYPES_ZH}`,
      messageEn: `damage type ${path}.damageType is ${show(type)}, not a known type; allowed: ${ALLOWED_TYPES_EN}`,
    });
  }
  const area = obs['areaPercent'];
  if (area !== undefined && area !== null && (!isFiniteNumber(area) || area < 0 || area > 100)) {
    issues.push({
      code: 'AREA_PERCENT_OUT_OF_RANGE',
      field: `${path}.areaPercent`,
      value: area,
      messageZh: `破损面积 ${path}.areaPercent 为 ${show(area)}，须为 0 至 100 之间的百分数`,
      messageEn: `damaged area ${path}.areaPercent is ${show(area)}; it must be a percentage from 0 to 100`,
    });
  }
  const leaves = obs['leavesAffected'];
  if (leaves !== undefined && leaves !== null) {
    if (!isFiniteNumber(leaves) || !Number.isInteger(leaves) || leaves < 0) {
      issues.push({
        code: 'LEAVES_AFFECTED_INVALID',
        field: `${path}.leavesAffected`,
        value: leaves,
        messageZh: `受损叶数 ${path}.leavesAffected 为 ${show(leaves)}，须为不小于 0 的整数`,
        messageEn: `leaves affected ${path}.leavesAffected is ${show(leaves)}; it must be a whole number of at least 0`,
      });
    } else if (totalLeaves !== undefined && leaves > totalLeaves) {
      issues.push({
        code: 'LEAVES_AFFECTED_EXCEEDS_TOTAL',
        field: `${path}.leavesAffected`,
        value: leaves,
        messageZh: `受损叶数 ${path}.leavesAffected 为 ${leaves}，超过总叶数 ${totalLeaves}`,
        messageEn: `leaves affected ${path}.leavesAffected is ${leaves}, more than the item's ${totalLeaves} leaves`,
      });
    }
  }
  const lost = obs['lostStrength'];
  if (lost !== undefined && lost !== null && typeof lost !== 'boolean') {
    issues.push({
      code: 'LOST_STRENGTH_NOT_BOOLEAN',
      field: `${path}.lostStrength`,
      value: lost,
      messageZh: `${path}.lostStrength 为 ${show(lost)}，须为 true 或 false`,
      messageEn: `${path}.lostStrength is ${show(lost)}; it must be true or false`,
    });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// Computation

/** One rule that an observation or a pH reading reached. */
export interface MatchedRule {
  level: DamageLevel;
  /** AREA_BAND, PH_BAND, or the code of a condition in the rule set. */
  code: string;
  /** The rule, as written in the rule set (area and pH bands are described from their thresholds). */
  descriptionZh: string;
  descriptionEn: string;
  /** What in the input met the rule. */
  evidenceZh: string;
  evidenceEn: string;
  observationIndex?: number;
  phReadingIndex?: number;
}

export interface DamageLevelResult {
  level: ConditionLevel;
  /** The rule that decided the level; null for 完好. */
  decidingRule: MatchedRule | null;
  /** Every rule reached, most severe first, then in input order. */
  reasons: MatchedRule[];
}

function severity(level: DamageLevel): number {
  return DAMAGE_LEVELS.indexOf(level);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function fmtPh(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

function areaBandText(rule: DamageLevelRule): { zh: string; en: string } {
  const upper = rule.areaAtMost === undefined || rule.areaAtMost >= 100 ? '' : ` ≤ ${fmt(rule.areaAtMost)}%`;
  const band = `${fmt(rule.areaAbove)}% < A${upper}`;
  return { zh: `破损面积占书叶面积 ${band}`, en: `damaged share of leaf area ${band}` };
}

function phBandText(rule: DamageLevelRule): { zh: string; en: string } {
  const lower = rule.phAtLeast === undefined ? '' : `${fmtPh(rule.phAtLeast)} ≤ `;
  const band = `${lower}pH < ${fmtPh(rule.phBelow ?? 14)}`;
  return { zh: `酸度 ${band}`, en: `acidity ${band}` };
}

function inAreaBand(a: number, rule: DamageLevelRule): boolean {
  return a > rule.areaAbove && (rule.areaAtMost === undefined || a <= rule.areaAtMost);
}

function inPhBand(ph: number, rule: DamageLevelRule): boolean {
  // A band needs an upper bound: "pH ≥ x" alone would make less acidic paper more damaged.
  if (rule.phBelow === undefined) return false;
  return ph < rule.phBelow && (rule.phAtLeast === undefined || ph >= rule.phAtLeast);
}

interface ObservationFacts {
  typeCode: string | undefined;
  typeLabel: string;
  /** A for this observation, with how it was obtained; undefined when unknown or not leaf damage. */
  area: { value: number; fromLeaves: boolean } | undefined;
  leafShare: number | undefined;
  lostStrength: boolean;
}

function factsOf(
  obs: DamageObservation,
  totalLeaves: number | undefined,
  ruleSet: DamageRuleSet,
): ObservationFacts {
  const type = parseDamageType(obs.damageType);
  const typeCode = type?.code;
  const leafShare =
    isFiniteNumber(obs.leavesAffected) && isFiniteNumber(totalLeaves) && totalLeaves > 0
      ? (obs.leavesAffected / totalLeaves) * 100
      : undefined;
  // Damage to covers is measured on the cover, not on the leaves, so it never counts towards A.
  const countsAsLeafArea = typeCode === undefined || !ruleSet.areaExcludedTypes.includes(typeCode);
  let area: ObservationFacts['area'];
  if (countsAsLeafArea) {
    // A measured area beats a leaf count: the count says how many leaves, not how much of each.
    if (isFiniteNumber(obs.areaPercent)) area = { value: obs.areaPercent, fromLeaves: false };
    else if (leafShare !== undefined && ruleSet.leavesCountAsArea)
      area = { value: leafShare, fromLeaves: true };
  }
  const lostStrength =
    obs.lostStrength ?? (typeCode !== undefined && ruleSet.typesImplyingLostStrength.includes(typeCode));
  return { typeCode, typeLabel: type?.zh ?? obs.damageType, area, leafShare, lostStrength };
}

function conditionMatches(cond: DamageCondition, facts: ObservationFacts): boolean {
  if (
    cond.damageTypes !== undefined &&
    (facts.typeCode === undefined || !cond.damageTypes.includes(facts.typeCode))
  ) {
    return false;
  }
  if (cond.requiresLostStrength === true && !facts.lostStrength) return false;
  const needsShare =
    cond.leafShareAbove !== undefined ||
    cond.leafShareAtLeast !== undefined ||
    cond.leafShareBelow !== undefined;
  if (!needsShare) return true;
  const s = facts.leafShare;
  if (s === undefined) return false;
  if (cond.leafShareAbove !== undefined && !(s > cond.leafShareAbove)) return false;
  if (cond.leafShareAtLeast !== undefined && !(s >= cond.leafShareAtLeast)) return false;
  if (cond.leafShareBelow !== undefined && !(s < cond.leafShareBelow)) return false;
  return true;
}

function observationEvidence(
  i: number,
  obs: DamageObservation,
  facts: ObservationFacts,
  totalLeaves: number | undefined,
) {
  const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
  if (facts.area && !facts.area.fromLeaves) {
    parts.zh.push(`破损面积 ${fmt(facts.area.value)}%`);
    parts.en.push(`damaged area ${fmt(facts.area.value)}%`);
  }
  if (facts.leafShare !== undefined) {
    parts.zh.push(`受损 ${obs.leavesAffected}/${totalLeaves} 叶（${fmt(facts.leafShare)}%）`);
    parts.en.push(`${obs.leavesAffected} of ${totalLeaves} leaves affected (${fmt(facts.leafShare)}%)`);
    if (facts.area?.fromLeaves) {
      parts.zh.push('按受损叶数比例计作 A');
      parts.en.push('leaf share counted as A');
    }
  }
  if (facts.lostStrength) {
    parts.zh.push('书叶已失去强度');
    parts.en.push('leaves have lost strength');
  }
  const zhTail = parts.zh.length ? `：${parts.zh.join('，')}` : '';
  const enTail = parts.en.length ? `: ${parts.en.join(', ')}` : '';
  return {
    // The person reads "observation 1", not the request's field path.
    evidenceZh: `第 ${i + 1} 条破损观察（${facts.typeLabel}）${zhTail}`,
    evidenceEn: `observation ${i + 1} (${parseDamageType(obs.damageType)?.en ?? obs.damageType})${enTail}`,
  };
}

/**
 * Computes the damage level: every observation and pH reading is checked against every level; the most
 * severe level reached decides.
 */
export function computeDamageLevel(input: AssessmentInput, ruleSet: DamageRuleSet): DamageLevelResult {
  // Checking each observation's own area against the bands is the same as taking A = the largest
  // observed area. The areas are not summed: observations of different types (mould, water stain,
  // insect holes) usually cover the same leaves, so a sum would double count and could pass 100%.
  const levels = [...ruleSet.levels].sort((a, b) => severity(a.level) - severity(b.level));
  const reasons: MatchedRule[] = [];

  input.observations.forEach((obs, i) => {
    const facts = factsOf(obs, input.totalLeaves, ruleSet);
    const evidence = observationEvidence(i, obs, facts, input.totalLeaves);
    for (const rule of levels) {
      if (facts.area !== undefined && inAreaBand(facts.area.value, rule)) {
        const text = areaBandText(rule);
        reasons.push({
          level: rule.level,
          code: 'AREA_BAND',
          descriptionZh: text.zh,
          descriptionEn: text.en,
          ...evidence,
          observationIndex: i,
        });
      }
      for (const cond of rule.conditions) {
        if (!conditionMatches(cond, facts)) continue;
        reasons.push({
          level: rule.level,
          code: cond.code,
          descriptionZh: cond.descriptionZh,
          descriptionEn: cond.descriptionEn,
          ...evidence,
          observationIndex: i,
        });
      }
    }
  });

  input.phReadings.forEach((reading, j) => {
    if (!isFiniteNumber(reading.value)) return;
    for (const rule of levels) {
      if (!inPhBand(reading.value, rule)) continue;
      const text = phBandText(rule);
      reasons.push({
        level: rule.level,
        code: 'PH_BAND',
        descriptionZh: text.zh,
        descriptionEn: text.en,
        evidenceZh: `第 ${j + 1} 个 pH 读数：pH ${reading.value}`,
        evidenceEn: `pH reading ${j + 1}: pH ${reading.value}`,
        phReadingIndex: j,
      });
    }
  });

  // Array sort is stable, so within a level the order above (observations in input order, area band
  // before conditions, then pH readings) is kept and the first one is named as deciding.
  reasons.sort((a, b) => severity(a.level) - severity(b.level));
  const decidingRule = reasons[0] ?? null;
  return { level: decidingRule?.level ?? '完好', decidingRule, reasons };
}

// ---------------------------------------------------------------------------------------------------
// Acidity

/** The lowest (most acidic) valid pH among the readings; undefined when there is none. */
export function lowestPh(readings: readonly PhReading[]): number | undefined {
  let lowest: number | undefined;
  for (const r of readings) {
    if (!isFiniteNumber(r.value) || r.value < 0 || r.value > 14) continue;
    if (lowest === undefined || r.value < lowest) lowest = r.value;
  }
  return lowest;
}
