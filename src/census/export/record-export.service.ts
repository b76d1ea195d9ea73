import type { RecordInput, RecordStatus } from '../../domain/record.types.js';
import { recordPageAfter } from './record-export.repository.js';
import { InstitutionSchema } from '../../institutions/institution.entity.js';
import { presentInstitution } from '../../institutions/institution.presenter.js';
import { canCatalogue } from '../record-access.rules.js';
import { toRecordInput } from '../record-body.js';
import { AppError } from '../../kernel/app-error.js';
import { requireActor, type Context } from '../../kernel/context.js';

const PAGE = 1000;

/** The institution an export is for, after checking that the caller catalogues it. */
export async function exportableInstitution(scope: Context, institutionId: string) {
  const actor = requireActor(scope);
  const institution = await scope.em.findOne(InstitutionSchema, { id: institutionId });
  if (!institution) throw AppError.notFound(`Institution ${institutionId}`, `收藏单位 ${institutionId} `);
  if (
    !canCatalogue(actor, { id: institution.id, provinceCode: institution.province.code }) &&
    !(actor.role === 'reviewer' && actor.provinceCode === institution.province.code)
  ) {
    throw AppError.forbidden('无权导出该单位的记录', "You may not export this institution's records");
  }
  return presentInstitution(institution);
}

/** An institution's records in census-number order, read page by page (keyset) so an export never sits in memory. */
export async function* recordsInNumberOrder(
  scope: Context,
  institutionId: string,
  statuses: readonly RecordStatus[],
): AsyncGenerator<RecordInput & { censusNumber: string }> {
  let after = '';
  for (;;) {
    const rows = await recordPageAfter(scope.em, institutionId, statuses, after, PAGE);
    for (const r of rows)
      yield { ...toRecordInput(r.type, institutionId, r.body), censusNumber: r.census_number };
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.census_number;
  }
}
