import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One entry of the national precious list (国家珍贵古籍名录); records link to it by its number. */
export const PreciousListEntrySchema = defineEntity({
  name: 'PreciousListEntry',
  tableName: 'precious_list_entry',
  properties: {
    number: p.string().length(16).primary(),
    batch: p.smallint(),
    year: p.smallint(),
    title: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PreciousListEntry = InferEntity<typeof PreciousListEntrySchema>;
