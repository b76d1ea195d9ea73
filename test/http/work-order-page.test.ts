// What the restoration and condition pages read, at the HTTP level: each person is offered exactly
// the steps the one rules table gives their role in the order's state (labels in both languages), the
// abilities beside them (plan, log, photos, after-treatment assessment), the board's labelled columns,
// labelled history, photo phases and ratings, and the condition page's choices and abilities — every
// answer matching the response schema the OpenAPI document publishes. Other tenants see nothing.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import {
  restorationTermsResponse,
  workOrderListResponse,
  workOrderResponse,
} from '../../src/restoration/work-order-response.schemas.js';
import { assessmentListResponse, computeResponse } from '../../src/condition/condition-response.schemas.js';
import { gradingListResponse } from '../../src/grading/grading-response.schemas.js';
import { ACTION_LABELS, allowedActions, ACTION_ROLE } from '../../src/restoration/work-order-state.rules.js';

let app: TestApp;
let admin: ApiClient;
let worker: ApiClient;
let head: ApiClient;
let inspector: ApiClient;
let cataloguer: ApiClient;
let stranger: ApiClient;
let cn: string;

async function login(role: string, institutionId: string, displayName: string) {
  const u = await createUser(admin, { role, institutionId });
  const named = await admin.patch(`/api/users/${u.id}`, { version: u.version, displayName });
  if (named.status !== 200) throw new Error(named.text);
  return { id: u.id, client: await new ApiClient(app.url).login(u.email, STRONG_PASSWORD) };
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  worker = (await login('conservator', inst.id, '林秀英')).client;
  const h = await login('conservator', inst.id, '陈国华');
  head = h.client;
  const i = await login('conservator', inst.id, '黄志明');
  inspector = i.client;
  cataloguer = (await login('cataloguer', inst.id, '周文')).client;
  stranger = (await login('conservator', other.id, '外单位修复师')).client;
  for (const [userId, role] of [
    [h.id, 'studio_head'],
    [i.id, 'inspector'],
  ] as const) {
    const res = await admin.post('/api/restoration-roles', { userId, role });
    if (res.status !== 201) throw new Error(res.text);
  }
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '善2031',
    title: '《文選》六十卷 梁蕭統編 唐李善注',
    edition: '宋刻遞修本',
  });
  if (rec.status !== 201) throw new Error(rec.text);
  cn = rec.body.censusNumber;
  const before = await worker.post(`/api/records/${cn}/assessments`, {
    observations: [{ damageType: '虫蛀', areaPercent: 55 }],
    phReadings: [{ value: 4.8 }],
  });
  if (before.status !== 201) throw new Error(before.text);
});
test.after.always(async () => {
  await app?.close();
});

type Offer = { action: string; label: { zh: string; en: string }; blocked: { code: string } | null };
const actionsOf = async (client: ApiClient, id: string) => {
  const res = await client.get(`/api/work-orders/${id}`);
  if (res.status !== 200) throw new Error(res.text);
  return (res.body.actions as Offer[]).map((o) => o.action);
};

async function move(client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = await admin.get(`/api/work-orders/${id}`);
  const res = await client.post(`/api/work-orders/${id}/transitions`, {
    action,
    version: current.body.version,
    ...extra,
  });
  if (res.status !== 200) throw new Error(`${action}: ${res.text}`);
  return res;
}

