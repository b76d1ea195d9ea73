// The caches (code lists, the catalogue's browse facets) belong to one app, not to the process: two
// apps in one process — over two databases — never answer from each other's values, and an app's
// browse facets follow a change made through another instance of its database.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { wenxuanInput } from '../helpers/record-input.js';

const apps: TestApp[] = [];
test.after.always(async () => {
  for (const app of apps.reverse()) await app.close();
});

async function started(options?: Parameters<typeof startTestApp>[1]) {
  const app = await startTestApp({}, options);
  apps.push(app);
  return { app, admin: await new ApiClient(app.url).login(ADMIN.email, ADMIN.password) };
}

let callNumbers = 0;
const record = (admin: ApiClient, institutionId: string, fields: Record<string, unknown> = {}) =>
  admin.post('/api/records', wenxuanInput(institutionId, { callNumber: `善 ${++callNumbers}`, ...fields }));

/** A record of a new institution in the province, published. */
async function publishedIn(admin: ApiClient, provinceCode: string): Promise<void> {
  const created = await record(admin, (await createInstitution(admin, provinceCode)).id);
  if (created.status !== 201) throw new Error(`record not created: ${created.text}`);
  await publishRecord(admin, created.body.censusNumber);
}

const provinceFacets = (body: { facets: { province: Array<{ value: string; count: number }> } }) =>
  Object.fromEntries(body.facets.province.map((f) => [f.value, f.count]));

test('browse facets: each app counts its own catalogue, and sees changes made through another instance', async (t) => {
  const a = await started();
  const b = await started();
  await publishedIn(a.admin, '350000');

  const browseA = await new ApiClient(a.app.url).get('/api/catalogue/search?q=');
  t.is(browseA.body.total, 1);
  t.deepEqual(provinceFacets(browseA.body), { '350000': 1 });
  const browseB = await new ApiClient(b.app.url).get('/api/catalogue/search?q=');
  t.is(browseB.body.total, 0);
  t.deepEqual(provinceFacets(browseB.body), {}, 'not the counts app A kept');

  // A second instance of A's database publishes a record: A's kept counts are out of date.
  const a2 = await started({ share: a.app });
  await publishedIn(a2.admin, '320000');
  const again = await new ApiClient(a.app.url).get('/api/catalogue/search?q=');
  t.is(again.body.total, 2);
  t.deepEqual(provinceFacets(again.body), { '350000': 1, '320000': 1 });
});

test('code lists: a value added in one app is unknown to an app over another database', async (t) => {
  const a = await started();
  const b = await started();
  const added = await a.admin.post('/api/code-lists/binding/values', { value: '缓存装' });
  t.is(added.status, 201, added.text);
  const inA = await record(a.admin, (await createInstitution(a.admin, '350000')).id, { binding: '缓存装' });
  t.is(inA.status, 201, inA.text);

  const inB = await record(b.admin, (await createInstitution(b.admin, '350000')).id, { binding: '缓存装' });
  t.is(inB.status, 400, 'app B has no such binding');
  t.true(
    (inB.body.error.details as Array<{ path: string }>).some((d) => d.path === 'binding'),
    JSON.stringify(inB.body.error.details),
  );
});
