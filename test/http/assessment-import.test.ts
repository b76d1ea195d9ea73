import test from 'ava';
import { PassThrough } from 'node:stream';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { writeXlsx } from '../../src/census/spreadsheet/writers.js';

let app: TestApp;
let admin: ApiClient;
let conservator: ApiClient;
let inst: { id: string };
let other: { id: string };
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000');
  other = await createInstitution(admin, '350000');
  const c = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  conservator = await new ApiClient(app.url).login(c.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

const HEADER = [
  '索书号',
  '评估日期',
  '评估人',
  '破损类型',
  '破损面积%',
  '受损叶数',
  '部位',
  'pH',
  'pH测量方法',
  '测量部位',
  '古籍级别',
  '改定等级',
  '改定理由',
];
type Cols = Partial<
  Record<'date' | 'who' | 'type' | 'area' | 'ph' | 'grade' | 'override' | 'reason' | 'method', string>
>;
const cells = (call: string, c: Cols = {}) => [
  call,
  c.date ?? '2025-03-01',
  c.who ?? '张三',
  c.type ?? '',
  c.area ?? '',
  '',
  '',
  c.ph ?? '',
  c.method ?? '',
  '',
  c.grade ?? '',
  c.override ?? '',
  c.reason ?? '',
];
const csv = (rows: string[][]) => [HEADER, ...rows].map((r) => r.join(',')).join('\n') + '\n';

let n = 0;
async function record(institutionId = inst.id): Promise<{ call: string; censusNumber: string }> {
  n += 1;
  const call = `评${n}`;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId,
    callNumber: call,
    title: '論語注疏十卷',
    edition: '清刻本',
  });
  if (res.status !== 201) throw new Error(res.text);
  return { call, censusNumber: res.body.censusNumber as string };
}

async function upload(
  client: ApiClient,
  institutionId: string,
  name: string,
  content: Buffer | string,
  mode?: 'skip' | 'atomic',
) {
  const form = new FormData();
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const res = await fetch(
    `${app.url}/api/institutions/${institutionId}/assessment-imports${mode ? `?mode=${mode}` : ''}`,
    { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form },
  );
  return { status: res.status, body: (await res.json()) as any };
}

