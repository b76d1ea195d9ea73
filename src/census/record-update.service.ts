import { CensusRecordSchema } from './census-record.entity.js';
import { RecordVersionSchema } from './record-version.entity.js';
import type { UpdateRecordBody } from './record.schemas.js';
import type { RecordStatus } from '../domain/record.types.js';
import { applyFields, toBody, toRecordInput } from './record-body.js';
import { recordColumns } from './record-columns.js';
import { canCatalogue } from './record-access.rules.js';
import { EDITABLE_WITH_REASON, FREELY_EDITABLE, statusLabelZh } from '../domain/record-workflow.rules.js';
import { recordConflict, validateOrThrow, type RecordRuleSettings } from './record-validation.service.js';
import { presentRecord } from './record.presenter.js';
import { diffRecords } from './record-diff.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { RecordsChangedListener } from '../kernel/deps.js';

/** 409 when the client saw an older version, or while the record is under review. */
export function assertChangeable(record: { version: number; status: RecordStatus }, version?: number): void {
  if (version !== undefined && version !== record.version) {
    throw AppError.conflict(
      'VERSION_CONFLICT',
      `记录已被他人修改（当前版本 ${record.version}），请刷新后重试`,
      `The record was changed by someone else (current version ${record.version}); reload and try again`,
    );
  }
  if (!FREELY_EDITABLE.includes(record.status) && !EDITABLE_WITH_REASON.includes(record.status)) {
    throw AppError.conflict(
      'RECORD_LOCKED',
      `记录处于「${statusLabelZh(record.status)}」状态，审校期间不能修改`,
      `The record is ${record.status}: it cannot be changed while under review`,
    );
  }
}

/** A reason is owed for changing an approved or published record. */
export function changeReasonProblems(status: RecordStatus, reason: string | undefined): ErrorDetail[] {
  if (!EDITABLE_WITH_REASON.includes(status) || reason?.trim()) return [];
  return [
    {
      path: 'reason',
      rule: 'required_after_approval',
      messageZh: '请填写修改理由',
      messageEn: 'reason is required',
    },
  ];
}

/**
 * Changes a record. Drafts and returned records change freely; approved and published ones only
 * with a reason, each change a new version (who, when, why, field-level diff); records under
 * review are locked.
 */
export async function updateRecord(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  censusNumber: string,
  sent: UpdateRecordBody,
  settings: RecordRuleSettings = {},
) {
  const actor = requireActor(scope);
  const { version, reason, ...fields } = sent;
  return scope.em
    .transactional(async (em) => {
      const record = await em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
      if (!record) throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
      if (!canCatalogue(actor, { id: record.institution.id, provinceCode: record.provinceCode })) {
        throw AppError.forbidden('无权修改该记录', 'You may not change this record');
      }
      assertChangeable(record, version);
      // A missing reason comes in one answer with the fields' problems.
      const reasonProblems = changeReasonProblems(record.status, reason);
      const before = toRecordInput(record.type, record.institution.id, record.body);
      const input = toRecordInput(record.type, record.institution.id, applyFields(record.body, fields));
      const valid = await validateOrThrow(em, input, 'save', before, settings, reasonProblems);
      if (reasonProblems.length) {
        throw AppError.badRequest(
          'REASON_REQUIRED',
          '修改已通过或已发布的记录必须说明理由',
          'Changing an approved or published record needs a reason',
          reasonProblems,
        );
      }
      const changes = diffRecords(before, valid.normalised);
      if (!changes.length) return { ...presentRecord(record), warnings: valid.warnings };
      em.assign(record, {
        body: toBody(valid.normalised),
        ...recordColumns(valid.normalised, valid.derivedDate, valid.tier, valid.keys, record.censusNumber),
      });
      await em.flush();
      // A published record's catalogue entry follows; a changed grade, 名录 number or catalogued
      // pH re-ranks the record; both in the same transaction.
      await afterRecordsChanged(em, [record.id]);
      em.create(RecordVersionSchema, {
        record,
        version: record.version,
        actorId: actor.userId,
        actorEmail: actor.email,
        reason: reason ?? null,
        status: record.status,
        changes,
        snapshot: record.body,
      });
      recordAudit(em, scope, {
        action: 'record.update',
        entityType: 'census_record',
        entityId: censusNumber,
        before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
        after: {
          ...Object.fromEntries(changes.map((c) => [c.field, c.after])),
          ...(reason ? { reason } : {}),
        },
        provinceCode: record.provinceCode,
        institutionId: record.institution.id,
      });
      return { ...presentRecord(record), warnings: valid.warnings };
    })
    .catch((error: unknown) =>
      recordConflict(error, {
        callNumber: fields.callNumber ?? '',
        preciousListNumber: fields.preciousListNumber ?? null,
      } as never),
    );
}
