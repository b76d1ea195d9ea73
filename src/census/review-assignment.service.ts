import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ReviewAssignmentSchema, type ReviewAssignment } from './review-assignment.entity.js';
import { CensusRecordSchema } from './census-record.entity.js';
import { InstitutionSchema, type Institution } from '../institutions/institution.entity.js';
import { UserSchema, type User } from '../users/user.entity.js';
import { canAdministerProvince } from '../domain/permissions.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';

function present(a: ReviewAssignment) {
  const reviewer = a.reviewer as User;
  const institution = a.institution as Institution;
  return {
    id: a.id,
    reviewerId: reviewer.id,
    reviewerEmail: reviewer.email,
    reviewerName: reviewer.displayName,
    institutionId: institution.id,
    institutionName: institution.name,
    createdAt: a.createdAt.toISOString(),
  };
}

async function loadReviewer(scope: Context, reviewerId: string): Promise<User> {
  const reviewer = await scope.em.findOne(UserSchema, { id: reviewerId });
  if (!reviewer || reviewer.role !== 'reviewer') {
    throw AppError.badRequest(
      'VALIDATION_FAILED',
      `${reviewerId} 不是审校员`,
      `${reviewerId} is not a reviewer`,
      [
        {
          path: 'reviewerId',
          value: reviewerId,
          rule: 'is_reviewer',
          messageZh: '必须是审校员账号',
          messageEn: 'must be a reviewer account',
        },
      ],
    );
  }
  return reviewer;
}

/** Assigns an institution's submissions to a reviewer of the same province (provincial or national admins). */
export async function assignInstitution(scope: Context, reviewerId: string, institutionId: string) {
  const actor = requireActor(scope);
  const reviewer = await loadReviewer(scope, reviewerId);
  const institution = await scope.em.findOne(InstitutionSchema, { id: institutionId });
  if (!institution) throw AppError.notFound(`Institution ${institutionId}`, `收藏单位 ${institutionId} `);
  if (!canAdministerProvince(actor, institution.province.code))
    throw AppError.forbidden('无权为该省分配审校', 'You may not assign reviews in this province');
  if (reviewer.province?.code !== institution.province.code) {
    throw AppError.badRequest(
      'VALIDATION_FAILED',
      '审校员与收藏单位不在同一省份',
      'The reviewer and the institution are in different provinces',
      [
        {
          path: 'reviewerId',
          value: reviewerId,
          rule: 'same_province',
          messageZh: '审校员必须属于该单位所在省份',
          messageEn: "reviewer must belong to the institution's province",
        },
      ],
    );
  }
  try {
    return await scope.em.transactional(async (em) => {
      const a = em.create(ReviewAssignmentSchema, { reviewer, institution, createdBy: actor.userId });
      await em.flush();
      recordAudit(em, scope, {
        action: 'review_assignment.create',
        entityType: 'review_assignment',
        entityId: a.id,
        after: present(a),
        provinceCode: institution.province.code,
        institutionId: institution.id,
      });
      return present(a);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw AppError.conflict(
        'ALREADY_ASSIGNED',
        '该审校员已负责此单位',
        'The reviewer is already assigned to this institution',
      );
    throw error;
  }
}

/** Ends an assignment. */
export async function unassign(scope: Context, id: string) {
  const actor = requireActor(scope);
  await scope.em.transactional(async (em) => {
    const a = await em.findOne(ReviewAssignmentSchema, { id }, { populate: ['institution', 'reviewer'] });
    if (!a) throw AppError.notFound(`Assignment ${id}`, `分配 ${id} `);
    if (!canAdministerProvince(actor, a.institution.province.code)) throw AppError.forbidden();
    const before = present(a);
    em.remove(a);
    await em.flush();
    recordAudit(em, scope, {
      action: 'review_assignment.delete',
      entityType: 'review_assignment',
      entityId: id,
      before,
      provinceCode: a.institution.province.code,
    });
  });
}

/**
 * Assignments the actor administers (their province, or all for national admins; reviewers their
 * own), and for administrators what the assignment form offers: `mayAssign`, the active reviewers
 * and the institutions of their scope (the server still checks each assignment).
 */
export async function listAssignments(scope: Context) {
  const actor = requireActor(scope);
  const province = actor.role === 'provincial_admin' ? actor.provinceCode : null;
  const where =
    actor.role === 'national_admin'
      ? {}
      : province
        ? { institution: { province } }
        : actor.role === 'reviewer'
          ? { reviewer: actor.userId }
          : null;
  if (!where) throw AppError.forbidden();
  const mayAssign = actor.role === 'national_admin' || province !== null;
  const [rows, reviewers, institutions] = await Promise.all([
    scope.em.find(ReviewAssignmentSchema, where, {
      populate: ['reviewer', 'institution'],
      orderBy: { createdAt: 'desc' },
    }),
    mayAssign
      ? scope.em.find(
          UserSchema,
          { role: 'reviewer', active: true, ...(province ? { province } : {}) },
          { orderBy: { displayName: 'asc' } },
        )
      : [],
    mayAssign
      ? scope.em.find(InstitutionSchema, province ? { province } : {}, {
          orderBy: { province: { code: 'asc' }, code: 'asc' },
        })
      : [],
  ]);
  return {
    items: rows.map(present),
    mayAssign,
    reviewers: reviewers.map((u) => ({ id: u.id, name: u.displayName, email: u.email })),
    institutions: institutions.map((i) => ({
      id: i.id,
      name: i.name,
      fullCode: `${i.province.code}-${i.code}`,
    })),
  };
}

/** Assigns single records (a batch) to a reviewer of their province. */
export async function assignRecords(scope: Context, reviewerId: string, censusNumbers: string[]) {
  const actor = requireActor(scope);
  const reviewer = await loadReviewer(scope, reviewerId);
  return scope.em.transactional(async (em) => {
    const records = await em.find(CensusRecordSchema, { censusNumber: { $in: censusNumbers } });
    const missing = censusNumbers.filter((n) => !records.some((r) => r.censusNumber === n));
    if (missing.length)
      throw AppError.notFound(`Records ${missing.join(', ')}`, `记录 ${missing.join('、')} `);
    for (const r of records) {
      if (!canAdministerProvince(actor, r.provinceCode) || reviewer.province?.code !== r.provinceCode)
        throw AppError.forbidden(
          `无权分配记录 ${r.censusNumber}`,
          `You may not assign record ${r.censusNumber}`,
        );
      r.assignedReviewer = reviewer;
      recordAudit(em, scope, {
        action: 'record.assign_reviewer',
        entityType: 'census_record',
        entityId: r.censusNumber,
        after: { reviewerId },
        provinceCode: r.provinceCode,
      });
    }
    await em.flush();
    return { assigned: records.length };
  });
}
