// "My work" (/) in Chromium: each role lands on its own to-do counts (GET /api/me/todo), each
// leading to where the work is done. Screenshots go to $SCREENSHOT_DIR (or the temp folder).
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
let institutionId: string;
const contexts: BrowserContext[] = [];
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

async function record(callNumber: string, steps: string[]) {
  const created = await admin.post('/api/records', validGujiInput({ institutionId, callNumber }));
  if (created.status !== 201) throw new Error(created.text);
  for (const step of steps) {
    const res = await admin.post(`/api/records/${created.body.censusNumber}/${step}`, {
      note: '请核对版本项',
    });
    if (res.status !== 200) throw new Error(`${step}: ${res.text}`);
  }
}

test.before(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  institutionId = (await createInstitution(admin, '350000', { name: '福建省图书馆' })).id;
  await record('善 1', []);
  await record('善 2', ['submit', 'return']);
  await record('善 3', ['submit']);
  await record('善 4', ['submit']);
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

/** The to-do cards as [label, count] pairs. */
async function todoCards(page: Page): Promise<Array<[string, number]>> {
  const region = page.getByRole('region', { name: '待办事项' });
  await region.getByRole('link').first().waitFor();
  const texts = await region.getByRole('link').allInnerTexts();
  return texts.map((text) => {
    const [count, ...label] = text.trim().split(/\s+/);
    return [label.join(' '), Number(count)];
  });
}

test('a cataloguer lands on the returned record to fix and the draft, and goes to fix it', async (t) => {
  const cataloguer = await createUser(admin, { role: 'cataloguer', institutionId });
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/', cataloguer.email, STRONG_PASSWORD);
  t.deepEqual(await todoCards(page), [
    ['退回待修改的记录', 1],
    ['未提交的草稿', 1],
  ]);
  await page.screenshot({ path: path.join(shots, 'home-todo-cataloguer.png'), fullPage: true });
  await page.getByRole('link', { name: /退回待修改的记录/ }).click();
  await page.waitForURL(
    (url) => url.pathname === '/records' && url.searchParams.get('status') === 'returned',
  );
  t.deepEqual(pageErrors, []);
});

test('a reviewer lands on the records awaiting their review and opens the queue', async (t) => {
  const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  await admin.post('/api/review-assignments', { reviewerId: reviewer.id, institutionId });
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/', reviewer.email, STRONG_PASSWORD);
  t.deepEqual(await todoCards(page), [['待审校记录', 2]]);
  await page.screenshot({ path: path.join(shots, 'home-todo-reviewer.png'), fullPage: true });
  await page
    .getByRole('region', { name: '待办事项' })
    .getByRole('link', { name: /待审校记录/ })
    .click();
  await page.waitForURL((url) => url.pathname === '/review');
  await page.getByRole('heading', { level: 1, name: '待审校记录' }).waitFor();
  await page.getByText('共 2 条').waitFor();
  t.deepEqual(pageErrors, []);
});

test('a provincial administrator sees the province’s pending reviews, publications and plans; a reader has nothing to do', async (t) => {
  const provincial = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/', provincial.email, STRONG_PASSWORD);
  t.deepEqual(await todoCards(page), [
    ['待审校记录', 2],
    ['审校通过待发布', 0],
    ['待批准的修复方案', 0],
  ]);
  await page.screenshot({ path: path.join(shots, 'home-todo-provincial.png'), fullPage: true });

  const reader = await createUser(admin, { role: 'reader' });
  const other = await newTrackedPage(browser, contexts);
  await logInAt(other.page, app.url, '/', reader.email, STRONG_PASSWORD);
  await other.page.getByRole('region', { name: '待办事项' }).getByText('暂无待办事项。').waitFor();
  t.deepEqual([...pageErrors, ...other.pageErrors], []);
});
