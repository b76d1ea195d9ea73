import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { presentationErrors } from '../helpers/iiif-presentation-schema.js';

let app: TestApp;
let admin: ApiClient;
let catA: ApiClient;
let planner: ApiClient; // conservator of A
let worker: ApiClient; // conservator of A
let head: ApiClient; // conservator of A + studio head
let inspector: ApiClient; // conservator of A + inspector
let consOther: ApiClient; // conservator of another institution
let consCentre: ApiClient; // conservator of a national restoration centre
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
  const other = await createInstitution(admin, '350000');
  centre = await createInstitution(admin, '110000', { isRestorationCentre: true });
  catA = (await login('cataloguer', instA.id)).client;
  planner = (await login('conservator', instA.id)).client;
  worker = (await login('conservator', instA.id)).client;
  const h = await login('conservator', instA.id);
  head = h.client;
  const i = await login('conservator', instA.id);
  inspector = i.client;
  consOther = (await login('conservator', other.id)).client;
  consCentre = (await login('conservator', centre.id)).client;
  for (const [userId, role] of [
    [h.user.id, 'studio_head'],
    [i.user.id, 'inspector'],
  ] as const) {
    const res = await admin.post('/api/restoration-roles', { userId, role });
    if (res.status !== 201) throw new Error(res.text);
  }
});
test.after.always(async () => {
  await app?.close();
});

async function record(grade?: string): Promise<string> {
  n += 1;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId: instA.id,
    callNumber: `修${n}`,
    title: '論語注疏十卷',
    edition: '清刻本',
  });
  if (res.status !== 201) throw new Error(res.text);
  const cn = res.body.censusNumber as string;
  if (grade) {
    const g = await admin.post(`/api/records/${cn}/gradings`, { grade });
    if (g.status !== 201) throw new Error(g.text);
  }
  return cn;
}

