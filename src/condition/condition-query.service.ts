import { ConditionAssessmentSchema } from './condition-assessment.entity.js';
import { presentAcidity, presentAssessment } from './condition.presenter.js';
import { DAMAGE_LEVELS } from './damage-level.rules.js';
import { loadVisibleRecord } from '../census/record-query.service.js';
import type { RequestScope } from '../http/request-scope.js';

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
export async function listAssessments(scope: RequestScope, censusNumber: string) {
  const { record, workflow } = await loadVisibleRecord(scope, censusNumber);
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
            acidity: presentAcidity(prev.lowestPh),
            change: change(prev.finalLevel, a.finalLevel),
          }
        : null,
    };
  });
  const current = items[0] ?? null;
  return {
    censusNumber,
    recordType: record.type,
    currentLevel: record.damageGrade ?? null,
    acidity: current?.acidity ?? null,
    items,
  };
}
