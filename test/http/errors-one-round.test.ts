// Every problem of a staff form in one answer: the request schema's (e-mail format, empty name, a
// negative number …) together with the service's (password policy, role ↔ institution/province,
// duplicate e-mail or code, vocabulary terms), each naming field, value and rule in both languages,
// and nothing stored.
import test, { type ExecutionContext } from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, nextInstitutionCode, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { wenxuanInput } from '../helpers/record-input.js';

interface Detail {
  path: string;
  rule: string;
  value?: unknown;
  messageZh: string;
  messageEn: string;
}

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

function byPath(details: Detail[]): Record<string, Detail> {
  return Object.fromEntries(details.map((d) => [d.path, d]));
}

function assertBilingual(t: ExecutionContext, details: Detail[]) {
  for (const d of details) {
    t.regex(d.messageZh, /[\u4e00-\u9fff]/, `${d.path}: Chinese message`);
    t.regex(d.messageEn, /[a-z]/i, `${d.path}: English message`);
    t.truthy(d.rule, `${d.path}: rule`);
  }
}

test('a new account with a bad e-mail, no name, a weak password and no institution: all four at once', async (t) => {
  const res = await admin.post('/api/users', {
    email: 'lin.xiaoying@',
    displayName: '  ',
    password: 'short',
    role: 'cataloguer',
  });
  t.is(res.status, 400);
  t.is(res.body.error.code, 'VALIDATION_FAILED');
  const details = res.body.error.details as Detail[];
  t.deepEqual(details.map((d) => d.path).sort(), ['displayName', 'email', 'institutionId', 'password']);
  const found = byPath(details);
  t.is(found.email!.value, 'lin.xiaoying@');
  t.is(found.displayName!.messageZh, '请填写姓名');
  t.is(found.password!.rule, 'password_policy');
  t.is(found.institutionId!.messageZh, '角色「普查员」必须属于一个收藏单位');
  assertBilingual(t, details);
  t.false(/请求编号/.test(res.body.error.messageZh));
  t.is((await admin.get('/api/users?q=lin.xiaoying')).body.total, 0, 'nothing stored');
});

test('a taken e-mail comes with the schema problems, not on the next save', async (t) => {
  const first = await createUser(admin, { role: 'reader' });
  const res = await admin.post('/api/users', {
    email: first.email.toUpperCase(),
    displayName: '',
    password: STRONG_PASSWORD,
    role: 'reader',
  });
  t.is(res.status, 400);
  const found = byPath(res.body.error.details as Detail[]);
  t.deepEqual(Object.keys(found).sort(), ['displayName', 'email']);
  t.is(found.email!.rule, 'unique');
  t.regex(found.email!.messageZh, /已被使用/);
  t.is((await admin.get(`/api/users?q=${encodeURIComponent(first.email)}`)).body.total, 1);
  // Alone, a taken e-mail stays the conflict it always was.
  const alone = await admin.post('/api/users', {
    email: first.email,
    displayName: '另一人',
    password: STRONG_PASSWORD,
    role: 'reader',
  });
  t.is(alone.status, 409);
  t.is(alone.body.error.code, 'EMAIL_TAKEN');
  t.is(alone.body.error.details[0].path, 'email');
});

test('a province role without its province and an unknown role-scope institution, with a bad e-mail', async (t) => {
  const res = await admin.post('/api/users', {
    email: 'not-an-address',
    displayName: '周審校',
    password: STRONG_PASSWORD,
    role: 'reviewer',
    institutionId: '00000000-0000-4000-8000-000000000000',
  });
  t.is(res.status, 400);
  t.deepEqual((res.body.error.details as Detail[]).map((d) => d.path).sort(), [
    'email',
    'institutionId',
    'provinceCode',
  ]);
});

test('someone who may not create accounts does not learn whether an e-mail is taken', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const client = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  const res = await client.post('/api/users', {
    email: ADMIN.email,
    displayName: '',
    password: STRONG_PASSWORD,
    role: 'reader',
  });
  t.is(res.status, 400);
  t.deepEqual(
    (res.body.error.details as Detail[]).map((d) => d.path),
    ['displayName'],
  );
});

test('changing an account: an empty name and a weak password in one answer, nothing changed', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const user = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const res = await admin.patch(`/api/users/${user.id}`, {
    displayName: '',
    password: 'abc',
    version: user.version,
  });
  t.is(res.status, 400);
  t.deepEqual((res.body.error.details as Detail[]).map((d) => d.path).sort(), ['displayName', 'password']);
  const roleChange = await admin.patch(`/api/users/${user.id}`, {
    displayName: '',
    role: 'reviewer',
    version: user.version,
  });
  t.is(roleChange.status, 400);
  t.deepEqual((roleChange.body.error.details as Detail[]).map((d) => d.path).sort(), [
    'displayName',
    'institutionId',
    'provinceCode',
  ]);
  const after = await admin.get(`/api/users/${user.id}`);
  t.like(after.body, { displayName: user.displayName, role: 'cataloguer', version: user.version });
  const login = await new ApiClient(app.url).post('/api/auth/login', {
    email: user.email,
    password: STRONG_PASSWORD,
  });
  t.is(login.status, 200, 'the password is unchanged');
});

