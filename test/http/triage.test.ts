import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { DEFAULT_TRIAGE_WEIGHTS } from '../../src/triage/triage.rules.js';

let app: TestApp;
let admin: ApiClient;
let conservator: ApiClient;
let paFujian: ApiClient;
let paJiangsu: ApiClient;
let instA: { id: string };
let instB: { id: string };
const cn: Record<string, string> = {};

let n = 0;
async function seed(
  key: string,
  institutionId: string,
  grade: string | null,
  assessment: Record<string, unknown> | null,
  extra: Record<string, unknown> = {},
) {
  n += 1;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId,
    callNumber: `救${n}`,
    title: `书${key}`,
    edition: '清刻本',
    ...extra,
  });
  if (res.status !== 201) throw new Error(res.text);
  cn[key] = res.body.censusNumber;
  if (grade) await admin.post(`/api/records/${cn[key]}/gradings`, { grade });
  if (assessment) {
    const a = await admin.post(`/api/records/${cn[key]}/assessments`, { phReadings: [], ...assessment });
    if (a.status !== 201) throw new Error(a.text);
  }
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  instA = await createInstitution(admin, '350000');
  instB = await createInstitution(admin, '350000');
  const instJs = await createInstitution(admin, '320000');
  const c = await createUser(admin, { role: 'conservator', institutionId: instA.id });
  conservator = await new ApiClient(app.url).login(c.email, STRONG_PASSWORD);
  const pa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  paFujian = await new ApiClient(app.url).login(pa.email, STRONG_PASSWORD);
  const pj = await createUser(admin, { role: 'provincial_admin', provinceCode: '320000' });
  paJiangsu = await new ApiClient(app.url).login(pj.email, STRONG_PASSWORD);
  await admin.post('/api/precious-list', { number: '01234', batch: 1, year: 2008 });
  // 1级 book at 1级破损 on the list, severely acidic: 100 + 50 + 30 + 40 = 220
  await seed(
    'top',
    instA.id,
    '一级',
    { observations: [{ damageType: '虫蛀', areaPercent: 70 }], phReadings: [{ value: 4.3 }] },
    { preciousListNumber: '01234' },
  );
  // 四级 at 二级破损: 80 + 10 = 90
  await seed('mid', instA.id, '四级', { observations: [{ damageType: '霉变', areaPercent: 55 }] });
  // ungraded, slight damage but pH 5.2 (四级 by its pH band), needs deacidification: 40 + 10 = 50
  await seed('low', instA.id, null, {
    observations: [{ damageType: '污渍', areaPercent: 5 }],
    phReadings: [{ value: 5.2 }],
  });
  // 二级, 完好: 35
  await seed('intact', instA.id, '二级', { observations: [] });
  // institution B: 三级 at 三级破损: 60 + 20 = 80
  await seed('b', instB.id, '三级', { observations: [{ damageType: '虫蛀', areaPercent: 45 }] });
  // Jiangsu: 二级 at 四级破损: 40 + 35 = 75
  await seed('js', instJs.id, '二级', { observations: [{ damageType: '虫蛀', areaPercent: 30 }] });
  // never assessed or graded: not on the list
  await seed('none', instA.id, null, null);
});
test.after.always(async () => {
  await app?.close();
});

const order = (body: { items: Array<{ censusNumber: string }> }) =>
  body.items.map((i) => Object.keys(cn).find((k) => cn[k] === i.censusNumber));

test('an institution sees its own records ranked, each score explained', async (t) => {
  const res = await conservator.get('/api/triage');
  t.is(res.status, 200, res.text);
  t.is(res.body.scope.level, 'institution');
  t.deepEqual(order(res.body), ['top', 'mid', 'low', 'intact']);
  t.is(res.body.total, 4);
  const top = res.body.items[0];
  t.is(top.rank, 1);
  t.is(top.score, 220);
  t.deepEqual(
    top.scoreParts.map((p: { factor: string; points: number }) => [p.factor, p.points]),
    [
      ['damageLevel', 100],
      ['grade', 50],
      ['preciousList', 30],
      ['acidity', 40],
    ],
  );
  t.is(
    top.explanationZh,
    '一级破损 +100；一级古籍 +50；入选国家珍贵古籍名录 +30；严重酸化（pH < 4.5） +40 = 220',
  );
  t.is(top.acidity.band, 'severe');
  t.is(top.preciousListNumber, '01234');
  t.is(res.body.items[2].score, 50);
  t.is(res.body.items[3].score, 35);
});

