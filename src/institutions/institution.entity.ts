import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ProvinceSchema } from './province.entity.js';
import { INSTITUTION_TYPES } from './institution-types.js';
import { DEFAULT_RIGHTS_STATEMENT, RIGHTS_STATEMENTS } from './rights-statement.rules.js';

/** A collecting institution (收藏单位). Its 4-digit code is unique within its province. */
export const InstitutionSchema = defineEntity({
  name: 'Institution',
  tableName: 'institution',
  uniques: [{ name: 'institution_province_code_unique', properties: ['province', 'code'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    province: () => p.manyToOne(ProvinceSchema).index(),
    code: p.string().length(4),
    name: p.string().length(200),
    type: p.enum([...INSTITUTION_TYPES]),
    address: p.string().length(300).nullable(),
    contactName: p.string().length(100).nullable(),
    contactPhone: p.string().length(50).nullable(),
    contactEmail: p.string().length(200).nullable(),
    keyProtectionBatch: p.smallint().nullable(),
    isRestorationCentre: p.boolean().default(false),
    // Who is sent the images of its published records (rights-statement.rules.ts).
    rightsStatement: p.enum([...RIGHTS_STATEMENTS]).default(DEFAULT_RIGHTS_STATEMENT),
    // Its reading rooms' CIDR ranges, as entered: on-site readers of `on_site` records (on-site-networks.rules.ts).
    onSiteNetworks: p.array().default([]),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type Institution = InferEntity<typeof InstitutionSchema>;
