// SQL of code-list seeding: which lists hold values, and a bulk insert of new active values that
// leaves any value already present alone.

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The names of the lists that hold at least one value. */
export async function listsWithValues(em: EntityManager): Promise<Set<string>> {
  const rows = (await em.getKnex()('code_list_value').distinct('list')) as Array<{ list: string }>;
  return new Set(rows.map((r) => r.list));
}

/** Inserts active values (no aliases, no history) in one statement; a value already in its list is kept. */
export async function insertCodeValues(
  em: EntityManager,
  values: ReadonlyArray<{ list: string; value: string; sortOrder: number }>,
): Promise<void> {
  if (!values.length) return;
  const now = new Date();
  await em
    .getKnex()('code_list_value')
    .insert(
      values.map((v) => ({
        id: randomUUID(),
        list: v.list,
        value: v.value,
        aliases: JSON.stringify([]),
        history: JSON.stringify([]),
        active: true,
        sort_order: v.sortOrder,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict(['list', 'value'])
    .ignore();
}
