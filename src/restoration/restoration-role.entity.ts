import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UserSchema } from '../users/user.entity.js';
import { RESTORATION_ROLES } from './work-order.schemas.js';

/**
 * A restoration capability on top of an institution account: studio head (修复室负责人, approves and
 * cancels) or inspector (验收人). Kept beside the account so the census roles stay as they are.
 */
export const RestorationRoleSchema = defineEntity({
  name: 'RestorationRole',
  tableName: 'restoration_role',
  uniques: [{ name: 'restoration_role_user_role_unique', properties: ['user', 'role'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    role: p.enum([...RESTORATION_ROLES]),
    grantedBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RestorationRole = InferEntity<typeof RestorationRoleSchema>;
