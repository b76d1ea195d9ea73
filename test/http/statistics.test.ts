import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { statisticsResponse } from '../../src/statistics/statistics.schemas.js';

let app: TestApp;
let admin: ApiClient;
let cataloguer: ApiClient;
let paJiangsu: ApiClient;
let instA: { id: string };
let instJs: { id: string };

let n = 0;
async function seed(
  institutionId: string,
  grade: string | null,
  observations: unknown[] | null,
  ph: number[] = [],
) {
  n += 1;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId,
    callNumber: `统${n}`,
    title: '周易',
    edition: '清刻本',
    ...(grade ? { grade } : {}),
  });
  if (res.status !== 201) throw new Error(res.text);
  if (observations) {
    await admin.post(`/api/records/${res.body.censusNumber}/assessments`, {
      observations,
      phReadings: ph.map((value) => ({ value })),
    });
  }
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  instA = await createInstitution(admin, '350000');
  instJs = await createInstitution(admin, '320000');
  const c = await createUser(admin, { role: 'cataloguer', institutionId: instA.id });
  cataloguer = await new ApiClient(app.url).login(c.email, STRONG_PASSWORD);
  const pj = await createUser(admin, { role: 'provincial_admin', provinceCode: '320000' });
  paJiangsu = await new ApiClient(app.url).login(pj.email, STRONG_PASSWORD);
  await seed(instA.id, '一级甲等', [{ damageType: '虫蛀', areaPercent: 70 }], [4.2]);
  await seed(instA.id, '一级乙等', [{ damageType: '虫蛀', areaPercent: 30 }]);
  await seed(instA.id, '二级', [], [5.3]);
  await seed(instA.id, null, null);
  await seed(instJs.id, '三级丙等', [{ damageType: '虫蛀', areaPercent: 45 }]);
  // a 民国 book: counted by type and damage, never as a 古籍 without a 古籍级别
  const minguo = await admin.post('/api/records', {
    type: 'minguo',
    institutionId: instJs.id,
    callNumber: '民统1',
    title: '吶喊',
    edition: '民國十二年（1923）北京新潮社鉛印本',
    minguoDocumentType: '图书',
    binding: '平装',
    damageGrade: '五级',
  });
  if (minguo.status !== 201) throw new Error(minguo.text);
});
test.after.always(async () => {
  await app?.close();
});

const toMap = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
  Object.fromEntries(rows.map((r) => [String(r[key]), r['count']]));

test('national statistics count grades, 等次, damage levels, acidity and provinces', async (t) => {
  const res = await admin.get('/api/statistics');
  t.is(res.status, 200, res.text);
  t.is(res.body.scope.level, 'nation');
  t.is(res.body.total, 6);
  t.deepEqual(toMap(res.body.byType, 'type'), { guji: 5, minguo: 1 });
  t.deepEqual(toMap(res.body.byGrade, 'grade'), { 一级: 2, 二级: 1, 三级: 1, 未填: 1 });
  t.deepEqual(toMap(res.body.byRank, 'rank'), { 一级甲等: 1, 一级乙等: 1, 三级丙等: 1 });
  t.deepEqual(toMap(res.body.byDamageLevel, 'level'), { 一级: 1, 四级: 2, 三级: 1, 五级: 1, null: 1 });
  t.deepEqual(toMap(res.body.byAcidityBand, 'band'), { severe: 1, needs_deacidification: 1, null: 4 });
  t.deepEqual(toMap(res.body.byProvince, 'provinceCode'), { '350000': 4, '320000': 2 });
});

test('categories come in their natural order, each with labels in both languages', async (t) => {
  const res = await admin.get('/api/statistics');
  t.deepEqual(
    res.body.byGrade.map((g: { grade: string }) => g.grade),
    ['一级', '二级', '三级', '未填'],
  );
  t.deepEqual(
    res.body.byRank.map((r: { rank: string }) => r.rank),
    ['一级甲等', '一级乙等', '三级丙等'],
  );
  t.deepEqual(
    res.body.byDamageLevel.map((d: { level: string | null }) => d.level),
    ['一级', '三级', '四级', '五级', null],
  );
  t.deepEqual(
    res.body.byAcidityBand.map((a: { band: string | null; label: { zh: string } }) => [a.band, a.label.zh]),
    [
      ['severe', '严重酸化，纸张极脆弱'],
      ['needs_deacidification', '酸化，需脱酸'],
      [null, '未测'],
    ],
  );
  t.deepEqual(
    res.body.byStatus.map((s: { status: string; label: { zh: string } }) => [s.status, s.label.zh]),
    [['draft', '草稿']],
  );
  t.deepEqual(
    res.body.byType.map((x: { type: string }) => x.type),
    ['guji', 'minguo'],
  );
  t.deepEqual(res.body.byType.find((x: { type: string }) => x.type === 'minguo').label, {
    zh: '民国文献',
    en: 'Republican-era document (民国文献)',
  });
});

