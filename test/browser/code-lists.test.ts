// The code-list page (React) in Chromium: a national administrator adds, renames and retires a
// binding value (a traditional spelling of an existing value is refused under the field); a
// provincial administrator reads the lists without the controls (the server says who may edit).
// Every step is checked against the API.
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { type Browser, type BrowserContext } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
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

async function bindingValue(value: string) {
  const lists = (await admin.get('/api/code-lists')).body.items as Array<{
    name: string;
    values: Array<{ value: string; aliases: string[]; active: boolean }>;
  }>;
  return lists
    .find((l) => l.name === 'binding')!
    .values.find((v) => v.value === value || v.aliases.includes(value));
}

test.serial('a national administrator adds, renames and retires a binding value', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/', ADMIN.email, ADMIN.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '代码表' }).click();
  await page.waitForURL((url) => url.pathname === '/code-lists');
  const binding = page.locator('section[data-list="binding"]');
  await binding.getByRole('cell', { name: '线装', exact: true }).waitFor();

  await binding.getByLabel('添加到“装帧形式”').fill('推篷裝');
  await binding.getByRole('button', { name: '添加值' }).click();
  await page.getByText('已添加“推篷裝”。').waitFor();
  t.like(await bindingValue('推篷裝'), { value: '推篷裝', active: true });

  // The simplified spelling of the value just added is the same value.
  await binding.getByLabel('添加到“装帧形式”').fill('推篷装');
  await binding.getByRole('button', { name: '添加值' }).click();
  await binding.getByText('与已有值「推篷裝」相同').waitFor();
  t.is(await binding.getByLabel('添加到“装帧形式”').getAttribute('aria-invalid'), 'true');

  const row = binding.locator('tbody tr').filter({ hasText: '推篷裝' });
  await row.getByLabel('新名称（推篷裝）').fill('推篷装本');
  await row.getByRole('button', { name: '改名' }).click();
  await page.getByText('已改名为“推篷装本”。').waitFor();
  const renamed = await bindingValue('推篷装本');
  t.deepEqual(renamed?.aliases, ['推篷裝'], 'the old spelling stays recognised');

  const renamedRow = binding.locator('tbody tr').filter({ hasText: '推篷装本' });
  await renamedRow.getByRole('button', { name: '停用' }).click();
  await page.getByText('已停用“推篷装本”。').waitFor();
  t.false((await bindingValue('推篷装本'))?.active);
  await binding.locator('tbody tr').filter({ hasText: '推篷装本' }).getByText('已停用').waitFor();
  await binding.screenshot({ path: path.join(shots, 'code-lists.png') });

  // Re-activated, it is in use again.
  await binding
    .locator('tbody tr')
    .filter({ hasText: '推篷装本' })
    .getByRole('button', { name: '重新启用' })
    .click();
  await page.getByText('已重新启用“推篷装本”。').waitFor();
  t.true((await bindingValue('推篷装本'))?.active);

  // In English the page's own words switch; no i18n key or code shows.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Code lists' }).waitFor();
  const main = await page.getByRole('main').innerText();
  t.false(/\b(codeLists|audit)\.[a-zA-Z]+|\bbinding\b/.test(main), 'no keys or codes (en)');
  await page.getByRole('button', { name: '中文' }).click();
  t.deepEqual(pageErrors, []);
});

test.serial('a provincial administrator reads the code lists without the controls', async (t) => {
  const pa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const { page } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/code-lists', pa.email, STRONG_PASSWORD);
  await page
    .locator('section[data-list="binding"]')
    .getByRole('cell', { name: '线装', exact: true })
    .waitFor();
  await page.getByText('只有国家级管理员可以修改代码表。').waitFor();
  t.is(await page.getByRole('button', { name: '添加值' }).count(), 0);
  t.is(await page.getByRole('button', { name: '停用' }).count(), 0);
});
