import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, nextInstitutionCode, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

test('creating an institution answers 201 with the new object and its id', async (t) => {
  const res = await admin.post('/api/institutions', {
    provinceCode: '350000',
    code: '2001',
    name: '福建省图书馆',
    type: '公共图书馆',
    keyProtectionBatch: 1,
  });
  t.is(res.status, 201);
  t.regex(res.body.id, /^[0-9a-f-]{36}$/);
  t.is(res.body.fullCode, '350000-2001');
  t.is(res.body.provinceName, '福建省');
  t.is(res.body.keyProtectionBatch, 1);
  const fetched = await admin.get(`/api/institutions/${res.body.id}`);
  t.is(fetched.status, 200);
  t.is(fetched.body.name, '福建省图书馆');
});

test('a duplicate code in the same province is a 409 and stores nothing; another province may reuse it', async (t) => {
  const code = nextInstitutionCode();
  await createInstitution(admin, '320000', { code });
  const before = await admin.get('/api/institutions?provinceCode=320000');
  const dup = await admin.post('/api/institutions', {
    provinceCode: '320000',
    code,
    name: '重复',
    type: '博物馆',
  });
  t.is(dup.status, 409);
  t.is(dup.body.error.code, 'INSTITUTION_CODE_TAKEN');
  t.is(dup.body.error.details[0].path, 'code');
  t.regex(dup.body.error.message, /省内唯一/);
  const after = await admin.get('/api/institutions?provinceCode=320000');
  t.is(after.body.total, before.body.total);
  const elsewhere = await admin.post('/api/institutions', {
    provinceCode: '330000',
    code,
    name: '浙江同号',
    type: '博物馆',
  });
  t.is(elsewhere.status, 201);
});

test('an invalid province code is a 400 naming the field and the rule in both languages', async (t) => {
  const res = await admin.post('/api/institutions', {
    provinceCode: '999999',
    code: '2001',
    name: 'x',
    type: '博物馆',
  });
  t.is(res.status, 400);
  const detail = res.body.error.details.find((d: { path: string }) => d.path === 'provinceCode');
  t.truthy(detail);
  t.is(detail.value, '999999');
  t.regex(detail.messageZh, /GB\/T 2260/);
  t.regex(detail.messageEn, /GB\/T 2260/);
});

test('missing required fields and unknown fields are 400 with every path', async (t) => {
  const res = await admin.post('/api/institutions', { provinceCode: '350000', colour: 'red' });
  t.is(res.status, 400);
  const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
  t.true(paths.includes('code'));
  t.true(paths.includes('name'));
  t.true(paths.includes('type'));
  const unknown = res.body.error.details.find((d: { rule: string }) => d.rule === 'unrecognized_keys');
  t.deepEqual(unknown.value, ['colour']);
});

test('a bad institution code and an out-of-range key-protection batch are refused', async (t) => {
  const res = await admin.post('/api/institutions', {
    provinceCode: '350000',
    code: '20A1',
    name: 'x',
    type: '博物馆',
    keyProtectionBatch: 7,
  });
  t.is(res.status, 400);
  const paths = res.body.error.details.map((d: { path: string }) => d.path);
  t.deepEqual(paths.sort(), ['code', 'keyProtectionBatch']);
});

test('PATCH changes fields, bumps the version and refuses a stale version with 409', async (t) => {
  const inst = await createInstitution(admin, '110000');
  const ok = await admin.patch(`/api/institutions/${inst.id}`, { name: '国家图书馆', version: inst.version });
  t.is(ok.status, 200);
  t.is(ok.body.name, '国家图书馆');
  t.is(ok.body.version, inst.version + 1);
  const stale = await admin.patch(`/api/institutions/${inst.id}`, { name: '旧版本', version: inst.version });
  t.is(stale.status, 409);
  t.is(stale.body.error.code, 'VERSION_CONFLICT');
  t.is((await admin.get(`/api/institutions/${inst.id}`)).body.name, '国家图书馆');
});

test('the list filters by province, type and text, and paginates', async (t) => {
  await createInstitution(admin, '440000', { name: '中山大学图书馆', type: '高校图书馆' });
  await createInstitution(admin, '440000', { name: '广东省博物馆', type: '博物馆' });
  await createInstitution(admin, '440000', { name: '广州图书馆', type: '公共图书馆' });
  const byProvince = await admin.get('/api/institutions?provinceCode=440000');
  t.is(byProvince.body.total, 3);
  const byType = await admin.get(
    `/api/institutions?provinceCode=440000&type=${encodeURIComponent('博物馆')}`,
  );
  t.deepEqual(
    byType.body.items.map((i: { name: string }) => i.name),
    ['广东省博物馆'],
  );
  const byText = await admin.get(`/api/institutions?q=${encodeURIComponent('大学')}`);
  t.deepEqual(
    byText.body.items.map((i: { name: string }) => i.name),
    ['中山大学图书馆'],
  );
  const page2 = await admin.get('/api/institutions?provinceCode=440000&pageSize=2&page=2');
  t.is(page2.body.items.length, 1);
  t.is(page2.body.total, 3);
  const badFilter = await admin.get('/api/institutions?pageSize=1000');
  t.is(badFilter.status, 400);
});

