import type { EntityManager } from '@mikro-orm/postgresql';

/** Ids of a record's images that are restoration photos: they document a treatment, not the book's pages. */
export async function restorationPhotoIds(em: EntityManager, recordId: string): Promise<Set<string>> {
  const rows = await em.execute<Array<{ image_id: string }>>(
    `select p.image_id from work_order_photo p join record_image i on i.id = p.image_id where i.record_id = ?`,
    [recordId],
  );
  return new Set(rows.map((r) => r.image_id));
}
