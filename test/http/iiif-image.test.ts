import test from 'ava';
import sharp from 'sharp';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { describe, jpegImage, pixelAt, postFiles } from '../fixtures/images.js';
import { buildImageInfo, tileRequestsFor } from '../../src/domain/iiif/image-info.rules.js';

let app: TestApp;
let cataloguer: ApiClient;
let otherCataloguer: ApiClient;
let publicImage: string; // 1200×1600 page of a published record
let privateImage: string; // image of a draft record
const W = 1200;
const H = 1600;

async function record(client: ApiClient, institutionId: string, callNumber: string): Promise<string> {
  const res = await client.post('/api/records', {
    type: 'guji',
    institutionId,
    callNumber,
    title: '論語',
    authors: [{ dynasty: '魏', name: '何晏', role: '集注' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 2,
    binding: '线装',
    classification: '经',
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

test.before(async () => {
  app = await startTestApp();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  cataloguer = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  const cat2 = await createUser(admin, { role: 'cataloguer', institutionId: other.id });
  otherCataloguer = await new ApiClient(app.url).login(cat2.email, STRONG_PASSWORD);
  const published = await record(cataloguer, inst.id, '甲001');
  const draft = await record(cataloguer, inst.id, '甲002');
  const up1 = await postFiles(`${app.url}/api/records/${published}/images`, cataloguer.token, [
    { name: 'page.jpg', data: await jpegImage(W, H), type: 'image/jpeg' },
  ]);
  const up2 = await postFiles(`${app.url}/api/records/${draft}/images`, cataloguer.token, [
    { name: 'page.jpg', data: await jpegImage(300, 200), type: 'image/jpeg' },
  ]);
  if (up1.status !== 201 || up2.status !== 201) throw new Error(up1.text + up2.text);
  publicImage = up1.body.items[0].id;
  privateImage = up2.body.items[0].id;
  await app.orm.em
    .fork()
    .execute(`update census_record set status = 'published' where census_number = ?`, [published]);
  await app.deps.derivativeWorker!.idle();
});
test.after.always(async () => {
  await app?.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers, redirect: 'manual' });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

test('the base URI redirects (303) to info.json', async (t) => {
  const res = await get(`/iiif/3/${publicImage}`);
  t.is(res.status, 303);
  t.is(res.headers.get('location'), `${app.url}/iiif/3/${publicImage}/info.json`);
  t.is(res.headers.get('access-control-allow-origin'), '*');
});

test('info.json describes a level 2 ImageService3 with tiles, sizes and extras', async (t) => {
  const res = await get(`/iiif/3/${publicImage}/info.json`);
  t.is(res.status, 200);
  t.regex(res.headers.get('content-type')!, /^application\/json/);
  t.is(res.headers.get('access-control-allow-origin'), '*');
  t.regex(res.headers.get('link')!, /level2\.json>;rel="profile"/);
  const info = await res.json();
  t.is(info['@context'], 'http://iiif.io/api/image/3/context.json');
  t.is(info.id, `${app.url}/iiif/3/${publicImage}`);
  t.is(info.type, 'ImageService3');
  t.is(info.protocol, 'http://iiif.io/api/image');
  t.is(info.profile, 'level2');
  t.is(info.width, W);
  t.is(info.height, H);
  t.deepEqual(info.tiles, [{ width: 512, height: 512, scaleFactors: [1, 2, 4] }]);
  t.deepEqual(info.sizes, [
    { width: 300, height: 400 },
    { width: 600, height: 800 },
    { width: 1200, height: 1600 },
  ]);
  t.deepEqual(info.extraFormats, ['webp']);
  t.deepEqual(info.extraQualities, ['color', 'gray', 'bitonal']);
  const ld = await get(`/iiif/3/${publicImage}/info.json`, { accept: 'application/ld+json' });
  t.is(
    ld.headers.get('content-type'),
    'application/ld+json;profile="http://iiif.io/api/image/3/context.json"',
  );
});

test('every tile of the advertised grid is served from storage, at its exact size', async (t) => {
  const info = buildImageInfo({
    id: 'x',
    width: W,
    height: H,
    tileSize: 512,
    maxWidth: 12000,
    maxHeight: 12000,
    maxArea: 64_000_000,
  });
  const tiles = tileRequestsFor(info);
  t.is(tiles.length, 12 + 4 + 1);
  const index = JSON.parse((await app.objectStore.getBuffer(`tiles/${publicImage}/grid.json`)).toString());
  const pack = await app.objectStore.getBuffer(`tiles/${publicImage}/grid.pack`);
  t.is(Object.keys(index).length, tiles.length + 1); // + the 600×800 thumbnail
  for (const tile of tiles) {
    const res = await get(`/iiif/3/${publicImage}/${tile.region}/${tile.size}/0/default.jpg`);
    t.is(res.status, 200, `${tile.region}/${tile.size}`);
    t.is(res.headers.get('content-type'), 'image/jpeg');
    const body = await bytes(res);
    const canonical = /<[^>]*\/iiif\/3\/[^/]+\/([^>]+)>;rel="canonical"/.exec(res.headers.get('link')!)![1]!;
    const [offset, length] = index[canonical]!;
    t.true(
      body.equals(pack.subarray(offset, offset + length)),
      `tile ${tile.region}/${tile.size} comes from the stored grid`,
    );
    const meta = await describe(body);
    if (tile.size !== 'max') t.is(`${meta.width},${meta.height}`, tile.size);
  }
});

test('arbitrary regions, sizes, rotations, qualities and formats follow the spec', async (t) => {
  const cases: Array<[string, number, number, string?]> = [
    ['100,200,300,400/150,/0/default.jpg', 150, 200],
    ['100,200,300,400/,100/0/default.jpg', 75, 100],
    ['pct:10,10,50,50/max/0/default.png', 600, 800, 'png'],
    ['square/200,200/0/default.webp', 200, 200, 'webp'],
    ['full/!300,300/0/default.jpg', 225, 300],
    ['full/pct:10/0/default.jpg', 120, 160],
    ['full/^2400,/0/default.jpg', 2400, 3200],
    ['full/^pct:150/0/default.jpg', 1800, 2400],
    ['1000,1400,500,500/max/0/default.jpg', 200, 200], // clipped at the image border
    ['full/300,/90/default.jpg', 400, 300],
    ['full/300,/45/default.png', 495, 495, 'png'],
  ];
  for (const [path, w, h, format] of cases) {
    const res = await get(`/iiif/3/${publicImage}/${path}`);
    t.is(res.status, 200, path);
    const meta = await describe(await bytes(res));
    t.deepEqual([meta.width, meta.height], [w, h], path);
    t.is(String(meta.format), format ?? 'jpeg', path);
  }
});

test('mirroring, gray and bitonal change the pixels as asked', async (t) => {
  // The test picture has a dark block from 10% to 30% of width/height.
  const plain = await bytes(await get(`/iiif/3/${publicImage}/full/120,/0/default.png`));
  const mirrored = await bytes(await get(`/iiif/3/${publicImage}/full/120,/!0/default.png`));
  t.true((await pixelAt(plain, 24, 32))[0]! < 60);
  t.true((await pixelAt(mirrored, 24, 32))[0]! > 100);
  t.true((await pixelAt(mirrored, 120 - 25, 32))[0]! < 60);
  const gray = await bytes(await get(`/iiif/3/${publicImage}/full/120,/0/gray.png`));
  t.is((await describe(gray)).channels, 1);
  const bitonal = await bytes(await get(`/iiif/3/${publicImage}/full/120,/0/bitonal.png`));
  const { data } = await sharp(bitonal).raw().toBuffer({ resolveWithObject: true });
  t.true(data.every((v) => v === 0 || v === 255));
});

test('canonical Link header, ETag with 304, caching and CORS headers', async (t) => {
  const res = await get(`/iiif/3/${publicImage}/full/1200,/0/default.jpg`);
  t.is(res.status, 200);
  t.true(
    res.headers
      .get('link')!
      .includes(`<${app.url}/iiif/3/${publicImage}/full/max/0/default.jpg>;rel="canonical"`),
  );
  t.is(res.headers.get('access-control-allow-origin'), '*');
  t.is(res.headers.get('cache-control'), 'public, max-age=86400');
  const etag = res.headers.get('etag')!;
  t.truthy(etag);
  const again = await get(`/iiif/3/${publicImage}/full/max/0/default.jpg`, { 'if-none-match': etag });
  t.is(again.status, 304);
  const info = await get(`/iiif/3/${publicImage}/info.json`);
  t.is(
    (await get(`/iiif/3/${publicImage}/info.json`, { 'if-none-match': info.headers.get('etag')! })).status,
    304,
  );
});

test('malformed parameters are 400, unknown images 404', async (t) => {
  for (const path of [
    'foo/max/0/default.jpg',
    'full/full/0/default.jpg',
    'full/0,/0/default.jpg',
    'full/2400,/0/default.jpg', // upscaling without ^
    'full/max/361/default.jpg',
    'full/max/0/sepia.jpg',
    'full/max/0/default.gif',
    'full/max/0/default',
    '5000,0,10,10/max/0/default.jpg', // outside the image
    '0,0,0,10/max/0/default.jpg',
  ]) {
    const res = await get(`/iiif/3/${publicImage}/${path}`);
    t.is(res.status, 400, path);
    t.is(res.headers.get('access-control-allow-origin'), '*');
  }
  t.is((await get(`/iiif/3/00000000-0000-4000-8000-000000000000/info.json`)).status, 404);
  t.is((await get(`/iiif/3/not-an-image/full/max/0/default.jpg`)).status, 404);
});

test('images of unpublished records need an authorised user', async (t) => {
  t.is((await get(`/iiif/3/${privateImage}/info.json`)).status, 401);
  t.is((await get(`/iiif/3/${privateImage}/full/max/0/default.jpg`)).status, 401);
  const auth = (c: ApiClient) => ({ authorization: `Bearer ${c.token}` });
  t.is((await get(`/iiif/3/${privateImage}/info.json`, auth(otherCataloguer))).status, 403);
  const own = await get(`/iiif/3/${privateImage}/full/max/0/default.jpg`, auth(cataloguer));
  t.is(own.status, 200);
  t.is(own.headers.get('cache-control'), 'private, max-age=3600');
});

// Issue 12 item 2: the request of the report (88 s and gigabytes before) now costs a bounded render.
test('the request of the report gets a bounded result: ^max at 33.4° fits the rotated-area limit', async (t) => {
  const res = await get(`/iiif/3/${publicImage}/full/^max/33.4/default.webp`);
  t.is(res.status, 200);
  const out = await describe(Buffer.from(await res.arrayBuffer()));
  t.is(out.format, 'webp');
  t.true(out.width! * out.height! <= 4_000_000, `${out.width}×${out.height}`);
  t.regex(res.headers.get('link')!, /full\/\^\d+,\d+\/33\.4\/default\.webp>;rel="canonical"/);
});

test('the CORS preflight of the Image API routes allows any origin', async (t) => {
  for (const path of [
    `/iiif/3/${publicImage}`,
    `/iiif/3/${publicImage}/info.json`,
    `/iiif/3/${publicImage}/full/max/0/default.jpg`,
  ]) {
    const res = await fetch(`${app.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://viewer.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    t.is(res.status, 204, path);
    t.is(res.headers.get('access-control-allow-origin'), '*', path);
    t.regex(res.headers.get('access-control-allow-methods') ?? '', /GET/, path);
    t.regex(res.headers.get('access-control-allow-headers') ?? '', /authorization/i, path);
  }
});
