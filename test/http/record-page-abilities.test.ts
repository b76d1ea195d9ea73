// What the record answers ship for the staff pages (issue 14): labels of status, type, tier and date
// precision; the workflow steps the caller may take in the record's status (撤回提交 while
// submitted, withdrawal with a note and a confirmation); edit/images/condition/review/history
// abilities; the last return's note and field comments while the record is returned; the list's
// 新建 permission; and the field layout in catalogue order.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
let cataloguer: ApiClient;
let reviewer: ApiClient;
let reviewerName: string;
let institutionId: string;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  institutionId = inst.id;
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  cataloguer = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  const rev = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  reviewerName = rev.displayName;
  await admin.post('/api/review-assignments', { reviewerId: rev.id, institutionId: inst.id });
  reviewer = await new ApiClient(app.url).login(rev.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

let serial = 0;
async function draft(): Promise<string> {
  serial += 1;
  const res = await cataloguer.post(
    '/api/records',
    validGujiInput({
      institutionId,
      callNumber: `善 ${String(serial).padStart(5, '0')}`,
      title: '史記集解一百三十卷',
      authors: [{ dynasty: '南朝宋', name: '裴駰', role: '集解' }],
      edition: '明嘉靖四年（1525）汪諒刻本',
    }),
  );
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

const actionsOf = (body: { allowedActions: Array<{ action: string }> }) =>
  body.allowedActions.map((a) => a.action);

test('a draft shows its labels and offers the cataloguer submit and withdraw (with note and confirmation), edit, images and condition', async (t) => {
  const cn = await draft();
  const res = await cataloguer.get(`/api/records/${cn}`);
  t.is(res.status, 200, res.text);
  t.deepEqual(res.body.statusLabel, { zh: '草稿', en: 'Draft' });
  t.is(res.body.typeLabel.zh, '古籍');
  t.is(res.body.tierLabel.zh, '全部项目');
  t.deepEqual(res.body.edition.precisionLabel, { zh: '精确到年', en: 'year' });
  t.deepEqual(res.body.edition.display, {
    zh: '明 嘉靖四年 → 1525（精确到年）',
    en: '明 嘉靖四年 → 1525 (year)',
  });
  t.deepEqual(actionsOf(res.body), ['submit', 'withdraw']);
  const withdraw = res.body.allowedActions[1];
  t.deepEqual(withdraw.label, { zh: '撤销记录', en: 'Withdraw record' });
  t.is(withdraw.segment, 'withdraw');
  t.is(withdraw.note.zh, '撤销理由');
  t.truthy(withdraw.confirm?.zh);
  t.is(res.body.allowedActions[0].confirm, null);
  t.like(res.body.abilities, {
    edit: true,
    editNeedsReason: false,
    manageImages: true,
    assess: true,
    review: false,
    history: true,
  });
  t.is(res.body.lastReturn, null);
});

test('a submission offers the cataloguer 撤回提交 (POST …/recall) and locks editing; the reviewer gets the review steps', async (t) => {
  const cn = await draft();
  t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);
  const mine = await cataloguer.get(`/api/records/${cn}`);
  t.deepEqual(actionsOf(mine.body), ['recall', 'withdraw']);
  const recall = mine.body.allowedActions[0];
  t.deepEqual(recall.label, { zh: '撤回提交', en: 'Recall submission' });
  t.is(recall.note, null);
  t.false(mine.body.abilities.edit);
  t.false(mine.body.abilities.manageImages);
  t.false(mine.body.abilities.review);

  const theirs = await reviewer.get(`/api/records/${cn}`);
  t.deepEqual(actionsOf(theirs.body), ['start_review', 'return', 'approve']);
  const start = theirs.body.allowedActions[0];
  t.is(start.segment, 'start-review');
  t.is(theirs.body.allowedActions[1].note.zh, '退回说明');
  t.true(theirs.body.abilities.review);
  t.false(theirs.body.abilities.edit);

  // The offered segment is the real route: the cataloguer's recall takes it back to draft.
  const recalled = await cataloguer.post(`/api/records/${cn}/${recall.segment}`);
  t.is(recalled.status, 200, recalled.text);
  t.is(recalled.body.status, 'draft');
});

test('a returned record carries the return note and the field comments of that round, with the reviewer’s name and field labels', async (t) => {
  const cn = await draft();
  t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);
  t.is((await reviewer.post(`/api/records/${cn}/start-review`)).status, 200);
  const comment = await reviewer.post(`/api/records/${cn}/comments`, {
    field: 'edition',
    text: '版本项请照录牌记',
  });
  t.is(comment.status, 201, comment.text);
  const returned = await reviewer.post(`/api/records/${cn}/return`, { note: '请核对版本项后重新提交' });
  t.is(returned.status, 200, returned.text);

  const res = await cataloguer.get(`/api/records/${cn}`);
  t.is(res.body.status, 'returned');
  t.deepEqual(res.body.statusLabel, { zh: '已退回', en: 'Returned' });
  t.deepEqual(actionsOf(res.body), ['submit', 'withdraw']);
  t.true(res.body.abilities.edit);
  t.is(res.body.lastReturn.note, '请核对版本项后重新提交');
  t.is(res.body.lastReturn.round, 1);
  t.is(res.body.lastReturn.actorName, reviewerName);
  t.is(res.body.lastReturn.comments.length, 1);
  t.like(res.body.lastReturn.comments[0], {
    field: 'edition',
    fieldLabel: { zh: '版本', en: 'Edition statement' },
    text: '版本项请照录牌记',
    actorName: reviewerName,
  });

  // The history names people and labels steps, statuses and fields.
  const review = await cataloguer.get(`/api/records/${cn}/review`);
  const returnEvent = review.body.events.find((e: { action: string }) => e.action === 'return');
  t.like(returnEvent, {
    actorName: reviewerName,
    actionLabel: { zh: '退回修改', en: 'Return for correction' },
    toStatusLabel: { zh: '已退回', en: 'Returned' },
  });
  t.deepEqual(review.body.comments[0].fieldLabel, { zh: '版本', en: 'Edition statement' });
  const versions = await cataloguer.get(`/api/records/${cn}/versions`);
  t.is(versions.status, 200, versions.text);
  t.truthy(versions.body.items[0].actorName);
  t.truthy(versions.body.items[0].statusLabel.zh);
  t.deepEqual(
    versions.body.items.at(-1).changes.find((c: { field: string }) => c.field === 'title').fieldLabel,
    { zh: '题名卷数', en: 'Title (with 卷数)' },
  );

  // Resubmitted: no longer returned, so no return shown on the record.
  t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);
  t.is((await cataloguer.get(`/api/records/${cn}`)).body.lastReturn, null);
});

