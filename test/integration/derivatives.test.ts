import test from 'ava';
import { pino } from 'pino';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import {
  startDerivativeWorker,
  MAX_DERIVATIVE_ATTEMPTS,
  retryDelaySeconds,
} from '../../src/images/derivative-worker.js';
import { derivativeJobKey, queueDerivatives } from '../../src/images/derivative-queue.js';

let app: TestApp;
let admin: ApiClient;
let cn: string;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '乙001',
    title: '孟子',
    authors: [{ dynasty: '漢', name: '趙岐', role: '注' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 2,
    binding: '线装',
    classification: '经',
  });
  if (res.status !== 201) throw new Error(res.text);
  cn = res.body.censusNumber;
});
test.after.always(async () => {
  await app?.close();
});

const sql = <T = unknown>(query: string, params: unknown[] = []) =>
  app.orm.em.fork().execute<T[]>(query, params);

async function uploadOne(): Promise<{ id: string; sha256: string }> {
  const res = await postFiles(`${app.url}/api/records/${cn}/images`, admin.token, [
    { name: 'p.jpg', data: await jpegImage(700, 900), type: 'image/jpeg' },
  ]);
  if (res.status !== 201) throw new Error(res.text);
  return res.body.items[0];
}

test.serial('queued jobs survive a restart: a new worker picks them up', async (t) => {
  await app.deps.derivativeWorker!.stop(); // the "old process" is gone
  const image = await uploadOne();
  const [job] = await sql<{ status: string }>('select status from derivative_job where image_id = ?', [
    image.id,
  ]);
  t.is(job!.status, 'queued');
  t.is((await admin.get(`/api/images/${image.id}`)).body.status, 'processing');
  // A job that was running when its process died (stale heartbeat) is taken over as well.
  const second = await uploadOne();
  await sql(
    `update derivative_job set status = 'running', attempts = 1, heartbeat_at = now() - interval '1 hour' where image_id = ?`,
    [second.id],
  );
  // Its queue job is locked by a worker pool whose process is gone (no connection of that pool is left).
  await sql(
    `update graphile_worker._private_jobs set locked_by = 'pool-dead', locked_at = now() - interval '1 hour', attempts = 1
     where key = (select 'derivatives:' || id from derivative_job where image_id = ?)`,
    [second.id],
  );
  const worker = startDerivativeWorker(
    {
      orm: app.orm,
      objectStore: app.objectStore,
      logger: pino({ level: 'silent' }),
      pyramids: app.deps.pyramids,
    },
    100,
  );
  try {
    await worker.idle();
    t.is((await admin.get(`/api/images/${image.id}`)).body.status, 'ready');
    t.is((await admin.get(`/api/images/${second.id}`)).body.status, 'ready');
    const jobs = await sql<{ status: string; attempts: number }>(
      'select status, attempts from derivative_job where image_id in (?, ?) order by attempts',
      [image.id, second.id],
    );
    t.deepEqual(
      jobs.map((j) => [j.status, j.attempts]),
      [
        ['done', 1],
        ['done', 2],
      ],
    );
  } finally {
    await worker.stop();
  }
});

test.serial(
  'a failing job is retried with growing delays, then the image reports failed with the reason',
  async (t) => {
    const worker = startDerivativeWorker(
      {
        orm: app.orm,
        objectStore: app.objectStore,
        logger: pino({ level: 'silent' }),
        pyramids: app.deps.pyramids,
      },
      100,
    );
    try {
      const image = await uploadOne();
      await worker.idle();
      t.is((await admin.get(`/api/images/${image.id}`)).body.status, 'ready');
      // The master disappears from the store (a disk fault); a rebuild is asked for.
      await app.objectStore.remove(await app.objectStore.list('masters/'));
      await sql(`update record_image set status = 'processing' where id = ?`, [image.id]);
      await app.orm.em.fork().transactional(async (em) => {
        await em.execute(
          `insert into derivative_job (id, image_id, sha256, status, attempts, run_after, created_at) values (gen_random_uuid(), ?, ?, 'queued', 0, now(), now())`,
          [image.id, image.sha256],
        );
        await queueDerivatives(em, [image.id]);
      });
      const jobOf = async () =>
        (
          await sql<{ status: string; attempts: number; delay: number; error_message: string }>(
            `select status, attempts, extract(epoch from run_after - now()) as delay, error_message from derivative_job where image_id = ? and status <> 'done'`,
            [image.id],
          )
        )[0]!;
      for (let attempt = 1; attempt < MAX_DERIVATIVE_ATTEMPTS; attempt++) {
        worker.kick();
        await worker.idle();
        const job = await jobOf();
        t.is(job.status, 'queued', `attempt ${attempt}`);
        t.is(job.attempts, attempt);
        t.true(
          Number(job.delay) > retryDelaySeconds(attempt) - 5 &&
            Number(job.delay) <= retryDelaySeconds(attempt),
        );
        const shown = (await admin.get(`/api/images/${image.id}`)).body;
        t.is(shown.status, 'processing');
        t.regex(shown.error, /retry/);
        // The next try is made due now (in the row the page shows and in the queue).
        const [queued] = await sql<{ id: string }>(
          `update derivative_job set run_after = now() where image_id = ? and status = 'queued' returning id`,
          [image.id],
        );
        await sql(
          `select graphile_worker.reschedule_jobs(array(select id from graphile_worker.jobs where key = ?), run_at => now())`,
          [derivativeJobKey(queued!.id)],
        );
      }
      worker.kick();
      await worker.idle();
      const job = await jobOf();
      t.is(job.status, 'failed');
      t.is(job.attempts, MAX_DERIVATIVE_ATTEMPTS);
      const shown = (await admin.get(`/api/images/${image.id}`)).body;
      t.is(shown.status, 'failed');
      t.regex(shown.error, /Building derivatives failed/);
    } finally {
      await worker.stop();
    }
  },
);

test('retry delays grow', (t) => {
  t.deepEqual([1, 2, 3].map(retryDelaySeconds), [10, 40, 160]);
});