test('a province and the nation see wider lists; others are refused', async (t) => {
  t.deepEqual(order((await paFujian.get('/api/triage')).body), ['top', 'mid', 'b', 'low', 'intact']);
  t.deepEqual(order((await admin.get('/api/triage')).body), ['top', 'mid', 'b', 'js', 'low', 'intact']);
  t.deepEqual(order((await admin.get('/api/triage?provinceCode=320000')).body), ['js']);
  t.deepEqual(order((await paFujian.get(`/api/triage?institutionId=${instB.id}`)).body), ['b']);
  t.is((await paJiangsu.get('/api/triage?provinceCode=350000')).status, 403);
  t.is((await paJiangsu.get(`/api/triage?institutionId=${instA.id}`)).status, 403);
  t.is((await conservator.get(`/api/triage?institutionId=${instB.id}`)).status, 403);
});

test('filters narrow the list', async (t) => {
  t.deepEqual(order((await admin.get('/api/triage?damageLevel=二级')).body), ['mid']);
  t.deepEqual(order((await admin.get('/api/triage?grade=二级')).body), ['js', 'intact']);
  t.deepEqual(order((await admin.get('/api/triage?preciousOnly=true')).body), ['top']);
  t.deepEqual(order((await admin.get('/api/triage?acidityBand=needs_deacidification')).body), ['low']);
  // Nation and province totals come from the maintained triage_count: they must match the lists.
  for (const query of [
    'damageLevel=二级',
    'grade=二级',
    'preciousOnly=true',
    'minScore=79',
    'acidityBand=severe',
  ]) {
    for (const who of [admin, paFujian]) {
      const res = await who.get(`/api/triage?${query}`);
      t.is(res.body.total, res.body.items.length, `${query} ${res.body.scope.level}`);
    }
  }
  t.is((await admin.get('/api/triage?minScore=79')).body.total, 3);
  const paged = await admin.get('/api/triage?pageSize=2&page=2');
  t.deepEqual(order(paged.body), ['b', 'js']);
  t.is(paged.body.items[0].rank, 3);
  t.is(paged.body.total, 6);
});

test('the list exports as CSV in rank order', async (t) => {
  const res = await fetch(`${app.url}/api/triage/export`, {
    headers: { authorization: `Bearer ${conservator.token}` },
  });
  t.is(res.status, 200);
  t.regex(res.headers.get('content-type') ?? '', /text\/csv/);
  const lines = (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  t.is(lines.length, 5);
  t.true(lines[1]!.startsWith(`1,${cn['top']}`));
  t.true(lines[4]!.includes(cn['intact']!));
});

test.serial('weights are data: a national admin changes them and the list re-ranks', async (t) => {
  const refused = await paFujian.request('PUT', '/api/triage/weights', DEFAULT_TRIAGE_WEIGHTS);
  t.is(refused.status, 403);
  const bad = await admin.request('PUT', '/api/triage/weights', {
    ...DEFAULT_TRIAGE_WEIGHTS,
    preciousList: -1,
  });
  t.is(bad.status, 400);
  t.is(bad.body.error.details[0].path, 'preciousList');
  const weights = { ...DEFAULT_TRIAGE_WEIGHTS, grade: { ...DEFAULT_TRIAGE_WEIGHTS.grade, 二级: 500 } };
  const ok = await admin.request('PUT', '/api/triage/weights', weights);
  t.is(ok.status, 200, ok.text);
  const list = await conservator.get('/api/triage');
  t.deepEqual(order(list.body), ['intact', 'top', 'mid', 'low']);
  t.is(list.body.items[0].score, 500);
  t.is((await admin.request('PUT', '/api/triage/weights', DEFAULT_TRIAGE_WEIGHTS)).status, 200);
  t.deepEqual(order((await conservator.get('/api/triage')).body), ['top', 'mid', 'low', 'intact']);
});
