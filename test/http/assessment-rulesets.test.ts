import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { DEFAULT_DAMAGE_RULESET } from '../../src/condition/damage-ruleset.rules.js';

// Publishing a rule set changes how every later assessment is computed: this test has an app of
// its own, so the assessments of assessments.test.ts (run concurrently) keep version 1.
let app: TestApp;
let admin: ApiClient;
let conservator: ApiClient;
let inst: { id: string };
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000');
  const c = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  conservator = await new ApiClient(app.url).login(c.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

async function record(): Promise<string> {
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '损规1',
    title: '論語注疏十卷',
    edition: '清刻本',
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

const area = (areaPercent: number) => ({
  observations: [{ damageType: '虫蛀', areaPercent }],
  phReadings: [],
});

const withArea = (firstLevelAbove: number) => ({
  definition: {
    ...DEFAULT_DAMAGE_RULESET,
    levels: DEFAULT_DAMAGE_RULESET.levels.map((l) =>
      l.level === '一级'
        ? { ...l, areaAbove: firstLevelAbove }
        : l.level === '二级'
          ? { ...l, areaAtMost: firstLevelAbove }
          : l,
    ),
  },
  note: 'test',
});

test('rule sets: validated, previewed, published; past assessments keep their version', async (t) => {
  const cn = await record();
  await conservator.post(`/api/records/${cn}/assessments`, { ...area(58), assessedOn: '2024-01-01' });
  const broken = await admin.post('/api/rulesets', withArea(45));
  t.is(broken.status, 400);
  t.true(
    broken.body.error.details.some((d: { path: string; rule: string }) =>
      d.path.startsWith('definition.levels['),
    ),
  );
  const missing = await admin.post('/api/rulesets', {
    definition: { ...DEFAULT_DAMAGE_RULESET, levels: DEFAULT_DAMAGE_RULESET.levels.slice(0, 4) },
  });
  t.is(missing.status, 400);
  t.true(missing.body.error.details.some((d: { rule: string }) => d.rule === 'ruleset_level_missing'));
  t.is((await conservator.post('/api/rulesets', withArea(55))).status, 403);

  const preview = await admin.post('/api/rulesets/preview', withArea(55));
  t.is(preview.status, 200, preview.text);
  t.is(preview.body.assessedRecords, 1);
  t.is(preview.body.changed, 1);
  t.deepEqual(preview.body.transitions, [{ from: '二级', to: '一级', count: 1 }]);

  const published = await admin.post('/api/rulesets', withArea(55));
  t.is(published.status, 201, published.text);
  t.is(published.body.version, 2);
  const list = await conservator.get('/api/rulesets');
  t.is(list.body.activeVersion, 2);
  t.deepEqual(
    list.body.items.map((r: { version: number }) => r.version),
    [2, 1],
  );
  const history = await conservator.get(`/api/records/${cn}/assessments`);
  t.is(history.body.items[0].ruleSetVersion, 1);
  t.is(history.body.items[0].computedLevel, '二级');
  const fresh = await conservator.post(`/api/records/${cn}/assessments`, area(58));
  t.is(fresh.body.ruleSetVersion, 2);
  t.is(fresh.body.computedLevel, '一级');
});
