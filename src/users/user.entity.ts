import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ROLES } from '../domain/roles.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { ProvinceSchema } from '../institutions/province.entity.js';

/** An account. Institution-bound roles carry `institution`; provincial roles carry `province`. */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    email: p.string().length(254).unique(),
    displayName: p.string().length(100),
    passwordHash: p.string().length(200).hidden(),
    role: p.enum([...ROLES]),
    institution: () => p.manyToOne(InstitutionSchema).nullable().index(),
    province: () => p.manyToOne(ProvinceSchema).nullable().index(),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    passwordChangedAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type User = InferEntity<typeof UserSchema>;
