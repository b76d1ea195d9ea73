// Enumerates every write route of the API and proves that a user of institution A gets 403 on
// institution B's data and a provincial admin cannot touch another province. A new write route
// without a case here fails the first test, so the matrix cannot silently fall behind.
import test from 'ava';
import { API_ROUTES } from '../../src/http/app.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

interface World {
  admin: ApiClient;
  catA: ApiClient; // cataloguer of institution A (province 350000)
  consA: ApiClient; // conservator of institution A
  paFujian: ApiClient; // provincial admin of 350000
  instA: { id: string };
  instB: { id: string }; // another institution in 350000
  instJs: { id: string }; // an institution in 320000
  userB: { id: string }; // cataloguer of B
  userJs: { id: string }; // cataloguer in 320000
  tokenOfB: string; // personal token id owned by userB
}

type Check = (w: World) => Promise<Array<{ who: string; status: number }>>;

const body = { provinceCode: '350000', code: '2999', name: 'x', type: '其他' };

/** For each write route: the cross-tenant attempts and their answers (each must be 403). */
const CROSS_TENANT: Record<string, Check | 'self-only' | 'public'> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'self-only',
  'POST /api/auth/password': 'self-only',
  'POST /api/auth/tokens': 'self-only',
  'DELETE /api/auth/tokens/:id': async (w) => [{ who: 'cataloguer A revokes a token of B', status: (await w.catA.delete(`/api/auth/tokens/${w.tokenOfB}`)).status }],
  'POST /api/institutions': async (w) => [
    { who: 'cataloguer A creates an institution', status: (await w.catA.post('/api/institutions', body)).status },
    { who: 'Fujian admin creates in Jiangsu', status: (await w.paFujian.post('/api/institutions', { ...body, provinceCode: '320000' })).status },
  ],
  'PATCH /api/institutions/:id': async (w) => [
    { who: 'cataloguer A edits institution B', status: (await w.catA.patch(`/api/institutions/${w.instB.id}`, { name: 'hijack' })).status },
    { who: 'conservator A edits institution B', status: (await w.consA.patch(`/api/institutions/${w.instB.id}`, { name: 'hijack' })).status },
    { who: 'Fujian admin edits a Jiangsu institution', status: (await w.paFujian.patch(`/api/institutions/${w.instJs.id}`, { name: 'hijack' })).status },
    { who: 'Fujian admin moves B to Jiangsu', status: (await w.paFujian.patch(`/api/institutions/${w.instB.id}`, { provinceCode: '320000' })).status },
  ],
  'POST /api/users': async (w) => [
    {
      who: 'cataloguer A creates a user in B',
      status: (await w.catA.post('/api/users', { email: 'x1@x.org', password: STRONG_PASSWORD, displayName: 'x', role: 'cataloguer', institutionId: w.instB.id })).status,
    },
    {
      who: 'Fujian admin creates a user in Jiangsu',
      status: (await w.paFujian.post('/api/users', { email: 'x2@x.org', password: STRONG_PASSWORD, displayName: 'x', role: 'cataloguer', institutionId: w.instJs.id })).status,
    },
  ],
  'PATCH /api/users/:id': async (w) => [
    { who: 'cataloguer A edits a user of B', status: (await w.catA.patch(`/api/users/${w.userB.id}`, { displayName: 'hijack' })).status },
    { who: 'Fujian admin edits a Jiangsu user', status: (await w.paFujian.patch(`/api/users/${w.userJs.id}`, { active: false })).status },
    { who: 'Fujian admin moves a Jiangsu user into Fujian', status: (await w.paFujian.patch(`/api/users/${w.userJs.id}`, { institutionId: w.instA.id })).status },
  ],
};

let app: TestApp;
let world: World;
test.before(async () => {
  app = await startTestApp();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const instA = await createInstitution(admin, '350000');
  const instB = await createInstitution(admin, '350000');
  const instJs = await createInstitution(admin, '320000');
  const catA = await createUser(admin, { role: 'cataloguer', institutionId: instA.id });
  const consA = await createUser(admin, { role: 'conservator', institutionId: instA.id });
  const userB = await createUser(admin, { role: 'cataloguer', institutionId: instB.id });
  const userJs = await createUser(admin, { role: 'cataloguer', institutionId: instJs.id });
  const pa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const clientB = await new ApiClient(app.url).login(userB.email, STRONG_PASSWORD);
  const tokenOfB = (await clientB.post('/api/auth/tokens', { name: 'b' })).body.id as string;
  world = {
    admin,
    catA: await new ApiClient(app.url).login(catA.email, STRONG_PASSWORD),
    consA: await new ApiClient(app.url).login(consA.email, STRONG_PASSWORD),
    paFujian: await new ApiClient(app.url).login(pa.email, STRONG_PASSWORD),
    instA,
    instB,
    instJs,
    userB,
    userJs,
    tokenOfB,
  };
});
test.after.always(async () => {
  await app?.close();
});

const writeRoutes = API_ROUTES.filter((r) => r.method !== 'get').map((r) => `${r.method.toUpperCase()} ${r.path}`);

test('every write route has a cross-tenant case', (t) => {
  t.deepEqual([...writeRoutes].sort(), Object.keys(CROSS_TENANT).sort());
});

for (const route of writeRoutes) {
  const check = CROSS_TENANT[route];
  if (typeof check !== 'function') continue;
  test(`${route}: other institutions' and provinces' data is 403`, async (t) => {
    const results = await check(world);
    t.true(results.length > 0);
    for (const r of results) t.is(r.status, 403, r.who);
  });
}

test('the data the refused writes aimed at is unchanged', async (t) => {
  const b = await world.admin.get(`/api/institutions/${world.instB.id}`);
  t.not(b.body.name, 'hijack');
  t.is(b.body.provinceCode, '350000');
  const js = await world.admin.get(`/api/users/${world.userJs.id}`);
  t.true(js.body.active);
  t.is((await world.admin.get(`/api/users/${world.userB.id}`)).body.displayName.includes('hijack'), false);
  const list = await world.admin.get('/api/users?q=x1%40x.org');
  t.is(list.body.total, 0);
});
