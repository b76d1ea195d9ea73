import { isoDay } from '../domain/dates.js';
import type { ConditionAssessment } from './condition-assessment.entity.js';
import { parseDamageType } from '../domain/damage.rules.js';
import { damageLevelLabel, presentAcidity } from '../domain/condition-labels.rules.js';

/**
 * A condition assessment as JSON. Without `workflow` (the public, on a published record) the
 * internal parts are left out: who entered it, the conservator's notes and the override reason.
 */
export function presentAssessment(a: ConditionAssessment, censusNumber: string, workflow = true) {
  return {
    id: a.id,
    censusNumber,
    assessedOn: isoDay(a.assessedOn),
    assessor: a.assessor,
    totalLeaves: a.totalLeaves ?? null,
    observations: a.observations.map((o) => {
      const type = parseDamageType(o.damageType);
      return { ...o, damageTypeZh: type?.zh ?? o.damageType, damageTypeEn: type?.en ?? o.damageType };
    }),
    phReadings: a.phReadings,
    computedLevel: a.computedLevel,
    computedLevelLabel: damageLevelLabel(a.computedLevel),
    decidingRule: a.decidingRule ?? null,
    reasons: a.reasons,
    finalLevel: a.finalLevel,
    finalLevelLabel: damageLevelLabel(a.finalLevel),
    overridden: a.finalLevel !== a.computedLevel || !!a.overrideReason,
    overrideReason: workflow ? (a.overrideReason ?? null) : null,
    ruleSetVersion: a.ruleSetVersion,
    acidity: presentAcidity(a.lowestPh),
    notes: workflow ? (a.notes ?? null) : null,
    createdByEmail: workflow ? (a.createdByEmail ?? null) : null,
    createdAt: a.createdAt.toISOString(),
  };
}