test('institution data needs a login', async (t) => {
  const res = await new ApiClient(app.url).get('/api/institutions');
  t.is(res.status, 401);
  t.is(res.body.error.code, 'UNAUTHENTICATED');
});

test('unknown ids are 404 and malformed ids are 400', async (t) => {
  t.is((await admin.get('/api/institutions/00000000-0000-4000-8000-000000000000')).status, 404);
  t.is((await admin.get('/api/institutions/not-a-uuid')).status, 400);
});

test('every institution write is audited with before and after', async (t) => {
  const inst = await createInstitution(admin, '370000');
  await admin.patch(`/api/institutions/${inst.id}`, { contactName: '张三' });
  const audit = await admin.get(`/api/audit?entityType=institution&entityId=${inst.id}`);
  t.is(audit.status, 200);
  const actions = audit.body.items.map((e: { action: string }) => e.action);
  t.deepEqual(actions, ['institution.update', 'institution.create']);
  const update = audit.body.items[0];
  t.is(update.actorEmail, ADMIN.email);
  t.deepEqual(update.before.contactName, null);
  t.is(update.after.contactName, '张三');
  t.is(update.provinceCode, '370000');
});

test('an institution carries its labels and what the asker may do with it; the form offers only what they may use', async (t) => {
  const fj = await createInstitution(admin, '350000', { type: '高校图书馆', keyProtectionBatch: 3 });
  const one = await admin.get(`/api/institutions/${fj.id}`);
  t.like(one.body, {
    provinceLabel: { zh: '福建省', en: 'Fujian' },
    typeLabel: { zh: '高校图书馆', en: 'University library' },
    keyProtectionLabel: { zh: '第 3 批', en: 'Batch 3' },
    abilities: {
      edit: true,
      setRightsStatement: true,
      setNationalDesignations: true,
      viewStaff: true,
      addStaff: true,
    },
  });
  t.true((await admin.get('/api/institutions')).body.mayCreate);

  const pa = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' })).email,
    STRONG_PASSWORD,
  );
  t.like((await pa.get(`/api/institutions/${fj.id}`)).body.abilities, {
    edit: true,
    setNationalDesignations: false,
  });
  const paForm = (await pa.get('/api/institution-form-options')).body;
  t.deepEqual(paForm.provinces, [{ code: '350000', label: { zh: '福建省', en: 'Fujian' } }]);
  t.false(paForm.setNationalDesignations);
  t.is(paForm.types.length, 7);

  const cat = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: fj.id })).email,
    STRONG_PASSWORD,
  );
  t.deepEqual((await cat.get(`/api/institutions/${fj.id}`)).body.abilities, {
    edit: false,
    setRightsStatement: true,
    setOnSiteNetworks: true,
    setNationalDesignations: false,
    viewStaff: true,
    addStaff: false,
  });
  const js = await createInstitution(admin, '320000');
  t.like((await cat.get(`/api/institutions/${js.id}`)).body.abilities, {
    setRightsStatement: false,
    setOnSiteNetworks: false,
    viewStaff: false,
  });
  t.false((await cat.get('/api/institutions')).body.mayCreate);
  t.deepEqual((await cat.get('/api/institution-form-options')).body.provinces, []);
});

test('the rights statements say which one the reading-room networks serve; who may set them is an ability', async (t) => {
  const statements = (await new ApiClient(app.url).get('/api/rights-statements')).body.items as Array<{
    value: string;
    usesOnSiteNetworks: boolean;
  }>;
  t.deepEqual(
    statements.map((s) => [s.value, s.usesOnSiteNetworks]),
    [
      ['open', false],
      ['on_site', true],
      ['metadata_only', false],
    ],
  );
  const inst = await createInstitution(admin, '350000', { name: '福建省图书馆' });
  const other = await createInstitution(admin, '350000');
  const reviewer = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'reviewer', provinceCode: '350000' })).email,
    STRONG_PASSWORD,
  );
  t.false((await reviewer.get(`/api/institutions/${inst.id}`)).body.abilities.setOnSiteNetworks);
  const outsider = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: other.id })).email,
    STRONG_PASSWORD,
  );
  t.false((await outsider.get(`/api/institutions/${inst.id}`)).body.abilities.setOnSiteNetworks);
  const refused = await outsider.request('PUT', `/api/institutions/${inst.id}/on-site-networks`, {
    networks: ['202.112.0.0/24'],
  });
  t.is(refused.status, 403, 'the ability says what the server enforces');
  t.true((await admin.get(`/api/institutions/${inst.id}`)).body.abilities.setOnSiteNetworks);
});
