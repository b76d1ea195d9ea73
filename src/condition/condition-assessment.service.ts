import { ConditionAssessmentSchema, type StoredObservation } from './condition-assessment.entity.js';
import type { CreateAssessmentBody } from './condition.schemas.js';
import {
  computeDamageLevel,
  lowestPh,
  validateAssessmentInput,
  type AssessmentInput,
} from './damage-level.rules.js';
import { acidityBand, parseDamageType } from '../domain/damage.rules.js';
import { activeRuleSet } from './rule-set.repository.js';
import { throwIfIssues } from '../kernel/issues.js';
import { presentAssessment } from './condition.presenter.js';
import { loadAssessableRecord, setCurrentAssessment } from './assessment-record.service.js';
import { today } from '../domain/dates.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireActor, type Context } from '../kernel/context.js';
import { damageLevelLabel } from '../domain/condition-labels.rules.js';
import type { EntityManager } from '@mikro-orm/postgresql';

type Sent = Pick<CreateAssessmentBody, 'observations' | 'phReadings' | 'totalLeaves'>;

/** Validates observations and readings (field-level 400) and brings them into the rules' input shape. */
export function toAssessmentInput(sent: Sent): { input: AssessmentInput; observations: StoredObservation[] } {
  throwIfIssues('ASSESSMENT_INVALID', validateAssessmentInput(sent));
  const observations: StoredObservation[] = sent.observations.map((o) => ({
    ...o,
    // Stored by code so a renamed label never orphans history.
    damageType: parseDamageType(o.damageType)?.code ?? o.damageType,
  }));
  const input: AssessmentInput = {
    observations: observations.map((o) => ({
      damageType: o.damageType,
      ...(o.areaPercent != null ? { areaPercent: o.areaPercent } : {}),
      ...(o.leavesAffected != null ? { leavesAffected: o.leavesAffected } : {}),
      ...(o.lostStrength != null ? { lostStrength: o.lostStrength } : {}),
    })),
    phReadings: sent.phReadings.map((r) => ({ value: r.value })),
    ...(sent.totalLeaves != null ? { totalLeaves: sent.totalLeaves } : {}),
  };
  return { input, observations };
}

function checkOverride(body: CreateAssessmentBody): void {
  const level = body.overrideLevel ?? null;
  const reason = body.overrideReason?.trim() ?? '';
  if (level !== null && !reason) {
    throwIfIssues('OVERRIDE_REASON_REQUIRED', [
      {
        code: 'OVERRIDE_REASON_REQUIRED',
        field: 'overrideReason',
        value: body.overrideReason ?? null,
        messageZh: `改定破损等级为“${level}”须写明理由 overrideReason`,
        messageEn: `overriding the damage level to ${level} needs a written reason (overrideReason)`,
      },
    ]);
  }
  if (level === null && reason) {
    throwIfIssues('OVERRIDE_LEVEL_REQUIRED', [
      {
        code: 'OVERRIDE_LEVEL_REQUIRED',
        field: 'overrideLevel',
        value: null,
        messageZh: '填写了改定理由，却未给出改定后的破损等级 overrideLevel',
        messageEn: 'an override reason was given without the overriding level (overrideLevel)',
      },
    ]);
  }
}

/** Computes the level the active rule set gives, without saving (the form's live preview). */
export async function computeLevel(em: EntityManager, sent: Sent) {
  const { input } = toAssessmentInput(sent);
  const ruleSet = await activeRuleSet(em);
  const result = computeDamageLevel(input, ruleSet);
  const lowest = lowestPh(input.phReadings);
  return {
    computedLevel: result.level,
    computedLevelLabel: damageLevelLabel(result.level),
    decidingRule: result.decidingRule,
    reasons: result.reasons,
    ruleSetVersion: ruleSet.version,
    acidity: lowest === undefined ? null : { lowestPh: lowest, ...acidityBand(lowest) },
  };
}

/** Records a condition assessment; the record's damage level becomes the newest assessment's final level. */
export async function createAssessment(scope: Context, censusNumber: string, body: CreateAssessmentBody) {
  const actor = requireActor(scope);
  const { input, observations } = toAssessmentInput(body);
  checkOverride(body);
  return scope.em.transactional(async (em) => {
    const record = await loadAssessableRecord(em, actor, censusNumber);
    const ruleSet = await activeRuleSet(em);
    const result = computeDamageLevel(input, ruleSet);
    const lowest = lowestPh(input.phReadings);
    const reason = body.overrideReason?.trim() || null;
    const assessment = em.create(ConditionAssessmentSchema, {
      record,
      assessedOn: body.assessedOn ?? today(),
      assessor: body.assessor ?? actor.displayName,
      totalLeaves: body.totalLeaves ?? null,
      observations,
      phReadings: body.phReadings,
      computedLevel: result.level,
      decidingRule: result.decidingRule,
      reasons: result.reasons,
      finalLevel: body.overrideLevel ?? result.level,
      overrideReason: reason,
      ruleSetVersion: ruleSet.version,
      lowestPh: lowest ?? null,
      acidityBand: lowest === undefined ? null : (acidityBand(lowest)?.band ?? null),
      notes: body.notes ?? null,
      createdBy: actor.userId,
      createdByEmail: actor.email,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: 'condition_assessment.create',
      entityType: 'condition_assessment',
      entityId: assessment.id,
      after: {
        censusNumber,
        computedLevel: assessment.computedLevel,
        finalLevel: assessment.finalLevel,
        overrideReason: reason,
        ruleSetVersion: ruleSet.version,
      },
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
    // The newest by assessment date is current: back-entering an older assessment leaves it alone.
    const [current] = await em.find(
      ConditionAssessmentSchema,
      { record },
      { orderBy: { assessedOn: 'desc', createdAt: 'desc' }, limit: 1 },
    );
    await setCurrentAssessment(em, scope, record, 'damageGrade', (current ?? assessment).finalLevel, {
      kind: 'condition',
      id: (current ?? assessment).id,
    });
    return { ...presentAssessment(assessment, censusNumber), current: current?.id === assessment.id };
  });
}
