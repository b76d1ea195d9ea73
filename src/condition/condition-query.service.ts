import { ConditionAssessmentSchema } from './condition-assessment.entity.js';
import { presentAssessment } from './condition.presenter.js';
import { presentAcidity } from '../domain/condition-labels.rules.js';
import { DAMAGE_LEVELS } from '../domain/damage.rules.js';
import { canAssess } from '../domain/assessment-access.rules.js';
import {
  CONDITION_LEVEL_OPTIONS,
  DAMAGE_TYPE_OPTIONS,
  damageLevelLabel,
} from '../domain/condition-labels.rules.js';
import { loadVisibleRecord } from '../census/record-query.service.js';
import type { Context } from '../kernel/context.js';

function severity(level: string): number {
  const i = (DAMAGE_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? DAMAGE_LEVELS.length : i; // 完好 is milder than 五级
}

/** Compares two assessments: lower severity index = worse. */
function change(before: string, after: string): 'improved' | 'worsened' | 'unchanged' {
  const b = severity(before);
  const a = severity(after);
  return a === b ? 'unchanged' : a > b ? 'improved' : 'worsened';
}

/**
 * A record's condition history, newest first; each entry carries the one before it so the page can
 * show condition before and after a restoration.
 */
export async function listAssessments(scope: Context, censusNumber: string) {
  const { record, ctx, workflow } = await loadVisibleRecord(scope, censusNumber);
  const rows = await scope.em.find(
    ConditionAssessmentSchema,
    { record },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' } },
  );
  const items = rows.map((a, i) => {
    const prev = rows[i + 1];
    return {
      ...presentAssessment(a, censusNumber, workflow),
      previous: prev
        ? {
            id: prev.id,
            assessedOn: presentAssessment(prev, censusNumber).assessedOn,
            finalLevel: prev.finalLevel,
            finalLevelLabel: damageLevelLabel(prev.finalLevel),
            acidity: presentAcidity(prev.lowestPh),
            change: change(prev.finalLevel, a.finalLevel),
          }
        : null,
    };
  });
  const current = items[0] ?? null;
  const assess =
    ctx !== null &&
    canAssess(ctx, { institutionId: record.institution.id, provinceCode: record.provinceCode });
  return {
    censusNumber,
    title: record.title,
    recordType: record.type,
    currentLevel: record.damageGrade ?? null,
    currentLevelLabel: record.damageGrade ? damageLevelLabel(record.damageGrade) : null,
    acidity: current?.acidity ?? null,
    items,
    /** What the caller may record here: condition assessments, and gradings (古籍 only). */
    abilities: { assess, grade: assess && record.type === 'guji' },
    /** The assessment form's choices: damage types and the levels an override may set. */
    damageTypes: DAMAGE_TYPE_OPTIONS,
    levels: CONDITION_LEVEL_OPTIONS,
  };
}
