import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ObjectStore } from '../object-store/object-store.js';
import { checkFixity } from '../images/fixity.service.js';
import { startJobWorker, type JobHandler, type JobWorker, type PeriodicJob } from '../jobs/job-queue.js';
import { runOrphanSweep } from './orphan-sweeper.js';

export const ORPHAN_SWEEP_TASK = 'orphan-sweep';
export const FIXITY_CHECK_TASK = 'fixity-check';

export interface PeriodicSettings {
  /** 0 = off. */
  readonly orphanSweepIntervalMs: number;
  readonly orphanGraceMs: number;
  /** 0 = off. */
  readonly fixityIntervalMs: number;
}

/**
 * The periodic work of the service, scheduled by the job queue's cron: the orphan sweep
 * (ORPHAN_SWEEP_INTERVAL_HOURS) and the fixity check of every master (FIXITY_INTERVAL_HOURS). With
 * several instances each tick runs once, on whichever instance takes it.
 */
export function startPeriodicJobs(
  deps: { orm: MikroORM; objectStore: ObjectStore; logger: Logger },
  settings: PeriodicSettings,
  pollMs = 2000,
): JobWorker {
  const tasks: Record<string, JobHandler> = {};
  const periodic: PeriodicJob[] = [];
  if (settings.orphanSweepIntervalMs > 0) {
    tasks[ORPHAN_SWEEP_TASK] = async () => {
      await runOrphanSweep(deps, settings.orphanGraceMs);
    };
    periodic.push({ task: ORPHAN_SWEEP_TASK, everyMinutes: settings.orphanSweepIntervalMs / 60_000 });
  }
  if (settings.fixityIntervalMs > 0) {
    tasks[FIXITY_CHECK_TASK] = () => runFixityCheck(deps);
    periodic.push({ task: FIXITY_CHECK_TASK, everyMinutes: settings.fixityIntervalMs / 60_000 });
  }
  return startJobWorker({
    name: 'periodic',
    orm: deps.orm,
    logger: deps.logger,
    concurrency: periodic.length ? 1 : 0,
    pollMs,
    tasks,
    periodic,
  });
}

/** Re-reads every master and logs each one whose checksum does not match (as the CLI reports them). */
export async function runFixityCheck(deps: {
  orm: MikroORM;
  objectStore: ObjectStore;
  logger: Logger;
}): Promise<void> {
  const report = await checkFixity(deps.orm.em.fork(), deps.objectStore);
  for (const problem of report.problems)
    deps.logger.error(problem, 'fixity check: a master does not match its checksum');
  deps.logger.info(
    { checked: report.checked, ok: report.ok, problems: report.problems.length },
    'fixity check finished',
  );
}
