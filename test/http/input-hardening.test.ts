// Text the database cannot store (NUL), strings that are not Unicode (lone surrogates), keys that
// reach object prototypes and absurdly deep nesting are refused at the door with a 400 that names
// the field — in any body, query or path — instead of a 500 from deep inside.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';
import { jpegImage, postFiles } from '../fixtures/images.js';

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

const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ ...validGujiInput({ institutionId, callNumber: `H-${Math.random()}` }), ...fields });

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
  const created = await admin.post('/api/records', JSON.parse(record({})));
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
