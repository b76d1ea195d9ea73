// Text the database cannot store (NUL), strings that are not Unicode (lone surrogates), keys that
// reach object prototypes and absurdly deep nesting are refused at the door with a 400 that names
// the field — in any body, query or path — instead of a 500 from deep inside. Bytes that are not
// UTF-8 are refused the same way, never stored as U+FFFD; and a file's name and a form's fields
// arrive as the browser wrote them (UTF-8 bytes in the multipart headers): 卷一第1葉.jpg is stored
// as 卷一第1葉.jpg, not as its bytes read one by one as Latin-1.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import iconv from 'iconv-lite';
import zlib from 'node:zlib';

let app: TestApp;
let admin: ApiClient;
let institutionId: string;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  institutionId = (await createInstitution(admin, '350000')).id;
});
test.after.always(async () => {
  await app?.close();
});

// Tests that store records do it in an institution of their own (`ownInstitution`): the others
// count the shared institution's records to show that nothing was stored, and run at the same time.
const record = (fields: Record<string, unknown>, institution = institutionId) =>
  JSON.stringify({
    ...validGujiInput({ institutionId: institution, callNumber: `H-${Math.random()}` }),
    ...fields,
  });
const ownInstitution = async () => (await createInstitution(admin, '350000')).id as string;

async function assertRefused(t: any, res: { status: number; body: any }, path: string, rule: string) {
  t.is(res.status, 400, JSON.stringify(res.body));
  t.is(res.body.error.code, 'INVALID_INPUT');
  t.is(res.body.error.details[0].path, path);
  t.is(res.body.error.details[0].rule, rule);
  t.truthy(res.body.error.messageZh);
  t.truthy(res.body.error.messageEn);
}

test('a NUL byte in a body text field is 400 naming the field, and nothing is stored', async (t) => {
  const res = await admin.request('POST', '/api/records', record({ title: '论语\u0000注疏' }));
  await assertRefused(t, res, 'title', 'no_nul');
  const nested = await admin.request(
    'POST',
    '/api/records',
    record({ authors: [{ dynasty: '宋', name: '朱\u0000熹', role: '撰' }] }),
  );
  await assertRefused(t, nested, 'authors[0].name', 'no_nul');
  const list = await admin.get(`/api/records?institutionId=${institutionId}`);
  t.is(list.body.total, 0);
});

test('a lone surrogate in a body text field is 400 naming the field', async (t) => {
  // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse turns back into one.
  const res = await admin.request('POST', '/api/records', record({ title: 'abc\ud800' }));
  await assertRefused(t, res, 'title', 'well_formed_unicode');
  const patch = await admin.patch('/api/institutions/' + institutionId, { name: '\udfff图书馆' });
  await assertRefused(t, patch, 'name', 'well_formed_unicode');
});

test('a __proto__ key is 400 naming it', async (t) => {
  const body = record({}).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
  const res = await admin.request('POST', '/api/records', body);
  await assertRefused(t, res, '__proto__', 'forbidden_key');
  const nested = record({}).replace('"authors":[{', '"authors":[{"__proto__":{"x":1},');
  await assertRefused(
    t,
    await admin.request('POST', '/api/records', nested),
    'authors[0].__proto__',
    'forbidden_key',
  );
});

test('a 50,000-deep array is 400, not a stack overflow', async (t) => {
  const deep = '['.repeat(50_000) + ']'.repeat(50_000);
  const res = await admin.request(
    'POST',
    '/api/records',
    record({ title: '__DEEP__' }).replace('"__DEEP__"', deep),
  );
  t.is(res.status, 400);
  t.is(res.body.error.details[0].rule, 'max_depth');
  t.regex(res.body.error.details[0].path, /^title(\[0\])+$/);
  const health = await admin.get('/health');
  t.true([200, 503].includes(health.status));
});

test('a NUL byte or a lone surrogate in a query string is 400 naming the parameter', async (t) => {
  await assertRefused(t, await admin.get('/api/records?q=%00'), 'q', 'no_nul');
  await assertRefused(t, await admin.get('/api/users?q=a%00b'), 'q', 'no_nul');
  await assertRefused(t, await new ApiClient(app.url).get('/api/catalogue/search?q=%00'), 'q', 'no_nul');
});

test('a NUL byte in a path parameter is 400, not a 500', async (t) => {
  const res = await admin.get('/api/records/%00');
  t.is(res.status, 400);
  t.is(res.body.error.code, 'INVALID_INPUT');
  const image = await new ApiClient(app.url).get('/api/images/%00');
  t.is(image.status, 400);
});