test.serial('each person is offered exactly their steps, derived from the one rules table', async (t) => {
  const created = await worker.post('/api/work-orders', {
    censusNumber: cn,
    summary: '<script>alert(1)</script> 卷一虫蛀',
  });
  t.is(created.status, 201, created.text);
  const id = created.body.id as string;
  t.notThrows(() => workOrderResponse.parse(created.body));
  // what a user wrote is shown as written (the page escapes it), never rewritten
  t.is(created.body.summary, '<script>alert(1)</script> 卷一虫蛀');

  // proposed: the conservators plan (studio heads and inspectors are conservator accounts with a
  // capability); the studio head may also cancel; the cataloguer has nothing to do. Each answer is the rules table for the roles.
  for (const client of [worker, head, inspector, cataloguer]) {
    const body = (await client.get(`/api/work-orders/${id}`)).body;
    const roles = body.roles as Record<(typeof ACTION_ROLE)[keyof typeof ACTION_ROLE], boolean>;
    t.deepEqual(
      body.actions.map((o: Offer) => o.action),
      allowedActions('proposed').filter((a) => roles[ACTION_ROLE[a]]),
    );
  }
  t.deepEqual(await actionsOf(worker, id), ['plan']);
  t.deepEqual(await actionsOf(head, id), ['plan', 'cancel']);
  t.deepEqual(await actionsOf(inspector, id), ['plan'], 'an inspector is a conservator account too');
  t.deepEqual(await actionsOf(cataloguer, id), []);

  const mine = (await worker.get(`/api/work-orders/${id}`)).body;
  t.deepEqual(mine.actions[0].label, ACTION_LABELS.plan);
  t.deepEqual(mine.actions[0].label, { zh: '提交修复方案', en: 'Submit plan' });
  t.deepEqual(mine.abilities, { editPlan: true, log: false, uploadPhotos: true, assessAfter: false });
  t.deepEqual(mine.stateLabel, { zh: '已提出', en: 'Proposed' });
  t.deepEqual(mine.damageLevel.beforeLabel, { zh: '二级破损', en: 'Level 2' });
  t.deepEqual(
    mine.photoPhases.map((p: { label: { zh: string } }) => p.label.zh),
    ['修复前', '修复中', '修复后'],
  );
  t.deepEqual(
    mine.ratings.map((r: { value: string; label: { en: string } }) => [r.value, r.label.en]),
    [
      ['优', 'Excellent'],
      ['良', 'Good'],
      ['合格', 'Satisfactory'],
    ],
  );
  const cat = (await cataloguer.get(`/api/work-orders/${id}`)).body;
  t.deepEqual(cat.abilities, { editPlan: false, log: false, uploadPhotos: false, assessAfter: false });

  // 提交修复方案 is offered as waiting for the written plan (not offered, then refused)
  t.is(mine.actions[0].blocked.code, 'PLAN_REQUIRED');
  t.is(mine.actions[0].blocked.messageZh, '制定方案前须先填写修复方案（至少一种技法及理由）');
  const planned = await worker.patch(`/api/work-orders/${id}`, {
    version: mine.version,
    plan: { techniques: [{ technique: '补洞', reason: '虫蛀孔洞多' }], estimatedLeaves: 40 },
  });
  t.is(planned.status, 200, planned.text);
  t.is(planned.body.actions[0].blocked, null);

  // planned → approved → in progress, each state offering its own people their own steps
  await move(worker, id, 'plan');
  t.deepEqual(await actionsOf(worker, id), []);
  t.deepEqual(await actionsOf(head, id), ['approve', 'cancel']);
  await move(head, id, 'approve');
  t.deepEqual(await actionsOf(worker, id), ['start']);
  const approved = (await worker.get(`/api/work-orders/${id}`)).body;
  t.false(approved.abilities.editPlan, 'the plan is fixed once approved');
  await move(worker, id, 'start');
  const working = (await worker.get(`/api/work-orders/${id}`)).body;
  t.deepEqual(
    working.actions.map((o: Offer) => o.action),
    ['hold', 'complete'],
  );
  t.deepEqual(working.abilities, { editPlan: false, log: true, uploadPhotos: true, assessAfter: true });
  const complete = working.actions.find((o: Offer) => o.action === 'complete');
  t.is(complete.blocked.code, 'AFTER_ASSESSMENT_REQUIRED');
  t.regex(complete.blocked.messageEn, /after treatment/i);
  t.notThrows(() => workOrderResponse.parse(working));

  // the history is labelled in both languages, people by their names
  const last = working.history.at(-1);
  t.deepEqual(last.actionLabel, { zh: '开始修复', en: 'Start treatment' });
  t.deepEqual(last.fromLabel, { zh: '方案已批准', en: 'Plan approved' });
  t.deepEqual(last.toLabel, { zh: '修复中', en: 'In treatment' });
  t.is(last.actor.displayName, '林秀英');
  t.is(working.approvedBy.displayName, '陈国华');

  // once the after-treatment assessment and an after photo exist, 完成修复 is open and succeeds
  const after = await worker.post(`/api/records/${cn}/assessments`, {
    observations: [{ damageType: '虫蛀', areaPercent: 3 }],
    phReadings: [],
  });
  t.is(after.status, 201, after.text);
  const photo = await postFiles(
    `${app.url}/api/work-orders/${id}/photos`,
    worker.token,
    [{ name: 'after.jpg', data: await jpegImage(120, 160), type: 'image/jpeg' }],
    { phase: 'after' },
  );
  t.is(photo.status, 201, photo.text);
  const ready = (await worker.get(`/api/work-orders/${id}`)).body;
  t.is(ready.actions.find((o: Offer) => o.action === 'complete').blocked, null);
  const done = await move(worker, id, 'complete');
  t.deepEqual(done.body.damageLevel.afterLabel, { zh: '五级破损', en: 'Level 5 (slight)' });
  t.deepEqual(await actionsOf(inspector, id), ['accept', 'reject']);
  const acceptOffer = (await inspector.get(`/api/work-orders/${id}`)).body.actions[0];
  t.like(acceptOffer, { action: 'accept', needsRating: true, needsReason: false, blocked: null });
  const accepted = await move(inspector, id, 'accept', { rating: '良', findings: '补纸色调协调' });
  t.deepEqual(accepted.body.acceptance.ratingLabel, { zh: '良', en: 'Good' });
  t.is(accepted.body.acceptance.by.displayName, '黄志明');
  t.deepEqual(accepted.body.abilities, {
    editPlan: false,
    log: false,
    uploadPhotos: false,
    assessAfter: false,
  });
  t.notThrows(() => workOrderResponse.parse(accepted.body));

  // another institution's conservator sees neither the order nor the record's condition
  t.is((await stranger.get(`/api/work-orders/${id}`)).status, 403);
  const theirs = await stranger.get(`/api/records/${cn}/assessments`);
  t.not(theirs.status, 200);
});

