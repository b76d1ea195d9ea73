// The statistics page in Chromium as a national administrator: categories in their defined order (not
// by count) and by their labels in both languages (no raw codes such as needs_deacidification, draft
// or nation), 民国 records not counted as 古籍 without a grade, the scope named, narrowed by province
// and then by institution (kept in the URL), and records registered per month.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let fujian: { id: string };
let jiangsu: { id: string };
/** Kept for a person to look at (SCREENSHOT_DIR or the system's temporary folder). */
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

test.before(async () => {
  app = await startTestApp();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  fujian = await createInstitution(admin, '350000', { name: '福建省图书馆' });
  jiangsu = await createInstitution(admin, '320000', { name: '南京图书馆' });
  const records: Array<Record<string, unknown>> = [
    // Two 二级 and one 一级: by count 二级 would come first; the defined order puts 一级 first.
    { type: 'guji', callNumber: '統1', title: '周易本義四卷', edition: '清康熙刻本', grade: '二级乙等' },
    { type: 'guji', callNumber: '統2', title: '詩集傳八卷', edition: '明刻本', grade: '二级乙等' },
    { type: 'guji', callNumber: '統3', title: '文選六十卷', edition: '宋刻遞修本', grade: '一级甲等' },
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
    const res = await admin.post('/api/records', { institutionId: fujian.id, ...r });
    if (res.status !== 201) throw new Error(res.text);
    await admin.post(`/api/records/${res.body.censusNumber}/assessments`, {
      observations: [{ damageType: '虫蛀', areaPercent: 20 }],
      phReadings: [{ value: 4.2 }],
    });
  }
  const other = await admin.post('/api/records', {
    institutionId: jiangsu.id,
    type: 'minguo',
    callNumber: '民統2',
    title: '辭源',
    edition: '民國八年（1919）商務印書館鉛印本',
    minguoDocumentType: '图书',
    binding: '精装',
  });
  if (other.status !== 201) throw new Error(other.text);
  browser = await launchChromium();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

const rowsOf = (page: Page, table: string) =>
  page.locator(`[data-table="${table}"] tbody th`).allTextContents();
const RAW = ['needs_deacidification', 'severe', 'nation', 'draft', 'mandatory', 'basic', 'minguo', 'guji'];

async function choose(page: Page, field: string, option: RegExp) {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

test.serial(
  'statistics show labels in order, 民国 apart from ungraded 古籍, narrowed by province and institution',
  async (t) => {
    const { page, pageErrors } = await newTrackedPage(browser, contexts);
    await logInAt(page, app.url, '/statistics', ADMIN.email, ADMIN.password);
    await page.getByTestId('stats-total').waitFor();
    t.regex((await page.getByTestId('stats-total').textContent()) ?? '', /全国.*5/);
    t.deepEqual(
      await rowsOf(page, 'stats-grade'),
      ['一级', '二级'],
      'the 民国 records are not ungraded 古籍',
    );
    t.deepEqual(await rowsOf(page, 'stats-rank'), ['一级甲等', '二级乙等']);
    t.deepEqual(await rowsOf(page, 'stats-type'), ['古籍', '民国文献']);
    t.deepEqual(await rowsOf(page, 'stats-province'), ['江苏省', '福建省']);
    const acidity = (await page.locator('[data-table="stats-acidity"]').textContent()) ?? '';
    t.true(acidity.includes('严重酸化'));
    // Registered this month (Beijing time): every record.
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    t.deepEqual(
      await page
        .locator(`[data-table="stats-trend"] tr[data-month="${month}"] td`)
        .allTextContents()
        .then((c) => c.slice(0, 2)),
      ['5', '0'],
    );
    const body = (await page.locator('#main').textContent()) ?? '';
    for (const raw of RAW) t.false(body.includes(raw), `raw code ${raw} on the page`);
    t.true(body.includes('草稿'));

    // One province, then one of its institutions: the numbers follow, the URL keeps the choice.
    await choose(page, '省份', /福建省（4）/);
    await page.waitForURL((url) => url.searchParams.get('provinceCode') === '350000');
    await page
      .getByTestId('stats-total')
      .filter({ hasText: /福建省.*4/ })
      .waitFor();
    t.deepEqual(await rowsOf(page, 'stats-type'), ['古籍', '民国文献']);
    t.is(await page.locator('[data-table="stats-province"]').count(), 0);
    await choose(page, '收藏单位', /福建省图书馆（4）/);
    await page.waitForURL((url) => url.searchParams.get('institutionId') === fujian.id);
    await page
      .getByTestId('stats-total')
      .filter({ hasText: /福建省图书馆.*4/ })
      .waitFor();
    t.deepEqual(await rowsOf(page, 'stats-completion'), ['福建省图书馆']);
    await page.screenshot({ path: path.join(shots, 'census-statistics.png'), fullPage: true });
    await page.goBack();
    await page
      .getByTestId('stats-total')
      .filter({ hasText: /福建省 ·/ })
      .waitFor();
    await choose(page, '省份', /江苏省（1）/);
    await page
      .getByTestId('stats-total')
      .filter({ hasText: /江苏省.*1/ })
      .waitFor();
    t.deepEqual(await rowsOf(page, 'stats-grade'), [], 'a 民国 record alone gives no 古籍级别 row');

    // The same page in English: every category by its English label, no code, no untranslated key.
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByTestId('stats-total')
      .filter({ hasText: /Scope: Jiangsu · 1 records/ })
      .waitFor();
    await choose(page, 'Province', /Nationwide/);
    await page
      .getByTestId('stats-total')
      .filter({ hasText: /Nationwide · 5/ })
      .waitFor();
    t.deepEqual(await rowsOf(page, 'stats-grade'), ['Grade 1', 'Grade 2']);
    t.deepEqual(await rowsOf(page, 'stats-rank'), ['Grade 1, class A', 'Grade 2, class B']);
    const english = (await page.locator('#main').textContent()) ?? '';
    // Whole words: “severely acidic” is English, “severe” alone would be the band's code (and
    // “Below mandatory” is the label of the lowest tier: those English words are not codes here).
    for (const raw of RAW.filter((r) => !['mandatory', 'basic'].includes(r)))
      t.notRegex(english, new RegExp(`\\b${raw}\\b`), `raw code ${raw} on the English page`);
    t.notRegex(english, /statistics\.[a-zA-Z]/);
    t.true(english.includes('Draft'));
    t.deepEqual(pageErrors, []);
  },
);
