// Every problem of an account form at once: the password policy, how the role fits its institution
// or province, whether the institution exists and whether the e-mail is free. The services ask
// before they store anything; the routes ask too when the schema refused part of the body (then
// about what the schema accepted), so the administrator fixes the form in one round.

import type { EntityManager } from '@mikro-orm/postgresql';
import { UserSchema, type User } from './user.entity.js';
import { accountShapeProblems } from './account-shape.rules.js';
import type { CreateUserInput, UpdateUserInput } from './user.schemas.js';
import type { Role } from '../domain/roles.js';
import { InstitutionSchema, type Institution } from '../institutions/institution.entity.js';
import { canManageAccount, grantableRoles } from '../domain/permissions.rules.js';
import { passwordProblem } from '../domain/password-policy.rules.js';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { toDetails } from '../kernel/issues.js';
import type { DeepPartial } from '../kernel/validation.js';

function passwordDetails(password: unknown): ErrorDetail[] {
  if (typeof password !== 'string') return [];
  const problem = passwordProblem(password);
  return problem
    ? [{ path: 'password', rule: 'password_policy', messageZh: problem.zh, messageEn: problem.en }]
    : [];
}

/** How the role fits its institution or province, and whether that institution exists. */
async function shapeDetails(
  em: EntityManager,
  role: Role,
  institutionId: string | null,
  provinceCode: string | null,
): Promise<ErrorDetail[]> {
  const problems = toDetails(accountShapeProblems(role, institutionId, provinceCode));
  if (institutionId && !problems.some((p) => p.path === 'institutionId')) {
    if (!(await em.findOne(InstitutionSchema, { id: institutionId }, { fields: ['id'] }))) {
      problems.push({
        path: 'institutionId',
        value: institutionId,
        rule: 'exists',
        messageZh: `收藏单位 ${institutionId} 不存在`,
        messageEn: `No institution ${institutionId}`,
      });
    }
  }
  return problems;
}

const EMAIL_TAKEN_RULE = 'unique';

/** A detail saying the e-mail is already someone's. */
export function emailTakenDetail(email: string): ErrorDetail {
  return {
    path: 'email',
    value: email,
    rule: EMAIL_TAKEN_RULE,
    messageZh: `邮箱 ${email} 已被使用，邮箱必须唯一`,
    messageEn: `the e-mail ${email} is already in use; e-mail addresses must be unique`,
  };
}

/** The error for a list of problems: a taken e-mail alone is the 409 it always was, anything else one 400. */
export function accountInvalid(details: readonly ErrorDetail[]): AppError {
  const only = details.length === 1 ? details[0]! : null;
  if (only?.path === 'email' && only.rule === EMAIL_TAKEN_RULE) {
    const email = String(only.value);
    return AppError.conflict(
      'EMAIL_TAKEN',
      `邮箱 ${email} 已被使用`,
      `The e-mail ${email} is already in use`,
      details,
    );
  }
  return AppError.badRequest(
    'VALIDATION_FAILED',
    details.map((d) => d.messageZh).join('；'),
    details.map((d) => d.messageEn).join('; '),
    details,
  );
}

/** Every problem of a new account (of the fields given). */
export async function newAccountProblems(
  scope: Context,
  input: DeepPartial<CreateUserInput>,
): Promise<ErrorDetail[]> {
  const actor = requireActor(scope);
  const problems = passwordDetails(input.password);
  if (input.role) {
    problems.push(
      ...(await shapeDetails(scope.em, input.role, input.institutionId ?? null, input.provinceCode ?? null)),
    );
  }
  // Only those who may create accounts learn whether an address is taken.
  if (input.email && grantableRoles(actor).length > 0) {
    const email = input.email.toLowerCase();
    if (await scope.em.findOne(UserSchema, { email }, { fields: ['id'] }))
      problems.push(emailTakenDetail(email));
  }
  return problems;
}

/** The province an account belongs to (its own, or its institution's). */
export function provinceOf(user: User): string | null {
  return user.province?.code ?? (user.institution as Institution | null)?.province.code ?? null;
}

/**
 * Every problem of a change to an account (of the fields given); 404 for an unknown account and
 * 403 for one the actor may not manage, before anything about the fields is said.
 */
export async function accountChangeProblems(
  scope: Context,
  id: string,
  input: DeepPartial<UpdateUserInput>,
): Promise<ErrorDetail[]> {
  const actor = requireActor(scope);
  const user = await scope.em.findOne(UserSchema, { id }, { populate: ['institution'] });
  if (!user) throw AppError.notFound(`User ${id}`, `用户 ${id} `);
  if (!canManageAccount(actor, { role: user.role, provinceCode: provinceOf(user) })) {
    throw AppError.forbidden(
      '无权管理此账号或授予此角色',
      'You may not manage this account or grant this role',
    );
  }
  const problems = passwordDetails(input.password);
  if (input.role !== undefined || input.institutionId !== undefined || input.provinceCode !== undefined) {
    const institutionId =
      input.institutionId !== undefined
        ? input.institutionId
        : ((user.institution as Institution | null)?.id ?? null);
    const provinceCode =
      input.provinceCode !== undefined ? input.provinceCode : (user.province?.code ?? null);
    problems.push(...(await shapeDetails(scope.em, input.role ?? user.role, institutionId, provinceCode)));
  }
  return problems;
}
