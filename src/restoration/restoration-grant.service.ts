import { CensusRecordSchema } from '../census/census-record.entity.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { RestorationGrantSchema, type RestorationGrant } from './restoration-grant.entity.js';
import { canGrantRestoration } from './work-order-access.rules.js';
import { capabilitiesOf } from './work-order-access.service.js';
import type { GrantBody } from './work-order.schemas.js';

function presentGrant(g: RestorationGrant, censusNumber: string) {
  return {
    id: g.id,
    censusNumber,
    centre: { id: g.centre.id, name: g.centre.name },
    note: g.note ?? null,
    grantedBy: g.grantedBy,
    grantedAt: g.grantedAt.toISOString(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
    active: !g.revokedAt,
  };
}

const noGrantRight = () =>
  AppError.forbidden(
    '只有持有单位的普查员、修复室负责人或管理员可以授权修复中心',
    "Only the holding institution's cataloguers or studio head, or admins, may grant a record's restoration",
  );

/** The holding institution grants a record's restoration to a national restoration centre (explicit, audited). */
export async function grantRestoration(scope: Context, body: GrantBody) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const record = await em.findOne(
      CensusRecordSchema,
      { censusNumber: body.censusNumber },
      { populate: ['institution'] },
    );
    if (!record) throw AppError.notFound(`Record ${body.censusNumber}`, `记录 ${body.censusNumber} `);
    const isHead = (await capabilitiesOf(em, actor.userId)).has('studio_head');
    if (
      !canGrantRestoration(
        actor,
        { institutionId: record.institution.id, provinceCode: record.provinceCode },
        isHead,
      )
    ) {
      throw noGrantRight();
    }
    const centre = await em.findOne(InstitutionSchema, { id: body.centreId });
    if (!centre?.isRestorationCentre) {
      throw AppError.badRequest(
        'NOT_A_RESTORATION_CENTRE',
        `单位 ${body.centreId} 不是修复中心`,
        `institution ${body.centreId} is not a restoration centre`,
        [
          {
            path: 'centreId',
            value: body.centreId,
            rule: 'restoration_centre',
            messageZh: '须为标记为修复中心的单位',
            messageEn: 'must be an institution flagged as a restoration centre',
          },
        ],
      );
    }
    const grant = em.create(RestorationGrantSchema, {
      record,
      centre,
      note: body.note ?? null,
      grantedBy: actor.userId,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: 'restoration_grant.create',
      entityType: 'restoration_grant',
      entityId: grant.id,
      after: { censusNumber: record.censusNumber, centreId: centre.id, note: grant.note ?? null },
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
    return presentGrant(grant, record.censusNumber);
  });
}

/** Ends a grant: the centre's staff lose access to the record's orders. */
export async function revokeGrant(scope: Context, id: string) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const grant = await em.findOne(
      RestorationGrantSchema,
      { id },
      { populate: ['record', 'record.institution', 'centre'] },
    );
    if (!grant) throw AppError.notFound(`Grant ${id}`, `授权 ${id} `);
    const record = grant.record;
    const isHead = (await capabilitiesOf(em, actor.userId)).has('studio_head');
    if (
      !canGrantRestoration(
        actor,
        { institutionId: record.institution.id, provinceCode: record.provinceCode },
        isHead,
      )
    ) {
      throw noGrantRight();
    }
    if (!grant.revokedAt) {
      grant.revokedAt = new Date();
      grant.revokedBy = actor.userId;
      await em.flush();
      recordAudit(em, scope, {
        action: 'restoration_grant.revoke',
        entityType: 'restoration_grant',
        entityId: grant.id,
        after: { censusNumber: record.censusNumber, centreId: grant.centre.id },
        provinceCode: record.provinceCode,
        institutionId: record.institution.id,
      });
    }
    return presentGrant(grant, record.censusNumber);
  });
}
