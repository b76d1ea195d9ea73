// GET /api/me/todo: each role's to-do counts, decided on the server and counted within the
// caller's own scope — their institution, their assignments, their province — never another's.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
const as: Record<string, ApiClient> = {};

const PLAN = {
  techniques: [{ technique: '补洞', reason: '虫蛀孔洞多' }],
  estimatedLeaves: 40,
  estimatedHours: 20,
  risks: '纸张脆化',
};

async function login(fields: Parameters<typeof createUser>[1]) {
  const user = await createUser(admin, fields);
  return { user, client: await new ApiClient(app.url).login(user.email, STRONG_PASSWORD) };
}

async function record(institutionId: string, callNumber: string, steps: string[]) {
  const created = await admin.post('/api/records', validGujiInput({ institutionId, callNumber }));
  if (created.status !== 201) throw new Error(created.text);
  for (const step of steps) {
    const res = await admin.post(`/api/records/${created.body.censusNumber}/${step}`, { note: '请核对' });
    if (res.status !== 200) throw new Error(`${step}: ${res.text}`);
  }
  return created.body.censusNumber as string;
}

async function order(cn: string, planned: boolean, conservator: ApiClient) {
  const created = await admin.post('/api/work-orders', { censusNumber: cn });
  if (created.status !== 201) throw new Error(created.text);
  if (!planned) return;
  const id = created.body.id;
  const patched = await conservator.patch(`/api/work-orders/${id}`, {
    version: created.body.version,
    plan: PLAN,
  });
  if (patched.status !== 200) throw new Error(patched.text);
  const res = await conservator.post(`/api/work-orders/${id}/transitions`, {
    action: 'plan',
    version: patched.body.version,
  });
  if (res.status !== 200) throw new Error(res.text);
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const a = await createInstitution(admin, '350000', { name: '福建省图书馆' });
  const b = await createInstitution(admin, '350000', { name: '厦门大学图书馆' });
  const js = await createInstitution(admin, '320000', { name: '南京图书馆' });
  as.cataloguer = (await login({ role: 'cataloguer', institutionId: a.id })).client;
  const reviewer = await login({ role: 'reviewer', provinceCode: '350000' });
  as.reviewer = reviewer.client;
  await admin.post('/api/review-assignments', { reviewerId: reviewer.user.id, institutionId: a.id });
  as.provincial = (await login({ role: 'provincial_admin', provinceCode: '350000' })).client;
  as.conservator = (await login({ role: 'conservator', institutionId: a.id })).client;
  const conservatorJs = await login({ role: 'conservator', institutionId: js.id });
  const inspector = await login({ role: 'cataloguer', institutionId: a.id });
  as.inspector = inspector.client;
  const granted = await admin.post('/api/restoration-roles', {
    userId: inspector.user.id,
    role: 'inspector',
  });
  if (granted.status !== 201) throw new Error(granted.text);
  as.reader = (await login({ role: 'reader' })).client;

  // Institution A (Fujian): 2 drafts, 1 returned, 2 awaiting review, 1 approved.
  await record(a.id, 'A-1', []);
  await record(a.id, 'A-2', []);
  await record(a.id, 'A-3', ['submit', 'return']);
  await record(a.id, 'A-4', ['submit']);
  await record(a.id, 'A-5', ['submit', 'start-review']);
  const approvedA = await record(a.id, 'A-6', ['submit', 'approve']);
  // Institution B (Fujian): a draft, a returned record, one awaiting review.
  await record(b.id, 'B-1', []);
  await record(b.id, 'B-2', ['submit', 'return']);
  await record(b.id, 'B-3', ['submit']);
  // Jiangsu: one of everything, counted by nobody in Fujian.
  await record(js.id, 'J-1', ['submit']);
  const approvedJs = await record(js.id, 'J-2', ['submit', 'approve']);
  // Work orders: A has one proposed and one planned; Jiangsu one planned.
  await order(approvedA, false, as.conservator);
  await order(await record(a.id, 'A-7', []), true, as.conservator);
  await order(approvedJs, true, conservatorJs.client);
});
test.after.always(async () => {
  await app?.close();
});

async function todo(client: ApiClient) {
  const res = await client.get('/api/me/todo');
  if (res.status !== 200) throw new Error(res.text);
  return Object.fromEntries(
    (res.body.items as Array<{ kind: string; count: number }>).map((i) => [i.kind, i.count]),
  );
}

test('a cataloguer: their institution’s returned records and drafts, labelled, with where to fix them', async (t) => {
  const res = await as.cataloguer!.get('/api/me/todo');
  t.is(res.status, 200, res.text);
  t.deepEqual(res.body.items[0], {
    kind: 'returnedRecords',
    label: { zh: '退回待修改的记录', en: 'Returned records to fix' },
    count: 1,
    href: '/records?status=returned',
  });
  // are drafts; B's and Jiangsu's are not counted.
  t.deepEqual(await todo(as.cataloguer!), { returnedRecords: 1, draftRecords: 3 });
});

test('a reviewer: the records awaiting their review in the institutions assigned to them', async (t) => {
  t.deepEqual(await todo(as.reviewer!), { awaitingReview: 2 });
});

test('a provincial admin: their province’s reviews, approvals to publish and plans to approve', async (t) => {
  t.deepEqual(await todo(as.provincial!), { awaitingReview: 3, awaitingPublication: 1, plansToApprove: 1 });
});

test('the national admin counts every province', async (t) => {
  const counts = await todo(admin);
  t.true(counts.awaitingReview! >= 4);
  t.true(counts.awaitingPublication! >= 2);
  t.true(counts.plansToApprove! >= 2);
});

test('a conservator: their institution’s work orders waiting for a conservator', async (t) => {
  // The proposed order waits for a plan; the planned one waits for the studio head, not them.
  t.deepEqual(await todo(as.conservator!), { ordersToWork: 1 });
});

test('an inspector (a cataloguer appointed inspector) also sees the orders to accept', async (t) => {
  t.deepEqual(await todo(as.inspector!), { returnedRecords: 1, draftRecords: 3, ordersToAccept: 0 });
});

test('a registered reader has nothing to do; without login it is 401', async (t) => {
  t.deepEqual(await todo(as.reader!), {});
  t.is((await new ApiClient(app.url).get('/api/me/todo')).status, 401);
});
