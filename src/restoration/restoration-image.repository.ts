import type { EntityManager } from '@mikro-orm/postgresql';

/** Whether the centre holds an active (unrevoked) restoration grant for the record of the image. */
export async function centreGrantedImage(
  em: EntityManager,
  centreId: string,
  imageId: string,
): Promise<boolean> {
  const rows = await em.execute<Array<{ ok: number }>>(
    `select 1 as ok from restoration_grant g join record_image i on i.record_id = g.record_id
      where i.id = ? and g.centre_id = ? and g.revoked_at is null limit 1`,
    [imageId, centreId],
  );
  return rows.length > 0;
}

/** Ids of a record's images that are restoration photos of one of its work orders. */
export async function restorationPhotoIds(em: EntityManager, recordId: string): Promise<Set<string>> {
  const rows = await em.execute<Array<{ image_id: string }>>(
    `select p.image_id from work_order_photo p join record_image i on i.id = p.image_id where i.record_id = ?`,
    [recordId],
  );
  return new Set(rows.map((r) => r.image_id));
}
