import { UserSchema } from '../users/user.entity.js';
import { canAdministerProvince } from '../domain/permissions.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { RestorationRoleSchema } from './restoration-role.entity.js';
import type { RestorationRoleName } from './work-order.schemas.js';

const forbidden = () =>
  AppError.forbidden(
    '只有该单位所在省的省级管理员或国家级管理员可以任命修复室负责人或验收人',
    "Only the provincial admin of the account's province, or a national admin, may appoint studio heads and inspectors",
  );

/** Appoints an institution account studio head or inspector (provincial admins of its province, national admins). */
export async function grantRole(scope: Context, body: { userId: string; role: RestorationRoleName }) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const user = await em.findOne(
      UserSchema,
      { id: body.userId },
      { populate: ['institution', 'institution.province'] },
    );
    if (!user) throw AppError.notFound(`User ${body.userId}`, `用户 ${body.userId} `);
    if (!user.institution) {
      throw AppError.badRequest(
        'NOT_INSTITUTION_ACCOUNT',
        '修复室负责人和验收人须为单位人员',
        'Studio heads and inspectors must belong to an institution',
        [
          {
            path: 'userId',
            value: body.userId,
            rule: 'institution_account',
            messageZh: '须为单位账号',
            messageEn: 'must be an institution account',
          },
        ],
      );
    }
    if (!canAdministerProvince(actor, user.institution.province.code)) throw forbidden();
    const existing = await em.findOne(RestorationRoleSchema, { user: user.id, role: body.role });
    const row =
      existing ?? em.create(RestorationRoleSchema, { user, role: body.role, grantedBy: actor.userId });
    await em.flush();
    if (!existing) {
      recordAudit(em, scope, {
        action: 'restoration_role.grant',
        entityType: 'restoration_role',
        entityId: row.id,
        after: { userId: user.id, role: body.role },
        provinceCode: user.institution.province.code,
        institutionId: user.institution.id,
      });
    }
    return { id: row.id, userId: user.id, role: row.role, createdAt: row.createdAt.toISOString() };
  });
}

/** Withdraws an appointment. */
export async function revokeRole(scope: Context, id: string) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const row = await em.findOne(
      RestorationRoleSchema,
      { id },
      { populate: ['user', 'user.institution', 'user.institution.province'] },
    );
    if (!row) throw AppError.notFound(`Restoration role ${id}`, `任命 ${id} `);
    const institution = row.user.institution;
    if (!institution || !canAdministerProvince(actor, institution.province.code)) throw forbidden();
    em.remove(row);
    recordAudit(em, scope, {
      action: 'restoration_role.revoke',
      entityType: 'restoration_role',
      entityId: id,
      before: { userId: row.user.id, role: row.role },
      provinceCode: institution.province.code,
      institutionId: institution.id,
    });
    await em.flush();
  });
}
