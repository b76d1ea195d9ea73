// Rescue triage (grading-condition.md, "Triage"): a record's priority score is the sum of weighted
// facts — damage level, grade, precious-list membership, acidity. The weights are data (a setting a
// national admin may change); this file validates them and explains a score part by part.

import { DAMAGE_LEVELS, type AcidityBandCode } from '../domain/damage.rules.js';
import { parseGradeLabel } from '../domain/grade.rules.js';
import { acidityBandLabel, damageLevelLabel, gradeLabel } from '../domain/condition-labels.rules.js';
import type { RuleIssue } from '../kernel/issues.js';

export const TRIAGE_DAMAGE_KEYS = [...DAMAGE_LEVELS, '完好'] as const;
export const TRIAGE_GRADE_KEYS = ['一级', '二级', '三级', '四级', '未定级'] as const;
export const TRIAGE_ACIDITY_KEYS = ['severe', 'heavy', 'needs_deacidification', 'ok'] as const;

export interface TriageWeights {
  damageLevel: Record<(typeof TRIAGE_DAMAGE_KEYS)[number], number>;
  grade: Record<(typeof TRIAGE_GRADE_KEYS)[number], number>;
  preciousList: number;
  acidity: Record<AcidityBandCode, number>;
}

/** The shipped weights (seeded as the `triage.weights` setting): a 一级 book at 一级破损 on the list and severely acidic ranks first. */
export const DEFAULT_TRIAGE_WEIGHTS: TriageWeights = {
  damageLevel: { 一级: 100, 二级: 80, 三级: 60, 四级: 40, 五级: 20, 完好: 0 },
  grade: { 一级: 50, 二级: 35, 三级: 20, 四级: 10, 未定级: 0 },
  preciousList: 30,
  acidity: { severe: 40, heavy: 25, needs_deacidification: 10, ok: 0 },
};

export const MAX_WEIGHT = 1000;

function checkWeight(v: unknown, field: string, issues: RuleIssue[]): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_WEIGHT) {
    issues.push({
      field,
      value: v,
      messageZh: `权重 ${field} 为 ${JSON.stringify(v) ?? String(v)}，须为 0 至 ${MAX_WEIGHT} 的整数`,
      messageEn: `weight ${field} is ${JSON.stringify(v) ?? String(v)}; it must be a whole number from 0 to ${MAX_WEIGHT}`,
    });
  }
}

/** Checks a complete set of weights: every key present, each a whole number 0–1000. */
export function validateTriageWeights(candidate: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const obj = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const c = obj(candidate);
  const groups: Array<[string, readonly string[]]> = [
    ['damageLevel', TRIAGE_DAMAGE_KEYS],
    ['grade', TRIAGE_GRADE_KEYS],
    ['acidity', TRIAGE_ACIDITY_KEYS],
  ];
  for (const [group, keys] of groups) {
    const g = obj(c[group]);
    for (const key of keys) checkWeight(g[key], `${group}.${key}`, issues);
  }
  checkWeight(c['preciousList'], 'preciousList', issues);
  return issues;
}

/** What the score of one record is computed from. */
export interface TriageFacts {
  /** Current damage level (一级 … 五级, 完好) or null when not assessed. */
  damageLevel: string | null;
  /** Grade label as on the record (一级甲等, 二级, …) or null. */
  grade: string | null;
  onPreciousList: boolean;
  acidityBand: AcidityBandCode | null;
}

export interface ScorePart {
  factor: 'damageLevel' | 'grade' | 'preciousList' | 'acidity';
  value: string | boolean;
  points: number;
}

const ACIDITY_ZH: Record<AcidityBandCode, string> = {
  severe: '严重酸化（pH < 4.5）',
  heavy: '重度酸化（pH < 5.0）',
  needs_deacidification: '需脱酸（pH < 5.6）',
  ok: '酸度正常',
};

/** The score and its parts, in the order they are shown; parts worth 0 points are left out. */
export function explainTriageScore(
  weights: TriageWeights,
  facts: TriageFacts,
): { score: number; parts: ScorePart[]; explanationZh: string; explanationEn: string } {
  const parts: ScorePart[] = [];
  const level = facts.damageLevel as keyof TriageWeights['damageLevel'] | null;
  if (level && level in weights.damageLevel) {
    parts.push({ factor: 'damageLevel', value: level, points: weights.damageLevel[level] });
  }
  const parsed = facts.grade ? parseGradeLabel(facts.grade) : undefined;
  const grade = parsed?.ok ? parsed.grade : undefined;
  if (grade) parts.push({ factor: 'grade', value: grade, points: weights.grade[grade] });
  if (facts.onPreciousList) parts.push({ factor: 'preciousList', value: true, points: weights.preciousList });
  if (facts.acidityBand) {
    parts.push({ factor: 'acidity', value: facts.acidityBand, points: weights.acidity[facts.acidityBand] });
  }
  const shown = parts.filter((p) => p.points > 0);
  const zh = shown.map((p) => `${partZh(p)} +${p.points}`);
  const en = shown.map((p) => `${partEn(p)} +${p.points}`);
  const score = parts.reduce((sum, p) => sum + p.points, 0);
  return {
    score,
    parts: shown,
    explanationZh: zh.length ? `${zh.join('；')} = ${score}` : '无加分项 = 0',
    explanationEn: en.length ? `${en.join('; ')} = ${score}` : 'nothing scores = 0',
  };
}

function partZh(p: ScorePart): string {
  switch (p.factor) {
    case 'damageLevel':
      return p.value === '完好' ? '完好' : `${String(p.value)}破损`;
    case 'grade':
      return `${String(p.value)}古籍`;
    case 'preciousList':
      return '入选国家珍贵古籍名录';
    case 'acidity':
      return ACIDITY_ZH[p.value as AcidityBandCode];
  }
}

// In English the parts are told by their labels, never by the stored values (二级, heavy).
function partEn(p: ScorePart): string {
  switch (p.factor) {
    case 'damageLevel':
      return `damage: ${damageLevelLabel(String(p.value)).en}`;
    case 'grade':
      return gradeLabel(String(p.value)).en;
    case 'preciousList':
      return 'on the national precious list';
    case 'acidity':
      return acidityBandLabel(p.value as AcidityBandCode).en;
  }
}
