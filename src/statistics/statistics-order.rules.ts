// The order and the bilingual labels in which statistics show their categories: grades and damage
// levels from the most to the least serious, then "not yet decided" values, then "not filled in";
// workflow statuses in workflow order. Taken from the vocabularies that define them, so a new value
// there shows up here in its place.

import {
  formatGradeLabelEn,
  GRADES,
  RANKED_GRADES,
  RANKS,
  type Grade,
  type Rank,
} from '../domain/grade.rules.js';
import { ACIDITY_BANDS, DAMAGE_LEVELS } from '../domain/damage.rules.js';
import { RECORD_STATUSES, RECORD_TYPES, TIERS } from '../domain/record.types.js';
import {
  statusLabel as recordStatusLabel,
  tierLabel as recordTierLabel,
  typeLabel as recordTypeLabel,
} from '../domain/record-labels.rules.js';

/** A bilingual label. */
export interface Label {
  zh: string;
  en: string;
}

const NOT_FILLED: Label = { zh: '未填', en: 'not filled in' };

/** Sorts values by their place in `order`; unknown values after the known, null last. */
export function inOrder<T extends { count: number }>(
  rows: readonly T[],
  valueOf: (row: T) => string | null,
  order: readonly string[],
): T[] {
  const rank = (v: string | null) =>
    v === null ? order.length + 1 : order.includes(v) ? order.indexOf(v) : order.length;
  return [...rows].sort((a, b) => rank(valueOf(a)) - rank(valueOf(b)) || b.count - a.count);
}

/** Grades 一级 … 四级, 未定级, then values no grade rule knows (其他), then 未填. */
export const GRADE_ORDER: readonly string[] = [...GRADES, '其他', '未填'];

/** 等次 within the ranked grades: 一级甲等, 一级乙等 … 三级丙等. */
export const RANK_ORDER: readonly string[] = RANKED_GRADES.flatMap((g) => RANKS.map((r) => `${g}${r}等`));

/** Damage levels 一级 (most damaged) … 五级, 完好, 未评估. */
export const DAMAGE_ORDER: readonly string[] = [...DAMAGE_LEVELS, '完好', '未评估'];

/** Acidity bands, most acidic first. */
export const ACIDITY_ORDER: readonly string[] = ACIDITY_BANDS.map((b) => b.band);

/** The label of an acidity band (null: not measured). */
export function acidityLabel(band: string | null): Label {
  if (band === null) return { zh: '未测', en: 'not measured' };
  const known = ACIDITY_BANDS.find((b) => b.band === band);
  return known ? { zh: known.labelZh, en: known.labelEn } : { zh: band, en: band };
}

/** Workflow statuses in workflow order (labels: the record vocabulary's, as every page shows them). */
export const STATUS_ORDER: readonly string[] = RECORD_STATUSES;
export const statusLabel = (status: string): Label => recordStatusLabel(status);

/** Completeness tiers, lowest first; a record without one counts as 未填. */
export const TIER_ORDER: readonly string[] = TIERS;
export const tierLabel = (tier: string | null): Label => (tier ? recordTierLabel(tier) : NOT_FILLED);

/** Record types: 古籍, then 民国文献. */
export const TYPE_ORDER: readonly string[] = RECORD_TYPES;

/** Record types with their labels. */
export const typeLabel = (type: string): Label => recordTypeLabel(type);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A grade (一级 … 未定级) in both languages; 其他 and 未填 as such. */
export function gradeLabel(grade: string | null): Label {
  if (grade === null || grade === '未填') return NOT_FILLED;
  if (!(GRADES as readonly string[]).includes(grade)) return plainLabel(grade);
  return { zh: grade, en: capitalised(formatGradeLabelEn({ grade: grade as Grade, rank: null })) };
}

/** A grade with its 等次 (一级甲等) in both languages. */
export function rankLabel(value: string): Label {
  const grade = GRADES.find((g) => value.startsWith(g));
  const rank = RANKS.find((r) => value === `${grade}${r}等`);
  if (!grade || !rank) return plainLabel(value);
  return { zh: value, en: capitalised(formatGradeLabelEn({ grade, rank: rank as Rank })) };
}

const DAMAGE_EN: Readonly<Record<string, string>> = {
  完好: 'Intact',
  未评估: 'Not assessed',
};

/** A damage level (一级 most damaged … 五级, 完好, 未评估) in both languages. */
export function damageLabel(level: string | null): Label {
  if (level === null) return NOT_FILLED;
  const index = (DAMAGE_LEVELS as readonly string[]).indexOf(level);
  if (index >= 0) return { zh: level, en: `Damage level ${index + 1}` };
  return DAMAGE_EN[level] ? { zh: level, en: DAMAGE_EN[level] } : plainLabel(level);
}

/** A label for a value shown as written (grades, damage levels): the value itself, 未填 for null. */
export const plainLabel = (value: string | null): Label =>
  value === null ? NOT_FILLED : value === '其他' ? { zh: '其他', en: 'other' } : { zh: value, en: value };
