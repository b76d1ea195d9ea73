// A cross-site form can send the session cookie but never the X-CSRF-Token header. Whatever the
// spelling of the path (letter case, doubled or trailing slashes, percent-encoding), an unsafe
// request that carries only the cookie must be refused and must change nothing.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
let cookieOnly: ApiClient;
let csrfToken: string;
let institutionId: string;
let draft: string;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  institutionId = (await createInstitution(admin, '350000')).id;
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  cookieOnly = new ApiClient(app.url, null, { cookie });
  const created = await admin.post('/api/records', validGujiInput({ institutionId, callNumber: 'CSRF-1' }));
  draft = created.body.censusNumber as string;
});
test.after.always(async () => {
  await app?.close();
});

const spellings = (path: string): string[] => {
  const rest = path.slice('/api/'.length);
  return [
    path,
    `/API/${rest}`,
    `/Api/${rest}`,
    `/aPi/${rest.toUpperCase()}`,
    `/api//${rest}`,
    `//api/${rest}`,
    `${path}/`,
    `/%61pi/${rest}`,
    `/api/%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`,
    `/api%2F${rest}`,
  ];
};

test('cookie-only record creation is refused under every spelling of the path', async (t) => {
  for (const path of spellings('/api/records')) {
    const res = await cookieOnly.post(path, validGujiInput({ institutionId, callNumber: `X-${path}` }));
    t.true([403, 404].includes(res.status), `${path} → ${res.status}`);
    t.not(res.status, 201, path);
  }
  const list = await admin.get(`/api/records?institutionId=${institutionId}`);
  const stored = list.body.items.map((r: { callNumber: string }) => r.callNumber);
  t.deepEqual(
    stored.filter((c: string) => c.startsWith('X-')),
    [],
  );
});

test('cookie-only workflow actions are refused under every spelling of the path', async (t) => {
  for (const path of spellings(`/api/records/${draft}/submit`)) {
    const res = await cookieOnly.post(path, {});
    t.true([403, 404].includes(res.status), `${path} → ${res.status}`);
  }
  t.is((await admin.get(`/api/records/${draft}`)).body.status, 'draft');
});

test('the router is strict about letter case: /API/records is not a route', async (t) => {
  const res = await admin.get('/API/records');
  t.is(res.status, 404);
  const post = await admin.post('/API/records', validGujiInput({ institutionId, callNumber: 'CASE-1' }));
  t.is(post.status, 404);
});

test('with the CSRF header the normal web flow still works', async (t) => {
  const res = await cookieOnly.request(
    'POST',
    '/api/records',
    validGujiInput({ institutionId, callNumber: 'CSRF-OK' }),
    { 'x-csrf-token': csrfToken },
  );
  t.is(res.status, 201);
  const wrong = await cookieOnly.request(
    'POST',
    '/api/records',
    validGujiInput({ institutionId, callNumber: 'CSRF-BAD' }),
    { 'x-csrf-token': 'not-the-token' },
  );
  t.is(wrong.status, 403);
  t.is(wrong.body.error.code, 'CSRF_TOKEN_MISSING');
});

test('a cookie-only unsafe request to a path outside /api is refused too', async (t) => {
  const res = await cookieOnly.post('/records/x', {});
  t.is(res.status, 403);
  t.is(res.body.error.code, 'CSRF_TOKEN_MISSING');
});
