// The catalogue's thumbnails follow the images' own access rule (imageAccess): an `on_site` book
// shows its thumbnail to a reader in its institution's reading-room networks — in the search API
// and the server-rendered results page, never through a shared cache — and to the staff who may
// see its images; not to anyone else, and a `metadata_only` book to nobody outside its staff. Every
// thumbnail offered is one the Image API then sends. The test app listens on 127.0.0.1, so
// 127.0.0.0/24 is "inside".
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { wenxuanInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
let callNumbers = 0;

const INSIDE = ['127.0.0.0/24'];
const ELSEWHERE = ['202.112.0.0/24'];

/** An institution with the statement and networks, and a published book of one ready page. */
async function book(statement: 'open' | 'on_site' | 'metadata_only', networks: string[]) {
  const inst = await createInstitution(admin, '110000', { name: `${statement}藏書樓` });
  const set = await admin.request('PUT', `/api/institutions/${inst.id}/rights-statement`, {
    rightsStatement: statement,
  });
  if (set.status !== 200) throw new Error(set.text);
  const nets = await admin.request('PUT', `/api/institutions/${inst.id}/on-site-networks`, { networks });
  if (nets.status !== 200) throw new Error(nets.text);
  const created = await admin.post(
    '/api/records',
    wenxuanInput(inst.id, { callNumber: `善 ${++callNumbers}` }),
  );
  if (created.status !== 201) throw new Error(created.text);
  const cn: string = created.body.censusNumber;
  const files = [{ name: 'p1.jpg', data: await jpegImage(600, 900), type: 'image/jpeg' }];
  const upload = await postFiles(`${app.url}/api/records/${cn}/images`, admin.token, files);
  if (upload.status !== 201) throw new Error(upload.text);
  const imageId: string = upload.body.items[0].id;
  for (const deadline = Date.now() + 60_000; ;) {
    if ((await admin.get(`/api/images/${imageId}`)).body.status === 'ready') break;
    if (Date.now() > deadline) throw new Error(`image ${imageId} not ready`);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const step of ['submit', 'approve', 'publish']) {
    const res = await admin.post(`/api/records/${cn}/${step}`, {});
    if (res.status !== 200) throw new Error(`${step}: ${res.text}`);
  }
  return { cn, imageId };
}

async function found(client: ApiClient, cn: string) {
  const res = await client.get(`/api/catalogue/search?q=${encodeURIComponent(cn)}`);
  if (res.status !== 200) throw new Error(res.text);
  const item = (res.body.items as Array<{ censusNumber: string; thumbnail: string | null }>).find(
    (i) => i.censusNumber === cn,
  );
  if (!item) throw new Error(`${cn} not found`);
  return { thumbnail: item.thumbnail, cache: res.headers.get('cache-control') };
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

test('an on-site book shows its thumbnail to a reader in the reading room, never through a shared cache', async (t) => {
  const { cn, imageId } = await book('on_site', INSIDE);
  const reader = new ApiClient(app.url);
  const result = await found(reader, cn);
  t.is(result.thumbnail, `/iiif/3/${imageId}/full/!200,200/0/default.jpg`);
  t.regex(result.cache ?? '', /^private/);
  t.is((await reader.get(result.thumbnail!)).status, 200, 'the Image API sends what the search offers');

  const page = await fetch(`${app.url}/catalogue/search?q=${encodeURIComponent(cn)}`);
  t.is(page.status, 200);
  t.is(page.headers.get('cache-control'), 'private, no-store');
  t.true((await page.text()).includes(`/iiif/3/${imageId}/`), 'the server-rendered results page too');
});

test('outside the reading room an on-site book has no thumbnail, but its staff see it', async (t) => {
  const { cn, imageId } = await book('on_site', ELSEWHERE);
  const reader = new ApiClient(app.url);
  const outside = await found(reader, cn);
  t.is(outside.thumbnail, null);
  t.is((await reader.get(`/iiif/3/${imageId}/full/!200,200/0/default.jpg`)).status, 403);
  const page = await (await fetch(`${app.url}/catalogue/search?q=${encodeURIComponent(cn)}`)).text();
  t.false(page.includes(`/iiif/3/${imageId}/`));

  const staff = await found(admin, cn);
  t.is(staff.thumbnail, `/iiif/3/${imageId}/full/!200,200/0/default.jpg`);
  t.regex(staff.cache ?? '', /^private/);
  t.is((await admin.get(staff.thumbnail!)).status, 200);
});

/** `promise`'s value, or 'waiting' when it has not settled within `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | 'waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'waiting'>((resolve) => (timer = setTimeout(() => resolve('waiting'), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

// Serial: it locks the census records for a moment, which the other tests' writes would wait for.
test.serial(
  "an anonymous reader's search reads no census record; a staff member's asks who reviews the book",
  async (t) => {
    const { cn, imageId } = await book('on_site', ELSEWHERE);
    const reader = new ApiClient(app.url);
    await app.orm.em
      .fork()
      .transactional(async (tx) => {
        // Nothing may read the census records until this transaction ends.
        await tx.execute('lock table census_record in access exclusive mode');
        const anonymous = await within(5000, found(reader, cn));
        t.not(anonymous, 'waiting', 'the anonymous search did not wait for the census records');
        t.is(anonymous !== 'waiting' && anonymous.thumbnail, null);
        const staffSearch = found(admin, cn);
        t.is(
          await within(500, staffSearch),
          'waiting',
          "the staff's answer depends on the record's reviewer",
        );
        // Wrapped: a promise returned as it is would be waited for inside the transaction.
        return { staffSearch };
      })
      .then(async ({ staffSearch }) => {
        const staff = await staffSearch;
        t.is(staff.thumbnail, `/iiif/3/${imageId}/full/!200,200/0/default.jpg`);
      });
  },
);

test('a metadata-only book has no thumbnail even inside its networks; an open book has one for everyone', async (t) => {
  const closed = await book('metadata_only', INSIDE);
  const reader = new ApiClient(app.url);
  t.is((await found(reader, closed.cn)).thumbnail, null);
  t.is((await reader.get(`/iiif/3/${closed.imageId}/full/!200,200/0/default.jpg`)).status, 403);

  const open = await book('open', []);
  const result = await found(reader, open.cn);
  t.is(result.thumbnail, `/iiif/3/${open.imageId}/full/!200,200/0/default.jpg`);
  t.false(/private/.test(result.cache ?? ''), 'the same answer for everyone may be shared');
  const page = await fetch(`${app.url}/catalogue/search?q=${encodeURIComponent(open.cn)}`);
  t.is(page.headers.get('cache-control'), 'public, max-age=60');
});

test('a restoration photo taken before the first page is never the catalogue thumbnail', async (t) => {
  // Photos share the record's image sequence: a "before" photo of a book with no pages yet comes
  // first, but it is a work-order photo, not a page of the book.
  const inst = await createInstitution(admin, '110000', { name: '修復前攝影藏書樓' });
  const conservator = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  const cons = await new ApiClient(app.url).login(conservator.email, STRONG_PASSWORD);
  const created = await admin.post(
    '/api/records',
    wenxuanInput(inst.id, { callNumber: `善 ${++callNumbers}` }),
  );
  t.is(created.status, 201, created.text);
  const cn: string = created.body.censusNumber;
  const order = await cons.post('/api/work-orders', { censusNumber: cn });
  t.is(order.status, 201, order.text);
  const photo = await postFiles(
    `${app.url}/api/work-orders/${order.body.id}/photos`,
    cons.token,
    [{ name: 'before.jpg', data: await jpegImage(300, 400), type: 'image/jpeg' }],
    { phase: 'before' },
  );
  t.is(photo.status, 201, photo.text);
  const page = await postFiles(`${app.url}/api/records/${cn}/images`, admin.token, [
    { name: 'p1.jpg', data: await jpegImage(600, 900), type: 'image/jpeg' },
  ]);
  t.is(page.status, 201, page.text);
  const pageId: string = page.body.items[0].id;
  const photoId: string = photo.body.items[0].imageId ?? photo.body.items[0].id;
  for (const id of [photoId, pageId]) {
    for (const deadline = Date.now() + 60_000; ;) {
      if ((await admin.get(`/api/images/${id}`)).body.status === 'ready') break;
      if (Date.now() > deadline) throw new Error(`image ${id} not ready`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  for (const step of ['submit', 'approve', 'publish']) {
    t.is((await admin.post(`/api/records/${cn}/${step}`, {})).status, 200, step);
  }
  const result = await found(new ApiClient(app.url), cn);
  t.is(result.thumbnail, `/iiif/3/${pageId}/full/!200,200/0/default.jpg`);

  // A book with only a photo of its damage has no pages: no thumbnail, and not "has images".
  const photographed = await admin.post(
    '/api/records',
    wenxuanInput(inst.id, { callNumber: `善 ${++callNumbers}` }),
  );
  const onlyPhoto: string = photographed.body.censusNumber;
  const order2 = await cons.post('/api/work-orders', { censusNumber: onlyPhoto });
  t.is(order2.status, 201, order2.text);
  const photo2 = await postFiles(
    `${app.url}/api/work-orders/${order2.body.id}/photos`,
    cons.token,
    [{ name: 'before.jpg', data: await jpegImage(300, 400), type: 'image/jpeg' }],
    { phase: 'before' },
  );
  t.is(photo2.status, 201, photo2.text);
  for (const step of ['submit', 'approve', 'publish']) {
    t.is((await admin.post(`/api/records/${onlyPhoto}/${step}`, {})).status, 200, step);
  }
  t.is((await found(new ApiClient(app.url), onlyPhoto)).thumbnail, null);
  const withImages = await admin.get(
    `/api/catalogue/search?q=${encodeURIComponent(onlyPhoto)}&hasImages=true`,
  );
  t.deepEqual(withImages.body.items, []);
  const withoutImages = await admin.get(
    `/api/catalogue/search?q=${encodeURIComponent(onlyPhoto)}&hasImages=false`,
  );
  t.deepEqual(
    withoutImages.body.items.map((i: { censusNumber: string }) => i.censusNumber),
    [onlyPhoto],
  );
});
