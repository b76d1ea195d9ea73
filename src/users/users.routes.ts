import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import {
  createUserBody,
  listUsersQuery,
  managedUserResponse,
  roleChoicesResponse,
  updateUserBody,
  userIdParams,
  userResponse,
} from './user.schemas.js';
import { createUser, getUser, listUsers, roleChoices, updateUser } from './user.service.js';
import { ROLE_LABELS, ROLES } from '../domain/roles.js';
import { accountChangeProblems, newAccountProblems } from './account-problems.service.js';
import { institutionIdParams } from '../institutions/institution.schemas.js';
import type { AccountCredentials } from './account-credentials.js';

const tag = 'Users 账号';
const userList = z.object({
  items: z.array(managedUserResponse),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Whether the asking user may create accounts (an administrator). */
  mayCreate: z.boolean(),
});

/** The account routes; `credentials` hashes the passwords administrators set and ends sessions (auth's). */
export const userRoutes = (credentials: AccountCredentials) => [
  defineRoute({
    method: 'get',
    path: '/api/roles',
    summary: 'Roles and their labels',
    tag,
    auth: 'public',
    handler: async () => ({ body: { items: ROLES.map((r) => ({ role: r, ...ROLE_LABELS[r] })) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Create an account',
    tag,
    auth: 'user',
    body: createUserBody,
    bodyProblems: ({ scope, body }) => newAccountProblems(scope, body),
    response: userResponse,
    handler: async ({ scope, body }) => ({ body: await createUser(scope, body, credentials) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/users',
    summary: 'List accounts I may manage or see',
    tag,
    auth: 'user',
    query: listUsersQuery,
    response: userList,
    handler: async ({ scope, query }) => ({ body: await listUsers(scope, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/institutions/:id/users',
    summary: "An institution's accounts",
    tag,
    auth: 'user',
    params: institutionIdParams,
    query: listUsersQuery.omit({ institutionId: true }),
    response: userList,
    handler: async ({ scope, params, query }) => ({
      body: await listUsers(scope, { ...query, institutionId: params.id }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/users/role-choices',
    summary: 'The roles (with what each belongs to) and provinces I may give accounts',
    tag,
    auth: 'user',
    response: roleChoicesResponse,
    handler: async ({ scope }) => ({ body: roleChoices(scope) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/users/:id',
    summary: 'Get one account, with what I may do with it',
    tag,
    auth: 'user',
    params: userIdParams,
    response: managedUserResponse,
    handler: async ({ scope, params }) => ({ body: await getUser(scope, params.id) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Change an account (role, scope, name, active, password reset)',
    tag,
    auth: 'user',
    params: userIdParams,
    body: updateUserBody,
    bodyProblems: ({ scope, params, body }) => accountChangeProblems(scope, params.id, body),
    response: managedUserResponse,
    handler: async ({ scope, params, body }) => ({
      body: await updateUser(scope, params.id, body, credentials),
    }),
  }),
];