async function finished(id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await admin.get(`/api/imports/${id}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const assessments = async (censusNumber: string) =>
  (await admin.get(`/api/records/${censusNumber}/assessments`)).body.items as any[];

test('good assessments are stored with computed levels, bad rows are reported, re-import stores nothing', async (t) => {
  const [r1, r2, r3] = [await record(), await record(), await record()];
  const file = csv([
    cells(r1.call, { type: '虫蛀', area: '20', grade: '二级乙等' }), // row 2
    cells(r1.call, { ph: '6.5', method: '平头电极' }), // row 3: same assessment, a pH reading
    cells(r2.call, { type: '虫蛀', area: '40.5%', who: '李四' }), // row 4
    cells('无此号', { type: '虫蛀', area: '10' }), // row 5
    cells(r3.call, { type: '火烧', area: '10', date: '2025-03-02' }), // row 6
    cells(r3.call, { type: '虫蛀', area: '150', date: '2025-03-03' }), // row 7
    cells(r3.call, { ph: '15', date: '2025-03-04' }), // row 8
    cells(r3.call, { type: '虫蛀', area: '5', grade: '四级乙等', date: '2025-03-05' }), // row 9
    cells(r3.call, { type: '虫蛀', area: '5', override: '二级', date: '2025-03-06' }), // row 10
    cells(r3.call, { type: '虫蛀', area: '5', date: '2025-02-30' }), // row 11
  ]);
  const queued = await upload(conservator, inst.id, 'assessments.csv', file);
  t.is(queued.status, 202, JSON.stringify(queued.body));
  t.is(queued.body.kind, 'assessments');
  const job = await finished(queued.body.id);
  t.is(job.status, 'done', JSON.stringify(job));
  t.is(job.total, 10);
  t.is(job.created, 2);
  t.is(job.failed, 7);
  const byRow = new Map<number, any>(job.errors.map((e: any) => [e.row, e]));
  t.deepEqual(
    [...byRow.keys()].sort((a, b) => a - b),
    [5, 6, 7, 8, 9, 10, 11],
  );
  t.is(byRow.get(5).code, 'unknown_call_number');
  t.is(byRow.get(6).field, 'damageType');
  t.is(byRow.get(6).code, 'damage_type_unknown');
  t.is(byRow.get(7).field, 'areaPercent');
  t.is(byRow.get(8).field, 'ph');
  t.is(byRow.get(8).code, 'ph_out_of_range');
  t.is(byRow.get(9).code, 'grade_rank_not_allowed');
  t.is(byRow.get(10).code, 'override_reason_required');
  t.is(byRow.get(11).field, 'assessedOn');
  t.regex(byRow.get(5).messageZh, /无此号/);
  t.regex(byRow.get(5).messageEn, /no record/);

  const [a1] = await assessments(r1.censusNumber);
  t.is(a1.computedLevel, '五级');
  t.is(a1.assessedOn, '2025-03-01');
  t.is(a1.observations.length, 1);
  t.is(a1.phReadings.length, 1);
  t.is(a1.phReadings[0].method, '平头电极');
  const [a2] = await assessments(r2.censusNumber);
  t.is(a2.computedLevel, '三级');
  t.is(a2.assessor, '李四');
  t.is((await assessments(r3.censusNumber)).length, 0);
  const rec1 = await admin.get(`/api/records/${r1.censusNumber}`);
  t.is(rec1.body.damageGrade ?? rec1.body.body?.damageGrade, '五级');
  const gradings = await admin.get(`/api/records/${r1.censusNumber}/gradings`);
  t.is(gradings.body.currentGrade, '二级乙等');

  const errorsCsv = await fetch(`${app.url}/api/imports/${job.id}/errors.csv`, {
    headers: { authorization: `Bearer ${conservator.token}` },
  });
  t.is(errorsCsv.status, 200);
  t.regex(await errorsCsv.text(), /unknown_call_number/);

  // The same file again: the keys are known, nothing new is stored.
  const again = await finished((await upload(conservator, inst.id, 'assessments.csv', file)).body.id);
  t.is(again.status, 'done');
  t.is(again.created, 0);
  t.is(again.unchanged, 2);
  t.is((await assessments(r1.censusNumber)).length, 1);
  t.is((await assessments(r2.censusNumber)).length, 1);
});

test('an atomic import stores nothing when one row is bad', async (t) => {
  const [r1, r2] = [await record(), await record()];
  const file = csv([cells(r1.call, { type: '虫蛀', area: '20' }), cells(r2.call, { ph: 'abc' })]);
  const job = await finished((await upload(admin, inst.id, 'a.csv', file, 'atomic')).body.id);
  t.is(job.status, 'done', JSON.stringify(job));
  t.is(job.created, 0);
  t.is(job.failed, 1);
  t.is(job.errors[0].row, 3);
  t.is(job.errors[0].code, 'number');
  t.is((await assessments(r1.censusNumber)).length, 0);
});

test('an XLSX file imports the same way', async (t) => {
  const r1 = await record();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(out, HEADER, [
    cells(r1.call, { type: '虫蛀', area: '40.5' }),
    cells(r1.call, { ph: '5.2' }),
  ]);
  const job = await finished((await upload(conservator, inst.id, 'a.xlsx', Buffer.concat(chunks))).body.id);
  t.is(job.status, 'done', JSON.stringify(job));
  t.is(job.created, 1);
  const [a] = await assessments(r1.censusNumber);
  t.is(a.computedLevel, '三级');
  t.is(a.phReadings[0].value, 5.2);
});

test('a bad header fails the import naming the column', async (t) => {
  const job = await finished((await upload(admin, inst.id, 'a.csv', '索书号,颜色\nX,红\n')).body.id);
  t.is(job.status, 'failed');
  t.is(job.error.code, 'BAD_HEADER');
  t.is(job.errors[0].value, '颜色');
});

test('a conservator cannot import assessments into another institution', async (t) => {
  const res = await upload(conservator, other.id, 'a.csv', csv([cells('X', { type: '虫蛀' })]));
  t.is(res.status, 403);
});
