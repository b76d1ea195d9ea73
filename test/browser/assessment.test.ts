// The assessment path in a real browser (Debian Chromium driven by playwright-core): a conservator
// opens a record's condition page (the React app), adds an observation and a pH reading, sees the
// computed level and its deciding rule live, overrides it with a reason (refused first without one,
// under the field and with nothing stored), saves, and sees the history and the acidity band, every
// level by its label; a 古籍 is graded with the server's choices; the page speaks English; the
// statistics page counts the record at its decided damage level.
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { type Browser } from 'playwright-core';
import { launchChromium, logInAt } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
let app: TestApp;
let browser: Browser;
let admin: ApiClient;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  browser = await launchChromium();
});
test.after.always(async () => {
  await browser?.close();
  await app?.close();
});

test('a conservator assesses a record: live level, override with reason, history, acidity', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const cons = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  const rec = await admin.post('/api/records', {
    type: 'minguo',
    institutionId: inst.id,
    callNumber: '民浏1',
    title: '吶喊',
    edition: '民國十二年（1923）北京新潮社鉛印本',
    minguoDocumentType: '图书',
  });
  t.is(rec.status, 201, rec.text);
  const cn = rec.body.censusNumber as string;

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await logInAt(page, app.url, `/records/${cn}/condition`, cons.email, STRONG_PASSWORD);
  // The record page links to the condition page for those who may assess.
  await page.goto(`${app.url}/records/${cn}`);
  await page.getByRole('link', { name: '定级与破损评估' }).click();
  await page.waitForURL((url) => url.pathname === `/records/${cn}/condition`);

  await page.getByLabel('破损类型').selectOption('虫蛀');
  await page.getByLabel('破损面积 %').fill('45');
  const computed = page.getByTestId('computed');
  await computed.getByText('三级').waitFor();
  t.regex((await computed.textContent()) ?? '', /40% < A ≤ 50%/);

  await page.getByLabel('pH 读数（逗号分隔）').fill('4.2');
  await computed.getByText('二级').waitFor();
  t.regex((await computed.textContent()) ?? '', /pH/);

  await page.getByLabel('改定等级').selectOption('一级');
  await page.getByRole('button', { name: '保存评估' }).click();
  // The refusal stays visible even when the live preview (debounced) answers after the save.
  await page.getByRole('alert').filter({ hasText: '须写明理由' }).waitFor();
  await page.waitForTimeout(400);
  t.true(await page.getByRole('alert').filter({ hasText: '须写明理由' }).isVisible());
  t.is(await page.getByLabel('改定理由').getAttribute('aria-invalid'), 'true');
  t.notRegex((await page.locator('main').textContent()) ?? '', /请求体校验失败|请求编号/);
  t.is((await admin.get(`/api/records/${cn}/assessments`)).body.items.length, 0);

  await page.getByLabel('改定理由').fill('书叶脆化，翻阅即碎');
  await page.getByRole('button', { name: '保存评估' }).click();
  await page.getByTestId('current-level').getByText('一级').waitFor();
  const history = page.getByTestId('history');
  t.regex((await history.textContent()) ?? '', /书叶脆化/);
  t.regex((await page.getByTestId('acidity').first().textContent()) ?? '', /pH 4\.2/);
  t.regex((await history.textContent()) ?? '', /一级破损（计算为 二级破损；改定理由：书叶脆化/);
  await page.getByRole('status').filter({ hasText: '评估已保存：一级破损' }).waitFor();
  const stored = await admin.get(`/api/records/${cn}/assessments`);
  t.is(stored.body.items[0].computedLevel, '二级');
  t.is(stored.body.items[0].finalLevel, '一级');
  // a 民国 record has no 古籍定级
  t.is(await page.getByRole('heading', { name: '古籍定级' }).count(), 0);
  await page.screenshot({ path: path.join(shots, 'condition-saved.png'), fullPage: true });

  // in English every level and damage type by its English label
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Grading and condition', level: 1 }).waitFor();
  t.regex((await page.getByTestId('current-level').textContent()) ?? '', /Level 1/);
  t.truthy(await page.getByLabel('Damage type').locator('option', { hasText: 'insect damage' }).count());
  t.notRegex((await page.getByTestId('history').textContent()) ?? '', /[一二三四五]级/);
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '定级与破损评估', level: 1 }).waitFor();

  await page.goto(`${app.url}/statistics`);
  await page.getByTestId('stats-total').waitFor();
  await page.locator('[data-table="stats-damage"] tbody th').first().waitFor();
  t.deepEqual(await page.locator('[data-table="stats-damage"] tbody th').allTextContents(), ['一级']);
  t.deepEqual(errors, []);
  await context.close();
});

test('a 古籍 is graded on its condition page with the server’s choices', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const cons = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '善2031',
    title: '《文選》六十卷',
    edition: '宋刻遞修本',
  });
  t.is(rec.status, 201, rec.text);
  const cn = rec.body.censusNumber as string;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await logInAt(page, app.url, `/records/${cn}/condition`, cons.email, STRONG_PASSWORD);
  await page.getByRole('heading', { name: '古籍定级' }).waitFor();
  t.regex((await page.locator('main').textContent()) ?? '', /《文選》六十卷/);
  const grades = await page.getByLabel('级别', { exact: true }).locator('option').allTextContents();
  t.deepEqual(grades, ['一级', '二级', '三级', '四级', '未定级']);
  await page.getByLabel('级别', { exact: true }).selectOption('一级');
  await page.getByLabel('等次', { exact: true }).selectOption('甲');
  await page.getByLabel('历史文物性依据').fill('宋刻遞修，存世稀少');
  await page.getByRole('button', { name: '保存定级' }).click();
  await page.getByRole('status').filter({ hasText: '定级已保存' }).waitFor();
  await page.getByTestId('current-grade').getByText('一级').waitFor();
  t.is((await admin.get(`/api/records/${cn}/gradings`)).body.items.length, 1);
  t.deepEqual(errors, []);
  await context.close();
});
