import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UserSchema } from '../users/user.entity.js';

/**
 * A credential: the token of a login (used as bearer token or as the session cookie) or a named
 * personal API token. Only the SHA-256 of the secret is stored.
 */
export const AuthTokenSchema = defineEntity({
  name: 'AuthToken',
  tableName: 'auth_token',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(UserSchema).index().deleteRule('cascade'),
    kind: p.enum(['login', 'personal']),
    name: p.string().length(100).nullable(),
    secretHash: p.string().length(64).unique(),
    csrfToken: p.string().length(64).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type AuthToken = InferEntity<typeof AuthTokenSchema>;
