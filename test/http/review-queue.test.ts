// GET /api/review-queue: the records awaiting the caller's review (submitted and in review) within
// their scope — a reviewer's assigned institutions, a provincial admin's province, everything for
// the national centre — oldest submission first, with status labels from the server, the round
// each record is in, and counts per status and per institution over the whole queue.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
let reviewer: ApiClient;
let provincial: ApiClient;
let cataloguer: ApiClient;
let instA: { id: string };
let instB: { id: string };
const cn = {} as Record<
  'first' | 'started' | 'again' | 'draft' | 'approved' | 'otherInstitution' | 'otherProvince',
  string
>;

async function record(institutionId: string, callNumber: string, steps: string[]) {
  const created = await admin.post('/api/records', validGujiInput({ institutionId, callNumber }));
  if (created.status !== 201) throw new Error(created.text);
  for (const step of steps) {
    const res = await admin.post(`/api/records/${created.body.censusNumber}/${step}`, { note: '请核对' });
    if (res.status !== 200) throw new Error(`${step}: ${res.text}`);
  }
  return created.body.censusNumber as string;
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  instA = await createInstitution(admin, '350000', { name: '福建省图书馆' });
  instB = await createInstitution(admin, '350000', { name: '厦门大学图书馆' });
  const instC = await createInstitution(admin, '110000', { name: '首都图书馆' });
  const r = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  const assigned = await admin.post('/api/review-assignments', { reviewerId: r.id, institutionId: instA.id });
  if (assigned.status !== 201) throw new Error(assigned.text);
  reviewer = await new ApiClient(app.url).login(r.email, STRONG_PASSWORD);
  const p = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  provincial = await new ApiClient(app.url).login(p.email, STRONG_PASSWORD);
  const c = await createUser(admin, { role: 'cataloguer', institutionId: instA.id });
  cataloguer = await new ApiClient(app.url).login(c.email, STRONG_PASSWORD);

  cn.first = await record(instA.id, 'A-1', ['submit']);
  cn.started = await record(instA.id, 'A-2', ['submit', 'start-review']);
  // Returned once and submitted again: round 2.
  cn.again = await record(instA.id, 'A-3', ['submit', 'return', 'submit']);
  cn.draft = await record(instA.id, 'A-4', []);
  cn.approved = await record(instA.id, 'A-5', ['submit', 'approve']);
  cn.otherInstitution = await record(instB.id, 'B-1', ['submit']);
  cn.otherProvince = await record(instC.id, 'C-1', ['submit']);
});
test.after.always(async () => {
  await app?.close();
});

test('a reviewer sees the records of their assigned institution awaiting review, oldest first, with labels and rounds', async (t) => {
  const res = await reviewer.get('/api/review-queue');
  t.is(res.status, 200, res.text);
  t.deepEqual(
    res.body.items.map((i: { censusNumber: string }) => i.censusNumber),
    [cn.first, cn.started, cn.again],
  );
  const started = res.body.items[1];
  t.is(started.status, 'in_review');
  t.deepEqual(started.statusLabel, { zh: '审校中', en: 'In review' });
  t.deepEqual(started.typeLabel, { zh: '古籍', en: 'Ancient book (古籍)' });
  t.is(started.institutionName, '福建省图书馆');
  t.is(started.authors, '（宋）朱熹撰');
  t.is(started.round, 1);
  t.is(res.body.items[2].round, 2, 'a resubmission is round 2');
  t.is(res.body.total, 3);
  t.deepEqual(res.body.counts, {
    total: 3,
    byStatus: [
      { status: 'submitted', label: { zh: '已提交', en: 'Submitted' }, count: 2 },
      { status: 'in_review', label: { zh: '审校中', en: 'In review' }, count: 1 },
    ],
    byInstitution: [{ institutionId: instA.id, name: '福建省图书馆', count: 3 }],
  });
});

test('filters narrow the page; the counts stay those of the whole queue', async (t) => {
  const res = await reviewer.get('/api/review-queue?status=in_review');
  t.is(res.status, 200, res.text);
  t.deepEqual(
    res.body.items.map((i: { censusNumber: string }) => i.censusNumber),
    [cn.started],
  );
  t.is(res.body.total, 1);
  t.is(res.body.counts.total, 3);
  const byText = await reviewer.get(`/api/review-queue?q=${encodeURIComponent(cn.again)}`);
  t.deepEqual(
    byText.body.items.map((i: { censusNumber: string }) => i.censusNumber),
    [cn.again],
  );
});

test('a provincial admin sees the whole province; the national centre sees every province', async (t) => {
  const province = await provincial.get('/api/review-queue');
  t.is(province.status, 200, province.text);
  t.is(province.body.counts.total, 4);
  t.deepEqual(
    province.body.counts.byInstitution.map((i: { name: string; count: number }) => [i.name, i.count]),
    [
      ['福建省图书馆', 3],
      ['厦门大学图书馆', 1],
    ],
  );
  const filtered = await provincial.get(`/api/review-queue?institutionId=${instB.id}`);
  t.deepEqual(
    filtered.body.items.map((i: { censusNumber: string }) => i.censusNumber),
    [cn.otherInstitution],
  );
  const nation = await admin.get('/api/review-queue');
  t.true(nation.body.items.some((i: { censusNumber: string }) => i.censusNumber === cn.otherProvince));
  t.false(nation.body.items.some((i: { censusNumber: string }) => i.censusNumber === cn.draft));
  t.false(nation.body.items.some((i: { censusNumber: string }) => i.censusNumber === cn.approved));
});

test('a cataloguer has no review queue (403), and a bad filter is 400 naming the field', async (t) => {
  const refused = await cataloguer.get('/api/review-queue');
  t.is(refused.status, 403, refused.text);
  const bad = await reviewer.get('/api/review-queue?status=draft');
  t.is(bad.status, 400, bad.text);
  t.is(bad.body.error.details[0].path, 'status');
});

test('review assignments: administrators get the form’s choices within their province; reviewers only their own assignments', async (t) => {
  const province = await provincial.get('/api/review-assignments');
  t.is(province.status, 200, province.text);
  t.true(province.body.mayAssign);
  t.deepEqual(
    province.body.institutions.map((i: { name: string }) => i.name),
    ['福建省图书馆', '厦门大学图书馆'],
  );
  t.false(province.body.institutions.some((i: { name: string }) => i.name === '首都图书馆'));
  t.is(province.body.reviewers.length, 1);
  t.is(province.body.items[0].institutionName, '福建省图书馆');
  t.is(province.body.items[0].reviewerName, province.body.reviewers[0].name);

  const own = await reviewer.get('/api/review-assignments');
  t.is(own.status, 200, own.text);
  t.false(own.body.mayAssign);
  t.deepEqual(own.body.reviewers, []);
  t.deepEqual(own.body.institutions, []);
  t.is(own.body.items.length, 1);
});
