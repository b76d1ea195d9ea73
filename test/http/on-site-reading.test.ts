// On-site reading (仅限馆内阅览): an institution sets its reading-room networks (CIDR); a reader whose
// address lies in them is sent the images of its `on_site` books — Image API, manifest services and
// thumbnails, record page thumbnails, whole-book PDF — never through a shared cache. Outside readers
// are refused as before; `metadata_only` stays closed wherever the reader is. The test app listens
// on 127.0.0.1, so 127.0.0.0/24 is "inside"; X-Forwarded-For counts only with TRUST_PROXY.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, publishRecord, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { wenxuanInput } from '../helpers/record-input.js';

let app: TestApp;
let proxied: TestApp;
let callNumbers = 0;

const INSIDE = ['127.0.0.0/24'];

// One login per app: logins are throttled per address.
const admins = new Map<TestApp, Promise<ApiClient>>();
function admin(on: TestApp): Promise<ApiClient> {
  if (!admins.has(on)) admins.set(on, new ApiClient(on.url).login(ADMIN.email, ADMIN.password));
  return admins.get(on)!;
}

/** An institution with the statement and networks, and a published book of one ready page. */
async function book(
  on: TestApp,
  statement: 'open' | 'on_site' | 'metadata_only',
  networks: string[],
): Promise<{ institutionId: string; cn: string; imageId: string }> {
  const client = await admin(on);
  const inst = await createInstitution(client, '110000', { name: `${statement}藏书楼` });
  const set = await client.request('PUT', `/api/institutions/${inst.id}/rights-statement`, {
    rightsStatement: statement,
  });
  if (set.status !== 200) throw new Error(set.text);
  const nets = await client.request('PUT', `/api/institutions/${inst.id}/on-site-networks`, { networks });
  if (nets.status !== 200) throw new Error(nets.text);
  const created = await client.post(
    '/api/records',
    wenxuanInput(inst.id, { callNumber: `馆 ${++callNumbers}` }),
  );
  if (created.status !== 201) throw new Error(created.text);
  const cn: string = created.body.censusNumber;
  const files = [{ name: 'p1.jpg', data: await jpegImage(600, 900), type: 'image/jpeg' }];
  const upload = await postFiles(`${on.url}/api/records/${cn}/images`, client.token, files);
  if (upload.status !== 201) throw new Error(upload.text);
  const imageId: string = upload.body.items[0].id;
  for (const deadline = Date.now() + 60_000; ;) {
    if ((await client.get(`/api/images/${imageId}`)).body.status === 'ready') break;
    if (Date.now() > deadline) throw new Error(`image ${imageId} not ready`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await publishRecord(client, cn);
  return { institutionId: inst.id, cn, imageId };
}

test.before(async () => {
  [app, proxied] = await Promise.all([startTestApp(), startTestApp({ TRUST_PROXY: 'true' })]);
});
test.after.always(async () => {
  await Promise.all([app?.close(), proxied?.close()]);
});

test('inside the reading room: images, info.json, manifest services and thumbnails, record page, PDF — all private', async (t) => {
  const { cn, imageId } = await book(app, 'on_site', INSIDE);
  const reader = new ApiClient(app.url);
  for (const path of [`/iiif/3/${imageId}/info.json`, `/iiif/3/${imageId}/full/max/0/default.jpg`]) {
    const res = await reader.get(path);
    t.is(res.status, 200, path);
    t.regex(res.headers.get('cache-control') ?? '', /^private/, path);
  }
  const manifest = await reader.get(`/iiif/manifest/${cn}`);
  t.is(manifest.status, 200);
  t.truthy(manifest.body.thumbnail, 'thumbnails for the on-site reader');
  t.is(manifest.body.items[0].items[0].items[0].body.service[0].type, 'ImageService3');
  t.is(manifest.headers.get('cache-control'), 'private, no-store');

  const page = await fetch(`${app.url}/catalogue/records/${encodeURIComponent(cn)}`);
  t.is(page.headers.get('cache-control'), 'private, no-store');
  const html = await page.text();
  t.true(html.includes(`/iiif/3/${imageId}/`), 'thumbnail strip');
  t.true(html.includes('book.pdf'));

  const pdf = await fetch(`${app.url}/catalogue/records/${encodeURIComponent(cn)}/book.pdf`);
  t.is(pdf.status, 200);
  t.is(pdf.headers.get('cache-control'), 'private, max-age=86400');
  t.is(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
    '%PDF-',
  );
});

test('outside the reading room (another range): 403 IMAGE_RESTRICTED, no thumbnails, no PDF, nothing public', async (t) => {
  const { cn, imageId } = await book(app, 'on_site', ['10.1.0.0/16', '2001:da8:1::/48']);
  const reader = new ApiClient(app.url);
  for (const path of [`/iiif/3/${imageId}/info.json`, `/iiif/3/${imageId}/full/max/0/default.jpg`]) {
    const res = await reader.get(path);
    t.is(res.status, 403, path);
    t.is(res.body.error.code, 'IMAGE_RESTRICTED');
    t.is(res.headers.get('cache-control'), 'no-store');
  }
  const manifest = await reader.get(`/iiif/manifest/${cn}`);
  t.is(manifest.body.thumbnail, undefined);
  t.is(manifest.headers.get('cache-control'), 'private, no-store');
  const page = await fetch(`${app.url}/catalogue/records/${encodeURIComponent(cn)}`);
  t.is(page.headers.get('cache-control'), 'private, no-store', 'the page differs by address');
  const html = await page.text();
  t.false(html.includes(`/iiif/3/${imageId}/`));
  t.false(html.includes('book.pdf'));
  const pdf = await fetch(`${app.url}/catalogue/records/${encodeURIComponent(cn)}/book.pdf`);
  t.is(pdf.status, 403);
  t.is(((await pdf.json()) as { error: { code: string } }).error.code, 'IMAGE_RESTRICTED');
});

test('metadata only stays closed inside the networks; open is unchanged (public caching)', async (t) => {
  const closed = await book(app, 'metadata_only', INSIDE);
  const reader = new ApiClient(app.url);
  t.is((await reader.get(`/iiif/3/${closed.imageId}/info.json`)).status, 403);
  t.is((await fetch(`${app.url}/catalogue/records/${encodeURIComponent(closed.cn)}/book.pdf`)).status, 403);
  const manifest = await reader.get(`/iiif/manifest/${closed.cn}`);
  t.deepEqual(manifest.body.items[0].items, [], 'no painted page, wherever the reader is');
  t.false(manifest.text.includes('/iiif/3/'));

  const open = await book(app, 'open', INSIDE);
  const info = await reader.get(`/iiif/3/${open.imageId}/info.json`);
  t.is(info.status, 200);
  t.is(info.headers.get('cache-control'), 'public, max-age=86400');
  const page = await fetch(`${app.url}/catalogue/records/${encodeURIComponent(open.cn)}`);
  t.is(page.headers.get('cache-control'), 'public, max-age=300');
});

test('X-Forwarded-For is ignored without TRUST_PROXY and believed with it', async (t) => {
  const direct = await book(app, 'on_site', ['203.0.113.0/24']);
  const spoofed = { 'x-forwarded-for': '203.0.113.7' };
  const res = await new ApiClient(app.url, null, spoofed).get(`/iiif/3/${direct.imageId}/info.json`);
  t.is(res.status, 403, 'a client cannot claim to be in the reading room');

  const behind = await book(proxied, 'on_site', ['203.0.113.0/24']);
  const fromRoom = await new ApiClient(proxied.url, null, spoofed).get(`/iiif/3/${behind.imageId}/info.json`);
  t.is(fromRoom.status, 200, 'the trusted proxy says the reader is in the room');
  t.regex(fromRoom.headers.get('cache-control') ?? '', /^private/);
  const elsewhere = await new ApiClient(proxied.url, null, { 'x-forwarded-for': '198.51.100.7' }).get(
    `/iiif/3/${behind.imageId}/info.json`,
  );
  t.is(elsewhere.status, 403);
});

test('setting the networks: who may, audit, shown in the answer, stale version 409', async (t) => {
  const client = await admin(app);
  const inst = await createInstitution(client, '350000');
  const neighbour = await createInstitution(client, '350000');
  const login = async (fields: Parameters<typeof createUser>[1]) =>
    new ApiClient(app.url).login((await createUser(client, fields)).email, STRONG_PASSWORD);
  const own = await login({ role: 'cataloguer', institutionId: inst.id });
  const other = await login({ role: 'cataloguer', institutionId: neighbour.id });
  const otherProvince = await login({ role: 'provincial_admin', provinceCode: '320000' });
  const path = `/api/institutions/${inst.id}/on-site-networks`;
  const networks = ['202.112.0.0/24', '2001:da8:1::/48'];

  t.is((await new ApiClient(app.url).request('PUT', path, { networks })).status, 401);
  for (const client of [other, otherProvince]) {
    const refused = await client.request('PUT', path, { networks });
    t.is(refused.status, 403);
    t.regex(refused.body.error.message, /无权设置.*reading-room networks/s);
  }
  const set = await own.request('PUT', path, { networks });
  t.is(set.status, 200, set.text);
  t.deepEqual(set.body.onSiteNetworks, networks);
  const shown = await client.get(`/api/institutions/${inst.id}`);
  t.deepEqual(shown.body.onSiteNetworks, networks);

  const stale = await client.request('PUT', path, { networks: [], version: 1 });
  t.is(stale.status, 409);
  t.deepEqual((await client.get(`/api/institutions/${inst.id}`)).body.onSiteNetworks, networks);
  const cleared = await client.request('PUT', path, { networks: [], version: shown.body.version });
  t.is(cleared.status, 200, cleared.text);
  t.deepEqual(cleared.body.onSiteNetworks, []);

  const audit = await client.get(`/api/audit?entityType=institution&entityId=${inst.id}`);
  const changes = audit.body.items
    .filter((e: { action: string }) => e.action === 'institution.on_site_networks')
    .map((e: { before: { onSiteNetworks: string[] }; after: { onSiteNetworks: string[] } }) => [
      e.before.onSiteNetworks,
      e.after.onSiteNetworks,
    ]);
  t.deepEqual(changes, [
    [networks, []],
    [[], networks],
  ]);
});

test('hostile networks are refused whole, naming field, value and rule in both languages', async (t) => {
  const client = await admin(app);
  const inst = await createInstitution(client, '350000');
  const path = `/api/institutions/${inst.id}/on-site-networks`;
  const cases: Array<[unknown, string, string]> = [
    [['0.0.0.0/0'], 'networks[0]', 'cidr_too_broad'],
    [['10.0.0.0/8'], 'networks[0]', 'cidr_too_broad'],
    [['::/0'], 'networks[0]', 'cidr_too_broad'],
    [['2001::/16'], 'networks[0]', 'cidr_too_broad'],
    [['202.112.0.1/24'], 'networks[0]', 'cidr_host_bits'],
    [['2001:da8:1::1/48'], 'networks[0]', 'cidr_host_bits'],
    [['202.112.0.0'], 'networks[0]', 'cidr'],
    [['202.112.0.0/33'], 'networks[0]', 'cidr'],
    [['127.1/24'], 'networks[0]', 'cidr'],
    [['0x7f.0.0.0/24'], 'networks[0]', 'cidr'],
    [[' 202.112.0.0/24'], 'networks[0]', 'cidr'],
    [['202.112.0.0/24\u0000'], 'networks[0]', 'no_nul'],
    [['::ffff:0:0/96'], 'networks[0]', 'cidr_ipv4_mapped'],
    [['::ffff:202.112.0.0/120'], 'networks[0]', 'cidr_ipv4_mapped'],
    [['202.112.0.0/24', '202.112.0.0/24'], 'networks[1]', 'unique'],
    [['2001:DA8:1::/48', '2001:da8:1::/48'], 'networks[1]', 'unique'],
    [['x'.repeat(100_000)], 'networks[0]', 'cidr'],
    [Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/16`), 'networks', 'too_big'],
    [[42], 'networks[0]', 'invalid_type'],
    ['202.112.0.0/24', 'networks', 'invalid_type'],
  ];
  for (const [networks, field, rule] of cases) {
    const res = await client.request('PUT', path, { networks });
    const label = JSON.stringify(networks).slice(0, 60);
    t.is(res.status, 400, label);
    const detail = res.body.error?.details?.find((d: { path: string }) => d.path === field);
    t.truthy(detail, `${label}: ${res.text.slice(0, 300)}`);
    if (rule !== 'invalid_type') t.is(detail?.rule, rule, label);
    t.truthy(res.body.error.messageZh, label);
    t.truthy(res.body.error.messageEn, label);
  }
  t.deepEqual((await client.get(`/api/institutions/${inst.id}`)).body.onSiteNetworks, [], 'nothing stored');
  const huge = await client.request('PUT', path, {
    networks: Array.from({ length: 100_000 }, () => '10.0.0.0/16'),
  });
  t.true(huge.status === 400 || huge.status === 413, huge.text.slice(0, 200));
  // Another tenant's institution or an unknown id.
  t.is(
    (
      await client.request('PUT', `/api/institutions/${crypto.randomUUID()}/on-site-networks`, {
        networks: [],
      })
    ).status,
    404,
  );
  t.is(
    (await client.request('PUT', `/api/institutions/not-a-uuid/on-site-networks`, { networks: [] })).status,
    400,
  );
});

test('a change of the networks reaches the Image API (its one-second lookup cache keeps no decision)', async (t) => {
  const client = await admin(app);
  const { institutionId, imageId } = await book(app, 'on_site', ['10.1.0.0/16']);
  const reader = new ApiClient(app.url);
  t.is((await reader.get(`/iiif/3/${imageId}/info.json`)).status, 403);
  const moved = await client.request('PUT', `/api/institutions/${institutionId}/on-site-networks`, {
    networks: INSIDE,
  });
  t.is(moved.status, 200, moved.text);
  await new Promise((r) => setTimeout(r, 1100));
  t.is((await reader.get(`/iiif/3/${imageId}/info.json`)).status, 200);
  const closed = await client.request('PUT', `/api/institutions/${institutionId}/on-site-networks`, {
    networks: [],
  });
  t.is(closed.status, 200, closed.text);
  await new Promise((r) => setTimeout(r, 1100));
  t.is((await reader.get(`/iiif/3/${imageId}/info.json`)).status, 403);
});
