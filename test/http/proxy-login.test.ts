// Behind a TLS-terminating proxy (PUBLIC_URL https, TRUST_PROXY set) logins work and set a Secure
// cookie; X-Forwarded-* are believed only when TRUST_PROXY says so, and then only the hop the
// trusted proxy appended — the client address used for throttling cannot be chosen by the client.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';

let behindProxy: TestApp;
let direct: TestApp;
test.before(async () => {
  [behindProxy, direct] = await Promise.all([
    startTestApp({ PUBLIC_URL: 'https://census.example.org', TRUST_PROXY: 'true' }),
    startTestApp(),
  ]);
});
test.after.always(async () => {
  await Promise.all([behindProxy?.close(), direct?.close()]);
});

const https = { 'x-forwarded-proto': 'https' };

async function failureIps(app: TestApp, email: string): Promise<string[]> {
  const rows: Array<{ ip: string }> = await app.orm.em
    .fork()
    .getConnection()
    .execute('select ip from login_failure where email = ? order by id', [email]);
  return rows.map((r) => r.ip);
}

test('with an https PUBLIC_URL behind a trusted proxy, login sets a Secure HttpOnly SameSite cookie', async (t) => {
  const login = await new ApiClient(behindProxy.url, null, https).post('/api/auth/login', {
    email: ADMIN.email,
    password: ADMIN.password,
  });
  t.is(login.status, 200);
  const setCookie = login.headers.get('set-cookie') ?? '';
  t.regex(setCookie, /census_session=cns_/);
  t.regex(setCookie, /;\s*secure/i);
  t.regex(setCookie, /httponly/i);
  t.regex(setCookie, /samesite=lax/i);
  t.truthy(login.headers.get('strict-transport-security'));
  const session = new ApiClient(behindProxy.url, null, { ...https, cookie: setCookie.split(';')[0]! });
  const me = await session.get('/api/auth/me');
  t.is(me.status, 200);
  t.is(me.body.user.email, ADMIN.email);
  const logout = await session.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': me.body.csrfToken });
  t.is(logout.status, 204);
  t.regex(logout.headers.get('set-cookie') ?? '', /census_session=;.*secure/i);
  t.is((await session.get('/api/auth/me')).status, 401);
});

test('a login that reaches the service over plain HTTP with an https PUBLIC_URL is a clear 403, not a 500', async (t) => {
  const res = await new ApiClient(behindProxy.url).post('/api/auth/login', {
    email: ADMIN.email,
    password: ADMIN.password,
  });
  t.is(res.status, 403);
  t.is(res.body.error.code, 'HTTPS_REQUIRED');
  t.is(res.headers.get('set-cookie'), null);
});

test('behind a trusted proxy the client address is the one the proxy appended', async (t) => {
  const email = 'nobody-proxy@test.local';
  const client = new ApiClient(behindProxy.url, null, {
    ...https,
    'x-forwarded-for': '198.51.100.66, 203.0.113.9',
  });
  t.is((await client.post('/api/auth/login', { email, password: 'wrong-password-1' })).status, 401);
  t.deepEqual(await failureIps(behindProxy, email), ['203.0.113.9']);
});

test('without TRUST_PROXY, X-Forwarded-For is ignored: the socket address is recorded', async (t) => {
  const email = 'nobody-direct@test.local';
  const client = new ApiClient(direct.url, null, { 'x-forwarded-for': '203.0.113.10', ...https });
  t.is((await client.post('/api/auth/login', { email, password: 'wrong-password-1' })).status, 401);
  const ips = await failureIps(direct, email);
  t.is(ips.length, 1);
  t.regex(ips[0]!, /^(::ffff:)?127\.0\.0\.1$/);
});

test('without TRUST_PROXY, a rotating X-Forwarded-For does not escape the per-address throttle', async (t) => {
  // 30 failures per address within the window; each attempt a new e-mail so only the address counts.
  let last = 0;
  for (let i = 0; i < 31; i++) {
    const client = new ApiClient(direct.url, null, { 'x-forwarded-for': `192.0.2.${i + 1}` });
    last = (await client.post('/api/auth/login', { email: `rot${i}@test.local`, password: 'wrong-password' }))
      .status;
  }
  t.is(last, 429);
});
