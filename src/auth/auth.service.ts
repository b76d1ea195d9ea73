import type { EntityManager } from '@mikro-orm/postgresql';
import { UserSchema, type User } from '../users/user.entity.js';
import { presentUser } from '../users/user.presenter.js';
import { TOKEN_STATE_LABELS, tokenState, type TokenState } from './token-state.rules.js';
import { AuthTokenSchema, type AuthToken } from './auth-token.entity.js';
import { LoginFailureSchema } from './login-failure.entity.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { passwordProblem } from '../domain/password-policy.rules.js';
import { LOGIN_THROTTLE, retryAfterSeconds } from './login-throttle.rules.js';
import { lockLoginAttempts } from './login-failure.repository.js';
import { actorOf, issueToken, revokeAllTokensOf } from './token.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context, type RequestContext } from '../kernel/context.js';

const LOGIN_LIFETIME_MS = 12 * 3600_000;

async function throttleWait(em: EntityManager, email: string, ip: string): Promise<number> {
  const since = new Date(Date.now() - LOGIN_THROTTLE.windowMs);
  const [byEmail, byIp] = await Promise.all([
    em.find(
      LoginFailureSchema,
      { email, at: { $gte: since } },
      { fields: ['at'], orderBy: { at: 'desc' }, limit: LOGIN_THROTTLE.perEmail },
    ),
    em.find(
      LoginFailureSchema,
      { ip, at: { $gte: since } },
      { fields: ['at'], orderBy: { at: 'desc' }, limit: LOGIN_THROTTLE.perIp },
    ),
  ]);
  return retryAfterSeconds({ byEmail: byEmail.map((f) => f.at), byIp: byIp.map((f) => f.at) }, new Date());
}

/**
 * Counts this attempt as a failure before any password is hashed (it is removed again when the
 * login succeeds), under a lock per e-mail and address: parallel attempts cannot all pass a count
 * taken before any of them was recorded. Returns the seconds to wait, or 0 when the attempt may go on.
 */
async function claimAttempt(em: EntityManager, email: string, ip: string): Promise<number> {
  return em.transactional(async (tem) => {
    await lockLoginAttempts(tem, email, ip);
    const wait = await throttleWait(tem, email, ip);
    if (wait === 0) await tem.insert(LoginFailureSchema, { email, ip, at: new Date() });
    return wait;
  });
}

/** Checks credentials (throttled per e-mail and client address) and issues a login token. */
export async function login(scope: RequestContext, email: string, password: string) {
  const normalised = email.toLowerCase();
  const em = scope.em;
  const wait = await claimAttempt(em, normalised, scope.ip);
  if (wait > 0) {
    throw new AppError(
      429,
      'TOO_MANY_ATTEMPTS',
      `登录失败次数过多，请 ${wait} 秒后再试`,
      `Too many failed logins; try again in ${wait} seconds`,
      [],
      { retryAfter: wait },
    );
  }
  const user = await em.findOne(UserSchema, { email: normalised }, { populate: ['institution'] });
  // Always run the KDF so response time does not reveal whether the e-mail exists.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.active) {
    // The attempt was already counted as a failure by claimAttempt.
    throw new AppError(401, 'INVALID_CREDENTIALS', '邮箱或密码错误', 'Wrong e-mail or password');
  }
  return em.transactional(async (tem) => {
    await tem.nativeDelete(LoginFailureSchema, { email: normalised });
    const expiresAt = new Date(Date.now() + LOGIN_LIFETIME_MS);
    const { token, secret } = issueToken(tem, user, { kind: 'login', expiresAt });
    await tem.flush();
    // The person who logged in is the actor of their login (not "the system").
    recordAudit(
      tem,
      { ...scope, actor: actorOf(user, token.id, false) },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, tokenId: token.id, ip: scope.ip },
      },
    );
    return {
      token: secret,
      csrfToken: token.csrfToken!,
      expiresAt: expiresAt.toISOString(),
      user: presentUser(user),
    };
  });
}

/** Ends the current login token. */
export async function logout(scope: Context) {
  const actor = requireActor(scope);
  await scope.em.transactional(async (em) => {
    await em.nativeUpdate(AuthTokenSchema, { id: actor.tokenId }, { revokedAt: new Date() });
    recordAudit(em, scope, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

/** The caller's own account. */
export async function currentUser(scope: Context) {
  const actor = requireActor(scope);
  const user = await scope.em.findOneOrFail(UserSchema, { id: actor.userId }, { populate: ['institution'] });
  return presentUser(user);
}

/** Changes the caller's password after checking the current one; other sessions and tokens end. */
export async function changePassword(scope: Context, currentPassword: string, newPassword: string) {
  const actor = requireActor(scope);
  const problem = passwordProblem(newPassword);
  if (problem) {
    throw AppError.badRequest('VALIDATION_FAILED', problem.zh, problem.en, [
      { path: 'newPassword', rule: 'password_policy', messageZh: problem.zh, messageEn: problem.en },
    ]);
  }
  const user = await scope.em.findOneOrFail(UserSchema, { id: actor.userId });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw AppError.badRequest('WRONG_CURRENT_PASSWORD', '当前密码不正确', 'The current password is wrong', [
      {
        path: 'currentPassword',
        rule: 'matches',
        messageZh: '当前密码不正确',
        messageEn: 'The current password is wrong',
      },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  await scope.em.transactional(async (em) => {
    await em.nativeUpdate(UserSchema, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
    await revokeAllTokensOf(em, user.id, actor.tokenId);
    recordAudit(em, scope, { action: 'auth.password_change', entityType: 'user', entityId: user.id });
  });
}

function presentToken(t: AuthToken) {
  return {
    id: t.id,
    name: t.name ?? null,
    kind: t.kind,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    ...presentTokenState(tokenState(t, new Date())),
  };
}

function presentTokenState(state: TokenState) {
  // A revoked token cannot be revoked again; an expired one still can (it says so in the list).
  return { state, stateLabel: TOKEN_STATE_LABELS[state], mayRevoke: state !== 'revoked' };
}

/** Creates a named personal API token; the secret is shown once in the answer. */
export async function createPersonalToken(
  scope: Context,
  name: string,
  expiresInDays: number | null | undefined,
) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const user = em.getReference(UserSchema, actor.userId) as User;
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const { token, secret } = issueToken(em, user, { kind: 'personal', name, expiresAt });
    await em.flush();
    recordAudit(em, scope, {
      action: 'token.create',
      entityType: 'auth_token',
      entityId: token.id,
      after: { name, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ...presentToken(token), token: secret };
  });
}

/** The caller's personal API tokens (never their secrets). */
export async function listPersonalTokens(scope: Context) {
  const actor = requireActor(scope);
  const tokens = await scope.em.find(
    AuthTokenSchema,
    { user: actor.userId, kind: 'personal' },
    { orderBy: { createdAt: 'desc' } },
  );
  return { items: tokens.map(presentToken) };
}

/** Revokes one of the caller's personal tokens (national admins may revoke anyone's). */
export async function revokePersonalToken(scope: Context, id: string) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const token = await em.findOne(AuthTokenSchema, { id, kind: 'personal' });
    if (!token) throw AppError.notFound(`Token ${id}`, `令牌 ${id} `);
    if (token.user.id !== actor.userId && actor.role !== 'national_admin') throw AppError.forbidden();
    const before = presentToken(token);
    token.revokedAt ??= new Date();
    await em.flush();
    recordAudit(em, scope, {
      action: 'token.revoke',
      entityType: 'auth_token',
      entityId: token.id,
      before,
      after: presentToken(token),
    });
    return presentToken(token);
  });
}
