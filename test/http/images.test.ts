import test from 'ava';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, pngImage, postFiles, tiffImage } from '../fixtures/images.js';
import { buildApp } from '../../src/app/app.js';
import { ObjectStore } from '../../src/object-store/object-store.js';

let app: TestApp;
let admin: ApiClient;
let cataloguer: ApiClient;
let otherCataloguer: ApiClient;
let inst: { id: string; code: string };
let callNo = 0;

test.before(async () => {
  // A low pixel limit, so a decompression-bomb-like header is cheap to make.
  app = await startTestApp({ IMAGE_MAX_PIXELS: '4000000' });
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  cataloguer = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  const cat2 = await createUser(admin, { role: 'cataloguer', institutionId: other.id });
  otherCataloguer = await new ApiClient(app.url).login(cat2.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

async function newRecord(): Promise<string> {
  callNo += 1;
  const res = await cataloguer.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: `图${String(callNo).padStart(5, '0')}`,
    title: '詩經',
    authors: [{ dynasty: '宋', name: '朱熹', role: '集注' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 4,
    binding: '线装',
    classification: '经',
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

const upload = (
  cn: string,
  files: Parameters<typeof postFiles>[2],
  fields: Record<string, string> = {},
  token = cataloguer.token,
) => postFiles(`${app.url}/api/records/${cn}/images`, token, files, fields);

async function keys(prefix: string): Promise<string[]> {
  return app.objectStore.list(prefix);
}

async function imageRows(): Promise<number> {
  const rows = await app.orm.em
    .fork()
    .execute<Array<{ n: string }>>('select count(*) as n from record_image');
  return Number(rows[0]!.n);
}

test.serial('uploads TIFF (8/16-bit, CMYK, alpha), JPEG and PNG; derivatives make them ready', async (t) => {
  const cn = await newRecord();
  const files = [
    { name: 'p1.tif', data: await tiffImage(300, 400), type: 'image/tiff' },
    { name: 'p2.tif', data: await tiffImage(300, 400, '16bit'), type: 'image/tiff' },
    { name: 'p3.tif', data: await tiffImage(300, 400, 'cmyk'), type: 'image/tiff' },
    { name: 'p4.tif', data: await tiffImage(300, 400, 'alpha'), type: 'image/tiff' },
    { name: 'p5.jpg', data: await jpegImage(300, 400), type: 'image/jpeg' },
    { name: 'p6.png', data: await pngImage(300, 400, true), type: 'image/png' },
  ];
  const res = await upload(cn, files, {
    labels: JSON.stringify(['卷一 叶1a', '卷一 叶1b', '叶2a', '叶2b', '叶3a', '叶3b']),
  });
  t.is(res.status, 201, res.text);
  t.deepEqual(
    res.body.items.map((i: any) => [i.sequence, i.label, i.status, i.format]),
    [
      [1, '卷一 叶1a', 'processing', 'tiff'],
      [2, '卷一 叶1b', 'processing', 'tiff'],
      [3, '叶2a', 'processing', 'tiff'],
      [4, '叶2b', 'processing', 'tiff'],
      [5, '叶3a', 'processing', 'jpeg'],
      [6, '叶3b', 'processing', 'png'],
    ],
  );
  const first = res.body.items[0];
  t.is(first.width, 300);
  t.is(first.height, 400);
  t.regex(first.sha256, /^[0-9a-f]{64}$/);
  // The master is one object in the bucket under its checksum key, with technical metadata on it.
  const masterKeys = await keys(`masters/`);
  t.deepEqual(
    masterKeys.filter((k) => k.includes(first.id)),
    [
      `masters/${(await app.orm.em.fork().execute<Array<{ record_id: string }>>('select record_id from record_image where id = ?', [first.id]))[0]!.record_id}/${first.id}/${first.sha256}.tif`,
    ],
  );
  const stat = await app.objectStore.stat(masterKeys.find((k) => k.includes(first.id))!);
  t.is(stat?.metadata['sha256'] ?? stat?.metadata['x-amz-meta-sha256'], first.sha256);

  await app.deps.derivativeWorker!.idle();
  const list = await cataloguer.get(`/api/records/${cn}/images`);
  t.deepEqual(
    list.body.items.map((i: any) => i.status),
    ['ready', 'ready', 'ready', 'ready', 'ready', 'ready'],
    JSON.stringify(list.body.items.map((i: any) => i.error)),
  );
  t.true((await keys(`tiles/${first.id}/`)).length > 0);
  t.deepEqual(await keys(`derivatives/${first.id}/`), [`derivatives/${first.id}/pyramid.tif`]);
  // Derivatives being ready is not an edit: the version the cataloguer's page holds since the
  // upload still saves a label (no 'changed by someone else' because the worker finished).
  t.deepEqual(
    list.body.items.map((i: any) => i.version),
    res.body.items.map((i: any) => i.version),
  );
  const relabel = await cataloguer.request('PATCH', `/api/images/${first.id}`, {
    label: '卷一 葉一a',
    version: first.version,
  });
  t.is(relabel.status, 200, relabel.text);
});

test.serial('a JPEG with EXIF orientation 6 is stored with its displayed (rotated) size', async (t) => {
  const cn = await newRecord();
  const res = await upload(cn, [
    { name: 'turned.jpg', data: await jpegImage(200, 100, 6), type: 'image/jpeg' },
  ]);
  t.is(res.status, 201, res.text);
  t.is(res.body.items[0].width, 100);
  t.is(res.body.items[0].height, 200);
});

test.serial('bad files are refused with the reason and leave no object and no row', async (t) => {
  const cn = await newRecord();
  const before = { rows: await imageRows(), masters: (await keys('masters/')).length };
  const jpeg = await jpegImage(300, 300);
  const cases: Array<[string, Parameters<typeof postFiles>[2], number, string]> = [
    ['zero bytes', [{ name: 'empty.jpg', data: Buffer.alloc(0), type: 'image/jpeg' }], 400, 'EMPTY_FILE'],
    [
      'truncated',
      [{ name: 'cut.jpg', data: jpeg.subarray(0, Math.floor(jpeg.length / 2)), type: 'image/jpeg' }],
      400,
      'CORRUPT_IMAGE',
    ],
    [
      'not an image',
      [{ name: 'notes.jpg', data: Buffer.from('这不是图像 not an image'), type: 'image/jpeg' }],
      400,
      'UNREADABLE_IMAGE',
    ],
    [
      'PNG named .jpg',
      [{ name: 'page.jpg', data: await pngImage(50, 50), type: 'image/jpeg' }],
      400,
      'MISLABELLED_IMAGE',
    ],
    [
      'GIF',
      [
        {
          name: 'page.gif',
          data: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
          type: 'image/gif',
        },
      ],
      415,
      'UNSUPPORTED_IMAGE_FORMAT',
    ],
    [
      'too many pixels',
      [{ name: 'huge.png', data: await pngImage(2500, 2000), type: 'image/png' }],
      413,
      'IMAGE_TOO_MANY_PIXELS',
    ],
    // One bad file among good ones: the good ones are not kept either.
    [
      'good then bad',
      [
        { name: 'ok.jpg', data: jpeg, type: 'image/jpeg' },
        { name: 'empty.png', data: Buffer.alloc(0), type: 'image/png' },
      ],
      400,
      'EMPTY_FILE',
    ],
  ];
  for (const [what, files, status, code] of cases) {
    const res = await upload(cn, files);
    t.is(res.status, status, `${what}: ${res.text}`);
    t.is(res.body?.error?.code, code, what);
    t.truthy(res.body?.error?.details?.[0]?.messageZh, what);
  }
  const labels = await upload(cn, [{ name: 'a.jpg', data: jpeg, type: 'image/jpeg' }], {
    labels: '["a","b"]',
  });
  t.is(labels.status, 400);
  t.is(labels.body.error.code, 'INVALID_LABELS');
  t.is(await imageRows(), before.rows);
  t.is((await keys('masters/')).length, before.masters);
});

test.serial(
  'only the institution (and its administrators) may upload; the public sees published images only',
  async (t) => {
    const cn = await newRecord();
    const data = await jpegImage(64, 64);
    const anonymous = await upload(cn, [{ name: 'a.jpg', data, type: 'image/jpeg' }], {}, null);
    t.is(anonymous.status, 401);
    const other = await upload(cn, [{ name: 'a.jpg', data, type: 'image/jpeg' }], {}, otherCataloguer.token);
    t.is(other.status, 403);
    const unknown = await upload('350000-9999-0000001', [{ name: 'a.jpg', data, type: 'image/jpeg' }]);
    t.is(unknown.status, 404);
    t.is((await upload(cn, [{ name: 'a.jpg', data, type: 'image/jpeg' }])).status, 201);
    t.is((await new ApiClient(app.url).get(`/api/records/${cn}/images`)).status, 404);
    t.is((await otherCataloguer.get(`/api/records/${cn}/images`)).status, 404);
    await app.orm.em
      .fork()
      .execute(`update census_record set status = 'published' where census_number = ?`, [cn]);
    const pub = await new ApiClient(app.url).get(`/api/records/${cn}/images`);
    t.is(pub.status, 200);
    t.is(pub.body.items.length, 1);
  },
);

test.serial('concurrent uploads to one record get consecutive sequence numbers', async (t) => {
  const cn = await newRecord();
  const data = await jpegImage(80, 120);
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) => upload(cn, [{ name: `c${i}.jpg`, data, type: 'image/jpeg' }])),
  );
  t.deepEqual(
    results.map((r) => r.status),
    [201, 201, 201, 201, 201, 201],
  );
  const sequences = results.map((r) => r.body.items[0].sequence).sort((a: number, b: number) => a - b);
  t.deepEqual(sequences, [1, 2, 3, 4, 5, 6]);
});

test.serial('an object store that is down answers 503 and stores nothing', async (t) => {
  const cn = await newRecord();
  const dead = http.createServer((_req, res) => res.destroy());
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  const port = (dead.address() as AddressInfo).port;
  const brokenStore = new ObjectStore({ ...app.objectStore.settings, port });
  const server = http.createServer(buildApp({ ...app.deps, objectStore: brokenStore }).callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const rows = await imageRows();
    const res = await postFiles(`${url}/api/records/${cn}/images`, cataloguer.token, [
      { name: 'a.jpg', data: await jpegImage(64, 64), type: 'image/jpeg' },
    ]);
    t.is(res.status, 503, res.text);
    t.is(res.body.error.code, 'OBJECT_STORE_UNAVAILABLE');
    t.is(await imageRows(), rows);
    t.false((await keys('masters/')).some((k) => k.includes(cn)));
  } finally {
    server.closeAllConnections();
    dead.closeAllConnections();
    await new Promise((r) => server.close(r));
    await new Promise((r) => dead.close(r));
  }
});

test.serial(
  'relabel (with optimistic locking), reorder, replace and delete are applied and audited',
  async (t) => {
    const cn = await newRecord();
    const data = [await jpegImage(100, 150), await pngImage(100, 150), await jpegImage(120, 150)];
    const res = await upload(
      cn,
      data.map((d, i) => ({ name: i === 1 ? `p${i}.png` : `p${i}.jpg`, data: d })),
    );
    t.is(res.status, 201, res.text);
    const [a, b, c] = res.body.items as Array<{ id: string; version: number; sha256: string }>;

    const relabel = await cataloguer.patch(`/api/images/${a!.id}`, {
      label: '卷一 叶1a',
      version: a!.version,
    });
    t.is(relabel.status, 200, relabel.text);
    t.is(relabel.body.label, '卷一 叶1a');
    const stale = await cataloguer.patch(`/api/images/${a!.id}`, { label: 'x', version: a!.version });
    t.is(stale.status, 409);
    t.is(stale.body.error.code, 'VERSION_CONFLICT');
    t.is((await otherCataloguer.patch(`/api/images/${a!.id}`, { label: 'x' })).status, 403);

    const reorder = await cataloguer.request('PUT', `/api/records/${cn}/images/order`, {
      imageIds: [c!.id, a!.id, b!.id],
    });
    t.is(reorder.status, 200, reorder.text);
    const order = await cataloguer.get(`/api/records/${cn}/images`);
    t.deepEqual(
      order.body.items.map((i: any) => [i.id, i.sequence]),
      [
        [c!.id, 1],
        [a!.id, 2],
        [b!.id, 3],
      ],
    );
    const partial = await cataloguer.request('PUT', `/api/records/${cn}/images/order`, {
      imageIds: [c!.id, a!.id],
    });
    t.is(partial.status, 400);
    t.is(partial.body.error.code, 'INVALID_IMAGE_ORDER');

    await app.deps.derivativeWorker!.idle();
    const replacement = await jpegImage(140, 90);
    const replaced = await postFiles(
      `${app.url}/api/images/${b!.id}/master`,
      cataloguer.token,
      [{ name: 'new.jpg', data: replacement }],
      {},
      'PUT',
    );
    t.is(replaced.status, 200, replaced.text);
    t.not(replaced.body.sha256, b!.sha256);
    t.is(replaced.body.width, 140);
    t.is(replaced.body.sequence, 3);
    t.is(replaced.body.status, 'processing');
    t.deepEqual(
      await keys(`masters/`).then((k) => k.filter((x) => x.includes(b!.sha256) && x.includes(b!.id))),
      [],
    );
    await app.deps.derivativeWorker!.idle();
    t.is((await cataloguer.get(`/api/images/${b!.id}`)).body.status, 'ready');

    const del = await cataloguer.delete(`/api/images/${c!.id}`);
    t.is(del.status, 204, del.text);
    const after = await cataloguer.get(`/api/records/${cn}/images`);
    t.deepEqual(
      after.body.items.map((i: any) => [i.id, i.sequence]),
      [
        [a!.id, 1],
        [b!.id, 2],
      ],
    );
    t.deepEqual(await keys(`tiles/${c!.id}/`), []);
    t.false((await keys('masters/')).some((k) => k.includes(c!.id)));
    t.is((await cataloguer.get(`/api/images/${c!.id}`)).status, 404);

    const audit = await app.orm.em
      .fork()
      .execute<Array<{ action: string }>>(
        `select action from audit_entry where action like 'image.%' and (entity_id in (?, ?, ?) or entity_id = ?) order by at`,
        [a!.id, b!.id, c!.id, cn],
      );
    const actions = new Set(audit.map((r) => r.action));
    for (const action of ['image.upload', 'image.relabel', 'image.reorder', 'image.replace', 'image.delete'])
      t.true(actions.has(action), action);
  },
);
