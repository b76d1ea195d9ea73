// The national administrator's pages (React) in Chromium, walked as the person would: create an
// account for an institution with a role (every problem of the form shown at once, under its field),
// find people by name, change a role, reset a password and deactivate — each offered only where the
// server says this administrator may; change one's own password and manage tokens on /account; read
// the audit log with people's names and readable actions and things in both languages. Every step is
// checked against the API.
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, publishRecord, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
const RAW =
  /\b(national_admin|provincial_admin|cataloguer|conservator|reviewer|census_record|record\.[a-z_]+|auth\.[a-z_]+|user\.[a-z_]+|users\.[a-zA-Z]+|audit\.[a-zA-Z]+|account\.[a-zA-Z]+)\b/;

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
const contexts: BrowserContext[] = [];

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  browser = await launchChromium();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

async function pick(page: Page, scope: Page | ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  // While a menu is open (or still closing) MUI hides the rest of the page from the accessibility
  // tree: the next field is found only once the list is gone (a CI run under load missed it).
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

async function accountOf(email: string) {
  const list = await admin.get(`/api/users?q=${encodeURIComponent(email)}`);
  return list.body.items[0] as { id: string; role: string; active: boolean; institutionId: string | null };
}

test.serial(
  'a national administrator creates a cataloguer, changes the role, resets and deactivates',
  async (t) => {
    const fj = await createInstitution(admin, '350000', { name: '福建省圖書館' });
    await createInstitution(admin, '350000', { name: '福建師範大學圖書館' });
    const { page, pageErrors } = await newTrackedPage(browser, contexts);
    await logInAt(page, app.url, '/users', ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    // The administrator's own row: nothing to do with oneself here (that is /account).
    const adminName = (await admin.get('/api/auth/me')).body.user.displayName as string;
    const ownRow = page.getByRole('row').filter({ hasText: `${adminName} （本人）` });
    await ownRow.waitFor();
    t.is(await ownRow.getByRole('button').count(), 0);

    await page.getByRole('link', { name: '新建用户' }).click();
    await page.waitForURL((url) => url.pathname === '/users/new');
    await page.getByRole('heading', { level: 1, name: '新建用户' }).waitFor();
    // A form with four problems — two the request schema finds (a broken e-mail, no name) and two
    // the service finds (a weak password, no institution for the role): all four after ONE save,
    // each under its field.
    await page.getByLabel('邮箱').fill('lin.xiaoying@');
    await page.getByLabel('初始密码').fill('short');
    await pick(page, page, '角色', '普查员');
    await page.getByText('此角色属于一个收藏单位，省份由单位决定。').waitFor();
    await page.getByRole('button', { name: '创建用户' }).click();
    await page.getByRole('alert').filter({ hasText: '创建未成功：有 4 处需要修改' }).waitFor();
    await page.locator('#email-helper-text').filter({ hasText: '必须是电子邮件地址' }).waitFor();
    await page.locator('#displayName-helper-text').filter({ hasText: '请填写姓名' }).waitFor();
    await page.locator('#password-helper-text').filter({ hasText: /12/ }).waitFor();
    await page.getByText('角色「普查员」必须属于一个收藏单位').waitFor();
    for (const field of ['邮箱', '姓名', '初始密码'])
      t.is(await page.getByLabel(field).getAttribute('aria-invalid'), 'true', `${field} is marked`);
    t.false(/请求体校验失败|请求编号/.test(await page.getByRole('main').innerText()));
    await page.screenshot({ path: path.join(shots, 'user-new-all-errors.png'), fullPage: true });
    t.is((await admin.get('/api/users?q=lin.xiaoying')).body.total, 0, 'nothing stored');

    await page.getByLabel('邮箱').fill('lin.xiaoying@fjlib.example');
    await page.getByLabel('姓名').fill('林小英');
    // No institution chosen and a weak password: both problems at once, each under its field.
    await page.getByRole('button', { name: '创建用户' }).click();
    await page.getByRole('alert').filter({ hasText: '创建未成功：有 2 处需要修改' }).waitFor();
    await page.getByText('角色「普查员」必须属于一个收藏单位').waitFor();
    t.is(await page.getByLabel('初始密码').getAttribute('aria-invalid'), 'true');
    t.false(/请求体校验失败|请求编号/.test(await page.getByRole('main').innerText()));
    await page.screenshot({ path: path.join(shots, 'user-new-errors.png'), fullPage: true });

    await page.getByLabel('初始密码').fill(STRONG_PASSWORD);
    await pick(page, page, '单位所在省份', '福建省');
    await pick(page, page, '所属收藏单位', `福建省圖書館（${fj.provinceCode}-${fj.code}）`);
    await page.getByRole('button', { name: '创建用户' }).click();
    await page.waitForURL((url) => url.pathname === '/users');
    await page.getByRole('status').filter({ hasText: '已创建“林小英”的账号。' }).waitFor();
    const created = await accountOf('lin.xiaoying@fjlib.example');
    t.like(created, { role: 'cataloguer', institutionId: fj.id, active: true });

    // People by name: the row leads with 林小英, role and institution by their names.
    const row = page.getByRole('row').filter({ hasText: '林小英' });
    t.is(await row.locator('td').first().locator('span').first().innerText(), '林小英');
    t.true((await row.innerText()).includes('普查员'));
    t.true((await row.innerText()).includes('福建省圖書館'));

    // Change the role to 修复师 (the dialog keeps the institution).
    await row.getByRole('button', { name: '更改角色 林小英' }).click();
    const roleDialog = page.getByRole('dialog', { name: '更改“林小英”的角色' });
    await pick(page, roleDialog, '角色', '修复师');
    await roleDialog.getByRole('button', { name: '更改角色' }).click();
    await page.getByRole('status').filter({ hasText: '“林小英”的角色已改为修复师。' }).waitFor();
    t.is((await accountOf('lin.xiaoying@fjlib.example')).role, 'conservator');

    // Reset the password: a weak one is refused under the field, a strong one works at once.
    await page
      .getByRole('row')
      .filter({ hasText: '林小英' })
      .getByRole('button', { name: '重置密码 林小英' })
      .click();
    const reset = page.getByRole('dialog', { name: '重置“林小英”的密码' });
    await reset.getByLabel('新密码').fill('abc');
    await reset.getByRole('button', { name: '重置密码' }).click();
    await reset.locator('#reset-password-helper-text').filter({ hasText: /12/ }).waitFor();
    await reset.getByLabel('新密码').fill('Reset-password-2026');
    await reset.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('status').filter({ hasText: '已重置“林小英”的密码' }).waitFor();
    t.is(
      (
        await new ApiClient(app.url).post('/api/auth/login', {
          email: 'lin.xiaoying@fjlib.example',
          password: 'Reset-password-2026',
        })
      ).status,
      200,
    );

    // Deactivate: the account is off and says so.
    await page
      .getByRole('row')
      .filter({ hasText: '林小英' })
      .getByRole('button', { name: '停用 林小英' })
      .click();
    await page.getByRole('status').filter({ hasText: '已停用“林小英”' }).waitFor();
    await page.getByRole('row').filter({ hasText: '林小英' }).getByText('已停用').waitFor();
    t.false((await accountOf('lin.xiaoying@fjlib.example')).active);

    // Search by name.
    await page.getByRole('link', { name: '清除筛选' }).click();
    await page.waitForURL((url) => url.pathname === '/users' && url.search === '');
    await page.getByLabel('搜索').fill('林小');
    await page.getByLabel('搜索').press('Enter');
    await page.waitForURL((url) => url.search.includes('q='));
    await page.getByRole('heading', { name: '共 1 个账号' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'users.png'), fullPage: true });
    t.false(RAW.test(await page.getByRole('main').innerText()), 'no raw codes (zh)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('row').filter({ hasText: '林小英' }).getByText('Conservator').waitFor();
    t.false(RAW.test(await page.getByRole('main').innerText()), 'no raw codes (en)');
    await page.getByRole('button', { name: '中文' }).click();
    t.deepEqual(pageErrors, []);
  },
);

test.serial(
  'a provincial administrator is offered only the roles and actions the server allows',
  async (t) => {
    const fz = await createInstitution(admin, '350000');
    const pa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
    const other = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
    const cat = await createUser(admin, { role: 'cataloguer', institutionId: fz.id });
    const { page, pageErrors } = await newTrackedPage(browser, contexts);
    await logInAt(page, app.url, '/users', pa.email, STRONG_PASSWORD);
    await page
      .getByRole('row')
      .filter({ hasText: cat.displayName })
      .getByRole('button', { name: `停用 ${cat.displayName}` })
      .waitFor();
    t.is(await page.getByRole('row').filter({ hasText: other.displayName }).getByRole('button').count(), 0);
    await page.getByRole('link', { name: '新建用户' }).click();
    await page.getByRole('combobox', { name: '角色' }).click();
    const offered = await page.getByRole('option').allInnerTexts();
    t.deepEqual(offered, ['审校员', '普查员', '修复师']);
    await page.keyboard.press('Escape');
    t.deepEqual(pageErrors, []);
  },
);

test.serial('a cataloguer changes their own password and manages a token on /account', async (t) => {
  const inst = await createInstitution(admin, '350000', { name: '福州市圖書館' });
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/', cat.email, STRONG_PASSWORD);
  await page.getByRole('button', { name: /用户菜单/ }).click();
  await page.getByRole('menuitem', { name: '我的账号' }).click();
  await page.waitForURL((url) => url.pathname === '/account');
  await page.getByRole('heading', { level: 1, name: '我的账号' }).waitFor();
  const profile = await page.getByRole('region', { name: '账号信息' }).innerText();
  for (const text of [cat.displayName, cat.email, '普查员', '福州市圖書館', '福建省'])
    t.true(profile.includes(text), text);

  const password = page.getByRole('region', { name: '修改密码' });
  await password.getByLabel('当前密码').fill('not-my-password');
  await password.locator('#newPassword').fill('Another-password-77');
  await password.getByLabel('确认新密码').fill('Another-password-7');
  await password.getByRole('button', { name: '修改密码' }).click();
  await password.getByText('两次输入的新密码不一致').waitFor();
  await password.getByLabel('确认新密码').fill('Another-password-77');
  await password.getByRole('button', { name: '修改密码' }).click();
  await password.getByText('当前密码不正确').waitFor();
  await password.getByLabel('当前密码').fill(STRONG_PASSWORD);
  await password.getByRole('button', { name: '修改密码' }).click();
  await password.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
  t.is(
    (
      await new ApiClient(app.url).post('/api/auth/login', {
        email: cat.email,
        password: 'Another-password-77',
      })
    ).status,
    200,
  );
  t.is(await password.getByLabel('当前密码').inputValue(), '', 'the form is emptied');

  const tokens = page.getByRole('region', { name: '个人 API 令牌' });
  await tokens.getByLabel('令牌名称').fill('馆藏数据同步脚本');
  await tokens.getByLabel('有效天数').fill('三十');
  await tokens.getByRole('button', { name: '创建令牌' }).click();
  // The server's answer marks the field: wait for it rather than read before it arrives.
  await tokens.getByLabel('有效天数').and(page.locator('[aria-invalid="true"]')).waitFor();
  t.is(await tokens.getByLabel('有效天数').getAttribute('aria-invalid'), 'true');
  await tokens.getByLabel('有效天数').fill('30');
  await tokens.getByRole('button', { name: '创建令牌' }).click();
  await tokens.getByText('令牌“馆藏数据同步脚本”已创建').waitFor();
  const secret = await page.locator('#new-token-value').inputValue();
  t.is((await new ApiClient(app.url, secret).get('/api/auth/me')).status, 200);
  const tokenRow = tokens.getByRole('row').filter({ hasText: '馆藏数据同步脚本' });
  await tokenRow.getByText('有效').waitFor();
  await tokenRow.getByRole('button', { name: '撤销 馆藏数据同步脚本' }).click();
  await tokens.getByRole('status').filter({ hasText: '令牌“馆藏数据同步脚本”已撤销。' }).waitFor();
  await tokenRow.getByText('已撤销').waitFor();
  t.is(await tokenRow.getByRole('button').count(), 0);
  t.is((await new ApiClient(app.url, secret).get('/api/auth/me')).status, 401);
  await page.screenshot({ path: path.join(shots, 'account.png'), fullPage: true });
  t.false(RAW.test(await page.getByRole('main').innerText()));
  t.deepEqual(pageErrors, []);
});

test.serial('the audit log reads with names, labelled actions and things, in both languages', async (t) => {
  const inst = await createInstitution(admin, '350000', { name: '福建省圖書館古籍部' });
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const catApi = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
  const made = await catApi.post(
    '/api/records',
    validGujiInput({
      institutionId: inst.id,
      callNumber: '善 00421',
      title: '文選六十卷',
      authors: [
        { dynasty: '梁', name: '蕭統', role: '編' },
        { dynasty: '唐', name: '李善', role: '注' },
      ],
      edition: '宋刻遞修本',
    }),
  );
  t.is(made.status, 201, made.text);
  const cn = made.body.censusNumber as string;
  await publishRecord(admin, cn);
  const adminName = (await admin.get('/api/auth/me')).body.user.displayName as string;

  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/audit', ADMIN.email, ADMIN.password);
  await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
  await pick(page, page, '对象类型', '普查记录');
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL((url) => url.searchParams.get('entityType') === 'census_record');
  const published = page.getByRole('row').filter({ hasText: '发布记录' });
  await published.waitFor();
  t.true((await published.innerText()).includes(`普查记录 ${cn}`));
  t.true((await published.innerText()).includes(adminName));
  // 查看变更: the status before → after by its labels, no code, no JSON.
  await published.getByText('查看变更').click();
  const publishedChanges = published.getByRole('table', { name: '变更内容' });
  t.deepEqual(
    await publishedChanges.getByRole('row').filter({ hasText: '状态' }).getByRole('cell').allInnerTexts(),
    ['已通过', '已发布'],
  );
  const createdChanges = page.getByRole('row').filter({ hasText: '新建普查记录' });
  await createdChanges.getByText('查看变更').click();
  const createdTitle = createdChanges
    .getByRole('table', { name: '变更内容' })
    .getByRole('row')
    .filter({ hasText: '题名卷数' });
  t.deepEqual(await createdTitle.getByRole('cell').allInnerTexts(), ['—', '文選六十卷']);
  const created = page.getByRole('row').filter({ hasText: '新建普查记录' });
  t.true((await created.innerText()).includes(cat.displayName), 'the cataloguer by name');
  for (const action of ['提交审校', '审校通过'])
    await page.getByRole('row').filter({ hasText: action }).first().waitFor();
  const main = await page.getByRole('main').innerText();
  t.false(RAW.test(main), 'no raw codes (zh)');
  t.false(main.includes(ADMIN.email) || main.includes(cat.email), 'people by name, not e-mail');
  t.false(/[{}"]/.test(main), 'no JSON on the page');
  await page.screenshot({ path: path.join(shots, 'audit.png'), fullPage: true });

  // The person's name filters the log to them.
  await created.getByRole('link', { name: cat.displayName }).click();
  await page.waitForURL((url) => url.searchParams.has('actorId'));
  await page.getByText(`只看：${cat.displayName}`).waitFor();
  // The filter's label shows at once; the rows follow with the server's answer (the previous list
  // stays until then).
  await page.getByRole('row').filter({ hasText: '发布记录' }).first().waitFor({ state: 'detached' });
  t.is(await page.getByRole('row').filter({ hasText: '发布记录' }).count(), 0);

  // The cataloguer becomes a conservator of the same institution: the change reads by labels.
  const account = (await admin.get(`/api/users?q=${encodeURIComponent(cat.email)}`)).body.items[0];
  const roleChange = await admin.patch(`/api/users/${cat.id}`, {
    role: 'conservator',
    institutionId: inst.id,
    version: account.version,
  });
  t.is(roleChange.status, 200, roleChange.text);

  // Logins are the person's, by name — not “系统”.
  await page.goto(`${app.url}/audit?entityType=user&entityId=${encodeURIComponent(cat.id)}`);
  const login = page.getByRole('row').filter({ hasText: '登录' });
  await login.first().waitFor();
  t.true((await login.first().innerText()).includes(cat.displayName));
  t.false((await login.first().innerText()).includes('系统'));
  t.true(
    (await page.getByRole('row').filter({ hasText: '创建账户' }).innerText()).includes(
      `账户 ${cat.displayName}`,
    ),
  );
  const changedRole = page.getByRole('row').filter({ hasText: '修改账户' });
  await changedRole.getByText('查看变更').click();
  const roleChanges = changedRole.getByRole('table', { name: '变更内容' });
  t.deepEqual(await roleChanges.getByRole('columnheader').allInnerTexts(), ['字段', '变更前', '变更后']);
  t.deepEqual(
    await roleChanges.getByRole('row').filter({ hasText: '角色' }).getByRole('cell').allInnerTexts(),
    ['普查员', '修复师'],
  );
  const panelText = await roleChanges.innerText();
  t.false(RAW.test(panelText) || panelText.includes(inst.id) || /[{}"]/.test(panelText), panelText);
  await page.screenshot({ path: path.join(shots, 'audit-changes.png'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Logged in' }).first().waitFor();
  await page.goto(`${app.url}/audit?entityType=census_record`);
  await page
    .getByRole('row')
    .filter({ hasText: 'Published' })
    .filter({ hasText: `census record ${cn}` })
    .waitFor();
  t.false(RAW.test(await page.getByRole('main').innerText()), 'no raw codes (en)');
  await page.getByRole('button', { name: '中文' }).click();
  t.deepEqual(pageErrors, []);
});
