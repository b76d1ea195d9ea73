// `%`, `_` and `\` in a "contains" filter are literal characters: `q=%` must not list everyone.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
let institutionId: string;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  institutionId = (await createInstitution(admin, '350000')).id;
  await createUser(admin, { role: 'cataloguer', institutionId, email: 'ab_cd@test.local' });
  await createUser(admin, { role: 'cataloguer', institutionId, email: 'abxcd@test.local' });
  await admin.post('/api/records', validGujiInput({ institutionId, callNumber: 'LIKE-1' }));
});
test.after.always(async () => {
  await app?.close();
});

const total = async (path: string) => {
  const res = await admin.get(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body.total as number;
};

test('accounts: % and _ match themselves only', async (t) => {
  t.is(await total('/api/users?q=%25'), 0);
  // Only the one address with an underscore in it.
  t.is(await total('/api/users?q=_'), 1);
  t.is(await total('/api/users?q=%5C'), 0);
  const underscore = await admin.get('/api/users?q=ab_cd');
  t.deepEqual(
    underscore.body.items.map((u: { email: string }) => u.email),
    ['ab_cd@test.local'],
  );
});

test('institutions and records: % and _ match themselves only', async (t) => {
  t.is(await total('/api/institutions?q=%25'), 0);
  t.is(await total('/api/institutions?q=_'), 0);
  t.is(await total('/api/records?q=%25'), 0);
  t.is(await total('/api/records?q=_'), 0);
  t.is(await total('/api/records?q=朱子'), 1);
});
