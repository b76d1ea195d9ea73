import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

test('login returns a bearer token that authenticates API calls', async (t) => {
  const res = await new ApiClient(app.url).post('/api/auth/login', {
    email: ADMIN.email.toUpperCase(),
    password: ADMIN.password,
  });
  t.is(res.status, 200);
  t.regex(res.body.token, /^cns_/);
  t.is(res.body.user.role, 'national_admin');
  t.false('passwordHash' in res.body.user);
  const me = await new ApiClient(app.url, res.body.token).get('/api/auth/me');
  t.is(me.status, 200);
  t.is(me.body.user.email, ADMIN.email);
  // The web's navigation comes from the server: a national administrator works in every area.
  t.deepEqual(me.body.areas, [
    'records',
    'review',
    'triage',
    'statistics',
    'restoration',
    'institutions',
    'users',
    'codeLists',
    'audit',
  ]);
});

test('a wrong password and an unknown e-mail give the same 401 with no hint', async (t) => {
  const client = new ApiClient(app.url, null, { 'x-forwarded-for': '10.0.0.1' });
  const wrongPassword = await client.post('/api/auth/login', {
    email: ADMIN.email,
    password: 'not-the-password',
  });
  const unknownEmail = await client.post('/api/auth/login', {
    email: 'nobody@test.local',
    password: 'not-the-password',
  });
  t.is(wrongPassword.status, 401);
  t.is(unknownEmail.status, 401);
  t.is(wrongPassword.body.error.code, 'INVALID_CREDENTIALS');
  t.is(wrongPassword.body.error.message, unknownEmail.body.error.message);
});

test('repeated failed logins for one e-mail are throttled with 429 and Retry-After', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const user = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const client = new ApiClient(app.url);
  for (let i = 0; i < 5; i++)
    t.is(
      (await client.post('/api/auth/login', { email: user.email, password: 'wrong-password-x' })).status,
      401,
    );
  const blocked = await client.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD });
  t.is(blocked.status, 429);
  t.is(blocked.body.error.code, 'TOO_MANY_ATTEMPTS');
  t.true(Number(blocked.headers.get('retry-after')) > 0);
});

test('the session cookie authenticates reads, and writes only with the CSRF header', async (t) => {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const body = (await res.json()) as { csrfToken: string };
  const setCookie = res.headers.get('set-cookie') ?? '';
  t.regex(setCookie, /census_session=cns_/);
  t.regex(setCookie, /httponly/i);
  t.regex(setCookie, /samesite=lax/i);
  const cookie = setCookie.split(';')[0]!;
  const viaCookie = new ApiClient(app.url, null, { cookie });
  const me = await viaCookie.get('/api/auth/me');
  t.is(me.status, 200);
  t.is(me.body.csrfToken, body.csrfToken);
  const payload = { provinceCode: '350000', code: '3001', name: 'CSRF 测试', type: '其他' };
  const withoutCsrf = await viaCookie.post('/api/institutions', payload);
  t.is(withoutCsrf.status, 403);
  t.is(withoutCsrf.body.error.code, 'CSRF_TOKEN_MISSING');
  const withCsrf = await viaCookie.request('POST', '/api/institutions', payload, {
    'x-csrf-token': body.csrfToken,
  });
  t.is(withCsrf.status, 201);
});

test('logout revokes the token', async (t) => {
  const client = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  t.is((await client.post('/api/auth/logout')).status, 204);
  const after = await client.get('/api/auth/me');
  t.is(after.status, 401);
});

test('personal API tokens can be created, used, listed and revoked', async (t) => {
  const created = await admin.post('/api/auth/tokens', { name: '批量导入脚本', expiresInDays: 30 });
  t.is(created.status, 201);
  t.regex(created.body.token, /^cns_/);
  t.truthy(created.body.id);
  const script = new ApiClient(app.url, created.body.token);
  t.is((await script.get('/api/institutions')).status, 200);
  const list = await admin.get('/api/auth/tokens');
  const listed = list.body.items.find((i: { id: string }) => i.id === created.body.id);
  t.is(listed.name, '批量导入脚本');
  t.false('token' in listed);
  t.is((await admin.delete(`/api/auth/tokens/${created.body.id}`)).status, 200);
  t.is((await script.get('/api/institutions')).status, 401);
});

test('changing the password needs the current one and ends other sessions', async (t) => {
  const inst = await createInstitution(admin, '360000');
  const user = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  const first = await new ApiClient(app.url).login(user.email, STRONG_PASSWORD);
  const second = await new ApiClient(app.url).login(user.email, STRONG_PASSWORD);
  const wrong = await first.post('/api/auth/password', {
    currentPassword: 'nope-nope-nope',
    newPassword: 'Another-password-7',
  });
  t.is(wrong.status, 400);
  t.is(wrong.body.error.details[0].path, 'currentPassword');
  const weak = await first.post('/api/auth/password', {
    currentPassword: STRONG_PASSWORD,
    newPassword: 'short',
  });
  t.is(weak.status, 400);
  t.is(weak.body.error.details[0].path, 'newPassword');
  const ok = await first.post('/api/auth/password', {
    currentPassword: STRONG_PASSWORD,
    newPassword: 'Another-password-7',
  });
  t.is(ok.status, 204);
  t.is((await first.get('/api/auth/me')).status, 200);
  t.is((await second.get('/api/auth/me')).status, 401);
  await t.throwsAsync(() => new ApiClient(app.url).login(user.email, STRONG_PASSWORD));
  t.truthy(await new ApiClient(app.url).login(user.email, 'Another-password-7'));
});

test('a malformed Authorization header or unknown token is 401', async (t) => {
  t.is(
    (await new ApiClient(app.url, null, { authorization: 'Basic abc' }).get('/api/institutions')).status,
    401,
  );
  t.is((await new ApiClient(app.url, 'cns_made_up').get('/api/institutions')).status, 401);
});

test('an oversize body is 413 and malformed JSON is 400', async (t) => {
  const huge = JSON.stringify({ email: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
  const tooBig = await new ApiClient(app.url).request('POST', '/api/auth/login', huge);
  t.is(tooBig.status, 413);
  t.is(tooBig.body.error.code, 'PAYLOAD_TOO_LARGE');
  const broken = await new ApiClient(app.url).request('POST', '/api/auth/login', '{"email":');
  t.is(broken.status, 400);
  t.is(broken.body.error.code, 'INVALID_JSON');
});

test('responses carry a request id and security headers', async (t) => {
  const res = await new ApiClient(app.url).get('/api/provinces');
  t.regex(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  t.is(res.headers.get('x-content-type-options'), 'nosniff');
  t.truthy(res.headers.get('content-security-policy'));
  t.is(res.body.items.length, 34);
  const error = await new ApiClient(app.url).get('/api/nothing-here');
  t.is(error.status, 404);
  t.is(error.body.requestId, error.headers.get('x-request-id'));
});
