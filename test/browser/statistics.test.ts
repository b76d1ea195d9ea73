// The statistics page in Chromium as a national administrator: categories in their natural order and
// by their labels (no raw codes such as needs_deacidification, draft or nation), 民国 records not
// counted as 古籍 without a grade, and the scope named.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

test.before(async () => {
  app = await startTestApp();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const records: Array<Record<string, unknown>> = [
    { type: 'guji', callNumber: '統1', title: '周易本義四卷', edition: '清康熙刻本', grade: '二级乙等' },
    { type: 'guji', callNumber: '統2', title: '詩集傳八卷', edition: '明刻本', grade: '一级甲等' },
    {
      type: 'minguo',
      callNumber: '民統1',
      title: '吶喊',
      edition: '民國十二年（1923）北京新潮社鉛印本',
      minguoDocumentType: '图书',
      binding: '平装',
    },
  ];
  for (const r of records) {
    const res = await admin.post('/api/records', { institutionId: inst.id, ...r });
    if (res.status !== 201) throw new Error(res.text);
    await admin.post(`/api/records/${res.body.censusNumber}/assessments`, {
      observations: [{ damageType: '虫蛀', areaPercent: 20 }],
      phReadings: [{ value: 4.2 }],
    });
  }
  browser = await launchChromium();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

test.serial('statistics show labels in order, 民国 apart from ungraded 古籍', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/statistics', ADMIN.email, ADMIN.password);
  await page.getByTestId('stats-total').waitFor();
  t.regex((await page.getByTestId('stats-total').textContent()) ?? '', /全国.*3/);
  const gradeRows = await page
    .locator('table', { has: page.locator('caption', { hasText: '按古籍级别' }) })
    .locator('th')
    .allTextContents();
  t.deepEqual(gradeRows, ['一级', '二级'], 'the 民国 record is not an ungraded 古籍');
  const acidity =
    (await page
      .locator('table', { has: page.locator('caption', { hasText: '按酸化程度' }) })
      .textContent()) ?? '';
  t.true(acidity.includes('严重酸化'));
  const body = (await page.locator('#view').textContent()) ?? '';
  for (const raw of ['needs_deacidification', 'severe', 'nation', 'draft', 'mandatory']) {
    t.false(body.includes(raw), `raw code ${raw} on the page`);
  }
  t.true(body.includes('草稿'));
  // Kept for a person to look at (os tmp, outside the test's own folder, which is removed).
  await page.screenshot({ path: path.join(os.tmpdir(), 'census-statistics.png'), fullPage: true });
  t.deepEqual(pageErrors, []);
});
