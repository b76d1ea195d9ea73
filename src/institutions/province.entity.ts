import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A provincial-level division (GB/T 2260), seeded reference data. */
export const ProvinceSchema = defineEntity({
  name: 'Province',
  tableName: 'province',
  properties: {
    code: p.string().length(6).primary(),
    nameZh: p.string().length(32),
    nameEn: p.string().length(64),
  },
});
export type Province = InferEntity<typeof ProvinceSchema>;
