// Import jobs under control: cancel (API, authorised and audited), deadline, fair claiming across
// institutions, shutdown releasing a running job for another run, and a store that is down.
import test from 'ava';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { buildApp } from '../../src/app/app.js';
import { ObjectStore } from '../../src/object-store/object-store.js';
import {
  claimImport,
  DEFAULT_IMPORT_SETTINGS,
  runClaimedImport,
  startImportWorker,
} from '../../src/imports/import-worker.js';
import { IMPORT_KIND_REGISTRY } from '../../src/app/import-kinds.js';

// No worker runs in `app`: the tests claim and run jobs themselves, step by step, as the queue's
// handler does (claimImport, then runClaimedImport), or start a worker.
let app: TestApp;
let admin: ApiClient;
let late: TestApp;
test.before(async () => {
  [app, late] = await Promise.all([
    startTestApp({ IMPORT_WORKERS: '0' }),
    startTestApp({ IMPORT_JOB_TIMEOUT_SECONDS: '0.001' }),
  ]);
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
  await late?.close();
});

const logger = pino({ level: 'silent' });
const settings = { ...DEFAULT_IMPORT_SETTINGS, workers: 1 };
const HEADER = '索书号,题名卷数,著者,版本,册数';
const csv = (prefix: string, n: number) =>
  [HEADER, ...Array.from({ length: n }, (_, i) => `${prefix}${i},論語二十卷,（魏）何晏注,清刻本,2`)].join(
    '\n',
  );