test.serial('the board ships its labelled columns and whether the caller raises orders', async (t) => {
  const board = await worker.get('/api/work-orders');
  t.is(board.status, 200, board.text);
  t.notThrows(() => workOrderListResponse.parse(board.body));
  t.deepEqual(
    board.body.columns.map((c: { state: string; label: { zh: string } }) => [c.state, c.label.zh]),
    [
      ['proposed', '已提出'],
      ['planned', '已制定方案'],
      ['approved', '方案已批准'],
      ['in_progress', '修复中'],
      ['on_hold', '暂停'],
      ['completed', '修复完成'],
      ['rejected', '验收未通过'],
      ['accepted', '已验收'],
    ],
  );
  t.true(board.body.abilities.raise);
  t.true((await cataloguer.get('/api/work-orders')).body.abilities.raise);
  t.is((await stranger.get('/api/work-orders')).body.total, 0, 'no other tenant’s orders');
  const terms = await worker.get('/api/restoration-terms');
  t.notThrows(() => restorationTermsResponse.parse(terms.body));
});

test.serial('the condition page reads its choices, labels and abilities from the server', async (t) => {
  const list = await worker.get(`/api/records/${cn}/assessments`);
  t.is(list.status, 200, list.text);
  t.notThrows(() => assessmentListResponse.parse(list.body));
  t.is(list.body.title, '《文選》六十卷 梁蕭統編 唐李善注');
  t.deepEqual(list.body.abilities, { assess: true, grade: true });
  t.is(list.body.damageTypes.length, 19);
  t.deepEqual(list.body.damageTypes[3], { value: '虫蛀', label: { zh: '虫蛀', en: 'insect damage' } });
  t.deepEqual(
    list.body.levels.map((l: { value: string }) => l.value),
    ['一级', '二级', '三级', '四级', '五级', '完好'],
  );
  const oldest = list.body.items.at(-1);
  t.deepEqual(oldest.finalLevelLabel, { zh: '二级破损', en: 'Level 2' });
  t.is(oldest.acidity.band, 'heavy');
  t.deepEqual(list.body.items[0].previous.finalLevelLabel, { zh: '二级破损', en: 'Level 2' });
  // a cataloguer of the institution assesses too; a visitor reads a published record only
  t.true((await cataloguer.get(`/api/records/${cn}/assessments`)).body.abilities.assess);

  const computed = await worker.post('/api/assessments/compute', {
    observations: [{ damageType: '虫蛀', areaPercent: 45 }],
    phReadings: [{ value: 4.2 }],
  });
  t.is(computed.status, 200, computed.text);
  t.notThrows(() => computeResponse.parse(computed.body));
  t.deepEqual(computed.body.computedLevelLabel, { zh: '二级破损', en: 'Level 2' });
  t.notRegex(JSON.stringify(computed.body.reasons), /observations\[|phReadings\[/, 'evidence in words');

  const gradings = await worker.get(`/api/records/${cn}/gradings`);
  t.notThrows(() => gradingListResponse.parse(gradings.body));
  t.deepEqual(
    gradings.body.grades.map((g: { value: string; label: { en: string } }) => [g.value, g.label.en]),
    [
      ['一级', 'Grade 1'],
      ['二级', 'Grade 2'],
      ['三级', 'Grade 3'],
      ['四级', 'Grade 4'],
      ['未定级', 'Ungraded'],
    ],
  );
  t.deepEqual(
    gradings.body.ranks.map((r: { label: { zh: string } }) => r.label.zh),
    ['甲等', '乙等', '丙等'],
  );
});
