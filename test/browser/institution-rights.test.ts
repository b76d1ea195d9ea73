// The institution page's rights statement panel in a real browser: a cataloguer of the institution
// sees the current statement, chooses 仅限馆内阅览 and saves; the page says so and the API agrees.
// A cataloguer of another institution sees the statement without the form.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
const contexts: BrowserContext[] = [];

test.before(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

test('a cataloguer sets the rights statement of their institution on its page', async (t) => {
  const inst = await createInstitution(admin, '350000', { name: '福建省图书馆' });
  const other = await createInstitution(admin, '350000', { name: '厦门大学图书馆' });
  const own = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const outsider = await createUser(admin, { role: 'cataloguer', institutionId: other.id });

  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, `/institutions/${inst.id}`, own.email, STRONG_PASSWORD);
  const panel = page.getByRole('region', { name: '图像使用条件' });
  await panel.getByText('开放获取').first().waitFor();
  await panel.getByRole('combobox', { name: '图像使用条件' }).click();
  await page.getByRole('option', { name: '仅限馆内阅览' }).click();
  await panel.getByRole('button', { name: '保存使用条件' }).click();
  await page.getByText('图像使用条件已更新。').waitFor();
  await panel.locator('.rights-terms').filter({ hasText: '仅限馆内阅览' }).waitFor();
  t.is((await admin.get(`/api/institutions/${inst.id}`)).body.rightsStatement, 'on_site');
  t.deepEqual(pageErrors, []);
  await panel.screenshot({
    path: path.join(process.env.SCREENSHOT_DIR ?? os.tmpdir(), 'institution-rights.png'),
  });

  const second = await newTrackedPage(browser, contexts);
  await logInAt(second.page, app.url, `/institutions/${inst.id}`, outsider.email, STRONG_PASSWORD);
  const readOnly = second.page.getByRole('region', { name: '图像使用条件' });
  await readOnly.locator('.rights-terms').filter({ hasText: '仅限馆内阅览' }).waitFor();
  t.is(await readOnly.getByRole('button').count(), 0);
  t.deepEqual(second.pageErrors, []);
});
