import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import { addCodeValue, changeCodeValue, listCodeLists } from './code-list.service.js';
import { CODE_LIST_NAMES } from '../domain/record.types.js';
import { canMaintainCodeLists } from '../domain/permissions.rules.js';

const codeValue = z.object({
  id: z.uuid(),
  list: z.string(),
  value: z.string(),
  aliases: z.array(z.string()),
  active: z.boolean(),
  sortOrder: z.number(),
  history: z.array(z.object({ at: z.string(), by: z.string().nullable(), from: z.string(), to: z.string() })),
});

const tag = 'Code lists 代码表';
const listParams = z.strictObject({ name: z.enum(CODE_LIST_NAMES) });

export const codeListRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/code-lists',
    summary: 'Every code list with its values, aliases, history and retired values',
    tag,
    auth: 'public',
    response: z.object({
      items: z.array(
        z.object({
          name: z.enum(CODE_LIST_NAMES),
          labelZh: z.string(),
          labelEn: z.string(),
          values: z.array(codeValue),
        }),
      ),
      /** Whether the asking user may add, rename, retire and re-activate values. */
      mayEdit: z.boolean(),
    }),
    handler: async ({ scope }) => ({
      body: { items: await listCodeLists(scope.em), mayEdit: canMaintainCodeLists(scope.actor ?? null) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/code-lists/:name/values',
    summary: 'Add a value (national admins)',
    tag,
    auth: 'user',
    params: listParams,
    body: z.strictObject({ value: z.string().trim().min(1).max(64) }),
    response: codeValue,
    handler: async ({ scope, params, body, deps }) => ({
      body: await addCodeValue(scope, params.name, body.value, deps.caches),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/code-lists/:name/values/:id',
    summary: 'Rename (history kept, old spelling stays an alias) or retire/re-activate a value',
    tag,
    auth: 'user',
    params: listParams.extend({ id: z.uuid() }),
    body: z.strictObject({
      value: z.string().trim().min(1).max(64).optional(),
      active: z.boolean().optional(),
    }),
    response: codeValue,
    handler: async ({ scope, params, body, deps }) => ({
      body: await changeCodeValue(scope, params.name, params.id, body, deps.caches),
    }),
  }),
];
