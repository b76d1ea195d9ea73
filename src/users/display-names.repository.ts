import type { EntityManager } from '@mikro-orm/postgresql';

/** Display names of users by id (people are shown by name, never by e-mail or id); unknown ids are left out. */
export async function displayNames(
  em: EntityManager,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await em.execute<Array<{ id: string; display_name: string }>>(
    'select id, display_name from app_user where id = any(?::uuid[])',
    [`{${wanted.join(',')}}`],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
