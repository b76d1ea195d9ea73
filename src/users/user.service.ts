import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserSchema, type User } from './user.entity.js';
import {
  accountChangeProblems,
  accountInvalid,
  emailTakenDetail,
  newAccountProblems,
  provinceOf,
} from './account-problems.service.js';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from './user.schemas.js';
import { presentManagedUser, presentUser, provinceLabel } from './user.presenter.js';
import { ROLE_LABELS, roleScope } from '../domain/roles.js';
import { InstitutionSchema, type Institution } from '../institutions/institution.entity.js';
import { ProvinceSchema } from '../institutions/province.entity.js';
import {
  canAdministerProvince,
  canManageAccount,
  grantableProvince,
  grantableRoles,
} from '../domain/permissions.rules.js';
import { PROVINCES } from '../institutions/provinces.data.js';
import type { AccountCredentials } from './account-credentials.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { containsPattern } from '../kernel/like-pattern.js';

/** Resolves the account's institution and effective province (the shape was checked before). */
async function resolveShape(em: EntityManager, institutionId: string | null, provinceCode: string | null) {
  const institution = institutionId ? await em.findOneOrFail(InstitutionSchema, { id: institutionId }) : null;
  return { institution, effectiveProvince: institution ? institution.province.code : provinceCode };
}

const forbiddenAccount = () =>
  AppError.forbidden('无权管理此账号或授予此角色', 'You may not manage this account or grant this role');

/** Creates an account (national admins: any; provincial admins: staff roles in their province). */
export async function createUser(scope: Context, input: CreateUserInput, credentials: AccountCredentials) {
  const actor = requireActor(scope);
  // Every problem of the form at once: a weak password, a missing institution and a taken e-mail.
  const problems = await newAccountProblems(scope, input);
  if (problems.length) throw accountInvalid(problems);
  const { institution, effectiveProvince } = await resolveShape(
    scope.em,
    input.institutionId ?? null,
    input.provinceCode ?? null,
  );
  if (!canManageAccount(actor, { role: input.role, provinceCode: effectiveProvince }))
    throw forbiddenAccount();
  const email = input.email.toLowerCase();
  const passwordHash = await credentials.hashPassword(input.password);
  try {
    return await scope.em.transactional(async (em) => {
      const user = em.create(UserSchema, {
        email,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        institution: institution ? em.getReference(InstitutionSchema, institution.id) : null,
        province: input.provinceCode ? em.getReference(ProvinceSchema, input.provinceCode) : null,
        active: true,
      });
      await em.flush();
      if (institution) user.institution = institution;
      const after = presentUser(user);
      recordAudit(em, scope, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after,
        provinceCode: effectiveProvince,
        institutionId: institution?.id ?? null,
      });
      return after;
    });
  } catch (error) {
    // Two administrators creating the same address at once: the constraint decides.
    if (error instanceof UniqueConstraintViolationException) throw accountInvalid([emailTakenDetail(email)]);
    throw error;
  }
}

async function loadUser(em: EntityManager, id: string): Promise<User> {
  const user = await em.findOne(UserSchema, { id }, { populate: ['institution'] });
  if (!user) throw AppError.notFound(`User ${id}`, `用户 ${id} `);
  return user;
}

/** Whether the actor may see this account: themselves, admins over its province, or colleagues of one institution. */
function canSeeUser(actor: ReturnType<typeof requireActor>, user: User): boolean {
  if (actor.userId === user.id) return true;
  const province = provinceOf(user);
  if (province && canAdministerProvince(actor, province)) return true;
  if (actor.role === 'national_admin') return true;
  return actor.institutionId !== null && actor.institutionId === (user.institution as Institution | null)?.id;
}

/** One account. */
export async function getUser(scope: Context, id: string) {
  const actor = requireActor(scope);
  const user = await loadUser(scope.em, id);
  if (!canSeeUser(actor, user)) throw AppError.forbidden();
  return presentManagedUser(user, actor);
}