test('the public sees a published record without actions, abilities or return', async (t) => {
  const cn = await draft();
  t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);
  t.is((await admin.post(`/api/records/${cn}/approve`)).status, 200);
  t.is((await admin.post(`/api/records/${cn}/publish`)).status, 200);
  const res = await new ApiClient(app.url).get(`/api/records/${cn}`);
  t.is(res.status, 200, res.text);
  t.deepEqual(res.body.allowedActions, []);
  t.deepEqual(res.body.abilities, {
    edit: false,
    editNeedsReason: false,
    manageImages: false,
    assess: false,
    review: false,
    history: false,
  });
  t.is(res.body.lastReturn, null);
  const mine = await cataloguer.get(`/api/records/${cn}`);
  t.like(mine.body.abilities, { edit: true, editNeedsReason: true });
  t.deepEqual(actionsOf(mine.body), ['withdraw']);
});

test('the list labels each row and says who may create; the field layout comes in catalogue order', async (t) => {
  const cn = await draft();
  const list = await cataloguer.get(`/api/records?q=${cn}`);
  t.is(list.status, 200, list.text);
  t.true(list.body.mayCreate);
  t.deepEqual(list.body.items[0].statusLabel, { zh: '草稿', en: 'Draft' });
  t.is(list.body.items[0].typeLabel.zh, '古籍');
  t.truthy(list.body.items[0].tierLabel.zh);
  t.deepEqual(list.body.bulkActions, [
    { action: 'submit', label: { zh: '提交审校', en: 'Submit for review' } },
  ]);
  t.is(list.body.importInstitutionId, institutionId);
  const bulk = await cataloguer.post('/api/records/bulk/submit', { censusNumbers: [cn] });
  t.deepEqual(bulk.body.results[0].statusLabel, { zh: '已提交', en: 'Submitted' });
  const theirs = await reviewer.get('/api/records');
  t.false(theirs.body.mayCreate);
  t.deepEqual(
    theirs.body.bulkActions.map((a: { action: string }) => a.action),
    ['approve'],
  );
  t.is(theirs.body.importInstitutionId, null);
  t.false((await new ApiClient(app.url).get('/api/records')).body.mayCreate);

  const layout = await new ApiClient(app.url).get('/api/record-fields');
  t.is(layout.status, 200, layout.text);
  const groups = layout.body.groups as Array<{ key: string; fields: Array<Record<string, unknown>> }>;
  t.deepEqual(
    groups.map((g) => g.key),
    [
      'identity',
      'responsibility',
      'edition',
      'physical',
      'classification',
      'annotations',
      'seals',
      'grading',
      'paper',
      'notes',
    ],
  );
  const fields = groups.flatMap((g) => g.fields);
  t.like(
    fields.find((f) => f.key === 'editionType'),
    { input: 'code', codeList: 'edition_type' },
  );
  t.like(
    fields.find((f) => f.key === 'title'),
    { label: { zh: '题名卷数', en: 'Title (with 卷数)' }, labelMinguo: { zh: '题名', en: 'Title' } },
  );
  t.deepEqual(fields.find((f) => f.key === 'grade')?.types, ['guji']);
  t.true((fields.find((f) => f.key === 'grade')?.choices as string[]).includes('一级甲等'));
  t.deepEqual(
    (layout.body.statuses as Array<{ value: string }>).map((s) => s.value),
    ['draft', 'submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn'],
  );
});

test('the live edition-date answer writes the date out, and with type=guji refuses a date from 1912 on', async (t) => {
  const anyone = new ApiClient(app.url);
  const ok = await anyone.get(`/api/edition-date?text=${encodeURIComponent('明嘉靖四年（1525）汪諒刻本')}`);
  t.is(ok.status, 200, ok.text);
  t.true(ok.body.ok);
  t.is(ok.body.display.zh, '明 嘉靖四年 → 1525（精确到年）');
  const late = encodeURIComponent('民國十二年（1923）北京新潮社鉛印本');
  t.true((await anyone.get(`/api/edition-date?text=${late}&type=minguo`)).body.ok);
  const refused = await anyone.get(`/api/edition-date?text=${late}&type=guji`);
  t.false(refused.body.ok);
  t.is(refused.body.error.code, 'GUJI_DATE_TOO_LATE');
  t.regex(refused.body.error.messageZh, /1912/);
});