async function upload(url: string, token: string, institutionId: string, content: string, mode = 'skip') {
  const form = new FormData();
  form.set('file', new Blob([content]), 'r.csv');
  const res = await fetch(`${url}/api/institutions/${institutionId}/imports?mode=${mode}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const jobOf = async (id: string) => (await admin.get(`/api/imports/${id}`)).body;
const recordCount = async (institutionId: string) =>
  (await admin.get(`/api/records?institutionId=${institutionId}`)).body.total as number;
const deps = () => ({
  orm: app.orm,
  objectStore: app.objectStore,
  logger,
  kinds: IMPORT_KIND_REGISTRY,
  afterRecordsChanged: app.deps.afterRecordsChanged,
});

test.serial(
  'a queued import is cancelled at once, audited, and never runs; a finished one cannot be',
  async (t) => {
    const inst = await createInstitution(admin, '350000');
    const { body: queued } = await upload(app.url, admin.token!, inst.id, csv('Q', 3));
    t.true(queued.actions.cancel);
    const res = await admin.post(`/api/imports/${queued.id}/cancel`, {});
    t.is(res.status, 202);
    t.is(res.body.status, 'cancelled');
    t.false(res.body.actions.cancel);
    const job = await jobOf(queued.id);
    t.is(job.status, 'cancelled');
    t.is(job.error.code, 'IMPORT_CANCELLED');
    const again = await admin.post(`/api/imports/${queued.id}/cancel`, {});
    t.is(again.status, 409);
    t.is(again.body.error.code, 'IMPORT_FINISHED');
    t.is(await claimImport(app.orm.em.fork(), queued.id), undefined);
    const audit = await app.orm.em
      .fork()
      .execute(`select action, actor_email from audit_entry where entity_id = ? order by at`, [queued.id]);
    t.deepEqual(
      audit.map((a: any) => a.action),
      ['import.queue', 'import.cancel'],
    );
    t.is(audit[1]!.actor_email, ADMIN.email);
    t.is(await recordCount(inst.id), 0);
  },
);

test.serial('a job whose uploader is unknown fails naming why and stores nothing', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const { body: queued } = await upload(app.url, admin.token!, inst.id, csv('U', 3));
  // The job runs as its uploader (their account as it is now); without one nobody would answer for it.
  await app.orm.em.fork().execute('update import_job set created_by = null where id = ?', [queued.id]);
  const claimed = await claimImport(app.orm.em.fork(), queued.id);
  await runClaimedImport(deps(), claimed!, settings, 50, new AbortController().signal);
  const job = await jobOf(queued.id);
  t.is(job.status, 'failed');
  t.is(job.error.code, 'IMPORT_UPLOADER_UNKNOWN');
  t.is(await recordCount(inst.id), 0);
});

test.serial('a running atomic import asked to cancel stops and keeps nothing', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const { body: queued } = await upload(app.url, admin.token!, inst.id, csv('R', 1200), 'atomic');
  const claimed = await claimImport(app.orm.em.fork(), queued.id);
  t.is(claimed!.id, queued.id);
  const res = await admin.post(`/api/imports/${queued.id}/cancel`, {});
  t.is(res.status, 202);
  t.is(res.body.status, 'running');
  t.true(res.body.cancelRequested);
  t.false(res.body.actions.cancel);
  await runClaimedImport(deps(), claimed!, settings, 50, new AbortController().signal);
  const job = await jobOf(queued.id);
  t.is(job.status, 'cancelled');
  t.is(job.created, 0);
  t.is(await recordCount(inst.id), 0);
});

test.serial(
  'a shutdown puts the running job back in the queue, and the next run imports it whole',
  async (t) => {
    const inst = await createInstitution(admin, '350000');
    const { body: queued } = await upload(app.url, admin.token!, inst.id, csv('S', 30));
    const claimed = await claimImport(app.orm.em.fork(), queued.id);
    const shutdown = new AbortController();
    shutdown.abort('shutdown');
    await runClaimedImport(deps(), claimed!, settings, 50, shutdown.signal);
    const released = await app.orm.em
      .fork()
      .execute(`select status, attempts from import_job where id = ?`, [queued.id]);
    t.deepEqual(released[0], { status: 'queued', attempts: 0 });
    const worker = startImportWorker(deps(), 50, settings);
    try {
      await worker.idle();
    } finally {
      await worker.stop();
    }
    const job = await jobOf(queued.id);
    t.is(job.status, 'done');
    t.is(job.created, 30);
    t.is(await recordCount(inst.id), 30);
  },
);

test.serial('an import whose worker died is taken over by another worker and imported whole', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const { body: queued } = await upload(app.url, admin.token!, inst.id, csv('K', 20));
  // The process running it was killed: its row says running, its queue job is locked by a worker
  // pool that has no connection left.
  const sql = (query: string) => app.orm.em.fork().execute(query, [queued.id]);
  await sql(`update import_job set status = 'running', attempts = 1, started_at = now() where id = ?`);
  await sql(
    `update graphile_worker._private_jobs set locked_by = 'pool-dead', locked_at = now() - interval '1 hour', attempts = 1 where key = 'import:' || ?`,
  );
  const worker = startImportWorker(deps(), 50, settings);
  try {
    await worker.idle();
  } finally {
    await worker.stop();
  }
  const job = await jobOf(queued.id);
  t.is(job.status, 'done');
  t.is(job.created, 20);
  t.deepEqual(await sql(`select attempts from import_job where id = ?`), [{ attempts: 2 }]);
});

test.serial(
  "one institution's queue does not hold back another's: every institution's first job runs before anyone's second",
  async (t) => {
    const [a, b] = [await createInstitution(admin, '350000'), await createInstitution(admin, '350000')];
    const a1 = (await upload(app.url, admin.token!, a.id, csv('A', 2))).body.id;
    const a2 = (await upload(app.url, admin.token!, a.id, csv('AA', 2))).body.id;
    const b1 = (await upload(app.url, admin.token!, b.id, csv('B', 2))).body.id;
    // One worker takes the jobs one after the other, in the order the queue hands them out.
    const worker = startImportWorker(deps(), 50, settings);
    try {
      await worker.idle();
    } finally {
      await worker.stop();
    }
    const order = await app.orm.em
      .fork()
      .execute<Array<{ id: string }>>(`select id from import_job where id in (?, ?, ?) order by started_at`, [
        a1,
        a2,
        b1,
      ]);
    t.deepEqual(
      order.map((c) => c?.id),
      [a1, b1, a2],
    );
  },
);

test('an import running past IMPORT_JOB_TIMEOUT_SECONDS is stopped with IMPORT_DEADLINE', async (t) => {
  const lateAdmin = await new ApiClient(late.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(lateAdmin, '350000');
  const { body: queued } = await upload(late.url, lateAdmin.token!, inst.id, csv('D', 5), 'atomic');
  let job: any;
  for (let i = 0; i < 300; i++) {
    job = (await lateAdmin.get(`/api/imports/${queued.id}`)).body;
    if (!['queued', 'running'].includes(job.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.is(job.status, 'failed');
  t.is(job.error.code, 'IMPORT_DEADLINE');
  t.is((await lateAdmin.get(`/api/records?institutionId=${inst.id}`)).body.total, 0);
});

test('an upload while the object store is down is a 503, and no job or part is left', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const partsBefore = await app.objectStore.list('imports/');
  // A port where nothing listens any more: a stopped S3 server.
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  const stopped = new ObjectStore({ ...app.objectStore.settings, port });
  const server = http.createServer(buildApp({ ...app.deps, objectStore: stopped }).callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await upload(url, admin.token!, inst.id, csv('O', 2));
    t.is(res.status, 503);
    t.is(res.body.error.code, 'OBJECT_STORE_UNAVAILABLE');
    t.regex(res.body.error.message, /Nothing was stored/);
    t.deepEqual((await admin.get(`/api/institutions/${inst.id}/imports`)).body.items, []);
    t.deepEqual(await app.objectStore.list('imports/'), partsBefore);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
