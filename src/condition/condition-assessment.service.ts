import {
  ConditionAssessmentSchema,
  type StoredObservation,
  type StoredPhReading,
} from './condition-assessment.entity.js';
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
import { loadAssessableRecord, setCurrentAssessment } from '../census/record-assessment.service.js';
import type { CensusRecord } from '../census/census-record.entity.js';
import type { RecordsChangedListener } from '../kernel/deps.js';
import { today } from '../domain/dates.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireActor, type Context } from '../kernel/context.js';
import { damageLevelLabel } from '../domain/condition-labels.rules.js';
import type { EntityManager } from '@mikro-orm/postgresql';

type Sent = Pick<CreateAssessmentBody, 'observations' | 'phReadings' | 'totalLeaves'>;

/** Stored observations and readings in the rules' input shape. */
function rulesInput(
  observations: readonly StoredObservation[],
  phReadings: ReadonlyArray<{ value: number }>,
  totalLeaves: number | null | undefined,
): AssessmentInput {
  return {
    observations: observations.map((o) => ({
      damageType: o.damageType,
      ...(o.areaPercent != null ? { areaPercent: o.areaPercent } : {}),
      ...(o.leavesAffected != null ? { leavesAffected: o.leavesAffected } : {}),
      ...(o.lostStrength != null ? { lostStrength: o.lostStrength } : {}),
    })),
    phReadings: phReadings.map((r) => ({ value: r.value })),
    ...(totalLeaves != null ? { totalLeaves } : {}),
  };
}

/** Validates observations and readings (field-level 400) and brings them into the rules' input shape. */
export function toAssessmentInput(sent: Sent): { input: AssessmentInput; observations: StoredObservation[] } {
  throwIfIssues('ASSESSMENT_INVALID', validateAssessmentInput(sent));
  const observations: StoredObservation[] = sent.observations.map((o) => ({
    ...o,
    // Stored by code so a renamed label never orphans history.
    damageType: parseDamageType(o.damageType)?.code ?? o.damageType,
  }));
  return { input: rulesInput(observations, sent.phReadings, sent.totalLeaves), observations };
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
export async function createAssessment(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  censusNumber: string,
  body: CreateAssessmentBody,
) {
  const actor = requireActor(scope);
  const { observations } = toAssessmentInput(body);
  checkOverride(body);
  return scope.em.transactional(async (em) => {
    const record = await loadAssessableRecord(em, actor, censusNumber);
    const { assessment, current } = await storeAssessment(
      { ...scope, em },
      afterRecordsChanged,
      record,
      await activeRuleSet(em),
      {
        assessedOn: body.assessedOn ?? today(),
        assessor: body.assessor ?? actor.displayName,
        totalLeaves: body.totalLeaves ?? null,
        observations,
        phReadings: body.phReadings,
        overrideLevel: body.overrideLevel ?? null,
        overrideReason: body.overrideReason?.trim() || null,
        notes: body.notes ?? null,
      },
    );
    return { ...presentAssessment(assessment, censusNumber), current };
  });
}

/** An assessment as stored: observations and readings checked, who assessed it and when. */
export interface AssessmentFields {
  readonly assessedOn: string;
  readonly assessor: string;
  readonly totalLeaves: number | null;
  readonly observations: StoredObservation[];
  readonly phReadings: StoredPhReading[];
  readonly overrideLevel: string | null;
  readonly overrideReason: string | null;
  readonly notes: string | null;
}

/** Where an imported assessment came from: its job and the file rows, named in the audit entry. */
export interface ImportOrigin {
  readonly importJobId: string;
  readonly rows: readonly number[];
}

/**
 * Stores a condition assessment of a loaded record in the caller's transaction (`scope.em`): the
 * level computed with the given rule set, audited, and the newest assessment's final level made the
 * record's damage level. The one path of the assessment form and of the assessment import.
 */
export async function storeAssessment(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  record: CensusRecord,
  ruleSet: Awaited<ReturnType<typeof activeRuleSet>>,
  fields: AssessmentFields,
  origin?: ImportOrigin,
) {
  const em = scope.em;
  const input = rulesInput(fields.observations, fields.phReadings, fields.totalLeaves);
  const result = computeDamageLevel(input, ruleSet);
  const lowest = lowestPh(input.phReadings);
  const assessment = em.create(ConditionAssessmentSchema, {
    record,
    assessedOn: fields.assessedOn,
    assessor: fields.assessor,
    totalLeaves: fields.totalLeaves,
    observations: fields.observations,
    phReadings: fields.phReadings,
    computedLevel: result.level,
    decidingRule: result.decidingRule,
    reasons: result.reasons,
    finalLevel: fields.overrideLevel ?? result.level,
    overrideReason: fields.overrideReason,
    ruleSetVersion: ruleSet.version,
    lowestPh: lowest ?? null,
    acidityBand: lowest === undefined ? null : (acidityBand(lowest)?.band ?? null),
    notes: fields.notes,
    createdBy: scope.actor?.userId ?? null,
    createdByEmail: scope.actor?.email ?? null,
  });
  await em.flush();
  const levels = {
    computedLevel: assessment.computedLevel,
    finalLevel: assessment.finalLevel,
  };
  recordAudit(em, scope, {
    action: origin ? 'condition_assessment.import' : 'condition_assessment.create',
    entityType: 'condition_assessment',
    entityId: assessment.id,
    after: origin
      ? {
          censusNumber: record.censusNumber,
          importJobId: origin.importJobId,
          rows: origin.rows,
          ...levels,
          ruleSetVersion: ruleSet.version,
        }
      : {
          censusNumber: record.censusNumber,
          ...levels,
          overrideReason: fields.overrideReason,
          ruleSetVersion: ruleSet.version,
        },
    provinceCode: record.provinceCode,
    institutionId: record.institution.id,
  });
  // The newest by assessment date is current: back-entering an older assessment leaves it alone.
  const [newest] = await em.find(
    ConditionAssessmentSchema,
    { record },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' }, limit: 1 },
  );
  const latest = newest ?? assessment;
  await setCurrentAssessment(scope, afterRecordsChanged, record, 'damageGrade', latest.finalLevel, {
    kind: 'condition',
    id: latest.id,
  });
  return { assessment, current: newest?.id === assessment.id };
}
