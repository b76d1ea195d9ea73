import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { UserSchema } from '../users/user.entity.js';

/** A provincial centre's assignment of an institution's submissions to a reviewer. */
export const ReviewAssignmentSchema = defineEntity({
  name: 'ReviewAssignment',
  tableName: 'review_assignment',
  uniques: [{ properties: ['reviewer', 'institution'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    reviewer: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    institution: () => p.manyToOne(InstitutionSchema).deleteRule('cascade').index(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ReviewAssignment = InferEntity<typeof ReviewAssignmentSchema>;
