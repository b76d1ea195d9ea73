import { z } from 'zod';
import { userResponse } from '../users/user.schemas.js';
import { TOKEN_STATES } from './token-state.rules.js';

export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const loginResponse = z.object({
  token: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  user: userResponse,
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string(),
});

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const tokenResponse = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  kind: z.enum(['login', 'personal']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: z.enum(TOKEN_STATES),
  stateLabel: z.object({ zh: z.string(), en: z.string() }),
  mayRevoke: z.boolean(),
});

export const tokenIdParams = z.strictObject({ id: z.uuid() });
