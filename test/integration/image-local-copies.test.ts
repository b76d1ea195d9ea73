// The local accelerators of image delivery and ingest: the master handed from the upload to its
// derivative job, and the local pyramid copy (the uncompressed working pyramid, or the stored JPEG
// pyramid fetched again when the local copy is gone). Both must be optional: without them the
// same answers come from the object store.
import test from 'ava';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { describe, jpegImage, pixelAt, pngImage, postFiles, tiffImage } from '../fixtures/images.js';
import {
  dropLocalMaster,
  keepLocalMaster,
  keepLocalWorking,
  takeLocalMaster,
  takeLocalWorking,
} from '../../src/images/master-handoff.js';

let app: TestApp;
let admin: ApiClient;
let image: { id: string; sha256: string };
let censusNumber: string;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '丙001',
    title: '大學章句',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 1,
    binding: '线装',
    classification: '经',
  });
  if (rec.status !== 201) throw new Error(rec.text);
  censusNumber = rec.body.censusNumber;
  const up = await postFiles(`${app.url}/api/records/${rec.body.censusNumber}/images`, admin.token, [
    { name: 'page.jpg', data: await jpegImage(1200, 1600), type: 'image/jpeg' },
  ]);
  if (up.status !== 201) throw new Error(up.text);
  image = up.body.items[0];
  await app.deps.derivativeWorker!.idle();
});
test.after.always(async () => {
  await app?.close();
});

const render = async (region: string, size: string) => {
  const res = await fetch(`${app.url}/iiif/3/${image.id}/${region}/${size}/0/default.jpg`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
};

test('a kept master is taken once by its job, and a dropped one is gone', async (t) => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'handoff-test-'));
  const spooled = path.join(dir, 'spooled');
  await fs.promises.writeFile(spooled, 'master bytes');
  const sha = `test-${Date.now()}`;
  await keepLocalMaster(sha, 12, spooled);
  await fs.promises.rm(spooled); // the upload removes its spool file as usual
  t.false(await takeLocalMaster(sha, 13, path.join(dir, 'wrong-size')));
  t.true(await takeLocalMaster(sha, 12, path.join(dir, 'taken')));
  t.is(await fs.promises.readFile(path.join(dir, 'taken'), 'utf8'), 'master bytes');
  t.false(await takeLocalMaster(sha, 12, path.join(dir, 'again')));
  await fs.promises.writeFile(spooled, 'other bytes');
  await keepLocalMaster(sha, 11, spooled);
  await dropLocalMaster(sha, 11);
  t.false(await takeLocalMaster(sha, 11, path.join(dir, 'dropped')));
  await fs.promises.rm(dir, { recursive: true, force: true });
});

test.serial(
  'arbitrary regions render the same from the local working pyramid and from the store',
  async (t) => {
    const local = path.join(os.tmpdir(), 'census-pyramids', `${image.id}-${image.sha256.slice(0, 16)}.tif`);
    t.true(fs.existsSync(local), 'the job left its working pyramid in the local cache');
    const fromLocal = await render('100,100,600,900', '300,');
    t.is(fromLocal.status, 200);
    t.deepEqual(await describe(fromLocal.body).then((d) => [d.width, d.height]), [300, 450]);
    // The local copy is wiped (another instance, a restart): the stored pyramid is fetched again.
    await fs.promises.rm(local);
    const fromStore = await render('100,100,600,901', '300,');
    t.is(fromStore.status, 200);
    t.deepEqual(await describe(fromStore.body).then((d) => [d.width, d.height]), [300, 451]);
    t.true(fs.existsSync(local));
    // Inside the dark block (x 120–360, y 160–480 of the page) and in the paper: same colours.
    for (const [x, y] of [
      [60, 100],
      [250, 400],
    ] as const) {
      const a = await pixelAt(fromLocal.body, x, y);
      const b = await pixelAt(fromStore.body, x, y);
      t.true(
        a.every((v, i) => Math.abs(v - b[i]!) <= 6),
        `pixel ${x},${y}: ${a.join(',')} vs ${b.join(',')}`,
      );
    }
  },
);

