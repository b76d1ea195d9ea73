import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { VOCABULARY_KINDS } from './work-order.schemas.js';

/** A term of the editable restoration vocabularies (techniques, repair papers, pastes …); seeded, national admins edit. */
export const RestorationTermSchema = defineEntity({
  name: 'RestorationTerm',
  tableName: 'restoration_term',
  uniques: [{ name: 'restoration_term_kind_value_unique', properties: ['kind', 'value'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    kind: p.enum([...VOCABULARY_KINDS]),
    value: p.string().length(64),
    labelEn: p.string().length(200).nullable(),
    active: p.boolean().default(true),
    sortOrder: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type RestorationTerm = InferEntity<typeof RestorationTermSchema>;
