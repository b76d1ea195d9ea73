import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthTokenSchema, type AuthToken } from './auth-token.entity.js';
import { UserSchema, type User } from '../users/user.entity.js';
import type { Institution } from '../institutions/institution.entity.js';
import type { Actor } from '../kernel/actor.js';

const TOKEN_PREFIX = 'cns_';

/** SHA-256 of a token secret: what the database keeps, so a leaked table grants nothing. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Issues a new token for a user; the secret is returned once and never stored. */
export function issueToken(
  em: EntityManager,
  user: User,
  options: { kind: 'login' | 'personal'; name?: string | null; expiresAt: Date | null },
): { token: AuthToken; secret: string } {
  const secret = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const token = em.create(AuthTokenSchema, {
    user,
    kind: options.kind,
    name: options.name ?? null,
    secretHash: hashSecret(secret),
    csrfToken: options.kind === 'login' ? crypto.randomBytes(24).toString('base64url') : null,
    expiresAt: options.expiresAt,
  });
  return { token, secret };
}

/** Resolves a presented secret to the acting user, or null when unknown, revoked, expired or inactive. */
export async function authenticateSecret(
  em: EntityManager,
  secret: string,
  viaCookie: boolean,
): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null;
  const token = await em.findOne(
    AuthTokenSchema,
    { secretHash: hashSecret(secret), revokedAt: null },
    { populate: ['user', 'user.institution'] },
  );
  if (!token) return null;
  const now = new Date();
  if (token.expiresAt && token.expiresAt <= now) return null;
  const user = token.user as User;
  if (!user.active) return null;
  // Touch at most once a minute: last-used is informative, not worth a write per request.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await em.nativeUpdate(AuthTokenSchema, { id: token.id }, { lastUsedAt: now });
  }
  return actorOf(user, token.id, viaCookie);
}

/** The actor a user is when acting through a token (institution and province loaded on the user). */
export function actorOf(user: User, tokenId: string, viaCookie: boolean): Actor {
  const institution = user.institution as Institution | null;
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    institutionId: institution?.id ?? null,
    provinceCode: user.province?.code ?? institution?.province.code ?? null,
    tokenId,
    viaCookie,
  };
}

/** Ends every login and personal token of a user (password reset, deactivation). */
export async function revokeAllTokensOf(
  em: EntityManager,
  userId: string,
  exceptTokenId?: string,
): Promise<void> {
  await em.nativeUpdate(
    AuthTokenSchema,
    { user: userId, revokedAt: null, ...(exceptTokenId ? { id: { $ne: exceptTokenId } } : {}) },
    { revokedAt: new Date() },
  );
}

/** The CSRF token bound to a login token. */
export async function csrfTokenOf(em: EntityManager, tokenId: string): Promise<string | null> {
  const token = await em.findOne(AuthTokenSchema, { id: tokenId });
  return token?.csrfToken ?? null;
}

export { UserSchema };
