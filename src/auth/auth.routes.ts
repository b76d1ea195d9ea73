import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import {
  changePasswordBody,
  createTokenBody,
  loginBody,
  loginResponse,
  tokenIdParams,
  tokenResponse,
} from './auth.schemas.js';
import {
  changePassword,
  createPersonalToken,
  currentUser,
  listPersonalTokens,
  login,
  logout,
  revokePersonalToken,
} from './auth.service.js';
import { csrfTokenOf } from './token.service.js';
import { requireHttpsWhenSecure, SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';
import { userResponse } from '../users/user.schemas.js';
import { STAFF_AREAS, staffAreasOf } from './staff-areas.rules.js';

const tag = 'Auth 认证';

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in with e-mail and password → bearer token (also set as the web session cookie)',
    tag,
    auth: 'public',
    successStatus: 200,
    body: loginBody,
    response: loginResponse,
    handler: async ({ scope, body, koa, deps }) => {
      requireHttpsWhenSecure(koa, deps.config.secureCookies);
      const result = await login(scope, body.email, body.password);
      koa.cookies.set(SESSION_COOKIE, result.token, {
        ...sessionCookieOptions(deps.config.secureCookies),
        expires: new Date(result.expiresAt),
      });
      return { status: 200, body: result };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the current login (token or session)',
    tag,
    auth: 'user',
    successStatus: 204,
    handler: async ({ scope, koa, deps }) => {
      await logout(scope);
      // A Secure cookie can only be cleared over https; over plain HTTP it was never sent anyway.
      if (!deps.config.secureCookies || koa.secure)
        koa.cookies.set(SESSION_COOKIE, null, sessionCookieOptions(deps.config.secureCookies));
      return { status: 204, body: null };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The logged-in account, with the CSRF token of a web session',
    tag,
    auth: 'user',
    response: z.object({
      user: userResponse,
      csrfToken: z.string().nullable(),
      areas: z.array(z.enum(STAFF_AREAS)),
    }),
    handler: async ({ scope }) => {
      const user = await currentUser(scope);
      return {
        body: {
          user,
          // What the web's navigation offers this user (the server decides, the page shows).
          areas: staffAreasOf(user.role),
          csrfToken: scope.actor?.viaCookie ? await csrfTokenOf(scope.em, scope.actor.tokenId) : null,
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change my password (ends my other sessions and tokens)',
    tag,
    auth: 'user',
    successStatus: 204,
    body: changePasswordBody,
    handler: async ({ scope, body }) => {
      await changePassword(scope, body.currentPassword, body.newPassword);
      return { status: 204, body: null };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/tokens',
    summary: 'Create a personal API token (the secret is shown once)',
    tag,
    auth: 'user',
    body: createTokenBody,
    response: tokenResponse.extend({ token: z.string() }),
    handler: async ({ scope, body }) => ({
      body: await createPersonalToken(scope, body.name, body.expiresInDays),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/tokens',
    summary: 'List my personal API tokens',
    tag,
    auth: 'user',
    response: z.object({ items: z.array(tokenResponse) }),
    handler: async ({ scope }) => ({ body: await listPersonalTokens(scope) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/auth/tokens/:id',
    summary: 'Revoke a personal API token',
    tag,
    auth: 'user',
    params: tokenIdParams,
    response: tokenResponse,
    handler: async ({ scope, params }) => ({ body: await revokePersonalToken(scope, params.id) }),
  }),
];
