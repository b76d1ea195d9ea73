// SQL of the catalogue backfill: what is missing from the catalogue, and the 同版 keys filled in
// afterwards for entries written before the key existed.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordBody } from '../census/census-record.entity.js';
import { arrayLiteral } from '../kernel/sql-literal.js';

/** How many records are published and how many catalogue entries there are (equal when in step). */
export async function publishedAndEntryCounts(
  em: EntityManager,
): Promise<{ published: number; entries: number } | undefined> {
  const [counts] = await em.execute<Array<{ published: number; entries: number }>>(
    `select (select count(*)::int from census_record where status = 'published') as published,
            (select count(*)::int from catalogue_entry) as entries`,
  );
  return counts;
}

/** Ids of up to `limit` published records that have no catalogue entry, in id order. */
export async function publishedWithoutEntry(em: EntityManager, limit: number): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>(
    `select r.id from census_record r where r.status = 'published'
        and not exists (select 1 from catalogue_entry e where e.record_id = r.id)
      order by r.id limit ?`,
    [limit],
  );
  return rows.map((r) => r.id);
}

/** Up to `limit` entries without a 同版 key, with the body of their record. */
export async function entriesWithoutEditionKey(
  em: EntityManager,
  limit: number,
): Promise<Array<{ record_id: string; body: RecordBody }>> {
  return em.execute<Array<{ record_id: string; body: RecordBody }>>(
    `select e.record_id, r.body from catalogue_entry e join census_record r on r.id = e.record_id
      where e.edition_key is null limit ?`,
    [limit],
  );
}

/** Stores the 同版 keys of the given entries in one statement. */
export async function setEditionKeys(
  em: EntityManager,
  keys: ReadonlyArray<{ recordId: string; key: string }>,
): Promise<void> {
  await em.execute(
    `update catalogue_entry e set edition_key = k.key
       from unnest(?::uuid[], ?::text[]) as k(record_id, key) where e.record_id = k.record_id`,
    [arrayLiteral(keys.map((k) => k.recordId)), arrayLiteral(keys.map((k) => k.key))],
  );
}
