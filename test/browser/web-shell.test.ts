// The institution pages (React) in a real browser (Debian Chromium driven by playwright-core) against
// the real app: login through the login page, create an institution through the form, see it listed;
// the server's errors under their fields with the focus on the first, a taken code shown as a whole
// and on the field; the English switch held across a reload. The app shell: app-shell.test.ts.
import test from 'ava';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { landOn, launchChromium } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

test.before(async () => {
  app = await startTestApp();
  browser = await launchChromium();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

/** A fresh browser profile (own cookies and localStorage) on a page that fails on script errors. */
async function newPage(): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/** Logs in through the login page with the keyboard (fields found by their labels, Enter submits). */
async function logIn(page: Page, next = '/institutions', labels = { email: '邮箱', password: '密码' }) {
  await page.getByLabel(labels.email, { exact: true }).fill(ADMIN.email);
  await page.getByLabel(labels.password, { exact: true }).fill(ADMIN.password);
  await page.getByLabel(labels.password, { exact: true }).press('Enter');
  await landOn(page, next);
}

/** Picks an option of a select (MUI: a combobox and its listbox) by their labels. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  // The rest of the page is hidden from the accessibility tree until the menu has closed.
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

async function activeElementName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
}

test.serial(
  'logs in through the page, creates an institution with the form and sees it listed',
  async (t) => {
    const { page, pageErrors } = await newPage();
    await page.goto(`${app.url}/institutions`);
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === '/institutions',
    );
    t.is(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();

    // A wrong password is refused with the server's message in an alert.
    await page.getByLabel('邮箱', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await page.getByRole('alert').filter({ hasText: '邮箱或密码错误' }).waitFor();

    await logIn(page);
    t.false(
      (await page.context().cookies()).some((c) => c.name === 'census_session' && !c.httpOnly),
      'the session cookie is HttpOnly',
    );
    t.is(
      await page
        .evaluate(() => JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage))
        .then((s) => s.includes(ADMIN.email)),
      false,
    );

    await page.getByRole('link', { name: '新建单位' }).click();
    await page.waitForURL((url) => url.pathname === '/institutions/new');
    await choose(page, '省份', '福建省 350000');
    await page.getByLabel('单位代码').fill('2001');
    t.is(await page.getByLabel('完整代码', { exact: true }).textContent(), '350000-2001');
    await page.getByLabel('单位名称').fill('福建省图书馆');
    await choose(page, '单位类型', '公共图书馆');
    await page.getByLabel('单位名称').press('Enter');

    await page.waitForURL((url) => /^\/institutions\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('status').filter({ hasText: '收藏单位“福建省图书馆”已创建' }).waitFor();
    await page.getByRole('heading', { level: 1, name: '福建省图书馆' }).waitFor();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '收藏单位' }).click();
    await page.waitForURL((url) => url.pathname === '/institutions');
    const row = page.getByRole('row').filter({ hasText: '福建省图书馆' });
    await row.waitFor();
    const text = await row.innerText();
    t.true(text.includes('350000-2001'), text);
    t.true(text.includes('福建省'), text);
    t.true(text.includes('公共图书馆'), text);
    t.deepEqual(pageErrors, []);
  },
);

test.serial(
  'a bad code shows the inline error on the code field and keeps focus there; a duplicate code shows the 409 message',
  async (t) => {
    const api = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
    const existing = await api.post('/api/institutions', {
      provinceCode: '350000',
      code: '3001',
      name: '福建师范大学图书馆',
      type: '高校图书馆',
    });
    t.is(existing.status, 201, existing.text);

    const { page, pageErrors } = await newPage();
    await page.goto(`${app.url}/institutions/new`);
    await logIn(page, '/institutions/new');
    await choose(page, '省份', '福建省 350000');
    const code = page.getByLabel('单位代码');
    await code.fill('20A1');
    await page.getByLabel('单位名称').fill('福州市图书馆');
    await choose(page, '单位类型', '公共图书馆');
    await page.getByRole('button', { name: '创建单位' }).click();

    // The server's answer, under the field; nothing checked twice in the browser.
    await page.getByRole('alert').filter({ hasText: '保存未成功：有 1 处需要修改' }).waitFor();
    t.is(await code.getAttribute('aria-invalid'), 'true');
    const codeError = page.locator('#inst-code-helper-text');
    t.true((await codeError.innerText()).includes('单位代码必须是 4 位数字（如 2001）'));
    t.true(
      ((await code.getAttribute('aria-describedby')) ?? '').includes((await codeError.getAttribute('id'))!),
      'the error describes the field',
    );
    t.is(await activeElementName(page), 'code');
    t.is(page.url(), `${app.url}/institutions/new`);
    t.false(/请求体校验失败|请求编号/.test(await page.getByRole('main').innerText()));

    // Correct the code to one already taken in the province: the server's 409 is shown on the field.
    await code.fill('3001');
    await code.press('Enter');
    await page.getByRole('alert').filter({ hasText: '省份 350000 内已有代码为 3001 的单位' }).waitFor();
    t.true((await codeError.innerText()).includes('单位代码在省内唯一'));
    t.is(await code.getAttribute('aria-invalid'), 'true');
    t.is(await activeElementName(page), 'code');

    // A free code then goes through, and the errors are gone from the page it leads to.
    await code.fill('3002');
    await code.press('Enter');
    await page.waitForURL((url) => /^\/institutions\/[0-9a-f-]{36}$/.test(url.pathname));
    t.deepEqual(pageErrors, []);
  },
);

test.serial(
  'the English switch changes the labels to English, is remembered, and switches back',
  async (t) => {
    const { page, pageErrors } = await newPage();
    await page.goto(`${app.url}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    t.is(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    // The React login page lands on "my work" (/); its navigation leads on to the other pages.
    await logIn(page, '/', { email: 'E-mail', password: 'Password' });
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Institutions' })
      .click();
    await page.waitForURL((url) => url.pathname === '/institutions');

    await page.getByRole('heading', { level: 1, name: 'Institutions' }).waitFor();
    await page.getByRole('link', { name: 'New institution' }).click();
    await page.waitForURL((url) => url.pathname === '/institutions/new');
    // The form renders once its choices have loaded; count() itself does not wait.
    await page.getByLabel('Institution code').waitFor();
    for (const label of ['Province', 'Institution code', 'Name', 'Type', 'Full code']) {
      t.is(await page.getByLabel(label).count(), 1, label);
    }
    t.is(await page.getByLabel('单位代码').count(), 0);
    await page.getByRole('combobox', { name: 'Type' }).click();
    t.true((await page.getByRole('option', { name: 'Public library' }).count()) > 0);
    await page.keyboard.press('Escape');

    // The choice survives a reload (localStorage), and the Chinese switch brings Chinese back.
    await page.reload();
    await page.getByLabel('Institution code').waitFor();
    t.is(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('单位代码').waitFor();
    t.is(await page.locator('html').getAttribute('lang'), 'zh-CN');
    t.is(
      await page.getByRole('button', { name: 'English' }).evaluate((el) => el === document.activeElement),
      true,
      'focus stays on the switch',
    );
    t.deepEqual(pageErrors, []);
  },
);
