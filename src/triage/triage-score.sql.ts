import { ACIDITY_BANDS } from '../domain/damage.rules.js';
import type { TriageWeights } from './triage.rules.js';

// SQL twins of explainTriageScore and acidityBand, so a rebuild of a million rows runs in the database.
// Weights are validated whole numbers and the keys are code constants, so inlining them is safe.

function caseOf(expr: string, table: Record<string, number>): string {
  const arms = Object.entries(table)
    .map(([k, v]) => `when '${k.replace(/'/g, "''")}' then ${Math.trunc(v)}`)
    .join(' ');
  return `(case ${expr} ${arms} else 0 end)`;
}

/** SQL classifying a pH expression into an acidity band code (null stays null). */
export function acidityBandSql(ph: string): string {
  const arms = ACIDITY_BANDS.map((b) => `when ${ph} < ${b.below} then '${b.band}'`).join(' ');
  return `(case when ${ph} is null then null ${arms} else 'ok' end)`;
}

/** SQL computing the triage score from the columns of a row (damage level, grade label, precious flag, band). */
export function triageScoreSql(
  w: TriageWeights,
  cols: { damageLevel: string; grade: string; onPreciousList: string; acidityBand: string },
): string {
  return [
    caseOf(cols.damageLevel, w.damageLevel),
    caseOf(`left(${cols.grade}, 2)`, { ...w.grade, 未定: w.grade['未定级'] }),
    `(case when ${cols.onPreciousList} then ${Math.trunc(w.preciousList)} else 0 end)`,
    caseOf(cols.acidityBand, w.acidity),
  ].join(' + ');
}
