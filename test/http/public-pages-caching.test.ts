// HTTP caching of the server-rendered public pages: a strong ETag and 304 on If-None-Match,
// `public, max-age` for pages that are the same for every reader, never a shared or kept copy of
// a page that depends on the reader's address or login, and the rendered pages an instance keeps
// forgotten when what they show changes — through this instance, another instance on the same
// database, or plain SQL. Serial: every write through an instance empties its kept pages, so
// tests running side by side would empty each other's.
import test from 'ava';
import crypto from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { eventually } from '../helpers/eventually.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';
import { CensusRecordSchema } from '../../src/census/census-record.entity.js';
import { RecordImageSchema } from '../../src/images/record-image.entity.js';
import type { RecordInput } from '../../src/domain/record.types.js';

let app: TestApp;
let other: TestApp;
let proxied: TestApp;
let admin: ApiClient;
let calls = 0;

/** Rows of ready page images (no files: the pages only link them). */
async function addImages(on: TestApp, censusNumber: string, count = 1): Promise<string[]> {
  const em = on.orm.em.fork();
  const record = await em.findOneOrFail(CensusRecordSchema, { censusNumber });
  const images = Array.from({ length: count }, (_, i) =>
    em.create(RecordImageSchema, {
      record,
      sequence: i + 1,
      label: `卷一 ${i + 1}a`,
      status: 'ready',
      width: 2000,
      height: 3000,
      format: 'jpeg',
      sizeBytes: 1000,
      sha256: crypto.randomBytes(32).toString('hex'),
      masterKey: `masters/${crypto.randomUUID()}`,
      originalFilename: `${i}.jpg`,
    }),
  );
  await em.flush();
  return images.map((i) => i.id);
}

/** A published record (through `on`'s API) of a new institution with this rights statement. */
async function published(
  on: TestApp,
  client: ApiClient,
  fields: Partial<RecordInput>,
  rights: { statement?: 'open' | 'on_site' | 'metadata_only'; networks?: string[] } = {},
): Promise<{ cn: string; institutionId: string }> {
  const inst = await createInstitution(client, '110000', { name: `缓存测试馆${++calls}` });
  if (rights.statement) {
    const set = await client.request('PUT', `/api/institutions/${inst.id}/rights-statement`, {
      rightsStatement: rights.statement,
    });
    if (set.status !== 200) throw new Error(set.text);
  }
  if (rights.networks) {
    const set = await client.request('PUT', `/api/institutions/${inst.id}/on-site-networks`, {
      networks: rights.networks,
    });
    if (set.status !== 200) throw new Error(set.text);
  }
  const created = await client.post(
    '/api/records',
    validGujiInput({ institutionId: inst.id, callNumber: `C-${calls}`, ...fields }),
  );
  if (created.status !== 201) throw new Error(created.text);
  const cn: string = created.body.censusNumber;
  await publishRecord(client, cn);
  return { cn, institutionId: inst.id };
}

