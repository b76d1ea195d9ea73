// SQL of the token statistics (catalogue_token): lookups for query planning, the incremental
// change made with every catalogue write, and the full rebuild used by the backfill and benchmark.

import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayLiteral } from '../kernel/sql-literal.js';

/** The token whose count is the number of catalogue entries. */
export const ENTRIES_TOKEN = '';

/** Index tokens of one entry, before or after a change. */
export interface EntryTokens {
  readonly tokens: readonly string[];
  readonly titleTokens: readonly string[];
}

/** Counts of the given tokens (absent tokens count 0) and the number of entries. */
export async function tokenCounts(
  em: EntityManager,
  tokens: readonly string[],
): Promise<{ entries: number; counts: Map<string, { count: number; titleCount: number }> }> {
  const rows = await em.execute<Array<{ token: string; count: number; title_count: number }>>(
    'select token, count, title_count from catalogue_token where token = any(?::text[])',
    [arrayLiteral([ENTRIES_TOKEN, ...tokens])],
  );
  const counts = new Map(tokens.map((t) => [t, { count: 0, titleCount: 0 }]));
  let entries = 0;
  for (const row of rows) {
    if (row.token === ENTRIES_TOKEN) entries = row.count;
    else counts.set(row.token, { count: row.count, titleCount: row.title_count });
  }
  return { entries, counts };
}

/**
 * Moves the counts from an entry's old tokens to its new ones (either may be absent: created or
 * removed), in the caller's transaction. Rows are touched in token order so that two concurrent
 * publications sharing common characters queue up instead of deadlocking.
 */
export async function shiftTokenCounts(
  em: EntityManager,
  before: EntryTokens | undefined,
  after: EntryTokens | undefined,
): Promise<void> {
  const entry = (e: EntryTokens | undefined) => (e ? [ENTRIES_TOKEN] : []);
  await em.execute(
    `insert into catalogue_token (token, count, title_count)
     select token, sum(c)::int, sum(tc)::int from (
         select unnest(?::text[]) as token, 1 as c, 0 as tc
         union all select unnest(?::text[]), -1, 0
         union all select unnest(?::text[]), 0, 1
         union all select unnest(?::text[]), 0, -1) d
      group by token having sum(c) <> 0 or sum(tc) <> 0
      order by token
     on conflict (token) do update set count = catalogue_token.count + excluded.count,
       title_count = catalogue_token.title_count + excluded.title_count`,
    [
      arrayLiteral([...entry(after), ...(after?.tokens ?? [])]),
      arrayLiteral([...entry(before), ...(before?.tokens ?? [])]),
      arrayLiteral(after?.titleTokens ?? []),
      arrayLiteral(before?.titleTokens ?? []),
    ],
  );
}

/**
 * Recounts every token from the entries, in SQL, inside one transaction that blocks catalogue
 * writes meanwhile (they would otherwise shift counts that are being replaced).
 */
export async function rebuildTokenCounts(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.execute('lock table catalogue_entry in share mode');
    await tx.execute('lock table catalogue_token in exclusive mode');
    await tx.execute('delete from catalogue_token');
    await tx.execute(
      `insert into catalogue_token (token, count, title_count)
       select token, sum(c)::int, sum(tc)::int from (
           select unnest(tokens) as token, 1 as c, 0 as tc from catalogue_entry
           union all select unnest(title_tokens), 0, 1 from catalogue_entry
           union all select ?, count(*)::int, 0 from catalogue_entry) d
        group by token`,
      [ENTRIES_TOKEN],
    );
  });
}

/** Whether the statistics agree with the entries on the number of entries (cheap consistency check). */
export async function tokenCountsInStep(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<Array<{ entries: number; counted: number | null }>>(
    `select (select count(*)::int from catalogue_entry) as entries,
            (select count from catalogue_token where token = ?) as counted`,
    [ENTRIES_TOKEN],
  );
  return (row?.counted ?? 0) === row?.entries;
}
