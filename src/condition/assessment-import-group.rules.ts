// Turns the consecutive rows of one assessment (same call number, date, assessor) into one draft,
// checking what only the whole group can tell: one grade, one override, an override with a reason.

import type { ErrorDetail } from '../kernel/app-error.js';
import type { StoredObservation, StoredPhReading } from './condition-assessment.entity.js';
import type { AssessmentRow } from './assessment-import-row.rules.js';
import { CONDITION_LEVELS } from '../domain/damage.rules.js';
import { parseGradeLabel, type GradeValue } from '../domain/grade.rules.js';

/** One assessment to store, with the rows it came from (for error reports). */
export interface AssessmentDraft {
  rows: number[];
  callNumber: string;
  assessedOn: string | null;
  assessor: string | null;
  totalLeaves: number | null;
  observations: StoredObservation[];
  phReadings: StoredPhReading[];
  grade: GradeValue | null;
  overrideLevel: string | null;
  overrideReason: string | null;
}

type Problem = { row: number; detail: ErrorDetail };

function single(
  rows: readonly AssessmentRow[],
  pick: (r: AssessmentRow) => string | number | null,
  key: string,
  problems: Problem[],
): { value: string | number | null; row: number } {
  let found: { value: string | number | null; row: number } = { value: null, row: rows[0]!.rowNumber };
  for (const r of rows) {
    const v = pick(r);
    if (v === null) continue;
    if (found.value !== null && found.value !== v) {
      problems.push({
        row: r.rowNumber,
        detail: {
          path: key,
          value: v,
          rule: 'conflicting_values',
          messageZh: `同一次评估（第 ${rows[0]!.rowNumber} 行起）的 ${key} 前后不一：“${found.value}”与“${v}”`,
          messageEn: `one assessment (from row ${rows[0]!.rowNumber}) gives two values for ${key}: "${found.value}" and "${v}"`,
        },
      });
    } else if (found.value === null) found = { value: v, row: r.rowNumber };
  }
  return found;
}

/** The draft of a group of rows, or every problem found, each with its row number. */
export function draftAssessment(
  rows: readonly AssessmentRow[],
): { draft: AssessmentDraft } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const first = rows[0]!;
  const total = single(rows, (r) => r.totalLeaves, 'totalLeaves', problems);
  const gradeCell = single(rows, (r) => r.grade, 'grade', problems);
  const level = single(rows, (r) => r.overrideLevel, 'overrideLevel', problems);
  const reason = single(rows, (r) => r.overrideReason, 'overrideReason', problems);
  let grade: GradeValue | null = null;
  if (gradeCell.value !== null) {
    const parsed = parseGradeLabel(gradeCell.value);
    if (parsed.ok) grade = { grade: parsed.grade, rank: parsed.rank };
    else
      problems.push({
        row: gradeCell.row,
        detail: {
          path: 'grade',
          value: gradeCell.value,
          rule: parsed.error.code.toLowerCase(),
          messageZh: `古籍级别：${parsed.error.messageZh}`,
          messageEn: `grade: ${parsed.error.messageEn}`,
        },
      });
  }
  if (level.value !== null && !(CONDITION_LEVELS as readonly string[]).includes(String(level.value))) {
    problems.push({
      row: level.row,
      detail: {
        path: 'overrideLevel',
        value: level.value,
        rule: 'override_level_unknown',
        messageZh: `改定等级“${level.value}”不在允许值内；可选：${CONDITION_LEVELS.join('、')}`,
        messageEn: `override level "${level.value}" is not allowed; allowed: ${CONDITION_LEVELS.join(', ')}`,
      },
    });
  }
  if (level.value !== null && reason.value === null) {
    problems.push({
      row: level.row,
      detail: {
        path: 'overrideReason',
        value: null,
        rule: 'override_reason_required',
        messageZh: `改定破损等级为“${level.value}”须写明改定理由`,
        messageEn: `overriding the damage level to ${level.value} needs a written reason (overrideReason)`,
      },
    });
  }
  if (level.value === null && reason.value !== null) {
    problems.push({
      row: reason.row,
      detail: {
        path: 'overrideLevel',
        value: null,
        rule: 'override_level_required',
        messageZh: '填写了改定理由，却未给出改定等级',
        messageEn: 'an override reason was given without the overriding level (overrideLevel)',
      },
    });
  }
  if (problems.length) return { problems };
  return {
    draft: {
      rows: rows.map((r) => r.rowNumber),
      callNumber: first.callNumber,
      assessedOn: first.assessedOn,
      assessor: first.assessor,
      totalLeaves: total.value as number | null,
      observations: rows.flatMap((r) => (r.observation ? [r.observation] : [])),
      phReadings: rows.flatMap((r) => (r.phReading ? [r.phReading] : [])),
      grade,
      overrideLevel: level.value as string | null,
      overrideReason: reason.value as string | null,
    },
  };
}

/**
 * The canonical text an assessment's idempotency key is hashed from: the same observations, readings,
 * grade and override of the same record on the same day give the same key, whatever the row order.
 */
export function draftFingerprint(institutionId: string, draft: AssessmentDraft): string {
  const sorted = <T>(items: readonly T[]) => items.map((i) => JSON.stringify(i)).sort();
  return JSON.stringify([
    institutionId,
    draft.callNumber,
    draft.assessedOn,
    draft.assessor,
    draft.totalLeaves,
    sorted(draft.observations),
    sorted(draft.phReadings),
    draft.grade,
    draft.overrideLevel,
    draft.overrideReason,
  ]);
}
