import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CODE_LIST_NAMES } from '../domain/record.types.js';

/**
 * One value of a code list. A rename keeps the old spelling in `aliases` (so records written
 * with it still resolve) and in `history`; retiring sets `active = false`, never deletes.
 */
export const CodeListValueSchema = defineEntity({
  name: 'CodeListValue',
  tableName: 'code_list_value',
  uniques: [{ properties: ['list', 'value'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    list: p.enum([...CODE_LIST_NAMES]),
    value: p.string().length(64),
    aliases: p.json<string[]>(),
    history: p.json<Array<{ at: string; by: string | null; from: string; to: string }>>(),
    active: p.boolean().default(true),
    sortOrder: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type CodeListValue = InferEntity<typeof CodeListValueSchema>;