test('the trend counts records registered and published per month', async (t) => {
  const month = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .slice(0, 7);
  const res = await admin.get('/api/statistics');
  t.deepEqual(res.body.trend, [{ month, registered: 6, published: 0 }]);
});

test('census completion per institution: records by status and tier', async (t) => {
  const res = await cataloguer.get('/api/statistics');
  t.is(res.body.scope.level, 'institution');
  t.is(res.body.total, 4);
  t.is(res.body.completion.length, 1);
  t.is(res.body.completion[0].institutionId, instA.id);
  t.is(res.body.completion[0].total, 4);
  t.deepEqual(res.body.completion[0].byStatus, { draft: 4 });
  t.is(
    Object.values(res.body.completion[0].byTier as Record<string, number>).reduce((a, b) => a + b, 0),
    4,
  );
});

test('a province sees its own; other scopes are refused', async (t) => {
  const js = await paJiangsu.get('/api/statistics');
  t.is(js.body.scope.provinceCode, '320000');
  t.is(js.body.total, 2);
  t.deepEqual(toMap(js.body.byRank, 'rank'), { 三级丙等: 1 });
  t.is((await paJiangsu.get('/api/statistics?provinceCode=350000')).status, 403);
  t.is((await cataloguer.get(`/api/statistics?institutionId=${instJs.id}`)).status, 403);
  t.is((await admin.get(`/api/statistics?institutionId=${instJs.id}`)).body.total, 2);
});

test('the answer matches its published schema and labels every code in both languages', async (t) => {
  const res = await admin.get('/api/statistics');
  t.notThrows(() => statisticsResponse.parse(res.body));
  t.deepEqual(res.body.scope.levelLabel, { zh: '全国', en: 'Nationwide' });
  const pairs = (rows: Array<{ label: { zh: string; en: string } }>) =>
    rows.map((r) => [r.label.zh, r.label.en]);
  t.deepEqual(pairs(res.body.byGrade), [
    ['一级', 'Grade 1'],
    ['二级', 'Grade 2'],
    ['三级', 'Grade 3'],
    ['未填', 'not filled in'],
  ]);
  t.deepEqual(pairs(res.body.byRank), [
    ['一级甲等', 'Grade 1, class A'],
    ['一级乙等', 'Grade 1, class B'],
    ['三级丙等', 'Grade 3, class C'],
  ]);
  t.deepEqual(pairs(res.body.byDamageLevel).slice(0, 2), [
    ['一级', 'Damage level 1'],
    ['三级', 'Damage level 3'],
  ]);
  t.deepEqual(pairs(res.body.byProvince), [
    ['江苏省', 'Jiangsu'],
    ['福建省', 'Fujian'],
  ]);
  const a = res.body.completion.find((c: { institutionId: string }) => c.institutionId === instA.id);
  t.deepEqual(a.statuses, [{ status: 'draft', label: { zh: '草稿', en: 'Draft' }, count: 4 }]);
  t.true(a.tiers.every((r: { label: { zh: string } }) => r.label.zh !== '' && !/^[a-z]+$/.test(r.label.zh)));
});

test('each reader is offered the provinces and institutions they may narrow to', async (t) => {
  const nation = await admin.get('/api/statistics');
  t.deepEqual(
    nation.body.choices.provinces.map((p: { code: string; count: number }) => [p.code, p.count]),
    [
      ['320000', 2],
      ['350000', 4],
    ],
  );
  t.is(nation.body.choices.institutions, null, 'a province first, then its institutions');
  const fujian = await admin.get('/api/statistics?provinceCode=350000');
  t.is(fujian.body.scope.level, 'province');
  t.deepEqual(fujian.body.scope.label, { zh: '福建省', en: 'Fujian' });
  t.deepEqual(
    fujian.body.choices.institutions.map((i: { id: string; count: number }) => [i.id, i.count]),
    [[instA.id, 4]],
  );
  const js = await paJiangsu.get('/api/statistics');
  t.is(js.body.choices.provinces, null);
  t.deepEqual(
    js.body.choices.institutions.map((i: { id: string }) => i.id),
    [instJs.id],
  );
  const own = await cataloguer.get('/api/statistics');
  t.deepEqual(own.body.choices, { provinces: null, institutions: null });
  // Hostile or foreign scopes are refused, never widened.
  t.is((await admin.get("/api/statistics?provinceCode=35'--")).status, 400);
  t.is((await admin.get('/api/statistics?institutionId=00000000-0000-4000-8000-000000000000')).status, 404);
});
