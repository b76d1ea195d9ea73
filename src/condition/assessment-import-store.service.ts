import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConditionAssessmentSchema } from './condition-assessment.entity.js';
import { AssessmentImportKeySchema } from './assessment-import-key.entity.js';
import { draftFingerprint, type AssessmentDraft } from './assessment-import-group.rules.js';
import { computeDamageLevel, lowestPh } from './damage-level.rules.js';
import { acidityBand } from '../domain/damage.rules.js';
import { activeRuleSet } from './rule-set.repository.js';
import { setCurrentAssessment } from './assessment-record.service.js';
import { today } from '../domain/dates.js';
import { CensusRecordSchema, type CensusRecord } from '../census/census-record.entity.js';
import { GradingAssessmentSchema } from '../grading/grading-assessment.entity.js';
import { formatGradeLabel, gradeWarnings } from '../domain/grade.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ErrorDetail } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';

/** Who and what an assessment import writes for: the job, its institution and its uploader. */
export interface AssessmentImportContext {
  jobId: string;
  institutionId: string;
  scope: Omit<Context, 'em'>;
}

export interface StoreOutcome {
  created: number;
  unchanged: number;
  rejected: Array<{ row: number; detail: ErrorDetail }>;
}

/** The idempotency key of a draft (sha256 hex). */
export function draftKey(institutionId: string, draft: AssessmentDraft): string {
  return createHash('sha256').update(draftFingerprint(institutionId, draft)).digest('hex');
}

function rejectedCall(draft: AssessmentDraft) {
  return {
    row: draft.rows[0]!,
    detail: {
      path: 'callNumber',
      value: draft.callNumber,
      rule: 'unknown_call_number',
      messageZh: `本单位没有索书号为“${draft.callNumber}”的记录`,
      messageEn: `this institution has no record with call number "${draft.callNumber}"`,
    },
  };
}

/**
 * Stores a batch of drafted assessments inside the caller's transaction: unknown call numbers are
 * rejected, drafts whose key is already stored are counted unchanged, the others become assessments
 * (level computed with the active rule set; a grade becomes a grading) and update the record.
 */
export async function storeAssessmentDrafts(
  em: EntityManager,
  ctx: AssessmentImportContext,
  drafts: readonly AssessmentDraft[],
): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { created: 0, unchanged: 0, rejected: [] };
  if (!drafts.length) return outcome;
  const scope: Context = { ...ctx.scope, em };
  const records = await em.find(
    CensusRecordSchema,
    { institution: ctx.institutionId, callNumber: { $in: [...new Set(drafts.map((d) => d.callNumber))] } },
    { populate: ['institution'] },
  );
  const byCall = new Map<string, CensusRecord>(records.map((r) => [r.callNumber as string, r]));
  const keys = drafts.map((d) => draftKey(ctx.institutionId, d));
  const seen = new Set(
    (await em.find(AssessmentImportKeySchema, { key: { $in: keys } }, { fields: ['key'] })).map((k) => k.key),
  );
  const ruleSet = await activeRuleSet(em);
  for (const [i, draft] of drafts.entries()) {
    const record = byCall.get(draft.callNumber);
    if (!record) {
      outcome.rejected.push(rejectedCall(draft));
      continue;
    }
    const key = keys[i]!;
    if (seen.has(key)) {
      outcome.unchanged += 1;
      continue;
    }
    if (draft.grade && record.type !== 'guji') {
      outcome.rejected.push({
        row: draft.rows[0]!,
        detail: {
          path: 'grade',
          value: formatGradeLabel(draft.grade),
          rule: 'grade_guji_only',
          messageZh: '古籍定级只适用于古籍；民国文献不定级',
          messageEn: 'grading applies to 古籍 only; Republican-era documents are not graded',
        },
      });
      continue;
    }
    seen.add(key);
    await storeOne(em, scope, ctx, record, draft, key, ruleSet);
    outcome.created += 1;
  }
  return outcome;
}