test('changing an account one may not manage is refused before its fields are judged', async (t) => {
  const other = await createUser(admin, { role: 'provincial_admin', provinceCode: '320000' });
  const pa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const client = await new ApiClient(app.url).login(pa.email, STRONG_PASSWORD);
  const res = await client.patch(`/api/users/${other.id}`, { displayName: '', password: 'abc' });
  t.is(res.status, 403);
});

test('a new institution with an empty name and a code taken in the province: both at once', async (t) => {
  const code = nextInstitutionCode();
  await createInstitution(admin, '350000', { code });
  const res = await admin.post('/api/institutions', {
    provinceCode: '350000',
    code,
    name: '',
    type: '公共图书馆',
    contactEmail: 'guancang@',
  });
  t.is(res.status, 400);
  const found = byPath(res.body.error.details as Detail[]);
  t.deepEqual(Object.keys(found).sort(), ['code', 'contactEmail', 'name']);
  t.is(found.code!.rule, 'unique_within_province');
  t.is(found.code!.value, code);
  assertBilingual(t, res.body.error.details as Detail[]);
  t.is((await admin.get(`/api/institutions?provinceCode=350000&q=${code}`)).body.total, 1, 'nothing stored');
});

test('changing an institution to a taken code with an empty name: both at once, nothing changed', async (t) => {
  const taken = await createInstitution(admin, '350000');
  const inst = await createInstitution(admin, '350000', { name: '福建省圖書館' });
  const res = await admin.patch(`/api/institutions/${inst.id}`, {
    code: taken.code,
    name: ' ',
    version: inst.version,
  });
  t.is(res.status, 400);
  t.deepEqual((res.body.error.details as Detail[]).map((d) => d.path).sort(), ['code', 'name']);
  const after = await admin.get(`/api/institutions/${inst.id}`);
  t.like(after.body, { code: inst.code, name: '福建省圖書館', version: inst.version });
});

test('a record with a fractional volume count and no title: both at once, on create and on change', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '善 08123',
    title: '',
    edition: '宋刻遞修本',
    volumes: 2.5,
  });
  t.is(res.status, 400);
  const found = byPath(res.body.error.details as Detail[]);
  t.deepEqual(Object.keys(found).sort(), ['title', 'volumes']);
  t.is(found.title!.rule, 'required');
  assertBilingual(t, res.body.error.details as Detail[]);
  t.is((await admin.get(`/api/records?institutionId=${inst.id}`)).body.total, 0, 'nothing stored');

  const made = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '善 08124',
    title: '文選六十卷',
    edition: '宋刻遞修本',
  });
  t.is(made.status, 201);
  const change = await admin.patch(`/api/records/${made.body.censusNumber}`, {
    callNumber: '',
    volumes: -1.5,
    version: made.body.version,
  });
  t.is(change.status, 400);
  t.deepEqual((change.body.error.details as Detail[]).map((d) => d.path).sort(), ['callNumber', 'volumes']);
  const after = await admin.get(`/api/records/${made.body.censusNumber}`);
  t.is(after.body.version, made.body.version, 'nothing changed');
});

test('a work-order plan with a negative estimate and an unknown technique: both at once', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const conservator = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  const worker = await new ApiClient(app.url).login(conservator.email, STRONG_PASSWORD);
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '修 001',
    title: '論語注疏十卷',
    edition: '清刻本',
  });
  const order = await worker.post('/api/work-orders', { censusNumber: rec.body.censusNumber });
  t.is(order.status, 201, order.text);
  const res = await worker.patch(`/api/work-orders/${order.body.id}`, {
    version: order.body.version,
    plan: {
      techniques: [{ technique: '隔空修復術', reason: '蟲蛀' }],
      estimatedHours: -3,
    },
  });
  t.is(res.status, 400);
  const paths = (res.body.error.details as Detail[]).map((d) => d.path).sort();
  t.deepEqual(paths, ['plan.estimatedHours', 'plan.techniques.0.technique']);
  const after = await worker.get(`/api/work-orders/${order.body.id}`);
  t.is(after.body.version, order.body.version, 'nothing stored');
});

test('a record under review or seen at an older version answers the 409 first, whatever its fields', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const made = await admin.post('/api/records', wenxuanInput(inst.id, { callNumber: '善 08200' }));
  t.is(made.status, 201, made.text);
  const cn = made.body.censusNumber as string;
  const stale = await admin.patch(`/api/records/${cn}`, { volumes: 2.5, version: made.body.version + 1 });
  t.is(stale.status, 409);
  t.is(stale.body.error.code, 'VERSION_CONFLICT');
  t.is((await admin.post(`/api/records/${cn}/submit`, {})).status, 200);
  const locked = await admin.patch(`/api/records/${cn}`, { volumes: 2.5, title: '' });
  t.is(locked.status, 409);
  t.is(locked.body.error.code, 'RECORD_LOCKED');
});
