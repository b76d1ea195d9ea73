// Use case: an institution sets its reading-room networks, the CIDR ranges whose readers are sent
// the images of its `on_site` records. Allowed to whoever may set its rights statement (the two go
// together), audited, optimistic locking like any other change; a list with any bad entry is
// refused whole.

import { InstitutionSchema } from './institution.entity.js';
import type { OnSiteNetworksInput } from './institution.schemas.js';
import { presentInstitution } from './institution.presenter.js';
import { onSiteNetworkProblems } from './on-site-networks.rules.js';
import { canSetRightsStatement } from '../domain/permissions.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { toDetails } from '../kernel/issues.js';

/** Sets the networks; 400 on any bad entry, 403 outside the actor's reach, 409 on a stale version. */
export async function setOnSiteNetworks(scope: Context, id: string, input: OnSiteNetworksInput) {
  const actor = requireActor(scope);
  const problems = onSiteNetworkProblems(input.networks);
  if (problems.length > 0) {
    throw AppError.badRequest(
      'VALIDATION_FAILED',
      `馆内阅览网络校验失败：${problems.map((p) => p.messageZh).join('；')}`,
      `Invalid reading-room networks: ${problems.map((p) => p.messageEn).join('; ')}`,
      toDetails(problems),
    );
  }
  return scope.em.transactional(async (em) => {
    const institution = await em.findOne(InstitutionSchema, { id });
    if (!institution) throw AppError.notFound(`Institution ${id}`, `收藏单位 ${id} `);
    const target = { id: institution.id, provinceCode: institution.province.code };
    if (!canSetRightsStatement(actor, target)) {
      throw AppError.forbidden(
        `无权设置收藏单位「${institution.name}」的馆内阅览网络`,
        `You may not set the reading-room networks of ${institution.name}`,
      );
    }
    if (input.version !== undefined && input.version !== institution.version) {
      throw AppError.conflict(
        'VERSION_CONFLICT',
        `该单位已被他人修改（当前版本 ${institution.version}），请刷新后重试`,
        `The institution was changed by someone else (current version ${institution.version}); reload and try again`,
      );
    }
    const before = [...(institution.onSiteNetworks ?? [])];
    if (JSON.stringify(before) !== JSON.stringify(input.networks)) {
      institution.onSiteNetworks = [...input.networks];
      await em.flush();
      recordAudit(em, scope, {
        action: 'institution.on_site_networks',
        entityType: 'institution',
        entityId: institution.id,
        before: { onSiteNetworks: before },
        after: { onSiteNetworks: input.networks },
        provinceCode: target.provinceCode,
        institutionId: institution.id,
      });
    }
    return { ...presentInstitution(institution), canSetRightsStatement: true };
  });
}
