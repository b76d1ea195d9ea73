import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
let conservator: ApiClient;
let otherConservator: ApiClient;
let reviewer: ApiClient;
let inst: { id: string };
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  const c = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  const c2 = await createUser(admin, { role: 'conservator', institutionId: other.id });
  const r = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  conservator = await new ApiClient(app.url).login(c.email, STRONG_PASSWORD);
  otherConservator = await new ApiClient(app.url).login(c2.email, STRONG_PASSWORD);
  reviewer = await new ApiClient(app.url).login(r.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

let n = 0;
async function record(type: 'guji' | 'minguo' = 'guji'): Promise<string> {
  n += 1;
  const res = await admin.post(
    '/api/records',
    type === 'guji'
      ? { type, institutionId: inst.id, callNumber: `损${n}`, title: '論語注疏十卷', edition: '清刻本' }
      : {
          type,
          institutionId: inst.id,
          callNumber: `民${n}`,
          title: '吶喊',
          edition: '民國十二年（1923）北京新潮社鉛印本',
          minguoDocumentType: '图书',
        },
  );
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

const area = (areaPercent: number) => ({
  observations: [{ damageType: '虫蛀', areaPercent }],
  phReadings: [],
});
const ph = (value: number) => ({ observations: [], phReadings: [{ value }] });

// Every level of the default rule set at the boundaries of its area and pH bands.
const BOUNDARIES: Array<[string, unknown, string, string]> = [
  ['A = 20%', area(20), '五级', 'AREA_BAND'],
  ['A = 20.01%', area(20.01), '四级', 'AREA_BAND'],
  ['A = 40%', area(40), '四级', 'AREA_BAND'],
  ['A = 40.5%', area(40.5), '三级', 'AREA_BAND'],
  ['A = 50%', area(50), '三级', 'AREA_BAND'],
  ['A = 50.5%', area(50.5), '二级', 'AREA_BAND'],
  ['A = 60%', area(60), '二级', 'AREA_BAND'],
  ['A = 60.1%', area(60.1), '一级', 'AREA_BAND'],
  ['pH 3.99', ph(3.99), '一级', 'PH_BAND'],
  ['pH 4.0', ph(4.0), '二级', 'PH_BAND'],
  ['pH 4.5', ph(4.5), '三级', 'PH_BAND'],
  ['pH 5.0', ph(5.0), '四级', 'PH_BAND'],
  ['pH 5.59', ph(5.59), '四级', 'PH_BAND'],
  ['pH 5.6', ph(5.6), '完好', ''],
  ['nothing observed', { observations: [], phReadings: [] }, '完好', ''],
];

for (const [name, body, level, rule] of BOUNDARIES) {
  test(`computed level at ${name} is ${level}`, async (t) => {
    const res = await conservator.post('/api/assessments/compute', body);
    t.is(res.status, 200, res.text);
    t.is(res.body.computedLevel, level);
    t.is(res.body.decidingRule?.code ?? '', rule);
  });
}

test('an assessment stores computed and final level, rule and version, and sets the record level', async (t) => {
  const cn = await record();
  const res = await conservator.post(`/api/records/${cn}/assessments`, {
    assessedOn: '2024-03-01',
    observations: [
      { damageType: '霉变', areaPercent: 45, location: '卷一', notes: '书根' },
      { damageType: '水渍', areaPercent: 10 },
    ],
    phReadings: [{ value: 6.2, method: '表面电极', point: '卷一首叶', measuredAt: '2024-02-28' }],
  });
  t.is(res.status, 201, res.text);
  t.truthy(res.body.id);
  t.is(res.body.computedLevel, '三级');
  t.is(res.body.finalLevel, '三级');
  t.is(res.body.decidingRule.code, 'AREA_BAND');
  t.is(res.body.decidingRule.observationIndex, 0);
  t.is(res.body.ruleSetVersion, 1);
  t.is(res.body.observations[0].damageType, 'mould');
  t.is(res.body.phReadings[0].method, '表面电极');
  t.is(res.body.acidity.band, 'ok');
  const rec = await conservator.get(`/api/records/${cn}`);
  t.is(rec.body.damageGrade, '三级');
  t.is(rec.body.status, 'draft');
});

test('an override needs a reason; with one both levels are kept', async (t) => {
  const cn = await record();
  const body = {
    observations: [{ damageType: '撕裂', areaPercent: 5 }],
    phReadings: [],
    overrideLevel: '四级',
  };
  const refused = await conservator.post(`/api/records/${cn}/assessments`, body);
  t.is(refused.status, 400);
  t.is(refused.body.error.details[0].path, 'overrideReason');
  t.is((await conservator.get(`/api/records/${cn}/assessments`)).body.items.length, 0);
  const ok = await conservator.post(`/api/records/${cn}/assessments`, {
    ...body,
    overrideReason: '撕裂位于版心',
  });
  t.is(ok.status, 201);
  t.is(ok.body.computedLevel, '五级');
  t.is(ok.body.finalLevel, '四级');
  t.true(ok.body.overridden);
  t.is((await conservator.get(`/api/records/${cn}`)).body.damageGrade, '四级');
});

test('bad input gets field-level errors and stores nothing', async (t) => {
  const cn = await record();
  const res = await conservator.post(`/api/records/${cn}/assessments`, {
    observations: [
      { damageType: '火烧', areaPercent: 10 },
      { damageType: '虫蛀', areaPercent: 101 },
      { damageType: '虫蛀', areaPercent: -1 },
    ],
    phReadings: [{ value: 14.5 }, { value: -0.1 }],
  });
  t.is(res.status, 400);
  t.deepEqual(
    res.body.error.details.map((d: { path: string }) => d.path),
    [
      'observations[0].damageType',
      'observations[1].areaPercent',
      'observations[2].areaPercent',
      'phReadings[0].value',
      'phReadings[1].value',
    ],
  );
  for (const d of res.body.error.details) {
    t.truthy(d.messageZh);
    t.truthy(d.messageEn);
  }
  t.regex(res.body.error.details[0].messageZh, /不在类型表中/);
  t.is((await conservator.get(`/api/records/${cn}/assessments`)).body.items.length, 0);
  t.is((await conservator.get(`/api/records/${cn}`)).body.damageGrade, null);
});

test('history shows each assessment with the one before it (before/after restoration)', async (t) => {
  const cn = await record('minguo');
  await conservator.post(`/api/records/${cn}/assessments`, {
    assessedOn: '2023-01-01',
    observations: [{ damageType: '酸化' }],
    phReadings: [{ value: 4.2 }],
  });
  await conservator.post(`/api/records/${cn}/assessments`, {
    assessedOn: '2024-06-01',
    observations: [],
    phReadings: [{ value: 7.1, method: '冷提取' }],
    notes: '脱酸后',
  });
  const list = await conservator.get(`/api/records/${cn}/assessments`);
  t.is(list.status, 200);
  t.is(list.body.items.length, 2);
  t.is(list.body.items[0].finalLevel, '完好');
  t.is(list.body.items[0].previous.finalLevel, '二级');
  t.is(list.body.items[0].previous.change, 'improved');
  t.is(list.body.items[0].previous.acidity.band, 'severe');
  t.is(list.body.items[1].previous, null);
  t.is(list.body.currentLevel, '完好');
  t.is(list.body.acidity.band, 'ok');
});

test('a 民国 record shows its acidity band', async (t) => {
  const cn = await record('minguo');
  const res = await conservator.post(`/api/records/${cn}/assessments`, {
    observations: [],
    phReadings: [{ value: 4.8 }, { value: 5.3 }],
  });
  t.is(res.body.acidity.lowestPh, 4.8);
  t.is(res.body.acidity.band, 'heavy');
  t.true(res.body.acidity.needsDeacidification);
  t.is((await conservator.get(`/api/records/${cn}/assessments`)).body.acidity.band, 'heavy');
});

test('only the holding institution, its province and the nation may assess', async (t) => {
  const cn = await record();
  const body = { observations: [], phReadings: [] };
  t.is((await otherConservator.post(`/api/records/${cn}/assessments`, body)).status, 403);
  t.is((await reviewer.post(`/api/records/${cn}/assessments`, body)).status, 403);
  t.is((await otherConservator.get(`/api/records/${cn}/assessments`)).status, 404);
});
