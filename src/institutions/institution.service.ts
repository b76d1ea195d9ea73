import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { InstitutionSchema, type Institution } from './institution.entity.js';
import { ProvinceSchema } from './province.entity.js';
import type {
  CreateInstitutionInput,
  ListInstitutionsQuery,
  UpdateInstitutionInput,
} from './institution.schemas.js';
import { presentInstitution } from './institution.presenter.js';
import {
  canAdministerProvince,
  canSetNationalDesignations,
  canSetRightsStatement,
  canViewInstitutionStaff,
  NATIONAL_DESIGNATIONS,
} from '../domain/permissions.rules.js';
import { PROVINCES } from './provinces.data.js';
import { INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES, KEY_PROTECTION_BATCHES } from './institution-types.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { containsPattern } from '../kernel/like-pattern.js';

function codeTaken(provinceCode: string, code: string): AppError {
  return AppError.conflict(
    'INSTITUTION_CODE_TAKEN',
    `省份 ${provinceCode} 内已有代码为 ${code} 的单位（单位代码在省内唯一）`,
    `An institution with code ${code} already exists in province ${provinceCode} (codes are unique within a province)`,
    [
      {
        path: 'code',
        value: code,
        rule: 'unique_within_province',
        messageZh: '单位代码在省内唯一',
        messageEn: 'code must be unique within the province',
      },
    ],
  );
}

function codeTakenDetail(code: string): ErrorDetail {
  return {
    path: 'code',
    value: code,
    rule: 'unique_within_province',
    messageZh: `单位代码 ${code} 在该省已被使用（单位代码在省内唯一）`,
    messageEn: `code ${code} is already used in the province (codes are unique within a province)`,
  };
}

/**
 * Every problem of an institution form the schema cannot see (of the fields given): a code already
 * used in the province. `id`: the institution being changed (its current province and code fill in
 * what the change leaves out).
 */
export async function institutionProblems(
  scope: Context,
  input: { provinceCode?: string; code?: string },
  id?: string,
): Promise<ErrorDetail[]> {
  requireActor(scope);
  let { provinceCode, code } = input;
  if (id) {
    if (provinceCode === undefined && code === undefined) return [];
    const current = await scope.em.findOne(InstitutionSchema, { id });
    if (!current) return [];
    provinceCode ??= current.province.code;
    code ??= current.code;
    if (provinceCode === current.province.code && code === current.code) return [];
  }
  if (!provinceCode || !code) return [];
  const clash = await scope.em.findOne(
    InstitutionSchema,
    { province: provinceCode, code, ...(id ? { id: { $ne: id } } : {}) },
    { fields: ['id'] },
  );
  return clash ? [codeTakenDetail(code)] : [];
}

/** A taken code alone is the 409 it always was; with other problems, one 400 naming them all. */
function institutionInvalid(details: readonly ErrorDetail[], provinceCode: string, code: string): AppError {
  if (details.length === 1 && details[0]!.rule === 'unique_within_province')
    return codeTaken(provinceCode, code);
  return AppError.badRequest(
    'VALIDATION_FAILED',
    details.map((d) => d.messageZh).join('；'),
    details.map((d) => d.messageEn).join('; '),
    details,
  );
}

function forbiddenProvince(provinceCode: string): AppError {
  return AppError.forbidden(
    `无权管理省份 ${provinceCode} 的单位`,
    `You may not manage institutions of province ${provinceCode}`,
  );
}

/**
 * Refuses a change to a national designation by anyone but a national admin; sending the value the
 * institution already has (a form sending every field back) is no change.
 */
function assertDesignations(
  actor: ReturnType<typeof requireActor>,
  input: Partial<Record<(typeof NATIONAL_DESIGNATIONS)[number], unknown>>,
  current: { isRestorationCentre: boolean; keyProtectionBatch: number | null },
): void {
  if (canSetNationalDesignations(actor)) return;
  for (const field of NATIONAL_DESIGNATIONS) {
    const value = input[field];
    if (value === undefined || value === current[field]) continue;
    throw new AppError(
      403,
      'NATIONAL_DECISION',
      `${field} 由国家级管理员决定，省级管理员不能设置`,
      `${field} is a national decision: only a national administrator may set it`,
      [
        {
          path: field,
          value,
          rule: 'national_admin_only',
          messageZh: `${field} 只能由国家级管理员设置`,
          messageEn: `${field} may only be set by a national administrator`,
        },
      ],
    );
  }
}

