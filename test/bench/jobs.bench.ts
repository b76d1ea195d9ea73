// `npm run bench:jobs`: the job queue (graphile-worker) on a throwaway embedded PostgreSQL — how long
// a job added by one connection waits before a worker starts it (the worker learns of it by
// LISTEN/NOTIFY, as another instance's worker does), and how many empty jobs a worker runs per second.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { connectOrm } from '../../src/db/orm.js';
import { enqueueJobs, installJobQueue, startJobWorker } from '../../src/jobs/job-queue.js';

const PICKUPS = Number(process.env.BENCH_PICKUPS ?? 100);
const JOBS = Number(process.env.BENCH_JOBS ?? 5000);

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-jobs-'));
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), log: () => undefined });
const orm = await connectOrm(pg.url);
try {
  await installJobQueue(pg.url);
  let started: (() => void) | undefined;
  let done = 0;
  const worker = startJobWorker({
    name: 'bench',
    orm,
    logger: pino({ level: 'silent' }),
    concurrency: 2,
    // The shipped poll interval: a job added now must not wait for it.
    pollMs: 2000,
    tasks: {
      'bench-pickup': async () => started?.(),
      'bench-empty': async () => {
        done++;
      },
    },
  });
  await worker.idle();
  const waits: number[] = [];
  for (let i = 0; i < PICKUPS; i++) {
    const picked = new Promise<void>((resolve) => (started = resolve));
    const t0 = performance.now();
    await enqueueJobs(orm.em.fork(), 'bench-pickup', [{ key: `pickup-${i}`, payload: {} }]);
    await picked;
    waits.push(performance.now() - t0);
    await worker.idle();
  }
  waits.sort((a, b) => a - b);
  const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]!.toFixed(1);
  console.log(
    `pickup (commit → handler starts), ${PICKUPS} jobs one at a time: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
  );

  const t0 = performance.now();
  await orm.em.fork().transactional(async (em) => {
    await enqueueJobs(
      em,
      'bench-empty',
      Array.from({ length: JOBS }, (_, i) => ({ key: `empty-${i}`, payload: { i } })),
    );
  });
  const added = performance.now() - t0;
  await worker.idle();
  const total = performance.now() - t0;
  console.log(
    `${JOBS} empty jobs: added in ${(added / 1000).toFixed(1)} s (${Math.round(JOBS / (added / 1000))}/s, one transaction), all run after ${(total / 1000).toFixed(1)} s (${Math.round(done / (total / 1000))} jobs/s, 2 workers)`,
  );
  await worker.stop();
} finally {
  await orm.close(true);
  await pg.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
