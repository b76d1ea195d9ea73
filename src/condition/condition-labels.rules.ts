// The words the pages show for condition and grading values, in both languages: damage levels (the
// standard's 一级…五级 and 完好), damage types, acidity bands and grades. The pages show these labels
// and never the stored values on their own (in English a bare 二级 means nothing).
import { GRADES, RANKS } from '../grading/grade.rules.js';
import {
  ACIDITY_BANDS,
  acidityBand,
  DAMAGE_LEVELS,
  DAMAGE_TYPES,
  type AcidityBandCode,
} from './damage-level.rules.js';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

const DAMAGE_LEVEL_EN: Record<string, string> = {
  一级: 'Level 1 (most severe)',
  二级: 'Level 2',
  三级: 'Level 3',
  四级: 'Level 4',
  五级: 'Level 5 (slight)',
  完好: 'Intact',
};

/** A condition level (一级…五级破损, 完好) as shown; an unknown value is shown as it is. */
export function damageLevelLabel(level: string): Label {
  const en = DAMAGE_LEVEL_EN[level];
  if (!en) return { zh: level, en: level };
  return { zh: level === '完好' ? '完好' : `${level}破损`, en };
}

/** Every condition level, most severe first: the choices of an override. */
export const CONDITION_LEVEL_OPTIONS = [...DAMAGE_LEVELS, '完好'].map((value) => ({
  value,
  label: damageLevelLabel(value),
}));

/** Every damage type in catalogue order, the value an observation stores and its label. */
export const DAMAGE_TYPE_OPTIONS = DAMAGE_TYPES.map((t) => ({ value: t.zh, label: { zh: t.zh, en: t.en } }));

const GRADE_EN: Record<string, string> = {
  一级: 'Grade 1',
  二级: 'Grade 2',
  三级: 'Grade 3',
  四级: 'Grade 4',
  未定级: 'Not graded',
};
const RANK_EN: Record<string, string> = { 甲: 'class A', 乙: 'class B', 丙: 'class C' };

/** A grade (古籍定级) as shown. */
export function gradeLabel(grade: string): Label {
  return { zh: grade, en: GRADE_EN[grade] ?? grade };
}

/** The grading form's choices. */
export const GRADE_OPTIONS = GRADES.map((value) => ({ value, label: gradeLabel(value) }));
export const RANK_OPTIONS = RANKS.map((value) => ({
  value,
  label: { zh: `${value}等`, en: RANK_EN[value] ?? value },
}));

/** An acidity band as shown (the band's own words). */
export function acidityBandLabel(band: AcidityBandCode): Label {
  const hit = ACIDITY_BANDS.find((b) => b.band === band) ?? acidityBand(7)!;
  return { zh: hit.labelZh, en: hit.labelEn };
}

/** Every acidity band, most acidic first: the triage filter's choices. */
export const ACIDITY_BAND_OPTIONS = (['severe', 'heavy', 'needs_deacidification', 'ok'] as const).map(
  (value) => ({ value, label: acidityBandLabel(value) }),
);
