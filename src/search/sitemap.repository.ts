// SQL of the sitemaps: how many records are public, and one page of their numbers. Timestamps come
// back as the driver gives them (text with the ORM's settings), so callers parse them.

import type { EntityManager } from '@mikro-orm/postgresql';

/** Published records, from the token statistics (the empty token counts the entries; no scan). */
export async function publishedCount(em: EntityManager): Promise<number> {
  const [row] = await em.execute<Array<{ count: number }>>(
    "select count from catalogue_token where token = ''",
  );
  return row?.count ?? 0;
}

/** Census numbers and last changes of one page of published records, in census-number order. */
export function publishedPage(em: EntityManager, offset: number, limit: number) {
  return em.execute<Array<{ census_number: string; updated_at: Date | string }>>(
    'select census_number, updated_at from catalogue_entry order by census_number limit ? offset ?',
    [limit, offset],
  );
}
