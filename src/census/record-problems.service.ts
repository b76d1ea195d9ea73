// The record rules' problems with what of a record body the request schema accepted: the routes
// ask when the schema refused part of a body, so a record form is fixed in one round (a wrong
// number and a missing title in one answer). The create and update services run the same rules on
// the whole body themselves.

import { CensusRecordSchema } from './census-record.entity.js';
import type { CreateRecordBody, UpdateRecordBody } from './record.schemas.js';
import { applyFields, EMPTY_RECORD_BODY, toRecordInput } from './record-body.js';
import { canCatalogue } from './record-access.rules.js';
import { checkRecord, type RecordRuleSettings } from './record-validation.service.js';
import { assertChangeable, changeReasonProblems } from './record-update.service.js';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { DeepPartial } from '../kernel/validation.js';

/** The rules' problems with a new record (of the fields given; nothing without its type). */
export async function newRecordProblems(
  scope: Context,
  sent: DeepPartial<CreateRecordBody>,
  settings: RecordRuleSettings = {},
): Promise<ErrorDetail[]> {
  requireActor(scope);
  const { type, institutionId, ...fields } = sent;
  if (!type) return [];
  const input = toRecordInput(type, institutionId ?? '', applyFields(EMPTY_RECORD_BODY, fields));
  return (await checkRecord(scope.em, input, 'save', undefined, settings)).errors;
}

/**
 * The problems of a change to a stored record (a missing reason, the rules on the changed record);
 * 404, 403 and 409 (stale version, under review) as the change itself would answer, first.
 */
export async function recordChangeProblems(
  scope: Context,
  censusNumber: string,
  sent: DeepPartial<UpdateRecordBody>,
  settings: RecordRuleSettings = {},
): Promise<ErrorDetail[]> {
  const actor = requireActor(scope);
  const record = await scope.em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
  if (!record) throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
  if (!canCatalogue(actor, { id: record.institution.id, provinceCode: record.provinceCode })) {
    throw AppError.forbidden('无权修改该记录', 'You may not change this record');
  }
  const { version, reason, ...fields } = sent;
  assertChangeable(record, version);
  const before = toRecordInput(record.type, record.institution.id, record.body);
  const input = toRecordInput(record.type, record.institution.id, applyFields(record.body, fields));
  const checked = await checkRecord(scope.em, input, 'save', before, settings);
  return [...changeReasonProblems(record.status, reason), ...checked.errors];
}
