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

test('the institution sets its reading-room networks: a bad entry is shown under the field by line, fixed, saved', async (t) => {
  const inst = await createInstitution(admin, '350000', { name: '福建師範大學圖書館' });
  const own = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, `/institutions/${inst.id}`, own.email, STRONG_PASSWORD);
  const panel = page.getByRole('region', { name: '图像使用条件' });
  await panel.getByText('开放获取').first().waitFor();
  // Under open access the networks do not matter: the page does not ask for them.
  t.is(await page.getByRole('region', { name: '阅览室网络' }).count(), 0);
  await panel.getByRole('combobox', { name: '图像使用条件' }).click();
  await page.getByRole('option', { name: '仅限馆内阅览' }).click();
  const networks = page.getByRole('region', { name: '阅览室网络' });
  await networks.getByText('在“仅限馆内阅览”下，从这些网段访问的读者可以阅览').waitFor();
  await panel.getByRole('button', { name: '保存使用条件' }).click();
  await page.getByText('图像使用条件已更新。').waitFor();

  // Three lines: a good range, one far too broad, and a hostile string.
  const field = networks.getByLabel('阅览室网段（CIDR）');
  await field.fill('202.112.0.0/24\n10.0.0.0/8\n<script>alert(1)</script>');
  await networks.getByRole('button', { name: '保存阅览室网络' }).click();
  await networks.getByRole('alert').filter({ hasText: '保存未成功：有 2 处需要修改' }).waitFor();
  const help = networks.locator('#on-site-networks-helper-text');
  await help.filter({ hasText: '第 2 行：「10.0.0.0/8」范围过大' }).waitFor();
  await help.filter({ hasText: '第 3 行：「<script>alert(1)</script>」不是 CIDR 网段' }).waitFor();
  t.is(await field.getAttribute('aria-invalid'), 'true');
  t.false(/请求体校验失败|请求编号|networks\[/.test(await networks.innerText()));
  await panel.screenshot({ path: path.join(shots, 'institution-networks-errors.png') });
  t.deepEqual((await admin.get(`/api/institutions/${inst.id}`)).body.onSiteNetworks, [], 'nothing stored');

  await field.fill('202.112.0.0/24\n202.112.1.0/24\n2001:da8:1::/48');
  await networks.getByRole('button', { name: '保存阅览室网络' }).click();
  await networks.getByRole('status').filter({ hasText: '阅览室网络已保存。' }).waitFor();
  t.deepEqual((await admin.get(`/api/institutions/${inst.id}`)).body.onSiteNetworks, [
    '202.112.0.0/24',
    '202.112.1.0/24',
    '2001:da8:1::/48',
  ]);
  t.is(await field.getAttribute('aria-invalid'), 'false');
  await panel.screenshot({ path: path.join(shots, 'institution-networks.png') });

  await page.getByRole('button', { name: 'English' }).click();
  const english = page.getByRole('region', { name: 'Reading-room networks' });
  await english.getByText('Under “On-site only”, readers connecting from these networks').waitFor();
  t.false(/institutions\.|on_site/.test(await english.innerText()), 'no raw keys or codes');
  await page.getByRole('button', { name: '中文' }).click();

  // A reviewer of the province sees the list, without a form.
  const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  const second = await newTrackedPage(browser, contexts);
  await logInAt(second.page, app.url, `/institutions/${inst.id}`, reviewer.email, STRONG_PASSWORD);
  const readOnly = second.page.getByRole('region', { name: '阅览室网络' });
  await readOnly.getByText('202.112.1.0/24').waitFor();
  t.is(await readOnly.getByRole('button').count(), 0);
  t.deepEqual(pageErrors, []);
  t.deepEqual(second.pageErrors, []);
});
