// GET /api/records/:censusNumber/review ships what the review page shows, so the page re-types no
// rule: the record's fields with labels and text, the steps the caller may take now with their
// labels and whether they need a note, whether the caller may comment, the current round, and from
// round 2 on the previous round's comments and what changed since, labelled and as text.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput, validMinguoInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
let reviewer: ApiClient;
let cataloguer: ApiClient;
let institutionId: string;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const institution = await createInstitution(admin, '350000', { name: '福建省图书馆' });
  institutionId = institution.id;
  const r = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  await admin.post('/api/review-assignments', { reviewerId: r.id, institutionId });
  reviewer = await new ApiClient(app.url).login(r.email, STRONG_PASSWORD);
  const c = await createUser(admin, { role: 'cataloguer', institutionId });
  cataloguer = await new ApiClient(app.url).login(c.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

const actionsOf = (body: { allowedActions: Array<{ action: string }> }) =>
  body.allowedActions.map((a) => a.action);

test('round 1 → return → round 2: actions, comments and the changes since the previous round', async (t) => {
  const created = await cataloguer.post(
    '/api/records',
    validGujiInput({
      institutionId,
      callNumber: '善 500',
      title: '資治通鑑二百九十四卷',
      authors: [
        { dynasty: '宋', name: '司馬光', role: '撰' },
        { dynasty: '元', name: '胡三省', role: '音注' },
      ],
      edition: '清同治八年（1869）江蘇書局刻本',
    }),
  );
  t.is(created.status, 201, created.text);
  const cn: string = created.body.censusNumber;
  t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);

  const first = await reviewer.get(`/api/records/${cn}/review`);
  t.is(first.status, 200, first.text);
  t.is(first.body.currentRound, 1);
  t.true(first.body.mayComment);
  t.deepEqual(actionsOf(first.body), ['start_review', 'return', 'approve']);
  t.deepEqual(first.body.allowedActions[1], {
    action: 'return',
    label: { zh: '退回修改', en: 'Return for correction' },
    needsNote: true,
    side: 'review',
  });
  t.deepEqual(first.body.record.statusLabel, { zh: '已提交', en: 'Submitted' });
  t.is(first.body.record.yearFrom, 1869);
  const field = (body: { fields: Array<{ field: string; label: unknown; text: string }> }, name: string) =>
    body.fields.find((f) => f.field === name);
  t.deepEqual(field(first.body, 'authors'), {
    field: 'authors',
    label: { zh: '著者', en: 'Responsibility' },
    text: '（宋）司馬光撰　（元）胡三省音注',
  });
  t.deepEqual(field(first.body, 'edition')?.label, { zh: '版本', en: 'Edition statement' });
  t.is(field(first.body, 'size')?.text, '27.5×17.2');
  t.is(field(first.body, 'pages'), undefined, 'a 民国 field is not listed for a 古籍 record');
  t.is(first.body.changesSincePreviousRound, null);

  // The cataloguer sees the same record without review steps or comment tools.
  const own = await cataloguer.get(`/api/records/${cn}/review`);
  t.false(own.body.mayComment);
  t.deepEqual(actionsOf(own.body), ['recall', 'withdraw']);

  t.is((await reviewer.post(`/api/records/${cn}/start-review`)).status, 200);
  const comment = await reviewer.post(`/api/records/${cn}/comments`, {
    field: 'edition',
    text: '请据牌记核对刊刻年',
  });
  t.is(comment.status, 201, comment.text);
  t.is((await reviewer.post(`/api/records/${cn}/return`, { note: '版本项请核对' })).status, 200);
  const returned = await reviewer.get(`/api/records/${cn}/review`);
  t.deepEqual(actionsOf(returned.body), [], 'nothing left for the reviewer to do on a returned record');
  t.false(returned.body.mayComment);

  const current = await cataloguer.get(`/api/records/${cn}`);
  const fixed = await cataloguer.patch(`/api/records/${cn}`, {
    edition: '清同治十年（1871）江蘇書局刻本',
    version: current.body.version,
  });
  t.is(fixed.status, 200, fixed.text);
  t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);

  const second = await reviewer.get(`/api/records/${cn}/review`);
  t.is(second.body.currentRound, 2);
  t.true(second.body.mayComment);
  const [previous] = second.body.comments;
  t.is(previous.round, 1);
  t.is(previous.text, '请据牌记核对刊刻年');
  t.deepEqual(previous.fieldLabel, { zh: '版本', en: 'Edition statement' });
  t.truthy(previous.actorName);
  const returnEvent = second.body.events.find((e: { action: string }) => e.action === 'return');
  t.is(returnEvent.note, '版本项请核对');
  t.deepEqual(returnEvent.actionLabel, { zh: '退回修改', en: 'Return for correction' });
  t.is(second.body.changesSincePreviousRound.sinceRound, 1);
  t.deepEqual(second.body.changesSincePreviousRound.changes, [
    {
      field: 'edition',
      label: { zh: '版本', en: 'Edition statement' },
      before: '清同治八年（1869）江蘇書局刻本',
      after: '清同治十年（1871）江蘇書局刻本',
      beforeText: '清同治八年（1869）江蘇書局刻本',
      afterText: '清同治十年（1871）江蘇書局刻本',
    },
  ]);
});

test('a 民国 record names its fields as 民国 records do, and lists only its own fields', async (t) => {
  const created = await admin.post('/api/records', validMinguoInput({ institutionId, callNumber: '民 1' }));
  t.is(created.status, 201, created.text);
  const view = await admin.get(`/api/records/${created.body.censusNumber}/review`);
  t.is(view.status, 200, view.text);
  const fields = view.body.fields.map((f: { field: string }) => f.field);
  t.true(fields.includes('pages'));
  t.false(fields.includes('grade'));
  t.false(fields.includes('documentType'));
  t.true(fields.includes('minguoDocumentType'));
  t.deepEqual(view.body.fields.find((f: { field: string }) => f.field === 'edition').label, {
    zh: '出版项',
    en: 'Publication statement',
  });
  t.deepEqual(view.body.record.typeLabel, { zh: '民国文献', en: 'Republican-era document (民国文献)' });
});
