// The words the pages show for condition and grading values, in both languages: damage levels (the
// standard's 一级…五级 and 完好), damage types, acidity bands and grades. The pages show these labels
// and never the stored values on their own (in English a bare 二级 means nothing).
import { formatGradeLabelEn, GRADES, parseGradeLabel, RANKS } from './grade.rules.js';
import {
  ACIDITY_BANDS,
  acidityBand,
  DAMAGE_LEVELS,
  DAMAGE_TYPES,
  type AcidityBandCode,
} from './damage.rules.js';

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

const RANK_EN: Record<string, string> = { 甲: 'class A', 乙: 'class B', 丙: 'class C' };
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A grade as catalogues write it (一级甲等, 二级, 未定级) and in English; unparsable text as it is. */
export function gradeLabel(grade: string): Label {
  const parsed = parseGradeLabel(grade);
  return { zh: grade, en: parsed.ok ? capital(formatGradeLabelEn(parsed)) : grade };
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

/** The acidity of a lowest pH, as shown beside a record (null when never measured). */
export function presentAcidity(lowestPh: number | null | undefined) {
  if (lowestPh === null || lowestPh === undefined) return null;
  const band = acidityBand(Number(lowestPh));
  return band ? { lowestPh: Number(lowestPh), ...band } : null;
}
