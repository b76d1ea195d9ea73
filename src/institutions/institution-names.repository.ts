import type { EntityManager } from '@mikro-orm/postgresql';

/** Names of institutions by id (an institution is shown by its name, not its id); unknown ids are left out. */
export async function institutionNames(
  em: EntityManager,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id && UUID.test(id))))];
  if (!wanted.length) return new Map();
  const rows = await em.execute<Array<{ id: string; name: string }>>(
    'select id, name from institution where id = any(?::uuid[])',
    [`{${wanted.join(',')}}`],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