async function assess(cn: string, areaPercent: number): Promise<{ id: string; finalLevel: string }> {
  const res = await worker.post(`/api/records/${cn}/assessments`, {
    observations: [{ damageType: '虫蛀', areaPercent }],
    phReadings: [],
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body;
}

const PLAN = {
  techniques: [
    { technique: '补洞', reason: '虫蛀孔洞多' },
    { technique: '压平', reason: '补后压平' },
  ],
  estimatedLeaves: 40,
  estimatedHours: 20,
  risks: '纸张脆化',
};
const MATERIALS = {
  repairPaper: [{ type: '竹纸', origin: '福建连城', weightGsm: 18, toning: '橡碗子染色' }],
  paste: [{ type: '小麦淀粉浆糊', concentration: '3%' }],
  thread: ['丝线'],
  dyes: ['橡碗子'],
  deacidificationAgent: [],
};

async function photo(client: ApiClient, id: string, phase: string) {
  return postFiles(
    `${app.url}/api/work-orders/${id}/photos`,
    client.token,
    [{ name: `${phase}.jpg`, data: await jpegImage(120, 160), type: 'image/jpeg' }],
    { phase, caption: `${phase} 照片` },
  );
}

async function act(client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = await admin.get(`/api/work-orders/${id}`);
  return client.post(`/api/work-orders/${id}/transitions`, {
    action,
    version: current.body.version,
    ...extra,
  });
}

test.serial('the full life cycle from a condition assessment to acceptance', async (t) => {
  const cn = await record('二级');
  const before = await assess(cn, 55);
  const created = await worker.post('/api/work-orders', {
    censusNumber: cn,
    assessmentId: before.id,
    summary: '虫蛀',
  });
  t.is(created.status, 201, created.text);
  const id = created.body.id as string;
  t.is(created.body.state, 'proposed');
  t.is(created.body.before.id, before.id);
  t.is(created.body.damageLevel.before, before.finalLevel);

  // plan, with vocabulary checks
  const badTerm = await planner.patch(`/api/work-orders/${id}`, {
    version: created.body.version,
    plan: { ...PLAN, techniques: [{ technique: '魔法修复', reason: 'x' }] },
  });
  t.is(badTerm.status, 400);
  t.is(badTerm.body.error.details[0].path, 'plan.techniques.0.technique');
  const saved = await planner.patch(`/api/work-orders/${id}`, {
    version: created.body.version,
    plan: PLAN,
    materials: MATERIALS,
  });
  t.is(saved.status, 200, saved.text);
  t.true(saved.body.version > created.body.version);
  t.deepEqual(saved.body.plan.techniques, PLAN.techniques);
  t.is((await act(planner, id, 'plan')).status, 200);

  // the planner cannot approve a 二级 item's plan; an independent studio head can
  const headPlans = await record('一级');
  void headPlans;
  const selfApprove = await act(planner, id, 'approve');
  t.is(selfApprove.status, 403); // a conservator is not a studio head
  const approved = await act(head, id, 'approve');
  t.is(approved.status, 200, approved.text);
  t.is(approved.body.state, 'approved');

  const started = await act(worker, id, 'start');
  t.is(started.status, 200, started.text);
  t.truthy(started.body.custody);

  // log: bad numbers refused, totals summed
  const negative = await worker.post(`/api/work-orders/${id}/log`, {
    step: '补洞',
    leavesTreated: -1,
    hours: 2,
  });
  t.is(negative.status, 400);
  t.true(JSON.stringify(negative.body.error.details).includes('leavesTreated'));
  const negHours = await worker.post(`/api/work-orders/${id}/log`, {
    step: '补洞',
    leavesTreated: 1,
    hours: -0.5,
  });
  t.is(negHours.status, 400);
  // A typo of a figure the column cannot hold is named, not a 500; a finer hour is not rounded.
  for (const [figures, field] of [
    [{ leavesTreated: 3_000_000_000, hours: 1 }, 'leavesTreated'],
    [{ leavesTreated: 1, hours: 0.125 }, 'hours'],
  ] as const) {
    const refused = await worker.post(`/api/work-orders/${id}/log`, { step: '补洞', ...figures });
    t.is(refused.status, 400, refused.text);
    t.is(refused.body.error.details[0].path, field);
  }
  const l1 = await worker.post(`/api/work-orders/${id}/log`, {
    step: '补洞',
    leavesTreated: 12,
    hours: 3.5,
    workDate: '2026-11-02',
  });
  t.is(l1.status, 201, l1.text);
  const l2 = await worker.post(`/api/work-orders/${id}/log`, { step: '压平', leavesTreated: 8, hours: 0.25 });
  t.is(l2.status, 201);
  t.deepEqual(l2.body.totals, { leaves: 20, hours: 3.75 });

  // photos pass the image checks
  const notImage = await postFiles(
    `${app.url}/api/work-orders/${id}/photos`,
    worker.token,
    [{ name: 'x.jpg', data: Buffer.from('not an image'), type: 'image/jpeg' }],
    { phase: 'after' },
  );
  t.is(notImage.status, 400, notImage.text);
  const badPhase = await photo(worker, id, 'sometime');
  t.is(badPhase.status, 400);
  t.is((await photo(worker, id, 'before')).status, 201);

  // completing needs an after assessment and after photos; the order says so before anyone tries
  const completeOffer = async () =>
    (await worker.get(`/api/work-orders/${id}`)).body.actions.find(
      (o: { action: string }) => o.action === 'complete',
    );
  const waiting = await completeOffer();
  t.is(waiting.blocked.code, 'AFTER_ASSESSMENT_REQUIRED');
  t.is(waiting.label.zh, '完成修复');
  t.notRegex(
    waiting.blocked.messageZh,
    /hasAfter|[0-9a-f]{8}-[0-9a-f]{4}/,
    'no field names or ids for people',
  );
  const early = await act(worker, id, 'complete');
  t.is(early.status, 409);
  t.is(early.body.error.code, 'AFTER_ASSESSMENT_REQUIRED');
  t.is(early.body.error.messageZh, waiting.blocked.messageZh);
  const after = await assess(cn, 5);
  t.is((await completeOffer()).blocked.code, 'AFTER_PHOTOS_REQUIRED');
  const noPhotos = await act(worker, id, 'complete');
  t.is(noPhotos.body.error.code, 'AFTER_PHOTOS_REQUIRED');
  t.is((await photo(worker, id, 'after')).status, 201);
  t.is((await completeOffer()).blocked, null);
  const completed = await act(worker, id, 'complete');
  t.is(completed.status, 200, completed.text);
  t.is(completed.body.after.id, after.id);
  t.like(completed.body.damageLevel, { before: before.finalLevel, after: after.finalLevel });

  // acceptance: not by someone who worked on it, rating required
  const byWorker = await act(worker, id, 'accept', { rating: '优' });
  t.is(byWorker.status, 403); // worker is no inspector
  const noRating = await act(inspector, id, 'accept');
  t.is(noRating.status, 400);
  const accepted = await act(inspector, id, 'accept', { rating: '良', findings: '补纸色调协调' });
  t.is(accepted.status, 200, accepted.text);
  t.is(accepted.body.state, 'accepted');
  t.is(accepted.body.acceptance.rating, '良');
  t.deepEqual(accepted.body.allowedActions, []);
  t.deepEqual(
    accepted.body.history.map((h: { to: string }) => h.to),
    ['proposed', 'planned', 'approved', 'in_progress', 'completed', 'accepted'],
  );

  // the restoration record, as JSON and as print-ready HTML
  const rec = await catA.get(`/api/work-orders/${id}/record`);
  t.is(rec.status, 200, rec.text);
  t.deepEqual(rec.body.totals, { leaves: 20, hours: 3.75 });
  t.is(rec.body.condition.before.photos.length, 1);
  t.is(rec.body.condition.after.photos.length, 1);
  t.is(rec.body.acceptance.rating, '良');
  t.true(rec.body.techniques.includes('补洞'));
  const html = await catA.get(`/api/work-orders/${id}/record?format=html`);
  t.is(html.status, 200);
  t.regex(html.headers.get('content-type') ?? '', /text\/html/);
  t.true(html.text.includes('古籍修复档案') && html.text.includes('@page { size: A4'));
  t.true(html.text.includes(`${rec.body.condition.after.photos[0].service}/full/`));
  t.true(html.text.includes('20 叶'));

  // the before/after manifest validates; the record's own manifest leaves the photos out
  const manifest = await catA.get(`/iiif/manifest/work-order/${id}`);
  t.is(manifest.status, 200, manifest.text);
  t.deepEqual(presentationErrors(manifest.body), []);
  t.is(manifest.body.items.length, 2);
  t.deepEqual(
    manifest.body.structures.map((r: { id: string }) => r.id.split('/').pop()),
    ['before', 'after'],
  );
  const recordManifest = await catA.get(`/iiif/manifest/${cn}`);
  t.is(recordManifest.status, 200, recordManifest.text);
  t.is(recordManifest.body.items.length, 0);
});

test.serial('the planner of a graded item may not approve their own plan', async (t) => {
  const cn = await record('一级');
  const created = await head.post('/api/work-orders', { censusNumber: cn });
  t.is(created.status, 201, created.text);
  const id = created.body.id;
  await head.patch(`/api/work-orders/${id}`, { version: created.body.version, plan: PLAN });
  t.is((await act(head, id, 'plan')).status, 200); // the studio head is a conservator too
  const self = await act(head, id, 'approve');
  t.is(self.status, 403);
  t.is(self.body.error.code, 'SAME_PERSON_APPROVAL');
});

test.serial('illegal transitions answer 409 with the allowed actions; reasons are required', async (t) => {
  const cn = await record();
  const created = await worker.post('/api/work-orders', { censusNumber: cn });
  const id = created.body.id;
  const illegal = await act(worker, id, 'complete');
  t.is(illegal.status, 409);
  t.is(illegal.body.error.code, 'ILLEGAL_TRANSITION');
  t.deepEqual(illegal.body.error.allowedActions, ['plan', 'cancel']);
  const noPlan = await act(worker, id, 'plan');
  t.is(noPlan.status, 409);
  t.is(noPlan.body.error.code, 'PLAN_REQUIRED');
  const noReason = await act(head, id, 'cancel');
  t.is(noReason.status, 400);
  t.is(noReason.body.error.code, 'REASON_REQUIRED');
  const cancelled = await act(head, id, 'cancel', { reason: '改由国家中心修复' });
  t.is(cancelled.status, 200);
  t.is(cancelled.body.lastReason, '改由国家中心修复');
  // a second order for the record is possible once the first is closed, but not two open ones
  t.is((await worker.post('/api/work-orders', { censusNumber: cn })).status, 201);
  t.is((await worker.post('/api/work-orders', { censusNumber: cn })).status, 409);
});

test.serial(
  'a stale version gets 409 with the current order; simultaneous saves never both win',
  async (t) => {
    const cn = await record();
    const created = await worker.post('/api/work-orders', { censusNumber: cn });
    const id = created.body.id;
    const v = created.body.version;
    const [a, b] = await Promise.all([
      planner.patch(`/api/work-orders/${id}`, { version: v, custody: '修复室甲' }),
      worker.patch(`/api/work-orders/${id}`, { version: v, custody: '修复室乙' }),
    ]);
    t.deepEqual([a.status, b.status].sort(), [200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    t.is(loser.body.error.code, 'VERSION_CONFLICT');
    t.is(loser.body.error.current.version, winner.body.version);
    t.is(loser.body.error.current.custody, winner.body.custody);
    const stale = await worker.post(`/api/work-orders/${id}/transitions`, {
      action: 'cancel',
      reason: 'x',
      version: v,
    });
    t.is(stale.status, 409);
    t.is(stale.body.error.code, 'VERSION_CONFLICT');
  },
);

test.serial('who may see and act: holding institution, granted centre only', async (t) => {
  const cn = await record();
  t.is((await consCentre.post('/api/work-orders', { censusNumber: cn })).status, 403);
  t.is((await consOther.post('/api/work-orders', { censusNumber: cn })).status, 403);
  const grant = await catA.post('/api/restoration-grants', {
    censusNumber: cn,
    centreId: centre.id,
    note: '送修',
  });
  t.is(grant.status, 201, grant.text);
  const notCentre = await catA.post('/api/restoration-grants', { censusNumber: cn, centreId: instA.id });
  t.is(notCentre.status, 400);
  const created = await consCentre.post('/api/work-orders', { censusNumber: cn });
  t.is(created.status, 201, created.text);
  t.is(created.body.centre.id, centre.id);
  const id = created.body.id;
  t.is((await catA.get(`/api/work-orders/${id}`)).status, 200);
  t.is((await consOther.get(`/api/work-orders/${id}`)).status, 403);
  const catPatch = await catA.patch(`/api/work-orders/${id}`, {
    version: created.body.version,
    custody: 'x',
  });
  t.is(catPatch.status, 403);
  const list = await consCentre.get('/api/work-orders');
  t.true(list.body.items.some((o: { id: string }) => o.id === id));
  t.false((await consOther.get('/api/work-orders')).body.items.some((o: { id: string }) => o.id === id));
  t.is((await catA.post(`/api/restoration-grants/${grant.body.id}/revoke`)).status, 200);
  t.is((await consCentre.get(`/api/work-orders/${id}`)).status, 403);
});

test.serial(
  'statistics: restored leaves and items per month, open orders by state, time in state',
  async (t) => {
    const stats = await admin.get('/api/work-orders/statistics');
    t.is(stats.status, 200, stats.text);
    const month = new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
    const row = stats.body.restoredByMonth.find(
      (r: { month: string; institution: { id: string } }) =>
        r.month === month && r.institution.id === instA.id,
    );
    t.truthy(row);
    t.is(row.items, 1);
    t.is(row.leaves, 20);
    t.is(row.hours, 3.75);
    t.true((stats.body.openByState.proposed ?? 0) >= 2);
    t.is(stats.body.openByState.planned, 1);
    const states = stats.body.averageTimeInState.map((s: { state: string }) => s.state);
    for (const s of ['proposed', 'planned', 'approved', 'in_progress', 'completed'])
      t.true(states.includes(s), s);
    t.is((await catA.get('/api/work-orders/statistics')).status, 200);
  },
);
