// The assessment path in a real browser (Debian Chromium driven by playwright-core): a conservator
// opens a record's condition page, adds an observation and a pH reading, sees the computed level and
// its deciding rule live, overrides it with a reason, saves, and sees the history and the acidity
// band; the statistics page counts the record at its decided damage level.
import test from 'ava';
import { type Browser } from 'playwright-core';
import { launchChromium, logInAt } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

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
  t.is((await admin.get(`/api/records/${cn}/assessments`)).body.items.length, 0);

  await page.getByLabel('改定理由').fill('书叶脆化，翻阅即碎');
  await page.getByRole('button', { name: '保存评估' }).click();
  await page.getByTestId('current-level').getByText('一级').waitFor();
  const history = page.getByTestId('history');
  t.regex((await history.textContent()) ?? '', /书叶脆化/);
  t.regex((await page.getByTestId('acidity').first().textContent()) ?? '', /pH 4\.2/);
  const stored = await admin.get(`/api/records/${cn}/assessments`);
  t.is(stored.body.items[0].computedLevel, '二级');
  t.is(stored.body.items[0].finalLevel, '一级');

  await page.goto(`${app.url}/statistics`);
  await page.getByTestId('stats-total').waitFor();
  await page.locator('[data-table="stats-damage"] tbody th').first().waitFor();
  t.deepEqual(await page.locator('[data-table="stats-damage"] tbody th').allTextContents(), ['一级']);
  t.deepEqual(errors, []);
  await context.close();
});
