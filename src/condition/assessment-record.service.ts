import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type CensusRecord } from '../census/census-record.entity.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Context } from '../kernel/context.js';
import { canAssess } from './assessment-access.rules.js';
import { refreshTriageState } from '../triage/triage-state.repository.js';
import { readTriageWeights } from '../triage/triage-weights.repository.js';

/** Loads a record for an assessment write: 404 when it does not exist, 403 when the actor may not assess it. */
export async function loadAssessableRecord(
  em: EntityManager,
  actor: Actor,
  censusNumber: string,
): Promise<CensusRecord> {
  const record = await em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
  if (!record) throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
  if (!canAssess(actor, { institutionId: record.institution.id, provinceCode: record.provinceCode })) {
    throw AppError.forbidden('无权评估该记录', 'You may not assess this record');
  }
  return record;
}

/**
 * Copies a record's current grade or damage level (the newest assessment) into its column and body,
 * audited, and refreshes its triage row. No review round starts: an assessment is not a catalogue edit.
 */
export async function setCurrentAssessment(
  em: EntityManager,
  scope: Context,
  record: CensusRecord,
  field: 'grade' | 'damageGrade',
  value: string,
  source: { kind: 'grading' | 'condition'; id: string },
): Promise<void> {
  const before = record[field] ?? null;
  if (before !== value) {
    const body = { ...record.body, [field]: value };
    if (field === 'grade') em.assign(record, { grade: value, body });
    else em.assign(record, { damageGrade: value, body });
    recordAudit(em, scope, {
      action: field === 'grade' ? 'record.grade_from_assessment' : 'record.damage_grade_from_assessment',
      entityType: 'census_record',
      entityId: record.censusNumber,
      before: { [field]: before },
      after: { [field]: value, [`${source.kind}AssessmentId`]: source.id },
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
  }
  await em.flush();
  await refreshTriageState(em, record.id, await readTriageWeights(em));
}