test('a NUL byte in a multipart form field is 400 naming it, and no image is stored', async (t) => {
  const created = await admin.post('/api/records', JSON.parse(record({}, await ownInstitution())));
  const cn = created.body.censusNumber as string;
  const res = await postFiles(
    `${app.url}/api/records/${cn}/images`,
    admin.token,
    [{ name: 'p.jpg', data: await jpegImage(32, 32), type: 'image/jpeg' }],
    { labels: JSON.stringify(['第\u0000一叶']) },
  );
  t.is(res.status, 400, res.text);
  t.is(res.body.error.code, 'INVALID_INPUT');
  t.is(res.body.error.details[0].path, 'labels[0]');
  t.is((await admin.get(`/api/records/${cn}/images`)).body.items.length, 0);
});

/** POSTs raw bytes (a record by default) with the admin's token; `headers` may say anything about them. */
async function postBytes(bytes: Buffer, headers: Record<string, string> = {}, path = '/api/records') {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}`, ...headers },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A record's JSON with `marker` (a quoted string) spliced in as raw bytes: what a GBK tool sends. */
function recordWithBytes(field: 'title' | 'authorName', bytes: Buffer): Buffer {
  const json =
    field === 'title'
      ? record({ title: '__MARK__' })
      : record({ authors: [{ dynasty: '宋', name: '__MARK__', role: '撰' }] });
  const [before, after] = json.split('__MARK__') as [string, string];
  return Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
}

const recordCount = async (institution = institutionId) =>
  (await admin.get(`/api/records?institutionId=${institution}`)).body.total as number;

test('a body whose bytes are not UTF-8 (a GBK title) is 400 naming the field and the byte, and nothing is stored', async (t) => {
  const before = await recordCount();
  const gbk = iconv.encode('論語注疏', 'gbk');
  const res = await postBytes(recordWithBytes('title', gbk));
  await assertRefused(t, res, 'title', 'utf8');
  t.regex(res.body.error.messageZh, /UTF-8/);
  t.regex(res.body.error.messageEn, /from byte \d+/);
  const nested = await postBytes(recordWithBytes('authorName', iconv.encode('朱熹', 'gbk')));
  await assertRefused(t, nested, 'authors[0].name', 'utf8');
  // A cut-off sequence and an encoded surrogate (CESU-8) are not UTF-8 either.
  await assertRefused(
    t,
    await postBytes(recordWithBytes('title', Buffer.from([0xe8, 0xaf]))),
    'title',
    'utf8',
  );
  await assertRefused(
    t,
    await postBytes(recordWithBytes('title', Buffer.from([0xed, 0xa0, 0x80]))),
    'title',
    'utf8',
  );
  t.is(await recordCount(), before);
});

test('a body declaring a charset other than UTF-8 is 415, and nothing is stored', async (t) => {
  const before = await recordCount();
  const gbkBody = iconv.encode(record({ title: '論語注疏' }), 'gbk');
  const res = await postBytes(gbkBody, { 'content-type': 'application/json; charset=GBK' });
  t.is(res.status, 415, JSON.stringify(res.body));
  t.is(res.body.error.code, 'UNSUPPORTED_MEDIA_TYPE');
  t.regex(res.body.error.messageZh, /UTF-8/);
  t.is(await recordCount(), before);
});

test('a UTF-8 body is stored as written, a U+FFFD of its own included; compressed bodies are read, broken ones refused', async (t) => {
  const own = await ownInstitution();
  const title = '論語注疏\uFFFD（原書此字漫漶）';
  const plain = await postBytes(Buffer.from(record({ title }, own)), {
    'content-type': 'application/json; charset=UTF-8',
  });
  t.is(plain.status, 201, JSON.stringify(plain.body));
  t.is((await admin.get(`/api/records/${plain.body.censusNumber}`)).body.title, title);
  const gzipped = await postBytes(zlib.gzipSync(Buffer.from(record({ title: '史記集解' }, own))), {
    'content-encoding': 'gzip',
  });
  t.is(gzipped.status, 201, JSON.stringify(gzipped.body));
  t.is((await admin.get(`/api/records/${gzipped.body.censusNumber}`)).body.title, '史記集解');
  const before = await recordCount(own);
  const broken = await postBytes(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
  t.is(broken.status, 400, JSON.stringify(broken.body));
  t.is(broken.body.error.code, 'INVALID_BODY');
  const unknownCoding = await postBytes(Buffer.from(record({}, own)), { 'content-encoding': 'compress' });
  t.is(unknownCoding.status, 415);
  // A body that decompresses beyond the limit is refused by its decompressed size.
  const bomb = await postBytes(zlib.gzipSync(Buffer.from(`{"title":"${'a'.repeat(20 * 1024 * 1024)}"}`)), {
    'content-encoding': 'gzip',
  });
  t.is(bomb.status, 413, JSON.stringify(bomb.body));
  t.is(await recordCount(own), before);
});

test('a query or path whose percent-escapes are not UTF-8 is 400 naming the parameter; a literal % is not refused', async (t) => {
  for (const escaped of ['%FF', '%E5%AE', '%ED%A0%80', '%C0%AF']) {
    await assertRefused(t, await admin.get(`/api/records?q=${escaped}`), 'q', 'utf8');
    await assertRefused(
      t,
      await new ApiClient(app.url).get(`/api/catalogue/search?q=a${escaped}`),
      'q',
      'utf8',
    );
  }
  await assertRefused(t, await admin.get('/api/records?%FF=1'), '(query)', 'utf8');
  await assertRefused(t, await admin.get('/api/records/%E5%AE'), '(path)', 'utf8');
  const literal = await new ApiClient(app.url).get('/api/catalogue/search?q=100%');
  t.is(literal.status, 200, literal.text);
  t.is(literal.body.query.q, '100%');
  const simplified = await new ApiClient(app.url).get(
    `/api/catalogue/search?q=${encodeURIComponent('论语')}`,
  );
  t.is(simplified.status, 200);
});

const newRecord = async () =>
  (await admin.post('/api/records', JSON.parse(record({}, await ownInstitution())))).body
    .censusNumber as string;
const imagesOf = async (cn: string) =>
  (await admin.get(`/api/records/${cn}/images`)).body.items as Array<{
    originalFilename: string;
    label: string;
  }>;

/** A multipart body written byte by byte: one field and one file, whose name is `fileName` as sent. */
async function postRawMultipart(cn: string, fileName: Buffer, labels: Buffer) {
  const boundary = '----census-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="labels"\r\n\r\n`),
    labels,
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    fileName,
    Buffer.from('"\r\nContent-Type: image/jpeg\r\n\r\n'),
    await jpegImage(32, 32),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return postBytes(
    body,
    { 'content-type': `multipart/form-data; boundary=${boundary}` },
    `/api/records/${cn}/images`,
  );
}

