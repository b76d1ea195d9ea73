// Issue 12 item 2: anonymous IIIF requests cannot take the service down. Renders run in a bounded
// queue (503 + Retry-After when full), each has a deadline (503 when passed), and the output after
// rotation and upscaling counts against the area limits. The queue here allows one render and one
// waiting; the test occupies the single slot itself, so what happens does not depend on timing.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { RenderDeadlineError } from '../../src/iiif/render-queue.js';

let app: TestApp;
let image: string; // a published 1200×1600 page, like the one of the report

test.before(async () => {
  app = await startTestApp({
    IIIF_RENDER_CONCURRENCY: '1',
    IIIF_RENDER_QUEUE: '1',
    IIIF_RENDER_TIMEOUT_MS: '1000',
  });
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '限001',
    title: '論語',
    authors: [{ dynasty: '魏', name: '何晏', role: '集注' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 2,
    binding: '线装',
    classification: '经',
  });
  if (rec.status !== 201) throw new Error(rec.text);
  const up = await postFiles(`${app.url}/api/records/${rec.body.censusNumber}/images`, admin.token, [
    { name: 'page.jpg', data: await jpegImage(1200, 1600), type: 'image/jpeg' },
  ]);
  if (up.status !== 201) throw new Error(up.text);
  image = up.body.items[0].id;
  await app.deps.derivativeWorker!.idle();
  await app.orm.em
    .fork()
    .execute(`update census_record set status = 'published' where census_number = ?`, [
      rec.body.censusNumber,
    ]);
});
test.after.always(async () => {
  await app?.close();
});

const get = (path: string) => fetch(`${app.url}/iiif/3/${image}/${path}`);

test.serial('explicit sizes beyond the limits after rotation or upscaling are IIIF 400s', async (t) => {
  for (const path of [
    'full/^6000,/33.4/default.webp', // 4.5 M pixels before turning, ~10 M after
    'full/^9000,/0/default.jpg', // 9000×12000 = 108 M pixels > maxArea 64 M
  ]) {
    const res = await get(path);
    t.is(res.status, 400, path);
    const body = await res.json();
    t.is(body.error.code, 'size-exceeds-limits', path);
    t.is(body.error.parameter, 'size');
    t.regex(body.error.message, /maxArea/);
    t.is(res.headers.get('access-control-allow-origin'), '*');
  }
});

test.serial('info.json advertises the configured maxArea', async (t) => {
  const info = await (await get('info.json')).json();
  t.is(info.maxArea, 64_000_000);
});

test.serial('a full render queue answers 503 with Retry-After; a render past its deadline too', async (t) => {
  const renders = app.deps.imageRenders!;
  t.deepEqual(renders.load, { running: 0, waiting: 0 });
  let release!: () => void;
  // The test's own task in the only slot; it outlives its deadline like a runaway render would.
  const held = renders.run(() => new Promise<void>((r) => (release = r))).catch((e: unknown) => e);
  t.deepEqual(renders.load, { running: 1, waiting: 0 });

  // The second render waits in the only queue place...
  const waiting = get('100,100,700,900/333,/0/default.jpg');
  while (renders.load.waiting === 0) await new Promise((r) => setTimeout(r, 10));
  // ...so a third finds the queue full and is refused at once.
  const full = await get('200,100,700,900/333,/0/default.png');
  t.is(full.status, 503);
  t.is(full.headers.get('retry-after'), '5');
  t.is(full.headers.get('cache-control'), 'no-store');
  t.is(full.headers.get('access-control-allow-origin'), '*');
  t.is((await full.json()).error.code, 'RENDER_QUEUE_FULL');

  // Tiles of the stored grid never wait for renders, even with the queue full.
  const tile = await get('0,0,512,512/512,512/0/default.jpg');
  t.is(tile.status, 200);

  // The waiting one never gets the slot before its deadline.
  const late = await waiting;
  t.is(late.status, 503);
  t.truthy(late.headers.get('retry-after'));
  const body = await late.json();
  t.is(body.error.code, 'RENDER_TIMEOUT');
  t.regex(body.error.message, /时限.*\/ The image request could not be rendered in time/);

  t.true((await held) instanceof RenderDeadlineError, 'the holder was told its deadline passed');
  t.is(renders.load.running, 1, 'but its slot stays taken until its work really ends');
  release();
  await new Promise((r) => setImmediate(r));
  t.deepEqual(renders.load, { running: 0, waiting: 0 });
  // With the slot free, the same render works.
  const again = await get('100,100,700,900/333,/0/default.jpg');
  t.is(again.status, 200);
});
