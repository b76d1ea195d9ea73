import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ObjectStore } from '../object-store/object-store.js';
import { sweepOrphans } from './orphan-sweep.service.js';

/** Advisory-lock key: a sweep asked for while another is still running (a slow store) is skipped. */
const LOCK_KEY = 0x6f727068; // "orph"

/**
 * One orphan sweep inside the service, the periodic job ORPHAN_SWEEP_INTERVAL_HOURS schedules
 * (maintenance/periodic-jobs.ts): removes objects no row references and aborts unfinished
 * multipart uploads, both older than the grace period (ORPHAN_GRACE_HOURS). Resolves with what was
 * removed, or undefined when another sweep holds the lock. `npm run census -- fixity` lists the
 * same (and removes with --delete).
 */
export async function runOrphanSweep(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger },
  graceMs: number,
): Promise<{ objects: number; uploads: number } | undefined> {
  return deps.orm.em.fork().transactional(async (tx) => {
    const [lock] = await tx.execute<Array<{ locked: boolean }>>(
      'select pg_try_advisory_xact_lock(?) as locked',
      [LOCK_KEY],
    );
    if (!lock?.locked) return undefined;
    const report = await sweepOrphans(tx, deps.objectStore, { graceMs, remove: true });
    if (report.objects.length || report.uploads.length)
      deps.logger.warn(
        {
          objects: report.objects.map((o) => o.key),
          uploads: report.uploads.map((u) => u.key),
        },
        'orphan sweep removed objects no row references and unfinished uploads',
      );
    return { objects: report.objects.length, uploads: report.uploads.length };
  });
}
