import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

test('creating a cataloguer answers 201 with the account (no password) and it can log in', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const res = await admin.post('/api/users', {
    email: 'Cataloguer@Fj.Example',
    password: STRONG_PASSWORD,
    displayName: '林普查',
    role: 'cataloguer',
    institutionId: inst.id,
  });
  t.is(res.status, 201);
  t.truthy(res.body.id);
  t.is(res.body.email, 'cataloguer@fj.example');
  t.is(res.body.institutionId, inst.id);
  t.is(res.body.provinceCode, '350000');
  t.is(res.body.roleLabel.zh, '普查员');
  t.false(JSON.stringify(res.body).includes('scrypt'));
  const client = await new ApiClient(app.url).login('cataloguer@fj.example', STRONG_PASSWORD);
  t.is((await client.get('/api/auth/me')).body.user.displayName, '林普查');
});

test('role and scope must fit together', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const noInstitution = await admin.post('/api/users', {
    email: 'a1@x.org',
    password: STRONG_PASSWORD,
    displayName: 'a',
    role: 'cataloguer',
  });
  t.is(noInstitution.status, 400);
  t.is(noInstitution.body.error.details[0].path, 'institutionId');
  const reviewerWithInstitution = await admin.post('/api/users', {
    email: 'a2@x.org',
    password: STRONG_PASSWORD,
    displayName: 'a',
    role: 'reviewer',
    institutionId: inst.id,
  });
  t.is(reviewerWithInstitution.status, 400);
  t.deepEqual(reviewerWithInstitution.body.error.details.map((d: { path: string }) => d.path).sort(), [
    'institutionId',
    'provinceCode',
  ]);
  const missingInstitution = await admin.post('/api/users', {
    email: 'a3@x.org',
    password: STRONG_PASSWORD,
    displayName: 'a',
    role: 'conservator',
    institutionId: '00000000-0000-4000-8000-000000000000',
  });
  t.is(missingInstitution.status, 400);
  t.is(missingInstitution.body.error.details[0].rule, 'exists');
});

test('weak passwords, duplicate e-mails and bad roles are refused and nothing is stored', async (t) => {
  const weak = await admin.post('/api/users', {
    email: 'w@x.org',
    password: 'short',
    displayName: 'w',
    role: 'reader',
  });
  t.is(weak.status, 400);
  t.is(weak.body.error.details[0].path, 'password');
  const first = await createUser(admin, { role: 'reader' });
  const dup = await admin.post('/api/users', {
    email: first.email.toUpperCase(),
    password: STRONG_PASSWORD,
    displayName: 'd',
    role: 'reader',
  });
  t.is(dup.status, 409);
  t.is(dup.body.error.code, 'EMAIL_TAKEN');
  const badRole = await admin.post('/api/users', {
    email: 'r@x.org',
    password: STRONG_PASSWORD,
    displayName: 'r',
    role: 'emperor',
  });
  t.is(badRole.status, 400);
  t.is(badRole.body.error.details[0].path, 'role');
  const list = await admin.get('/api/users?q=w%40x.org');
  t.is(list.body.total, 0);
});

test('a provincial admin manages staff of their province only, and cannot create admins', async (t) => {
  const fj = await createInstitution(admin, '350000');
  const js = await createInstitution(admin, '320000');
  const provincial = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const pa = await new ApiClient(app.url).login(provincial.email, STRONG_PASSWORD);
  const ok = await pa.post('/api/users', {
    email: 'fj-cat@x.org',
    password: STRONG_PASSWORD,
    displayName: 'c',
    role: 'cataloguer',
    institutionId: fj.id,
  });
  t.is(ok.status, 201);
  const otherProvince = await pa.post('/api/users', {
    email: 'js-cat@x.org',
    password: STRONG_PASSWORD,
    displayName: 'c',
    role: 'cataloguer',
    institutionId: js.id,
  });
  t.is(otherProvince.status, 403);
  const adminRole = await pa.post('/api/users', {
    email: 'pa2@x.org',
    password: STRONG_PASSWORD,
    displayName: 'c',
    role: 'provincial_admin',
    provinceCode: '350000',
  });
  t.is(adminRole.status, 403);
  const listed = await pa.get('/api/users');
  t.true(listed.body.items.every((u: { provinceCode: string }) => u.provinceCode === '350000'));
  t.true(listed.body.items.some((u: { email: string }) => u.email === 'fj-cat@x.org'));
});

test('deactivating an account or resetting its password ends its sessions', async (t) => {
  const inst = await createInstitution(admin, '430000');
  const user = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const session = await new ApiClient(app.url).login(user.email, STRONG_PASSWORD);
  const reset = await admin.patch(`/api/users/${user.id}`, { password: 'Reset-password-99' });
  t.is(reset.status, 200);
  t.is((await session.get('/api/auth/me')).status, 401);
  const again = await new ApiClient(app.url).login(user.email, 'Reset-password-99');
  const off = await admin.patch(`/api/users/${user.id}`, { active: false });
  t.is(off.status, 200);
  t.false(off.body.active);
  t.is((await again.get('/api/auth/me')).status, 401);
  const login = await new ApiClient(app.url).post('/api/auth/login', {
    email: user.email,
    password: 'Reset-password-99',
  });
  t.is(login.status, 401);
  const audit = await admin.get(`/api/audit?entityType=user&entityId=${user.id}`);
  const reset2 = audit.body.items.find(
    (e: { action: string; after: { password?: string } }) => e.action === 'user.update' && e.after.password,
  );
  t.is(reset2.after.password, '(reset)');
  t.false(JSON.stringify(audit.body).includes('scrypt'));
});

