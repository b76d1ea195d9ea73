import { InstitutionSchema } from '../institutions/institution.entity.js';
import { UserSchema } from '../users/user.entity.js';
import { CensusRecordSchema } from './census-record.entity.js';
import { RecordVersionSchema } from './record-version.entity.js';
import type { CreateRecordBody } from './record.schemas.js';
import { applyFields, EMPTY_RECORD_BODY, toBody, toRecordInput } from './record-body.js';
import { recordColumns } from './record-columns.js';
import { issueCensusNumber } from './census-number.service.js';
import { canCatalogue } from './record-access.rules.js';
import { recordConflict, validateOrThrow, type RecordRuleSettings } from './record-validation.service.js';
import { presentRecord } from './record.presenter.js';
import { diffRecords } from './record-diff.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { RecordsChangedListener } from '../kernel/deps.js';

/** Registers a record: validates it, issues its permanent census number, stores version 1. */
export async function createRecord(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  sent: CreateRecordBody,
  settings: RecordRuleSettings = {},
) {
  const actor = requireActor(scope);
  const institution = await scope.em.findOne(InstitutionSchema, { id: sent.institutionId });
  if (!institution) {
    throw AppError.badRequest(
      'VALIDATION_FAILED',
      `收藏单位 ${sent.institutionId} 不存在`,
      `No institution ${sent.institutionId}`,
      [
        {
          path: 'institutionId',
          value: sent.institutionId,
          rule: 'exists',
          messageZh: '收藏单位不存在',
          messageEn: 'no such institution',
        },
      ],
    );
  }
  const provinceCode = institution.province.code;
  if (!canCatalogue(actor, { id: institution.id, provinceCode })) {
    throw AppError.forbidden('无权为该单位登记记录', 'You may not register records for this institution');
  }
  const { type, institutionId, ...fields } = sent;
  const input = toRecordInput(type, institutionId, applyFields(EMPTY_RECORD_BODY, fields));
  const valid = await validateOrThrow(scope.em, input, 'save', undefined, settings);
  try {
    return await scope.em.transactional(async (em) => {
      const censusNumber = await issueCensusNumber(
        em,
        { id: institution.id, code: institution.code, provinceCode },
        type,
      );
      const record = em.create(CensusRecordSchema, {
        censusNumber,
        type,
        institution: em.getReference(InstitutionSchema, institution.id),
        provinceCode,
        status: 'draft',
        body: toBody(valid.normalised),
        ...recordColumns(valid.normalised, valid.derivedDate, valid.tier, valid.keys, censusNumber),
        createdBy: em.getReference(UserSchema, actor.userId),
      });
      await em.flush();
      // Same transaction: the triage list never misses a record (grade, 名录, pH come with it).
      await afterRecordsChanged(em, [record.id]);
      em.create(RecordVersionSchema, {
        record,
        version: record.version,
        actorId: actor.userId,
        actorEmail: actor.email,
        reason: null,
        status: 'draft',
        changes: diffRecords(toRecordInput(type, institutionId, EMPTY_RECORD_BODY), valid.normalised),
        snapshot: record.body,
      });
      recordAudit(em, scope, {
        action: 'record.create',
        entityType: 'census_record',
        entityId: censusNumber,
        after: { censusNumber, callNumber: input.callNumber, title: input.title },
        provinceCode,
        institutionId: institution.id,
      });
      record.institution = institution;
      return { ...presentRecord(record), warnings: valid.warnings };
    });
  } catch (error) {
    return recordConflict(error, input);
  }
}
