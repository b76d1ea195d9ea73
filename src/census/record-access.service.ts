import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor.js';
import { ReviewAssignmentSchema } from './review-assignment.entity.js';
import type { ActorContext } from './record-access.rules.js';

/** The actor plus what the record access rules need from the database (a reviewer's assignments). */
export async function actorContext(em: EntityManager, actor: Actor): Promise<ActorContext> {
  const assignedInstitutionIds =
    actor.role === 'reviewer'
      ? new Set(
          (
            await em.find(ReviewAssignmentSchema, { reviewer: actor.userId }, { fields: ['institution'] })
          ).map((a) => a.institution.id),
        )
      : new Set<string>();
  return { ...actor, assignedInstitutionIds };
}