test('institution staff can see their colleagues but not other institutions', async (t) => {
  const a = await createInstitution(admin, '510000');
  const b = await createInstitution(admin, '510000');
  const catA = await createUser(admin, { role: 'cataloguer', institutionId: a.id });
  await createUser(admin, { role: 'conservator', institutionId: a.id });
  await createUser(admin, { role: 'cataloguer', institutionId: b.id });
  const client = await new ApiClient(app.url).login(catA.email, STRONG_PASSWORD);
  const own = await client.get(`/api/institutions/${a.id}/users`);
  t.is(own.status, 200);
  t.is(own.body.total, 2);
  t.is((await client.get(`/api/institutions/${b.id}/users`)).status, 403);
  const reader = await createUser(admin, { role: 'reader' });
  t.is(
    (await (await new ApiClient(app.url).login(reader.email, STRONG_PASSWORD)).get('/api/users')).status,
    403,
  );
});

test('the audit log is for administrators and filters by user and time', async (t) => {
  const inst = await createInstitution(admin, '420000');
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const catClient = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  t.is((await catClient.get('/api/audit')).status, 403);
  const me = (await admin.get('/api/auth/me')).body.user;
  const from = new Date(Date.now() - 60_000).toISOString();
  const mine = await admin.get(`/api/audit?actorId=${me.id}&from=${encodeURIComponent(from)}`);
  t.true(mine.body.items.length > 0);
  t.true(mine.body.items.every((e: { actorId: string }) => e.actorId === me.id));
  const future = await admin.get(
    `/api/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
  );
  t.is(future.body.total, 0);
});

test('audit entries read as sentences: labelled actions and things, people by name, logins by the person', async (t) => {
  const inst = await createInstitution(admin, '430000');
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  const audit = await admin.get(`/api/audit?entityType=user&entityId=${cat.id}`);
  const login = audit.body.items.find((e: { action: string }) => e.action === 'auth.login');
  t.is(login.actorId, cat.id, 'the person who logged in, not the system');
  t.is(login.actorName, cat.displayName);
  t.deepEqual(login.actionLabel, { zh: '登录', en: 'Logged in' });
  t.deepEqual(login.entityTypeLabel, { zh: '账户', en: 'account' });
  const created = audit.body.items.find((e: { action: string }) => e.action === 'user.create');
  t.is(created.actionLabel.zh, '创建账户');
  t.truthy(created.actorName);
  t.false(/@/.test(created.actorName), 'a name, not an e-mail address');
  t.true(
    audit.body.entityTypes.some(
      (x: { value: string; label: { zh: string } }) =>
        x.value === 'census_record' && x.label.zh === '普查记录',
    ),
  );
});

test('the audit log names the account and institution an entry is about, and says when the service acted', async (t) => {
  const inst = await createInstitution(admin, '440000', { name: '廣東省立中山圖書館' });
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const byUser = await admin.get(`/api/audit?entityType=user&entityId=${cat.id}`);
  const created = byUser.body.items.find((e: { action: string }) => e.action === 'user.create');
  t.is(created.entityName, cat.displayName);
  t.deepEqual(created.actorLabel, { zh: created.actorName, en: created.actorName });
  const byInstitution = await admin.get(`/api/audit?entityType=institution&entityId=${inst.id}`);
  t.is(byInstitution.body.items[0].entityName, '廣東省立中山圖書館');
  // The first administrator is created by the service at start-up: no person, said so.
  const initial = await admin.get('/api/audit?entityType=user&pageSize=500');
  const bySystem = initial.body.items.find((e: { actorId: string | null }) => e.actorId === null);
  if (bySystem) {
    t.is(bySystem.actorLabel.zh, '系统（自动任务）');
    t.false(/^[a-z_.]+$/.test(bySystem.actionLabel.zh), 'the action by its label');
  }
  // A hostile entity id is only a filter value: no error, nothing found.
  const hostile = await admin.get(
    `/api/audit?entityType=user&entityId=${encodeURIComponent("x' or 1=1 --")}`,
  );
  t.is(hostile.status, 200);
  t.is(hostile.body.total, 0);
});

test('each account in the list says what this administrator may do with it', async (t) => {
  const fj = await createInstitution(admin, '350000');
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: fj.id });
  const otherPa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const provincial = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const pa = await new ApiClient(app.url).login(provincial.email, STRONG_PASSWORD);

  const list = await pa.get('/api/users?pageSize=200');
  t.is(list.status, 200);
  t.true(list.body.mayCreate);
  const find = (id: string) => list.body.items.find((u: { id: string }) => u.id === id);
  t.deepEqual(find(cat.id).abilities, { setActive: true, resetPassword: true, changeRole: true });
  t.deepEqual(
    find(otherPa.id).abilities,
    { setActive: false, resetPassword: false, changeRole: false },
    'a provincial admin does not manage another admin',
  );
  t.deepEqual(
    find(provincial.id).abilities,
    { setActive: false, resetPassword: false, changeRole: false },
    'nobody disables, demotes or resets themselves here',
  );
  t.deepEqual(find(cat.id).provinceLabel, { zh: '福建省', en: 'Fujian' });

  // The national admin may do everything with the cataloguer, and the list reads by name.
  const all = await admin.get(`/api/institutions/${fj.id}/users`);
  t.deepEqual(all.body.items[0].abilities, { setActive: true, resetPassword: true, changeRole: true });

  // A cataloguer sees colleagues but may do nothing with them and create no one.
  const catClient = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  const colleagues = await catClient.get(`/api/institutions/${fj.id}/users`);
  t.false(colleagues.body.mayCreate);
  t.true(
    colleagues.body.items.every(
      (u: { abilities: Record<string, boolean> }) => !Object.values(u.abilities).some(Boolean),
    ),
  );
});

test('role choices: the roles an administrator may hand out, what each belongs to, and the provinces', async (t) => {
  const national = await admin.get('/api/users/role-choices');
  t.is(national.status, 200);
  t.is(national.body.provinces.length, 34);
  const scopes = Object.fromEntries(
    national.body.roles.map((r: { role: string; scope: string }) => [r.role, r.scope]),
  );
  t.deepEqual(scopes, {
    national_admin: 'none',
    provincial_admin: 'province',
    reviewer: 'province',
    cataloguer: 'institution',
    conservator: 'institution',
    reader: 'none',
  });
  t.is(national.body.roles.find((r: { role: string }) => r.role === 'cataloguer').label.zh, '普查员');

  const provincial = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const pa = await new ApiClient(app.url).login(provincial.email, STRONG_PASSWORD);
  const own = await pa.get('/api/users/role-choices');
  t.deepEqual(
    own.body.roles.map((r: { role: string }) => r.role),
    ['reviewer', 'cataloguer', 'conservator'],
  );
  t.deepEqual(own.body.provinces, [{ code: '350000', label: { zh: '福建省', en: 'Fujian' } }]);

  const reader = await createUser(admin, { role: 'reader' });
  const r = await new ApiClient(app.url).login(reader.email, STRONG_PASSWORD);
  t.deepEqual((await r.get('/api/users/role-choices')).body.roles, []);
});

test('a new account: a weak password and a missing institution are reported together, roles by their names', async (t) => {
  const res = await admin.post('/api/users', {
    email: 'lin@fj.example',
    password: 'short',
    displayName: '林普查',
    role: 'cataloguer',
  });
  t.is(res.status, 400);
  const details = res.body.error.details as Array<{ path: string; messageZh: string }>;
  t.deepEqual(details.map((d) => d.path).sort(), ['institutionId', 'password']);
  const institution = details.find((d) => d.path === 'institutionId')!;
  t.is(institution.messageZh, '角色「普查员」必须属于一个收藏单位');
  t.is((await admin.get('/api/users?q=lin%40fj.example')).body.total, 0, 'nothing stored');
});

test('personal tokens carry their state by label and whether they may be revoked', async (t) => {
  const made = await admin.post('/api/auth/tokens', { name: '馆藏数据同步脚本', expiresInDays: 30 });
  t.is(made.status, 201);
  t.is(made.body.state, 'active');
  t.deepEqual(made.body.stateLabel, { zh: '有效', en: 'Active' });
  t.true(made.body.mayRevoke);
  const revoked = await admin.delete(`/api/auth/tokens/${made.body.id}`);
  t.is(revoked.body.state, 'revoked');
  t.is(revoked.body.stateLabel.zh, '已撤销');
  t.false(revoked.body.mayRevoke);
});

test('the code lists say whether the asker may maintain them', async (t) => {
  t.true((await admin.get('/api/code-lists')).body.mayEdit);
  const provincial = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const pa = await new ApiClient(app.url).login(provincial.email, STRONG_PASSWORD);
  t.false((await pa.get('/api/code-lists')).body.mayEdit);
  t.false((await new ApiClient(app.url).get('/api/code-lists')).body.mayEdit, 'the public reads them');
});

test('an empty new-account form is answered field by field in words, never with role codes', async (t) => {
  const res = await admin.post('/api/users', { email: '', displayName: '', password: 'x', role: '' });
  t.is(res.status, 400);
  const byPath = Object.fromEntries(
    (res.body.error.details as Array<{ path: string; messageZh: string }>).map((d) => [d.path, d.messageZh]),
  );
  t.is(byPath.role, '请选择角色');
  t.is(byPath.displayName, '请填写姓名');
  t.false(/cataloguer|national_admin/.test(JSON.stringify(res.body.error.details)));
});
