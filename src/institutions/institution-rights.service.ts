// Use case: an institution sets the rights statement of its images (open / on-site only / metadata
// only). Authorised per institution, audited, optimistic locking like any other change.

import { InstitutionSchema } from './institution.entity.js';
import type { RightsStatementInput } from './institution.schemas.js';
import { presentInstitution } from './institution.presenter.js';
import { canSetRightsStatement } from '../domain/permissions.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';

/** Sets the rights statement; 403 outside the actor's institution or province, 409 on a stale version. */
export async function setRightsStatement(scope: Context, id: string, input: RightsStatementInput) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const institution = await em.findOne(InstitutionSchema, { id });
    if (!institution) throw AppError.notFound(`Institution ${id}`, `收藏单位 ${id} `);
    const target = { id: institution.id, provinceCode: institution.province.code };
    if (!canSetRightsStatement(actor, target)) {
      throw AppError.forbidden(
        `无权设置收藏单位「${institution.name}」的图像使用条件`,
        `You may not set the rights statement of ${institution.name}`,
      );
    }
    if (input.version !== undefined && input.version !== institution.version) {
      throw AppError.conflict(
        'VERSION_CONFLICT',
        `该单位已被他人修改（当前版本 ${institution.version}），请刷新后重试`,
        `The institution was changed by someone else (current version ${institution.version}); reload and try again`,
      );
    }
    const before = institution.rightsStatement;
    if (before !== input.rightsStatement) {
      institution.rightsStatement = input.rightsStatement;
      await em.flush();
      recordAudit(em, scope, {
        action: 'institution.rights_statement',
        entityType: 'institution',
        entityId: institution.id,
        before: { rightsStatement: before },
        after: { rightsStatement: input.rightsStatement },
        provinceCode: target.provinceCode,
        institutionId: institution.id,
      });
    }
    return { ...presentInstitution(institution), canSetRightsStatement: true };
  });
}
