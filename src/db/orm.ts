import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITIES } from './entities.js';

/** The project root (where package.json and migrations/ live). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

/** ORM options for one database URL. */
export function ormOptions(databaseUrl: string, pool: { min?: number; max?: number } = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
    // Entities are declared with defineEntity: nothing to discover from files or decorators.
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    debug: false,
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).{js,ts}',
      snapshot: true,
      snapshotName: '.snapshot-census',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  });
}

/** Connects the ORM (no schema changes: migrations are applied separately). */
export async function connectOrm(
  databaseUrl: string,
  pool?: { min?: number; max?: number },
): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl, pool));
}

/** Applies pending migrations and returns the names applied. */
export async function applyMigrations(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
