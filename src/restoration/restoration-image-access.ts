import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor.js';

/**
 * Whether the actor is a conservator of a restoration centre holding an active grant for the image's
 * record: the centre treats the book and documents it, so it must see the images even while the
 * record itself is unpublished and outside the centre's institution.
 */
export async function grantedCentreSeesImage(
  em: EntityManager,
  actor: Actor | null,
  imageId: string,
): Promise<boolean> {
  if (actor?.role !== 'conservator' || !actor.institutionId) return false;
  const rows = await em.execute<Array<{ ok: number }>>(
    `select 1 as ok from restoration_grant g join record_image i on i.record_id = g.record_id
      where i.id = ? and g.centre_id = ? and g.revoked_at is null limit 1`,
    [imageId, actor.institutionId],
  );
  return rows.length > 0;
}
