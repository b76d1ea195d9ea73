import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';

// Records written by the census services (API create, edit, spreadsheet import) must reach the triage
// list in the same transaction, without POST /api/triage/rebuild.

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

const listOf = async (institutionId: string) =>
  (await admin.get(`/api/triage?institutionId=${institutionId}`)).body as {
    total: number;
    items: Array<{ censusNumber: string; callNumber: string; score: number; grade: string | null }>;
  };

test('a record created through the API is ranked at once; editing its grade re-ranks it', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const make = async (callNumber: string, grade: string) => {
    const res = await admin.post('/api/records', {
      type: 'guji',
      institutionId: inst.id,
      callNumber,
      title: `书${callNumber}`,
      edition: '清刻本',
      grade,
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.body as { censusNumber: string; version: number };
  };
  const first = await make('鲜1', '二级');
  await make('鲜2', '三级');
  let list = await listOf(inst.id);
  t.is(list.total, 2);
  t.deepEqual(
    list.items.map((i) => [i.callNumber, i.score]),
    [
      ['鲜1', 35],
      ['鲜2', 20],
    ],
  );
  const edited = await admin.patch(`/api/records/${first.censusNumber}`, {
    grade: '四级',
    version: first.version,
  });
  t.is(edited.status, 200, edited.text);
  list = await listOf(inst.id);
  t.deepEqual(
    list.items.map((i) => [i.callNumber, i.score, i.grade]),
    [
      ['鲜2', 20, '三级'],
      ['鲜1', 10, '四级'],
    ],
  );
  // The maintained statistics follow the same edit.
  const stats = await admin.get(`/api/statistics?institutionId=${inst.id}`);
  t.deepEqual(
    Object.fromEntries(
      stats.body.byGradeLabel.map((g: { label: string; count: number }) => [g.label, g.count]),
    ),
    { 三级: 1, 四级: 1 },
  );
});

test('records created by a spreadsheet import are ranked without a rebuild', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const csv = [
    '索书号,题名卷数,版本,古籍级别',
    '导1,陸宣公奏議二十二卷,明萬曆三十三年（1605）王肯堂刻本,一级乙等',
    '导2,朱子大全,清刻本,四级',
  ].join('\n');
  const form = new FormData();
  form.set('file', new Blob([csv]), 'records.csv');
  const queued = await fetch(`${app.url}/api/institutions/${inst.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  t.is(queued.status, 202);
  const { id } = (await queued.json()) as { id: string };
  let job: { status: string; created: number; errors: unknown[] } | undefined;
  for (let i = 0; i < 600 && job?.status !== 'done' && job?.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await admin.get(`/api/imports/${id}`)).body;
  }
  t.is(job?.status, 'done', JSON.stringify(job));
  t.is(job?.created, 2, JSON.stringify(job?.errors));
  const list = await listOf(inst.id);
  t.deepEqual(
    list.items.map((i) => [i.callNumber, i.score]),
    [
      ['导1', 50],
      ['导2', 10],
    ],
  );
});
