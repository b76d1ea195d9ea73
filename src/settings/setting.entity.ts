import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A configurable default kept as data (numbering scheme, 民国 date range, tier fields …). */
export const SettingSchema = defineEntity({
  name: 'Setting',
  tableName: 'setting',
  properties: {
    key: p.string().length(64).primary(),
    value: p.json<unknown>(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    updatedBy: p.uuid().nullable(),
  },
});
export type Setting = InferEntity<typeof SettingSchema>;