/** Creates an institution (national admins anywhere, provincial admins in their province). */
export async function createInstitution(scope: Context, input: CreateInstitutionInput) {
  const actor = requireActor(scope);
  if (!canAdministerProvince(actor, input.provinceCode)) throw forbiddenProvince(input.provinceCode);
  assertDesignations(actor, input, { isRestorationCentre: false, keyProtectionBatch: null });
  const problems = await institutionProblems(scope, input);
  if (problems.length) throw institutionInvalid(problems, input.provinceCode, input.code);
  try {
    return await scope.em.transactional(async (em) => {
      const { provinceCode, ...fields } = input;
      const institution = em.create(InstitutionSchema, {
        ...fields,
        province: em.getReference(ProvinceSchema, provinceCode),
        isRestorationCentre: input.isRestorationCentre ?? false,
      });
      await em.flush();
      const after = presentInstitution(institution);
      recordAudit(em, scope, {
        action: 'institution.create',
        entityType: 'institution',
        entityId: institution.id,
        after,
        provinceCode: input.provinceCode,
        institutionId: institution.id,
      });
      return after;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw codeTaken(input.provinceCode, input.code);
    throw error;
  }
}

async function loadInstitution(scope: Context, id: string): Promise<Institution> {
  const institution = await scope.em.findOne(InstitutionSchema, { id });
  if (!institution) throw AppError.notFound(`Institution ${id}`, `收藏单位 ${id} `);
  return institution;
}

/** One institution; any logged-in account may read it. */
export async function getInstitution(scope: Context, id: string) {
  const actor = requireActor(scope);
  const institution = await loadInstitution(scope, id);
  const place = { id: institution.id, provinceCode: institution.province.code };
  const administers = canAdministerProvince(actor, place.provinceCode);
  const setRights = canSetRightsStatement(actor, place);
  return {
    ...presentInstitution(institution),
    canSetRightsStatement: setRights,
    abilities: {
      edit: administers,
      setRightsStatement: setRights,
      // The networks go with the statement they serve (institution-on-site.service.ts).
      setOnSiteNetworks: setRights,
      setNationalDesignations: canSetNationalDesignations(actor),
      viewStaff: canViewInstitutionStaff(actor, place),
      addStaff: administers,
    },
  };
}

/** The institution form's choices for the caller: the provinces they administer, the types and batches. */
export function institutionFormOptions(scope: Context) {
  const actor = requireActor(scope);
  return {
    provinces: PROVINCES.filter((p) => canAdministerProvince(actor, p.code)).map((p) => ({
      code: p.code,
      label: { zh: p.nameZh, en: p.nameEn },
    })),
    types: INSTITUTION_TYPES.map((value) => ({ value, label: INSTITUTION_TYPE_LABELS[value] })),
    batches: KEY_PROTECTION_BATCHES,
    setNationalDesignations: canSetNationalDesignations(actor),
  };
}

/** Changes an institution; moving it to another province needs rights over both provinces. */
export async function updateInstitution(scope: Context, id: string, input: UpdateInstitutionInput) {
  const actor = requireActor(scope);
  try {
    return await scope.em.transactional(async (em) => {
      const institution = await em.findOne(InstitutionSchema, { id });
      if (!institution) throw AppError.notFound(`Institution ${id}`, `收藏单位 ${id} `);
      const currentProvince = institution.province.code;
      if (!canAdministerProvince(actor, currentProvince)) throw forbiddenProvince(currentProvince);
      if (input.provinceCode && !canAdministerProvince(actor, input.provinceCode))
        throw forbiddenProvince(input.provinceCode);
      assertDesignations(actor, input, {
        isRestorationCentre: institution.isRestorationCentre,
        keyProtectionBatch: institution.keyProtectionBatch ?? null,
      });
      if (input.version !== undefined && input.version !== institution.version) {
        throw AppError.conflict(
          'VERSION_CONFLICT',
          `该单位已被他人修改（当前版本 ${institution.version}），请刷新后重试`,
          `The institution was changed by someone else (current version ${institution.version}); reload and try again`,
        );
      }
      const problems = await institutionProblems(scope, input, id);
      if (problems.length) {
        throw institutionInvalid(
          problems,
          input.provinceCode ?? currentProvince,
          input.code ?? institution.code,
        );
      }
      const before = presentInstitution(institution);
      const { provinceCode, version: _version, ...fields } = input;
      em.assign(institution, {
        ...fields,
        ...(provinceCode ? { province: em.getReference(ProvinceSchema, provinceCode) } : {}),
      });
      await em.flush();
      const after = presentInstitution(institution);
      const change = diffFields(before, after);
      recordAudit(em, scope, {
        action: 'institution.update',
        entityType: 'institution',
        entityId: institution.id,
        ...change,
        provinceCode: institution.province.code,
        institutionId: institution.id,
      });
      return after;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw codeTaken(input.provinceCode ?? '(current)', input.code ?? '(current)');
    }
    throw error;
  }
}

/** Paginated list with filters; any logged-in account may read it. */
export async function listInstitutions(scope: Context, q: ListInstitutionsQuery) {
  const actor = requireActor(scope);
  const where: FilterQuery<Institution> = {};
  if (q.provinceCode) where.province = q.provinceCode;
  if (q.type) where.type = q.type;
  if (q.q) where.$or = [{ name: { $ilike: containsPattern(q.q) } }, { code: q.q }];
  if (q.keyProtection) where.keyProtectionBatch = q.keyProtection === 'true' ? { $ne: null } : null;
  if (q.restorationCentre) where.isRestorationCentre = q.restorationCentre === 'true';
  const [items, total] = await scope.em.findAndCount(InstitutionSchema, where, {
    orderBy: { province: 'asc', code: 'asc' },
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: items.map(presentInstitution),
    total,
    page: q.page,
    pageSize: q.pageSize,
    // Administrators register institutions (a provincial admin in their province).
    mayCreate: PROVINCES.some((p) => canAdministerProvince(actor, p.code)),
  };
}
