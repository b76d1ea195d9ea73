// The React staff app (src/web/app) in Chromium against the real server: the login page, the
// header with the navigation the server allows each role, "my work" at /, the language switch,
// keyboard use with a visible focus ring, logout, and a phone-sized layout. Screenshots go to
// $SCREENSHOT_DIR (or the temp folder) for a person to look at.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let cataloguer: { email: string };
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

test.before(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const institution = await createInstitution(admin, '350000', { name: '福建省图书馆' });
  cataloguer = await createUser(admin, { role: 'cataloguer', institutionId: institution.id });
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('邮箱', { exact: true }).fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

/** The texts of the main navigation's links. */
async function navLinks(page: Page, name = '主导航'): Promise<string[]> {
  return page.getByRole('navigation', { name }).getByRole('link').allInnerTexts();
}

test('a cataloguer is sent to login, lands on their own work and sees only their areas, in Chinese', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await page.goto(`${app.url}/`);
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/');
  t.is(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  await page.screenshot({ path: path.join(shots, 'app-login.png') });

  // A wrong password: the server's message in an alert, the password emptied and focused again.
  await logIn(page, cataloguer.email, 'not-the-password');
  await page.getByRole('alert').filter({ hasText: '邮箱或密码错误' }).waitFor();
  t.is(await page.getByLabel('密码', { exact: true }).inputValue(), '');
  t.true(await page.getByLabel('密码', { exact: true }).evaluate((el) => el === document.activeElement));

  await logIn(page, cataloguer.email, STRONG_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
  t.deepEqual(await navLinks(page), ['普查登记', '保护分级', '统计', '修复', '收藏单位']);
  const main = await page.getByRole('main').innerText();
  t.true(main.includes('角色：普查员'), main);
  t.true(main.includes('福建省图书馆'), main);
  t.false(
    /cataloguer|national_admin|nav\.|home\./.test(await page.locator('body').innerText()),
    'no raw codes or keys',
  );
  await page.screenshot({ path: path.join(shots, 'app-home-cataloguer.png'), fullPage: true });

  // A card leads to that area's page (the record list, drawn by the app in place).
  await page.getByRole('main').getByRole('link', { name: '普查登记' }).click();
  await page.waitForURL((url) => url.pathname === '/records');
  await page.getByRole('heading', { level: 1, name: '普查记录' }).waitFor();
  // …whose brand link brings the person back to their work.
  await page.getByRole('banner').getByRole('link', { name: '古籍普查保护系统' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
  t.deepEqual(pageErrors, []);
});

test('the national administrator sees every area; the English switch relabels the shell; logout by keyboard', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await page.goto(`${app.url}/login?next=/`);
  await logIn(page, ADMIN.email, ADMIN.password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
  t.deepEqual(await navLinks(page), [
    '普查登记',
    '审校',
    '保护分级',
    '统计',
    '修复',
    '收藏单位',
    '用户管理',
    '代码表',
    '审计日志',
  ]);
  await page.screenshot({ path: path.join(shots, 'app-home-admin.png') });

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
  t.is(await page.locator('html').getAttribute('lang'), 'en');
  t.true((await page.getByRole('main').innerText()).includes('Role: National administrator'));
  t.is((await navLinks(page, 'Main navigation')).at(-1), 'Audit log');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();

  // Keyboard: on a fresh page the first Tab shows the skip link, with the amber focus ring.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  t.true(await skip.evaluate((el) => el === document.activeElement));
  const ring = await skip.evaluate(
    (el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth,
  );
  t.is(ring, 'solid 3px');
  await page.screenshot({ path: path.join(shots, 'app-focus-skip.png') });

  // The user menu opens from the keyboard and logs out.
  const menuButton = page.getByRole('button', { name: /用户菜单/ });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: '退出登录' }).waitFor();
  await page.screenshot({ path: path.join(shots, 'app-user-menu.png') });
  await page.keyboard.press('ArrowDown');
  t.is(await page.evaluate(() => document.activeElement?.textContent), '退出登录');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  // The session is gone on the server too: / sends to login again.
  await page.goto(`${app.url}/`);
  await page.waitForURL((url) => url.pathname === '/login');
  t.deepEqual(pageErrors, []);
});

test('on a phone-sized screen the header and the work cards fit without sideways scrolling', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts, { width: 390 });
  await page.goto(`${app.url}/login`);
  await logIn(page, ADMIN.email, ADMIN.password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
  t.true(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await page.screenshot({ path: path.join(shots, 'app-home-phone.png'), fullPage: true });
  t.deepEqual(pageErrors, []);
});