async function storeOne(
  em: EntityManager,
  scope: Context,
  ctx: AssessmentImportContext,
  record: CensusRecord,
  draft: AssessmentDraft,
  key: string,
  ruleSet: Awaited<ReturnType<typeof activeRuleSet>>,
) {
  const actor = scope.actor;
  const assessor = draft.assessor ?? actor?.displayName ?? actor?.email ?? '—';
  const assessedOn = draft.assessedOn ?? today();
  const input = {
    observations: draft.observations.map((o) => ({
      damageType: o.damageType,
      ...(o.areaPercent != null ? { areaPercent: o.areaPercent } : {}),
      ...(o.leavesAffected != null ? { leavesAffected: o.leavesAffected } : {}),
    })),
    phReadings: draft.phReadings.map((r) => ({ value: r.value })),
    ...(draft.totalLeaves != null ? { totalLeaves: draft.totalLeaves } : {}),
  };
  const result = computeDamageLevel(input, ruleSet);
  const lowest = lowestPh(input.phReadings);
  const assessment = em.create(ConditionAssessmentSchema, {
    record,
    assessedOn,
    assessor,
    totalLeaves: draft.totalLeaves,
    observations: draft.observations,
    phReadings: draft.phReadings,
    computedLevel: result.level,
    decidingRule: result.decidingRule,
    reasons: result.reasons,
    finalLevel: draft.overrideLevel ?? result.level,
    overrideReason: draft.overrideReason,
    ruleSetVersion: ruleSet.version,
    lowestPh: lowest ?? null,
    acidityBand: lowest === undefined ? null : (acidityBand(lowest)?.band ?? null),
    notes: null,
    createdBy: actor?.userId ?? null,
    createdByEmail: actor?.email ?? null,
  });
  em.create(AssessmentImportKeySchema, { key, assessment, importJobId: ctx.jobId });
  await em.flush();
  recordAudit(em, scope, {
    action: 'condition_assessment.import',
    entityType: 'condition_assessment',
    entityId: assessment.id,
    after: {
      censusNumber: record.censusNumber,
      importJobId: ctx.jobId,
      rows: draft.rows,
      computedLevel: assessment.computedLevel,
      finalLevel: assessment.finalLevel,
      ruleSetVersion: ruleSet.version,
    },
    provinceCode: record.provinceCode,
    institutionId: record.institution.id,
  });
  const [current] = await em.find(
    ConditionAssessmentSchema,
    { record },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' }, limit: 1 },
  );
  const latest = current ?? assessment;
  await setCurrentAssessment(em, scope, record, 'damageGrade', latest.finalLevel, {
    kind: 'condition',
    id: latest.id,
  });
  if (draft.grade) await storeGrading(em, scope, ctx, record, draft, assessor, assessedOn);
}

async function storeGrading(
  em: EntityManager,
  scope: Context,
  ctx: AssessmentImportContext,
  record: CensusRecord,
  draft: AssessmentDraft,
  assessor: string,
  assessedOn: string,
) {
  const value = draft.grade!;
  const grading = em.create(GradingAssessmentSchema, {
    record,
    grade: value.grade,
    rank: value.rank,
    label: formatGradeLabel(value),
    basisHistorical: null,
    basisScholarly: null,
    basisArtistic: null,
    assessor,
    assessedOn,
    warnings: gradeWarnings({
      ...value,
      editionYearTo: record.yearTo ?? null,
      editionDynasty: record.dynasty ?? null,
      onPreciousList: record.preciousListNumber != null,
    }),
    createdBy: scope.actor?.userId ?? null,
    createdByEmail: scope.actor?.email ?? null,
  });
  await em.flush();
  recordAudit(em, scope, {
    action: 'grading_assessment.import',
    entityType: 'grading_assessment',
    entityId: grading.id,
    after: { censusNumber: record.censusNumber, label: grading.label, importJobId: ctx.jobId },
    provinceCode: record.provinceCode,
    institutionId: record.institution.id,
  });
  const [current] = await em.find(
    GradingAssessmentSchema,
    { record },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' }, limit: 1 },
  );
  const latest = current ?? grading;
  await setCurrentAssessment(em, scope, record, 'grade', latest.label, { kind: 'grading', id: latest.id });
}