/** Changes an account; a password reset or deactivation ends its sessions and tokens. */
export async function updateUser(
  scope: Context,
  id: string,
  input: UpdateUserInput,
  credentials: AccountCredentials,
) {
  const actor = requireActor(scope);
  const problems = await accountChangeProblems(scope, id, input);
  if (problems.length) throw accountInvalid(problems);
  const passwordHash =
    input.password !== undefined ? await credentials.hashPassword(input.password) : undefined;
  return scope.em.transactional(async (em) => {
    const user = await loadUser(em, id);
    if (!canManageAccount(actor, { role: user.role, provinceCode: provinceOf(user) }))
      throw forbiddenAccount();
    if (input.version !== undefined && input.version !== user.version) {
      throw AppError.conflict(
        'VERSION_CONFLICT',
        `该账号已被他人修改（当前版本 ${user.version}）`,
        `The account was changed by someone else (current version ${user.version})`,
      );
    }
    const role = input.role ?? user.role;
    const shapeChanges =
      input.role !== undefined || input.institutionId !== undefined || input.provinceCode !== undefined;
    const before = presentUser(user);
    if (shapeChanges) {
      const institutionId =
        input.institutionId !== undefined
          ? input.institutionId
          : ((user.institution as Institution | null)?.id ?? null);
      const provinceCode =
        input.provinceCode !== undefined ? input.provinceCode : (user.province?.code ?? null);
      const { institution, effectiveProvince } = await resolveShape(em, institutionId, provinceCode);
      if (!canManageAccount(actor, { role, provinceCode: effectiveProvince })) throw forbiddenAccount();
      user.role = role;
      user.institution = institution;
      user.province = provinceCode ? em.getReference(ProvinceSchema, provinceCode) : null;
    }
    if (input.displayName !== undefined) user.displayName = input.displayName;
    if (input.active !== undefined) user.active = input.active;
    if (passwordHash) {
      user.passwordHash = passwordHash;
      user.passwordChangedAt = new Date();
    }
    if (passwordHash || input.active === false) await credentials.endSessionsOf(em, user.id);
    await em.flush();
    const after = presentUser(user);
    const change = diffFields(before, after);
    if (passwordHash) change.after.password = '(reset)';
    recordAudit(em, scope, {
      action: 'user.update',
      entityType: 'user',
      entityId: user.id,
      ...change,
      provinceCode: provinceOf(user),
      institutionId: (user.institution as Institution | null)?.id ?? null,
    });
    return presentManagedUser(user, actor);
  });
}

/** Accounts the actor may manage or see, filtered and paginated. */
export async function listUsers(scope: Context, q: ListUsersQuery) {
  const actor = requireActor(scope);
  const where: FilterQuery<User> = {};
  const and: FilterQuery<User>[] = [];
  if (actor.role === 'provincial_admin') {
    and.push({ $or: [{ province: actor.provinceCode }, { institution: { province: actor.provinceCode } }] });
  } else if (actor.role === 'cataloguer' || actor.role === 'conservator') {
    if (q.institutionId && q.institutionId !== actor.institutionId) throw AppError.forbidden();
    and.push({ institution: actor.institutionId });
  } else if (actor.role !== 'national_admin') {
    throw AppError.forbidden('无权查看账号列表', 'You may not list accounts');
  }
  if (q.institutionId) and.push({ institution: q.institutionId });
  if (q.provinceCode)
    and.push({ $or: [{ province: q.provinceCode }, { institution: { province: q.provinceCode } }] });
  if (q.role) and.push({ role: q.role });
  if (q.q) {
    const pattern = containsPattern(q.q);
    and.push({ $or: [{ email: { $ilike: pattern } }, { displayName: { $ilike: pattern } }] });
  }
  if (and.length) where.$and = and;
  const [items, total] = await scope.em.findAndCount(UserSchema, where, {
    populate: ['institution'],
    // People are found by name: the list reads in the order of their display names.
    orderBy: { displayName: 'asc', email: 'asc' },
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: items.map((u) => presentManagedUser(u, actor)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    mayCreate: grantableRoles(actor).length > 0,
  };
}

/** The roles (each with what it belongs to) and the provinces the actor may give new or existing accounts. */
export function roleChoices(scope: Context) {
  const actor = requireActor(scope);
  const only = grantableProvince(actor);
  return {
    roles: grantableRoles(actor).map((role) => ({ role, label: ROLE_LABELS[role], scope: roleScope(role) })),
    provinces: PROVINCES.filter((p) => only === null || p.code === only).map((p) => ({
      code: p.code,
      label: provinceLabel(p.code)!,
    })),
  };
}
