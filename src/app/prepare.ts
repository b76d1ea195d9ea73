import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { applyMigrations } from '../db/orm.js';
import { seedReferenceData } from '../db/seed-reference-data.js';
import { installJobQueue } from '../jobs/job-queue.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { backfillCatalogue } from '../search/catalogue-backfill.service.js';

/** Brings a database and bucket up to date: pending migrations, reference data, the job queue's schema, the bucket. */
export async function prepareStorage(orm: MikroORM, objectStore: ObjectStore, logger: Logger): Promise<void> {
  const applied = await applyMigrations(orm);
  logger.info(
    applied.length ? { applied } : {},
    applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date',
  );
  await seedReferenceData(orm.em.fork());
  // The job queue's own tables (graphile-worker installs and upgrades them; README "Background jobs").
  await installJobQueue(String(orm.config.get('clientUrl')), logger);
  await objectStore.ensureBucket();
}

/**
 * Catches the public catalogue up with records published before it existed. It runs after the
 * service is listening: with a large backlog it takes minutes, and search is merely incomplete
 * meanwhile, which must not keep the census itself from starting. A failure is logged, not fatal;
 * the next start tries again.
 */
export function backfillCatalogueInBackground(
  orm: MikroORM,
  logger: Logger,
  keepGoing: () => boolean,
): Promise<void> {
  return backfillCatalogue(orm.em.fork(), keepGoing).then(
    (catalogue) => {
      if (catalogue.entries || catalogue.tokensRebuilt) logger.info(catalogue, 'public catalogue backfilled');
    },
    (err: unknown) =>
      logger.error({ err }, 'public catalogue backfill failed; it is retried at the next start'),
  );
}
