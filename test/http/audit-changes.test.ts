// The audit log ships, for each entry, what changed as an inspector reads it: each field by its name
// in both languages, before and after by the labels of their codes (roles, record states), people
// and institutions by name, texts as written — no code, no id.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { validGujiInput, wenxuanInput } from '../helpers/record-input.js';

type Label = { zh: string; en: string };
type Change = { field: string; label: Label; before: Label | null; after: Label | null };
type Entry = { action: string; changes: Change[]; before: unknown; after: unknown };

let app: TestApp;
let admin: ApiClient;
let inst: { id: string };
let cataloguer: ApiClient;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000', { name: '福建省圖書館' });
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  cataloguer = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

async function entries(entityType: string, entityId: string): Promise<Entry[]> {
  const res = await admin.get(`/api/audit?entityType=${entityType}&entityId=${encodeURIComponent(entityId)}`);
  if (res.status !== 200) throw new Error(res.text);
  return res.body.items as Entry[];
}

const change = (entry: Entry | undefined, field: string) => entry?.changes.find((c) => c.field === field);

test('a role change reads 普查员 → 审校员, the institution by its name, no code or id', async (t) => {
  const user = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const res = await admin.patch(`/api/users/${user.id}`, {
    role: 'reviewer',
    institutionId: null,
    provinceCode: '350000',
    version: user.version,
  });
  t.is(res.status, 200, res.text);
  const updated = (await entries('user', user.id)).find((e) => e.action === 'user.update');
  t.like(change(updated, 'role'), {
    label: { zh: '角色', en: 'Role' },
    before: { zh: '普查员', en: 'Cataloguer' },
    after: { zh: '审校员', en: 'Reviewer' },
  });
  t.like(change(updated, 'institutionId'), {
    label: { zh: '收藏单位', en: 'Institution' },
    before: { zh: '福建省圖書館', en: '福建省圖書館' },
    after: null,
  });
  const shown = JSON.stringify(updated?.changes);
  for (const raw of ['cataloguer', 'reviewer', inst.id, 'roleLabel', 'institutionName'])
    t.false(shown.includes(raw), raw);
  // The stored before/after stay in the answer for other readers (exports, tools).
  t.like(updated?.before, { role: 'cataloguer' });

  // An account's creation lists what it was made with, the role by its label.
  const created = (await entries('user', user.id)).find((e) => e.action === 'user.create');
  t.like(change(created, 'role'), { before: null, after: { zh: '普查员' } });
  t.like(change(created, 'displayName'), { label: { zh: '姓名' }, after: { zh: user.displayName } });
});

test('a record status change reads 草稿 → 已提交; a return keeps its note as written', async (t) => {
  const made = await cataloguer.post('/api/records', wenxuanInput(inst.id, { edition: '宋刻遞修本' }));
  t.is(made.status, 201, made.text);
  const cn = made.body.censusNumber as string;
  const submitted = await cataloguer.post(`/api/records/${cn}/submit`, {});
  t.is(submitted.status, 200, submitted.text);
  const note = '卷端題名與書衣不一致，請核對原書後修改。';
  t.is((await admin.post(`/api/records/${cn}/start-review`, {})).status, 200);
  const returned = await admin.post(`/api/records/${cn}/return`, { note });
  t.is(returned.status, 200, returned.text);

  const log = await entries('census_record', cn);
  t.like(
    change(
      log.find((e) => e.action === 'record.submit'),
      'status',
    ),
    {
      label: { zh: '状态', en: 'Status' },
      before: { zh: '草稿', en: 'Draft' },
      after: { zh: '已提交', en: 'Submitted' },
    },
  );
  const back = log.find((e) => e.action === 'record.return');
  t.like(change(back, 'status'), { before: { zh: '审校中' }, after: { zh: '已退回', en: 'Returned' } });
  t.like(change(back, 'note'), { before: null, after: { zh: note, en: note } });
  // The creation names the record's fields by the record's own labels.
  const created = log.find((e) => e.action === 'record.create');
  t.like(change(created, 'title'), { label: { zh: '题名卷数' }, after: { zh: '文選六十卷' } });
  t.false(JSON.stringify(log.map((e) => e.changes)).match(/"(draft|submitted|in_review|returned)"/) !== null);

  // A field edit: the field by its label, the values as written.
  const edited = await cataloguer.patch(`/api/records/${cn}`, {
    edition: '宋淳熙八年池陽郡齋刻本',
    version: (await cataloguer.get(`/api/records/${cn}`)).body.version,
  });
  t.is(edited.status, 200, edited.text);
  const update = (await entries('census_record', cn)).find((e) => e.action === 'record.update');
  t.like(change(update, 'edition'), {
    before: { zh: '宋刻遞修本' },
    after: { zh: '宋淳熙八年池陽郡齋刻本' },
  });
  t.not(change(update, 'edition')?.label.zh, 'edition');
});

test('a page relabel reads its label before → after', async (t) => {
  const made = await cataloguer.post(
    '/api/records',
    validGujiInput({ institutionId: inst.id, callNumber: '善 00422', title: '周易兼義九卷' }),
  );
  t.is(made.status, 201, made.text);
  const cn = made.body.censusNumber as string;
  const up = await postFiles(`${app.url}/api/records/${cn}/images`, cataloguer.token, [
    { name: 'p1.jpg', data: await jpegImage(100, 150) },
  ]);
  t.is(up.status, 201, up.text);
  const image = up.body.items[0] as { id: string; version: number };
  const first = await cataloguer.patch(`/api/images/${image.id}`, {
    label: '卷一 葉一',
    version: image.version,
  });
  t.is(first.status, 200, first.text);
  const second = await cataloguer.patch(`/api/images/${image.id}`, {
    label: '卷一 葉一a',
    version: first.body.version,
  });
  t.is(second.status, 200, second.text);
  const relabels = (await entries('record_image', image.id)).filter((e) => e.action === 'image.relabel');
  t.is(relabels.length, 2);
  t.like(change(relabels[0], 'label'), {
    label: { zh: '标注', en: 'Label' },
    before: { zh: '卷一 葉一' },
    after: { zh: '卷一 葉一a' },
  });
});
