import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type CensusRecord } from './census-record.entity.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Context } from '../kernel/context.js';
import type { RecordsChangedListener } from '../kernel/deps.js';
import { canAssess } from '../domain/assessment-access.rules.js';

// What a grading or a condition assessment does to the census record it is about: the record is
// census's, so grading and condition both come here (and neither imports the other for it).

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
 * audited, and tells the listeners the record changed (its triage rank follows). No review round
 * starts: an assessment is not a catalogue edit.
 */
export async function setCurrentAssessment(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  record: CensusRecord,
  field: 'grade' | 'damageGrade',
  value: string,
  source: { kind: 'grading' | 'condition'; id: string },
): Promise<void> {
  const em = scope.em;
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
  await afterRecordsChanged(em, [record.id]);
}
