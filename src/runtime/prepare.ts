import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { applyMigrations } from '../db/orm.js';
import { seedReferenceData } from '../db/seed-reference-data.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { backfillCatalogue } from '../search/catalogue-backfill.service.js';

/** Brings a database and bucket up to date: pending migrations, reference data, the bucket. */
export async function prepareStorage(orm: MikroORM, objectStore: ObjectStore, logger: Logger): Promise<void> {
  const applied = await applyMigrations(orm);
  logger.info(
    applied.length ? { applied } : {},
    applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date',
  );
  await seedReferenceData(orm.em.fork());
  const catalogue = await backfillCatalogue(orm.em.fork());
  if (catalogue.entries || catalogue.tokensRebuilt) logger.info(catalogue, 'public catalogue backfilled');
  await objectStore.ensureBucket();
}
