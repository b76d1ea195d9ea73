// An institution's page (React) as each person sees it, as the server decides: a national
// administrator edits it (national designations included), sees its staff by name and adds one with
// the institution already chosen; a provincial administrator edits without the national designations;
// a cataloguer of it reads the details and finds the way to its imports. Both languages, no codes.
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { type Browser, type BrowserContext } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
const RAW = /\b(institutions\.[a-zA-Z]+|open|on_site|metadata_only|cataloguer|national_admin)\b/;
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

test.serial('a national administrator edits an institution and adds a member of its staff', async (t) => {
  const inst = await createInstitution(admin, '350000', { name: '福建省圖書館', type: '公共图书馆' });
  const staff = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, `/institutions/${inst.id}`, ADMIN.email, ADMIN.password);
  await page.getByRole('heading', { level: 1, name: '福建省圖書館' }).waitFor();
  await page.getByText('福建省 · 公共图书馆').waitFor();

  const edit = page.getByRole('region', { name: '编辑单位信息' });
  await edit.getByLabel('联系人').fill('林曉梅');
  await edit.getByLabel('联系邮箱').fill('不是邮箱');
  await edit.getByRole('button', { name: '保存' }).click();
  await edit.locator('#inst-contactEmail-helper-text').waitFor();
  t.is(await edit.getByLabel('联系邮箱').getAttribute('aria-invalid'), 'true');
  await edit.getByLabel('联系邮箱').fill('guji@fjlib.example');
  await edit.getByRole('combobox', { name: '全国古籍重点保护单位批次' }).click();
  await page.getByRole('option', { name: '第 2 批' }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await page.getByRole('status').filter({ hasText: '单位信息已保存。' }).waitFor();
  const saved = (await admin.get(`/api/institutions/${inst.id}`)).body;
  t.like(saved, { contactName: '林曉梅', contactEmail: 'guji@fjlib.example', keyProtectionBatch: 2 });

  const staffPanel = page.getByRole('region', { name: '本单位人员' });
  await staffPanel.getByText(staff.displayName).waitFor();
  await page.screenshot({ path: path.join(shots, 'institution.png'), fullPage: true });
  t.false(RAW.test(await page.getByRole('main').innerText()), 'no raw codes (zh)');

  await staffPanel.getByRole('link', { name: '为本单位新建用户' }).click();
  await page.waitForURL(
    (url) => url.pathname === '/users/new' && url.searchParams.get('institutionId') === inst.id,
  );
  await page.getByRole('combobox', { name: '所属收藏单位' }).filter({ hasText: '福建省圖書館' }).waitFor();
  await page.getByLabel('邮箱').fill('chen.shuya@fjlib.example');
  await page.getByLabel('姓名').fill('陳淑雅');
  await page.getByLabel('初始密码').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: '创建用户' }).click();
  await page.getByRole('status').filter({ hasText: '已创建“陳淑雅”的账号。' }).waitFor();
  const created = (await admin.get('/api/users?q=chen.shuya')).body.items[0];
  t.like(created, { role: 'cataloguer', institutionId: inst.id });

  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`${app.url}/institutions/${inst.id}`);
  await page.getByRole('heading', { name: 'Edit institution' }).waitFor();
  await page.getByText('Fujian · Public library').waitFor();
  t.false(RAW.test(await page.getByRole('main').innerText()), 'no raw codes (en)');
  await page.getByRole('button', { name: '中文' }).click();
  t.deepEqual(pageErrors, []);
});

test.serial(
  'a provincial administrator edits without the national designations; a cataloguer reads',
  async (t) => {
    const inst = await createInstitution(admin, '350000', { name: '廈門大學圖書館', type: '高校图书馆' });
    const pa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
    const cat = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });

    const first = await newTrackedPage(browser, contexts);
    await logInAt(first.page, app.url, `/institutions/${inst.id}`, pa.email, STRONG_PASSWORD);
    const edit = first.page.getByRole('region', { name: '编辑单位信息' });
    await edit.getByLabel('单位名称').waitFor();
    t.is(await edit.getByText('全国古籍重点保护单位批次').count(), 0);
    t.is(await edit.getByText('国家级古籍修复中心').count(), 0);
    await first.page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '收藏单位' })
      .click();
    await first.page.getByRole('link', { name: '新建单位' }).waitFor();
    t.deepEqual(first.pageErrors, []);

    const second = await newTrackedPage(browser, contexts);
    await logInAt(second.page, app.url, `/institutions/${inst.id}`, cat.email, STRONG_PASSWORD);
    const details = second.page.getByRole('region', { name: '单位信息' });
    await details.getByText('高校图书馆').waitFor();
    t.is(await second.page.getByRole('region', { name: '编辑单位信息' }).count(), 0);
    await second.page.getByRole('link', { name: '导入与导出' }).click();
    await second.page.waitForURL((url) => url.pathname === `/institutions/${inst.id}/imports`);
    await second.page.getByRole('heading', { level: 1, name: '导入与导出' }).waitFor();
    await second.page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '收藏单位' })
      .click();
    await second.page.getByRole('heading', { level: 1, name: '收藏单位' }).waitFor();
    t.is(await second.page.getByRole('link', { name: '新建单位' }).count(), 0);
    t.deepEqual(second.pageErrors, []);
  },
);
