// Parallel wrong-password logins must not race past the throttle: the attempt is counted before
// the password is hashed, so of many simultaneous attempts exactly the limit get an answer about
// the password, and every other one is 429.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { LOGIN_THROTTLE } from '../../src/auth/login-throttle.rules.js';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

test('20 parallel wrong logins for one account: the lock engages at the limit', async (t) => {
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const user = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const client = new ApiClient(app.url);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () =>
      client.post('/api/auth/login', { email: user.email, password: 'wrong-password-x' }),
    ),
  );
  const statuses = answers.map((a) => a.status);
  t.is(statuses.filter((s) => s === 401).length, LOGIN_THROTTLE.perEmail, statuses.join(','));
  t.is(statuses.filter((s) => s === 429).length, 20 - LOGIN_THROTTLE.perEmail);
  // The right password is refused too while the lock holds.
  const right = await client.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD });
  t.is(right.status, 429);
});

test('a right password after a few wrong ones still logs in and clears the count', async (t) => {
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const user = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const client = new ApiClient(app.url);
  for (let i = 0; i < LOGIN_THROTTLE.perEmail - 1; i++)
    t.is(
      (await client.post('/api/auth/login', { email: user.email, password: 'wrong-password-y' })).status,
      401,
    );
  t.is((await client.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD })).status, 200);
  t.is(
    (await client.post('/api/auth/login', { email: user.email, password: 'wrong-password-y' })).status,
    401,
  );
});