test('a kept working pyramid is taken once by its job, and a dropped one is gone', async (t) => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'handoff-test-'));
  const sha = `test-w-${Date.now()}`;
  await fs.promises.writeFile(path.join(dir, 'w1.tif'), 'working pixels');
  await keepLocalWorking(sha, 20, path.join(dir, 'w1.tif'));
  t.false(fs.existsSync(path.join(dir, 'w1.tif')), 'moved, not copied');
  t.false(await takeLocalMaster(sha, 20, path.join(dir, 'not-a-master')), 'a working pyramid is no master');
  t.true(await takeLocalWorking(sha, 20, path.join(dir, 'taken.tif')));
  t.is(await fs.promises.readFile(path.join(dir, 'taken.tif'), 'utf8'), 'working pixels');
  t.false(await takeLocalWorking(sha, 20, path.join(dir, 'again.tif')));
  await fs.promises.writeFile(path.join(dir, 'w2.tif'), 'other');
  await keepLocalWorking(sha, 21, path.join(dir, 'w2.tif'));
  await dropLocalMaster(sha, 21);
  t.false(await takeLocalWorking(sha, 21, path.join(dir, 'dropped.tif')));
  await fs.promises.rm(dir, { recursive: true, force: true });
});

const handedOver = async (sha256: string) =>
  (await fs.promises.readdir(path.join(os.tmpdir(), 'census-masters')).catch(() => [] as string[])).filter(
    (n) => n.startsWith(sha256),
  );

test.serial(
  'a TIFF upload hands its decoded working pyramid to the job, which renders from it',
  async (t) => {
    const tiff = await tiffImage(900, 1200);
    const up = await postFiles(`${app.url}/api/records/${censusNumber}/images`, admin.token, [
      { name: 'leaf.tif', data: tiff, type: 'image/tiff' },
    ]);
    t.is(up.status, 201, up.text);
    const uploaded = up.body.items[0] as { id: string; sha256: string; sizeBytes: number };
    await app.deps.derivativeWorker!.idle();
    t.deepEqual(await handedOver(uploaded.sha256), [], 'the job took what the upload handed over');
    const local = path.join(
      os.tmpdir(),
      'census-pyramids',
      `${uploaded.id}-${uploaded.sha256.slice(0, 16)}.tif`,
    );
    t.true(fs.existsSync(local), 'and it joined the local pyramid cache');
    const res = await fetch(`${app.url}/iiif/3/${uploaded.id}/0,0,900,1200/300,/0/default.jpg`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    t.is(res.status, 200);
    t.deepEqual(
      await describe(Buffer.from(await res.arrayBuffer())).then((d) => [d.width, d.height]),
      [300, 400],
    );
  },
);

test.serial('a truncated PNG is refused while decoding and leaves no working pyramid behind', async (t) => {
  // A PNG's header comes first, so a cut one passes the header check and fails in the full decode
  // that also writes the working pyramid (a cut TIFF fails earlier: libvips writes its IFD last).
  const png = await pngImage(900, 1200);
  const cut = png.subarray(0, Math.floor(png.length * 0.6));
  const up = await postFiles(`${app.url}/api/records/${censusNumber}/images`, admin.token, [
    { name: 'cut.png', data: cut, type: 'image/png' },
  ]);
  t.is(up.status, 400, up.text);
  t.is(up.body.error.code, 'CORRUPT_IMAGE', up.text);
  // Working pyramids are written under census-working-*/<n>-<sha256>.tif: none may be left for this file.
  const sha = createHash('sha256').update(cut).digest('hex');
  const workDirs = (await fs.promises.readdir(os.tmpdir())).filter((n) => n.startsWith('census-working-'));
  const leftovers = [];
  for (const dir of workDirs) {
    const names = await fs.promises.readdir(path.join(os.tmpdir(), dir)).catch(() => [] as string[]);
    leftovers.push(...names.filter((n) => n.endsWith(`${sha}.tif`)));
  }
  t.deepEqual(leftovers, [], 'no working pyramid left behind');
  t.deepEqual(await handedOver(sha), [], 'nor handed over');
});
