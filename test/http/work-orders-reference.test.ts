// Restoration reference routes over HTTP (vocabularies, role withdrawal), the independence of the
// inspector, and how restoration photos relate to the record's images: left out of its page list,
// yet visible through the IIIF image API to a granted restoration centre.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';

let app: TestApp;
let admin: ApiClient;
let instA: { id: string };
let centre: { id: string };
let n = 0;

async function login(role: string, institutionId: string) {
  const u = await createUser(admin, { role, institutionId });
  return { user: u, client: await new ApiClient(app.url).login(u.email, STRONG_PASSWORD) };
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  instA = await createInstitution(admin, '350000');
  centre = await createInstitution(admin, '110000', { isRestorationCentre: true });
});
test.after.always(async () => {
  await app?.close();
});

async function record(): Promise<string> {
  n += 1;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId: instA.id,
    callNumber: `参${n}`,
    title: '周易本義',
    edition: '清刻本',
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

async function act(client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = await admin.get(`/api/work-orders/${id}`);
  return client.post(`/api/work-orders/${id}/transitions`, {
    action,
    version: current.body.version,
    ...extra,
  });
}

test.serial('vocabulary terms: national admins add and relabel; others 403; stale version 409', async (t) => {
  const cons = (await login('conservator', instA.id)).client;
  t.is((await cons.post('/api/restoration-terms', { kind: 'thread', value: '金线' })).status, 403);
  const bad = await admin.post('/api/restoration-terms', { kind: 'glue', value: 'x' });
  t.is(bad.status, 400);
  t.is(bad.body.error.details[0].path, 'kind');
  const added = await admin.post('/api/restoration-terms', {
    kind: 'thread',
    value: '金线',
    labelEn: 'gold thread',
  });
  t.is(added.status, 201, added.text);
  t.truthy(added.body.id);
  t.is((await admin.post('/api/restoration-terms', { kind: 'thread', value: '金线' })).status, 409);
  const list = await cons.get('/api/restoration-terms');
  t.true(list.body.items.some((x: { value: string }) => x.value === '金线'));
  const relabel = await admin.patch(`/api/restoration-terms/${added.body.id}`, {
    version: added.body.version,
    labelEn: 'gilt thread',
    active: false,
  });
  t.is(relabel.status, 200, relabel.text);
  t.is(relabel.body.labelEn, 'gilt thread');
  t.false(relabel.body.active);
  const stale = await admin.patch(`/api/restoration-terms/${added.body.id}`, {
    version: added.body.version,
    labelEn: 'x',
  });
  t.is(stale.status, 409);
  t.is(
    (await cons.patch(`/api/restoration-terms/${added.body.id}`, { version: 9, active: true })).status,
    403,
  );
  // an inactive term cannot be used in new plans
  const cn = await record();
  const order = await cons.post('/api/work-orders', { censusNumber: cn });
  const used = await cons.patch(`/api/work-orders/${order.body.id}`, {
    version: order.body.version,
    materials: { thread: ['金线'] },
  });
  t.is(used.status, 400);
  t.is(used.body.error.details[0].path, 'materials.thread.0');
});

test.serial('a withdrawn studio head can no longer approve', async (t) => {
  const planner = (await login('conservator', instA.id)).client;
  const h = await login('conservator', instA.id);
  const role = await admin.post('/api/restoration-roles', { userId: h.user.id, role: 'studio_head' });
  t.is(role.status, 201, role.text);
  const cn = await record();
  const order = await planner.post('/api/work-orders', { censusNumber: cn });
  const id = order.body.id;
  await planner.patch(`/api/work-orders/${id}`, {
    version: order.body.version,
    plan: { techniques: [{ technique: '补洞', reason: '虫蛀' }] },
  });
  t.is((await act(planner, id, 'plan')).status, 200);
  t.deepEqual((await h.client.get(`/api/work-orders/${id}`)).body.myActions, ['approve', 'cancel']);
  const withdrawn = await admin.delete(`/api/restoration-roles/${role.body.id}`);
  t.is(withdrawn.status, 204);
  t.is((await admin.delete(`/api/restoration-roles/${role.body.id}`)).status, 404);
  t.deepEqual((await h.client.get(`/api/work-orders/${id}`)).body.myActions, []);
  const refused = await act(h.client, id, 'approve');
  t.is(refused.status, 403);
});

test.serial('an inspector who did the work may not accept it (403 naming the rule)', async (t) => {
  const worker = (await login('conservator', instA.id)).client;
  const i = await login('conservator', instA.id);
  await admin.post('/api/restoration-roles', { userId: i.user.id, role: 'inspector' });
  const h = await login('conservator', instA.id);
  await admin.post('/api/restoration-roles', { userId: h.user.id, role: 'studio_head' });
  const cn = await record();
  const order = await worker.post('/api/work-orders', { censusNumber: cn });
  const id = order.body.id;
  await worker.patch(`/api/work-orders/${id}`, {
    version: order.body.version,
    plan: { techniques: [{ technique: '补洞', reason: '虫蛀' }] },
  });
  for (const [c, a] of [
    [worker, 'plan'],
    [h.client, 'approve'],
    [worker, 'start'],
  ] as const)
    t.is((await act(c, id, a)).status, 200, a);
  // the inspector treats some leaves too
  t.is(
    (await i.client.post(`/api/work-orders/${id}/log`, { step: '补洞', leavesTreated: 2, hours: 1 })).status,
    201,
  );
  const after = await worker.post(`/api/records/${cn}/assessments`, {
    observations: [{ damageType: '虫蛀', areaPercent: 2 }],
    phReadings: [],
  });
  t.is(after.status, 201, after.text);
  const photo = await postFiles(
    `${app.url}/api/work-orders/${id}/photos`,
    worker.token,
    [{ name: 'after.jpg', data: await jpegImage(100, 140), type: 'image/jpeg' }],
    { phase: 'after' },
  );
  t.is(photo.status, 201, photo.text);
  t.is((await act(worker, id, 'complete')).status, 200);
  const self = await act(i.client, id, 'accept', { rating: '优' });
  t.is(self.status, 403, self.text);
  t.is(self.body.error.code, 'SAME_PERSON_ACCEPTANCE');
});

test.serial(
  'restoration photos stay out of the page list; a granted centre sees them via IIIF',
  async (t) => {
    const catA = (await login('cataloguer', instA.id)).client;
    const consCentre = (await login('conservator', centre.id)).client;
    const cn = await record();
    const page = await postFiles(
      `${app.url}/api/records/${cn}/images`,
      catA.token,
      [{ name: 'p1.jpg', data: await jpegImage(200, 300), type: 'image/jpeg' }],
      { labels: JSON.stringify(['卷一 1a']) },
    );
    t.is(page.status, 201, page.text);
    const grant = await catA.post('/api/restoration-grants', { censusNumber: cn, centreId: centre.id });
    t.is(grant.status, 201, grant.text);
    const order = await consCentre.post('/api/work-orders', { censusNumber: cn });
    t.is(order.status, 201, order.text);
    const photo = await postFiles(
      `${app.url}/api/work-orders/${order.body.id}/photos`,
      consCentre.token,
      [{ name: 'before.jpg', data: await jpegImage(120, 160), type: 'image/jpeg' }],
      { phase: 'before' },
    );
    t.is(photo.status, 201, photo.text);
    const imageId = photo.body.items[0].imageId ?? photo.body.items[0].id;
    const list = await catA.get(`/api/records/${cn}/images`);
    t.is(list.status, 200);
    t.deepEqual(
      list.body.items.map((i: { label: string }) => i.label),
      ['卷一 1a'],
    );
    const info = await consCentre.get(`/iiif/3/${imageId}/info.json`);
    t.is(info.status, 200, info.text);
    const other = (await login('conservator', (await createInstitution(admin, '110000')).id)).client;
    t.is((await other.get(`/iiif/3/${imageId}/info.json`)).status, 403);
    // revoking the grant closes the door again (the access lookup caches for a second)
    t.is((await catA.post(`/api/restoration-grants/${grant.body.id}/revoke`)).status, 200);
    await new Promise((r) => setTimeout(r, 1100));
    t.is((await consCentre.get(`/iiif/3/${imageId}/info.json`)).status, 403);
  },
);