test('an image uploaded from a browser keeps its Chinese file name and label as written', async (t) => {
  const cn = await newRecord();
  const res = await postFiles(
    `${app.url}/api/records/${cn}/images`,
    admin.token,
    [{ name: '卷一第1葉 (宋刻).jpg', data: await jpegImage(32, 32), type: 'image/jpeg' }],
    { labels: JSON.stringify(['卷一 1a']) },
  );
  t.is(res.status, 201, res.text);
  t.deepEqual(
    (await imagesOf(cn)).map((i) => [i.originalFilename, i.label]),
    [['卷一第1葉 (宋刻).jpg', '卷一 1a']],
  );
  // The same bytes written by hand (no client library in between).
  const raw = await postRawMultipart(
    cn,
    Buffer.from('卷二第1葉.jpg'),
    Buffer.from(JSON.stringify(['卷二 1a'])),
  );
  t.is(raw.status, 201, JSON.stringify(raw.body));
  const last = (await imagesOf(cn)).at(-1)!;
  t.deepEqual([last.originalFilename, last.label], ['卷二第1葉.jpg', '卷二 1a']);
});

test('a file name or a field whose bytes are not UTF-8 is 400 naming it, and no image is stored', async (t) => {
  const cn = await newRecord();
  const gbkName = await postRawMultipart(cn, iconv.encode('卷一.jpg', 'gbk'), Buffer.from('["卷一 1a"]'));
  await assertRefused(t, gbkName, 'file.filename', 'utf8');
  const gbkLabel = await postRawMultipart(cn, Buffer.from('p.jpg'), iconv.encode('["卷一 1a"]', 'gbk'));
  await assertRefused(t, gbkLabel, 'labels', 'utf8');
  t.is((await imagesOf(cn)).length, 0);
});

test('a spreadsheet uploaded with a Chinese name keeps it on its import job', async (t) => {
  const form = new FormData();
  form.set(
    'file',
    new Blob(['索书号,题名卷数,著者,版本,册数\nA-1,論語二十卷,（魏）何晏注,清刻本,2\n']),
    '福建省普查登记表.csv',
  );
  const res = await fetch(`${app.url}/api/institutions/${await ownInstitution()}/imports?mode=skip`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const job = (await res.json()) as { id: string; fileName: string };
  t.true(res.status < 300, JSON.stringify(job));
  t.is((await admin.get(`/api/imports/${job.id}`)).body.fileName, '福建省普查登记表.csv');
});
