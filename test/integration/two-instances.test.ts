import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { jpegImage, pngImage, postFiles } from '../fixtures/images.js';
import sharp from 'sharp';
import { findFreePort } from '../../src/runtime/free-port.js';

// Two instances on one PostgreSQL and one bucket: A is the in-process test app, B a real
// `src/main.ts` process with its own temporary folder, so nothing A keeps on local disk (spooled
// uploads, working pyramids, pyramid copies, tile packs in memory) can help B.
let a: TestApp;
let b: ChildProcess;
let bUrl: string;
let bTmp: string;

test.before(async () => {
  a = await startTestApp();
  const s = a.objectStore.settings;
  const port = await findFreePort();
  bTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'census-instance-b-'));
  b = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      // Behind one load balancer every instance has the same public URL (IIIF ids, cookies).
      PUBLIC_URL: a.url,
      DATABASE_URL: a.databaseUrl,
      MINIO_ENDPOINT: s.endPoint,
      MINIO_PORT: String(s.port),
      MINIO_ACCESS_KEY: s.accessKey,
      MINIO_SECRET_KEY: s.secretKey,
      MINIO_BUCKET: s.bucket,
      LOG_LEVEL: 'warn',
      TMPDIR: bTmp,
      DATA_DIR: bTmp,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  bUrl = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    b.once('exit', (code) => reject(new Error(`instance B exited with ${code}`)));
    b.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve();
    });
  });
});
test.after.always(async () => {
  if (b && b.exitCode === null) {
    b.kill('SIGTERM');
    await new Promise((r) => b.once('exit', r));
  }
  await a?.close();
  fs.rmSync(bTmp, { recursive: true, force: true });
});

test('an upload on A is served by B, each derivative job runs once, and a session works on both', async (t) => {
  // Session: a cookie from a login on A authenticates on B.
  const login = await fetch(`${a.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const meOnB = await new ApiClient(bUrl, null, { cookie }).get('/api/auth/me');
  t.is(meOnB.status, 200);
  t.is(meOnB.body.user.email, ADMIN.email);
  t.truthy(meOnB.body.csrfToken);

  const adminA = await new ApiClient(a.url).login(ADMIN.email, ADMIN.password);
  const adminB = new ApiClient(bUrl, adminA.token);
  const inst = await createInstitution(adminA, '350000');
  const rec = await adminA.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '辛001',
    title: '春秋',
    authors: [{ dynasty: '晉', name: '杜預', role: '注' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 1,
    binding: '线装',
    classification: '经',
  });
  const cn = rec.body.censusNumber as string;
  const recordOnB = await adminB.get(`/api/records/${cn}`);
  t.deepEqual(recordOnB.body, (await adminA.get(`/api/records/${cn}`)).body);

  // Six pages uploaded on A; both instances' workers compete for the derivative jobs.
  const files = [];
  for (let i = 0; i < 3; i++)
    files.push({ name: `p${i}.jpg`, data: await jpegImage(900 + i, 1200), type: 'image/jpeg' });
  for (let i = 0; i < 3; i++)
    files.push({ name: `q${i}.png`, data: await pngImage(800 + i, 1000), type: 'image/png' });
  const up = await postFiles(`${a.url}/api/records/${cn}/images`, adminA.token, files);
  t.is(up.status, 201, up.text);
  const ids = (up.body.items as Array<{ id: string }>).map((i) => i.id);
  const jobsNow = () =>
    a.orm.em
      .fork()
      .execute<Array<{ status: string; attempts: number }>>('select status, attempts from derivative_job');
  // An image shows ready a moment before its job row is closed: wait for both.
  for (let tries = 0; ; tries++) {
    const list = await adminB.get(`/api/records/${cn}/images`);
    const ready = list.body.items.every((i: { status: string }) => i.status === 'ready');
    if (ready && (await jobsNow()).every((j) => j.status !== 'running' && j.status !== 'queued')) break;
    if (tries > 600) throw new Error(JSON.stringify(list.body));
    await new Promise((r) => setTimeout(r, 200));
  }
  const jobs = await jobsNow();
  t.is(jobs.length, 6);
  t.true(
    jobs.every((j) => j.status === 'done' && j.attempts === 1),
    JSON.stringify(jobs),
  );

  // B serves A's upload: info, a pre-cut tile and an arbitrary render (pyramid fetched from S3).
  for (const id of ids) {
    const info = await adminB.get(`/iiif/3/${id}/info.json`);
    t.is(info.status, 200);
    t.deepEqual(info.body, (await adminA.get(`/iiif/3/${id}/info.json`)).body);
  }
  const auth = { headers: { authorization: `Bearer ${adminA.token}` } };
  // A pre-cut tile comes from the stored tile pack: the same bytes from either instance.
  const tileUrl = `/iiif/3/${ids[0]}/0,0,512,512/512,/0/default.jpg`;
  const tileB = await fetch(bUrl + tileUrl, auth);
  t.is(tileB.status, 200);
  t.deepEqual(
    Buffer.from(await tileB.arrayBuffer()),
    Buffer.from(await (await fetch(a.url + tileUrl, auth)).arrayBuffer()),
  );
  // An arbitrary render: B fetches the stored pyramid from S3. A renders from the uncompressed
  // working pyramid its upload left on its disk, so the pixels agree but not every byte.
  const renderUrl = `/iiif/3/${ids[4]}/10,20,300,400/150,/33/gray.png`;
  const [renderA, renderB] = await Promise.all(
    [a.url, bUrl].map(async (base) => {
      const res = await fetch(base + renderUrl, auth);
      t.is(res.status, 200);
      return sharp(Buffer.from(await res.arrayBuffer()))
        .raw()
        .toBuffer({ resolveWithObject: true });
    }),
  );
  t.deepEqual(renderB!.info, renderA!.info);
  let diff = 0;
  for (let i = 0; i < renderA!.data.length; i++) diff += Math.abs(renderA!.data[i]! - renderB!.data[i]!);
  t.true(diff / renderA!.data.length < 3, `mean difference ${diff / renderA!.data.length}`);
  // B kept nothing of A's on its disk: its temporary folder holds only its own scratch files.
  t.false(fs.existsSync(path.join(bTmp, 'census-masters')));
});