const get = async (on: TestApp, path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(on.url + path, { headers });
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    cache: res.headers.get('cache-control'),
    text: await res.text(),
  };
};
/** A GET as a client that sees the bytes on the wire (fetch would undo the gzip on its own). */
const raw = (on: TestApp, path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(on.url + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
const recordPath = (cn: string) => `/catalogue/records/${encodeURIComponent(cn)}`;
const searchPath = (q: string) => `/catalogue/search?q=${encodeURIComponent(q)}`;
/** Whether a results page lists the record (its title is split by highlighting; its link is not). */
const lists = (html: string, cn: string) => html.includes(`href="/catalogue/records/${cn}"`);

test.before(async () => {
  app = await startTestApp();
  [other, proxied] = await Promise.all([
    startTestApp({}, { share: app }),
    startTestApp({ TRUST_PROXY: 'true' }, { share: app }),
  ]);
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await Promise.all([other?.close(), proxied?.close()]);
  await app?.close();
});

test.serial('record page: a strong ETag, public caching, and 304 on If-None-Match', async (t) => {
  const { cn } = await published(app, admin, { title: '緩存甲集十卷' });
  const first = await get(app, recordPath(cn));
  t.is(first.status, 200);
  t.is(first.cache, 'public, max-age=300');
  t.regex(first.etag ?? '', /^"[A-Za-z0-9_-]{16,}"$/, 'a strong entity tag');
  // Kept once the notifications of its publication have arrived (a page read before them is not).
  await eventually(
    () => get(app, recordPath(cn)),
    () => app.deps.publicPages!.size > 0,
  );
  t.true(app.deps.publicPages!.size > 0, 'the page is kept rendered');
  const again = await get(app, recordPath(cn));
  t.is(again.etag, first.etag);
  t.is(again.text, first.text);
  for (const ifNoneMatch of [first.etag!, `W/${first.etag}`, `"other", ${first.etag}`, '*']) {
    const res = await get(app, recordPath(cn), { 'if-none-match': ifNoneMatch });
    t.is(res.status, 304, ifNoneMatch);
    t.is(res.text, '');
    t.is(res.etag, first.etag);
    t.is(res.cache, 'public, max-age=300');
  }
  const stale = await get(app, recordPath(cn), { 'if-none-match': '"not-this-one"' });
  t.is(stale.status, 200);
  t.is(stale.text, first.text);
  // A refused write stores nothing and keeps the pages (bad logins cannot keep emptying them).
  const kept = app.deps.publicPages!.size;
  const refused = await new ApiClient(app.url).post('/api/auth/login', {
    email: ADMIN.email,
    password: 'wrong-1',
  });
  t.is(refused.status, 401);
  t.is(app.deps.publicPages!.size, kept);
});

test.serial('pages go out in gzip to readers who accept it: their own ETag, Vary, 304', async (t) => {
  const { cn } = await published(app, admin, {
    title: '緩存壓縮集十卷',
    edition: '清光緒十年（1884）江南書局刻本',
  });
  for (const path of [recordPath(cn), searchPath('缓存压缩集')]) {
    const plain = await raw(app, path, {});
    t.is(plain.status, 200);
    t.is(plain.headers['content-encoding'], undefined, 'no Accept-Encoding: as it is');
    t.regex(String(plain.headers.vary), /Accept-Encoding/i);
    t.true(plain.body.toString('utf8').includes('緩存壓縮集'));
    for (let i = 0; i < 3; i++) {
      // The first rendering, the second (kept) and a kept answer: the same gzip representation.
      const zipped = await raw(app, path, { 'accept-encoding': 'gzip, deflate, br' });
      t.is(zipped.status, 200);
      t.is(zipped.headers['content-encoding'], 'gzip');
      t.regex(String(zipped.headers.vary), /Accept-Encoding/i);
      t.deepEqual(zlib.gunzipSync(zipped.body), plain.body, 'the same page');
      t.true(
        zipped.body.length < plain.body.length / 2,
        `${zipped.body.length} of ${plain.body.length} bytes`,
      );
      t.not(zipped.headers.etag, plain.headers.etag, 'another representation, another strong tag');
      t.regex(String(zipped.headers.etag), /^"[A-Za-z0-9_-]+"$/);
      const again = await raw(app, path, {
        'accept-encoding': 'gzip',
        'if-none-match': zipped.headers.etag!,
      });
      t.is(again.status, 304);
      t.is(again.headers.etag, zipped.headers.etag);
    }
    // The identity tag does not validate the gzip representation, nor the reverse.
    t.is(
      (await raw(app, path, { 'accept-encoding': 'gzip', 'if-none-match': plain.headers.etag! })).status,
      200,
    );
    t.is((await raw(app, path, { 'if-none-match': plain.headers.etag! })).status, 304);
    t.is(
      (await raw(app, path, { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding'],
      undefined,
    );
  }
});

test.serial('results page: a strong ETag, public caching, and 304 on If-None-Match', async (t) => {
  const { cn } = await published(app, admin, { title: '緩存乙集十卷' });
  const first = await get(app, searchPath('缓存乙集'));
  t.is(first.status, 200);
  t.true(lists(first.text, cn));
  t.is(first.cache, 'public, max-age=60');
  t.truthy(first.etag);
  const res = await get(app, searchPath('缓存乙集'), { 'if-none-match': first.etag! });
  t.is(res.status, 304);
  t.is(res.text, '');
  // 404 and 400 pages are never stored.
  t.is((await get(app, recordPath('110000-9999-0000001'))).cache, 'no-store');
  t.is((await get(app, `/catalogue/search?q=${'字'.repeat(201)}`)).cache, 'no-store');
});

test.serial('an edit through this instance shows at once, with a new ETag', async (t) => {
  const { cn } = await published(app, admin, { title: '緩存丙集十卷' });
  const before = await get(app, recordPath(cn));
  const search = await get(app, searchPath('缓存丙集'));
  t.true(lists(search.text, cn));
  const edited = await admin.patch(`/api/records/${cn}`, { title: '緩存丙集十二卷', reason: '据卷端改' });
  t.is(edited.status, 200, edited.text);
  const after = await get(app, recordPath(cn));
  t.true(after.text.includes('緩存丙集十二卷'));
  t.not(after.etag, before.etag);
  t.is((await get(app, recordPath(cn), { 'if-none-match': before.etag! })).status, 200);
  const found = await get(app, searchPath('缓存丙集'));
  t.true(found.text.includes('十二卷'), 'the results page shows the new title');
  t.not(found.etag, search.etag);
});

test.serial('a withdrawn record disappears from both instances, cached pages included', async (t) => {
  const { cn } = await published(app, admin, { title: '緩存丁集十卷' });
  for (const on of [app, other]) {
    for (let i = 0; i < 2; i++) t.is((await get(on, recordPath(cn))).status, 200);
    t.true(lists((await get(on, searchPath('缓存丁集'))).text, cn));
  }
  await eventually(
    () => get(other, recordPath(cn)),
    () => other.deps.publicPages!.size > 0,
  );
  t.true(other.deps.publicPages!.size > 0, 'the other instance keeps the pages');
  const withdrawn = await admin.post(`/api/records/${cn}/withdraw`, { reason: '重复登记' });
  t.is(withdrawn.status, 200, withdrawn.text);
  t.is((await get(app, recordPath(cn))).status, 404, 'at once on the instance that withdrew it');
  t.false(lists((await get(app, searchPath('缓存丁集'))).text, cn));
  const elsewhere = await eventually(
    () => get(other, recordPath(cn)),
    (r) => r.status === 404,
  );
  t.is(elsewhere.status, 404, 'the other instance forgets its copy');
  t.false(lists((await get(other, searchPath('缓存丁集'))).text, cn));
});

test.serial('a change made in SQL (any writer) reaches the kept pages', async (t) => {
  const { cn, institutionId } = await published(app, admin, { title: '緩存戊集十卷' });
  t.true((await get(app, recordPath(cn))).text.includes(`缓存测试馆`));
  await app.orm.em.fork().execute(`update institution set name = '改名之館' where id = ?`, [institutionId]);
  const page = await eventually(
    () => get(app, recordPath(cn)),
    (r) => r.text.includes('改名之館'),
  );
  t.true(page.text.includes('改名之館'));
});

test.serial("a page that depends on the reader's address is private and never shared", async (t) => {
  const client = await new ApiClient(proxied.url).login(ADMIN.email, ADMIN.password);
  const { cn } = await published(
    proxied,
    client,
    { title: '緩存己集十卷' },
    { statement: 'on_site', networks: ['203.0.113.0/24'] },
  );
  const [imageId] = await addImages(proxied, cn);
  const inside = { 'x-forwarded-for': '203.0.113.7' };
  const outside = { 'x-forwarded-for': '198.51.100.7' };
  const room = await eventually(
    () => get(proxied, recordPath(cn), inside),
    (r) => r.text.includes(`/iiif/3/${imageId}/`),
  );
  t.true(room.text.includes(`/iiif/3/${imageId}/`), 'the reading room sees the pages');
  t.is(room.cache, 'private, no-store');
  t.truthy(room.etag);
  const street = await get(proxied, recordPath(cn), outside);
  t.false(street.text.includes(`/iiif/3/${imageId}/`), 'never the reading room’s page');
  t.is(street.cache, 'private, no-store');
  t.not(street.etag, room.etag);
  t.is((await get(proxied, recordPath(cn), { ...outside, 'if-none-match': room.etag! })).status, 200);
  t.true((await get(proxied, recordPath(cn), inside)).text.includes(`/iiif/3/${imageId}/`));
  const zipped = await raw(proxied, recordPath(cn), { ...inside, 'accept-encoding': 'gzip' });
  t.is(zipped.headers['content-encoding'], 'gzip', 'a private page is compressed too');
  t.is(zipped.headers['cache-control'], 'private, no-store');
  t.true(zlib.gunzipSync(zipped.body).toString('utf8').includes(`/iiif/3/${imageId}/`));
});

test.serial(
  'results for a signed-in reader are neither taken from nor put into the kept pages',
  async (t) => {
    const { cn } = await published(app, admin, { title: '緩存庚集十卷' }, { statement: 'metadata_only' });
    const [imageId] = await addImages(app, cn);
    const thumb = `/iiif/3/${imageId}/`;
    const anonymous = await eventually(
      () => get(app, searchPath('缓存庚集')),
      (r) => lists(r.text, cn) && r.cache === 'public, max-age=60',
    );
    t.false(anonymous.text.includes(thumb), 'the public gets no thumbnail of a metadata-only book');
    t.is(anonymous.cache, 'public, max-age=60');
    const staff = await get(app, searchPath('缓存庚集'), { authorization: `Bearer ${admin.token}` });
    t.true(staff.text.includes(thumb), 'staff who work with its images see the thumbnail');
    t.is(staff.cache, 'private, no-store');
    const afterwards = await get(app, searchPath('缓存庚集'));
    t.false(afterwards.text.includes(thumb), 'the staff answer was not kept for the public');
    t.is(afterwards.etag, anonymous.etag);
  },
);

test.serial('the stylesheet: one URL named by its content, kept for good, compressed as asked', async (t) => {
  const { cn } = await published(app, admin, { title: '樣式表乙集四卷' });
  const page = await get(app, recordPath(cn));
  t.false(page.text.includes('<style'), 'no stylesheet inside the page');
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.text)?.[1];
  t.regex(href ?? '', /^\/catalogue\/style\.[0-9a-f]{12}\.css$/);
  const results = await get(app, searchPath('樣式表'));
  t.true(results.text.includes(`href="${href}"`), 'the results page links the same file');
  const plain = await fetch(app.url + href!, { headers: { 'accept-encoding': 'identity' } });
  t.is(plain.status, 200);
  t.is(plain.headers.get('content-type'), 'text/css; charset=utf-8');
  t.is(plain.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  t.is(plain.headers.get('content-encoding'), null);
  t.regex(plain.headers.get('vary') ?? '', /Accept-Encoding/i);
  const css = await plain.text();
  t.true(css.includes('.pp-header'));
  t.is(href, `/catalogue/style.${crypto.createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`);
  for (const encoding of ['br', 'gzip']) {
    // fetch decodes what it asked for: the bytes are the same stylesheet.
    const res = await fetch(app.url + href!, { headers: { 'accept-encoding': encoding } });
    t.is(res.headers.get('content-encoding'), encoding);
    t.is(await res.text(), css);
  }
  // Another name under the same folder is not served.
  t.is((await fetch(app.url + '/catalogue/style.000000000000.css')).status, 404);
});
