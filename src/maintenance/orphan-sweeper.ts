import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ObjectStore } from '../object-store/object-store.js';
import { sweepOrphans } from './orphan-sweep.service.js';

/** Advisory-lock key: with several instances on one database, one of them sweeps at a time. */
const LOCK_KEY = 0x6f727068; // "orph"

export interface OrphanSweeper {
  /** Runs one sweep now (when no other instance is sweeping); resolves with what was removed. */
  runOnce(): Promise<{ objects: number; uploads: number } | undefined>;
  stop(): Promise<void>;
}

/**
 * The periodic orphan sweep inside the service (setting ORPHAN_SWEEP_INTERVAL_HOURS, 0 = off): removes
 * objects no row references and aborts unfinished multipart uploads, both older than the grace
 * period (ORPHAN_GRACE_HOURS). `npm run census -- fixity` lists the same (and removes with --delete).
 */
export function startOrphanSweeper(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger },
  settings: { intervalMs: number; graceMs: number },
): OrphanSweeper {
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = async () => {
    const em = deps.orm.em.fork();
    return em.transactional(async (tx) => {
      const [lock] = await tx.execute<Array<{ locked: boolean }>>(
        'select pg_try_advisory_xact_lock(?) as locked',
        [LOCK_KEY],
      );
      if (!lock?.locked) return undefined;
      const report = await sweepOrphans(tx, deps.objectStore, { graceMs: settings.graceMs, remove: true });
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
  };
  const timer =
    settings.intervalMs > 0
      ? setInterval(() => {
          running = runOnce().catch((err: unknown) => deps.logger.error({ err }, 'orphan sweep failed'));
        }, settings.intervalMs)
      : undefined;
  timer?.unref();
  return {
    runOnce,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
