import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
let cataloguer: ApiClient;
let otherCataloguer: ApiClient;
let inst: { id: string };
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const cat2 = await createUser(admin, { role: 'cataloguer', institutionId: other.id });
  cataloguer = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  otherCataloguer = await new ApiClient(app.url).login(cat2.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

let n = 0;
async function record(fields: Record<string, unknown> = {}): Promise<string> {
  n += 1;
  const res = await cataloguer.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: `定${n}`,
    title: '論語注疏十卷',
    edition: '明嘉靖刻本',
    volumes: 4,
    ...fields,
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

test('a grading is stored with its basis and heritage level and becomes the record grade', async (t) => {
  const cn = await record();
  const res = await cataloguer.post(`/api/records/${cn}/gradings`, {
    grade: '二级',
    rank: '乙',
    basisHistorical: '明嘉靖刻本',
    basisScholarly: '经部要籍',
    basisArtistic: '刻印精良',
    assessedOn: '2024-05-01',
  });
  t.is(res.status, 201, res.text);
  t.truthy(res.body.id);
  t.is(res.body.label, '二级乙等');
  t.is(res.body.heritageLevel, '二级珍贵文物');
  t.is(res.body.basisScholarly, '经部要籍');
  t.is(res.body.assessedOn, '2024-05-01');
  t.true(res.body.current);
  const rec = await cataloguer.get(`/api/records/${cn}`);
  t.is(rec.body.grade, '二级乙等');
  // Assessing starts no review round.
  t.is(rec.body.status, 'draft');
});

test('regrading keeps history; the newest by date is current, a back-dated one is not', async (t) => {
  const cn = await record();
  await cataloguer.post(`/api/records/${cn}/gradings`, { grade: '三级', assessedOn: '2020-01-01' });
  await cataloguer.post(`/api/records/${cn}/gradings`, {
    grade: '二级',
    rank: '甲',
    assessedOn: '2023-01-01',
  });
  const old = await cataloguer.post(`/api/records/${cn}/gradings`, {
    grade: '四级',
    assessedOn: '2010-01-01',
  });
  t.is(old.status, 201);
  t.false(old.body.current);
  const list = await cataloguer.get(`/api/records/${cn}/gradings`);
  t.is(list.status, 200);
  t.deepEqual(
    list.body.items.map((g: { label: string }) => g.label),
    ['二级甲等', '三级', '四级'],
  );
  t.is(list.body.currentGrade, '二级甲等');
  t.is((await cataloguer.get(`/api/records/${cn}`)).body.grade, '二级甲等');
});

test('等次 on 四级 is a field error and nothing is stored', async (t) => {
  const cn = await record();
  const res = await cataloguer.post(`/api/records/${cn}/gradings`, { grade: '四级', rank: '甲' });
  t.is(res.status, 400);
  t.is(res.body.error.details[0].path, 'rank');
  t.regex(res.body.error.details[0].messageZh, /不分等次/);
  t.regex(res.body.error.details[0].messageEn, /no 等次/);
  const bad = await cataloguer.post(`/api/records/${cn}/gradings`, { grade: '五级' });
  t.is(bad.status, 400);
  t.is(bad.body.error.details[0].path, 'grade');
  t.is((await cataloguer.get(`/api/records/${cn}/gradings`)).body.items.length, 0);
});

test('a dated Yuan edition below 一级 warns, but is stored', async (t) => {
  const cn = await record({ edition: '元至正二十五年（1365）刻本' });
  const res = await cataloguer.post(`/api/records/${cn}/gradings`, { grade: '二级' });
  t.is(res.status, 201, res.text);
  t.deepEqual(
    res.body.warnings.map((w: { rule: string }) => w.rule),
    ['grade_below_period_floor'],
  );
  const ok = await cataloguer.post(`/api/records/${cn}/gradings`, { grade: '一级', rank: '乙' });
  t.deepEqual(ok.body.warnings, []);
});

test('an early-Ming edition graded 三级 contradicts its period', async (t) => {
  const cn = await record({ edition: '明天順四年（1460）刻本' });
  const res = await cataloguer.post(`/api/records/${cn}/gradings`, { grade: '三级' });
  t.is(res.status, 201);
  t.is(res.body.warnings[0].rule, 'grade_below_period_floor');
});

test('a precious-list item graded below 二级 warns; the list entry is linked', async (t) => {
  const entry = await admin.post('/api/precious-list', { number: '00940.1', batch: 1, year: 2008 });
  t.is(entry.status, 201, entry.text);
  const cn = await record({ edition: '清刻本', preciousListNumber: '00940.1' });
  const res = await cataloguer.post(`/api/records/${cn}/gradings`, { grade: '三级' });
  t.deepEqual(
    res.body.warnings.map((w: { rule: string }) => w.rule),
    ['precious_list_below_grade_2'],
  );
  const list = await cataloguer.get(`/api/records/${cn}/gradings`);
  t.deepEqual(list.body.preciousListEntry, { number: '00940.1', batch: 1, year: 2008 });
});

test('precious list: number format, batch, year and uniqueness are enforced', async (t) => {
  t.is((await admin.post('/api/precious-list', { number: '12345', batch: 2, year: 2009 })).status, 201);
  const dup = await admin.post('/api/precious-list', { number: '12345', batch: 2, year: 2009 });
  t.is(dup.status, 409);
  const bad = await admin.post('/api/precious-list', { number: '1234', batch: 7, year: 2009 });
  t.is(bad.status, 400);
  t.deepEqual(
    bad.body.error.details.map((d: { path: string }) => d.path),
    ['number', 'batch'],
  );
  const year = await admin.post('/api/precious-list', { number: '22222', batch: 3, year: 2009 });
  t.is(year.body.error.details[0].path, 'year');
  t.is((await cataloguer.post('/api/precious-list', { number: '33333', batch: 1, year: 2008 })).status, 403);
  const listed = await cataloguer.get('/api/precious-list?batch=2');
  t.deepEqual(
    listed.body.items.map((e: { number: string }) => e.number),
    ['12345'],
  );
});

test('only the holding institution, its province and the nation may grade', async (t) => {
  const cn = await record();
  t.is((await otherCataloguer.post(`/api/records/${cn}/gradings`, { grade: '二级' })).status, 403);
  t.is((await admin.post(`/api/records/${cn}/gradings`, { grade: '二级' })).status, 201);
  t.is((await otherCataloguer.get(`/api/records/${cn}/gradings`)).status, 404);
});

test('民国 records are not graded', async (t) => {
  n += 1;
  const res = await cataloguer.post('/api/records', {
    type: 'minguo',
    institutionId: inst.id,
    callNumber: `民${n}`,
    title: '吶喊',
    edition: '民國十二年（1923）北京新潮社鉛印本',
    minguoDocumentType: '图书',
  });
  t.is(res.status, 201, res.text);
  const g = await cataloguer.post(`/api/records/${res.body.censusNumber}/gradings`, { grade: '二级' });
  t.is(g.status, 400);
  t.is(g.body.error.code, 'GRADE_GUJI_ONLY');
});
