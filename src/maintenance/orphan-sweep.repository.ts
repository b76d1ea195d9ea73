import type { EntityManager } from '@mikro-orm/postgresql';

/** The rows that own stored objects: page images (master, derivatives, tiles) and import uploads. */
export async function storedObjectOwners(em: EntityManager) {
  const images = await em.execute<Array<{ id: string; master_key: string }>>(
    'select id, master_key from record_image',
  );
  const imports = await em.execute<Array<{ object_key: string }>>('select object_key from import_job');
  return { images, imports };
}

/** Records in the public catalogue (their book downloads are kept). */
export function catalogueRecordIds(em: EntityManager) {
  return em.execute<Array<{ record_id: string }>>('select record_id from catalogue_entry');
}
