import type { MikroORM } from '@mikro-orm/postgresql';

/** The cheapest round trip to PostgreSQL: resolves when the database answers. */
export async function pingDatabase(orm: MikroORM): Promise<void> {
  await orm.em.getConnection().execute('select 1');
}
