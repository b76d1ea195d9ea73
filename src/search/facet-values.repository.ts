// SQL behind the facet filters' allowed values: the provinces and whether an institution exists.

import type { EntityManager } from '@mikro-orm/postgresql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every province code, in order. */
export async function provinceCodes(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<Array<{ code: string }>>('select code from province order by code');
  return rows.map((r) => r.code);
}

/** Whether an institution with this id exists (false for anything that is not a UUID). */
export async function institutionExists(em: EntityManager, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return (await em.execute('select 1 from institution where id = ?', [id])).length > 0;
}
