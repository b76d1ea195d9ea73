// The shared response cache in front of the app (src/http-cache/): a public tile asked again is
// answered from memory with the headers the app sent (plus Age), and only when the app said it is
// public; a reader with credentials, a Range or HEAD request, another spelling of the URL or an
// image that is not public always reaches the app; a change through this instance (rights
// statement, withdrawal), through another instance or in plain SQL is heard at once. Serial: the
// kept responses are the instance's, emptied by any write.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { eventually } from '../helpers/eventually.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let other: TestApp;
let off: TestApp;
let admin: ApiClient;
let calls = 0;

/** A record with one page image, published or not, of a new institution; its image id. */
async function recordWithImage(
  publish: boolean,
): Promise<{ cn: string; image: string; institutionId: string }> {
  const inst = await createInstitution(admin, '330000', { name: `共享缓存测试馆${++calls}` });
  const created = await admin.post(
    '/api/records',
    validGujiInput({ institutionId: inst.id, callNumber: `SC-${calls}`, title: '宋本周禮鄭注十二卷' }),
  );
  if (created.status !== 201) throw new Error(created.text);
  const cn: string = created.body.censusNumber;
  const up = await postFiles(`${app.url}/api/records/${cn}/images`, admin.token, [
    { name: 'p1.jpg', data: await jpegImage(1100, 1500), type: 'image/jpeg' },
  ]);
  if (up.status !== 201) throw new Error(up.text);
  const image = up.body.items[0].id as string;
  await eventually(
    () => admin.get(`/api/records/${cn}/images`),
    (list) =>
      (list.body.items ?? list.body).some(
        (i: { id: string; status: string }) => i.id === image && i.status === 'ready',
      ),
  );
  if (publish) await publishRecord(admin, cn);
  return { cn, image, institutionId: inst.id };
}

const tile = (image: string) => `/iiif/3/${image}/0,0,512,512/512,512/0/default.jpg`;

async function get(on: TestApp, path: string, init: RequestInit = {}) {
  const res = await fetch(on.url + path, init);
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, fromCache: res.headers.has('age') };
}

test.before(async () => {
  app = await startTestApp();
  [other, off] = await Promise.all([
    startTestApp({}, { share: app }),
    startTestApp({ IMAGE_HTTP_CACHE_BYTES: '0' }, { share: app }),
  ]);
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await Promise.all([other?.close(), off?.close()]);
  await app?.close();
});

test.serial('a public tile asked again comes from the cache: same bytes, same headers, an Age', async (t) => {
  const { image } = await recordWithImage(true);
  const first = await get(app, tile(image));
  t.is(first.status, 200);
  t.false(first.fromCache);
  t.is(first.headers.get('cache-control'), 'public, max-age=86400');
  const again = await eventually(
    () => get(app, tile(image)),
    (r) => r.fromCache,
  );
  t.true(again.fromCache, 'answered from the kept response');
  t.regex(again.headers.get('age')!, /^\d+$/);
  t.deepEqual(again.body, first.body);
  for (const header of [
    'content-type',
    'content-length',
    'etag',
    'cache-control',
    'vary',
    'link',
    'access-control-allow-origin',
    'cross-origin-resource-policy',
    'content-security-policy',
    'x-content-type-options',
  ])
    t.is(again.headers.get(header), first.headers.get(header), header);
  t.regex(again.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  t.not(again.headers.get('x-request-id'), first.headers.get('x-request-id'));
  // A validator the cache holds: 304 without the body.
  const revalidated = await get(app, tile(image), {
    headers: { 'if-none-match': first.headers.get('etag')! },
  });
  t.is(revalidated.status, 304);
  t.is(revalidated.body.length, 0);
  t.is(revalidated.headers.get('etag'), first.headers.get('etag'));
  // An instance with the cache turned off answers every time from the app.
  await get(off, tile(image));
  t.false((await get(off, tile(image))).fromCache);
});

test.serial('credentials, Range, HEAD and other spellings of the URL always reach the app', async (t) => {
  const { image } = await recordWithImage(true);
  await eventually(
    () => get(app, tile(image)),
    (r) => r.fromCache,
  );
  const withToken = await get(app, tile(image), { headers: { authorization: `Bearer ${admin.token}` } });
  t.is(withToken.status, 200);
  t.false(withToken.fromCache);
  const withCookie = await get(app, tile(image), { headers: { cookie: 'census_session=nonsense' } });
  t.false(withCookie.fromCache);
  const ranged = await get(app, tile(image), { headers: { range: 'bytes=0-99' } });
  t.false(ranged.fromCache);
  const head = await fetch(app.url + tile(image), { method: 'HEAD' });
  t.false(head.headers.has('age'));
  const upper = await get(app, tile(image).replace('/iiif/3/', '/IIIF/3/'));
  t.false(upper.fromCache);
  t.not(upper.status, 200);
  const encoded = await get(app, tile(image).replace('default.jpg', 'default%2Ejpg'));
  t.false(encoded.fromCache);
});

test.serial('an image that is not public is never kept', async (t) => {
  const draft = await recordWithImage(false);
  for (let i = 0; i < 3; i++) {
    const anonymous = await get(app, tile(draft.image));
    t.is(anonymous.status, 401);
    t.false(anonymous.fromCache);
    const staff = await get(app, tile(draft.image), { headers: { authorization: `Bearer ${admin.token}` } });
    t.is(staff.status, 200);
    t.regex(staff.headers.get('cache-control')!, /^private/);
    t.false(staff.fromCache);
  }
  // On-site only: the image goes to readers in the reading room; the public gets 403, never a kept 200.
  const onSite = await recordWithImage(true);
  const set = await admin.request('PUT', `/api/institutions/${onSite.institutionId}/rights-statement`, {
    rightsStatement: 'on_site',
  });
  t.is(set.status, 200);
  for (let i = 0; i < 3; i++) t.is((await get(app, tile(onSite.image))).status, 403);
});

test.serial('a new rights statement through this instance is obeyed by the next request', async (t) => {
  const { image, institutionId } = await recordWithImage(true);
  await eventually(
    () => get(app, tile(image)),
    (r) => r.fromCache,
  );
  const set = await admin.request('PUT', `/api/institutions/${institutionId}/rights-statement`, {
    rightsStatement: 'metadata_only',
  });
  t.is(set.status, 200);
  const after = await get(app, tile(image));
  t.is(after.status, 403);
  t.false(after.fromCache);
});

test.serial(
  'a withdrawal through another instance, or a change in SQL, reaches the kept responses',
  async (t) => {
    const { cn, image } = await recordWithImage(true);
    await eventually(
      () => get(app, tile(image)),
      (r) => r.fromCache,
    );
    const viaOther = await new ApiClient(other.url).login(ADMIN.email, ADMIN.password);
    const withdrawn = await viaOther.post(`/api/records/${cn}/withdraw`, {
      reason: '误登，撤回 / entered by mistake',
    });
    t.is(withdrawn.status, 200, withdrawn.text);
    const after = await eventually(
      () => get(app, tile(image)),
      (r) => r.status !== 200,
    );
    t.is(after.status, 401);

    const second = await recordWithImage(true);
    await eventually(
      () => get(app, tile(second.image)),
      (r) => r.fromCache,
    );
    await app.orm.em
      .fork()
      .execute(`update institution set rights_statement = 'metadata_only' where id = ?`, [
        second.institutionId,
      ]);
    const inSql = await eventually(
      () => get(app, tile(second.image)),
      (r) => r.status !== 200,
    );
    t.is(inSql.status, 403);
  },
);
