// The public catalogue page (/catalogue, drawn by the React app) in a real browser (Debian Chromium
// via playwright-core), without logging in: a simplified query finds the traditional record with
// the match highlighted, a facet click narrows the results and lands in the URL, and that URL opened
// afresh shows the same view. The whole scholar's journey is test/browser/reading-room.test.ts.
import test from 'ava';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;

async function published(institutionId: string, callNumber: string, fields: Record<string, unknown>) {
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId,
    callNumber,
    authors: [{ dynasty: '唐', name: '陸贄', role: '撰' }],
    edition: '明嘉靖三十年（1551）刻本',
    editionType: '刻本',
    volumes: 4,
    binding: '线装',
    grade: '二级乙等',
    damageGrade: '三级',
    ...fields,
  });
  if (res.status !== 201) throw new Error(res.text);
  await publishRecord(admin, res.body.censusNumber);
  return res.body.censusNumber as string;
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const fj = await createInstitution(admin, '350000');
  const js = await createInstitution(admin, '320000');
  await published(fj.id, 'A1', { title: '陸宣公奏議二十二卷', classification: '史' });
  await published(js.id, 'B1', { title: '陸宣公集二十二卷', classification: '集' });
  await published(js.id, 'B2', { title: '杜工部集二十卷', classification: '集' });
  browser = await launchChromium();
});
test.after.always(async () => {
  await browser?.close();
  await app?.close();
});

async function newPage(width = 1280): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const titles = (page: Page) => page.locator('.catalogue-result .result-title').allTextContents();

test('search, facet click and permalink, without logging in', async (t) => {
  const { page, errors } = await newPage();
  await page.goto(`${app.url}/catalogue`);
  await page.locator('.catalogue-result').first().waitFor();
  t.is(await page.locator('.catalogue-result').count(), 3);

  await page.locator('input[name="q"]').fill('陆宣公');
  await page.locator('input[name="q"]').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === '陆宣公');
  await page.locator('.catalogue-count').filter({ hasText: '2' }).waitFor();
  t.deepEqual((await titles(page)).sort(), ['陸宣公奏議二十二卷', '陸宣公集二十二卷']);
  t.deepEqual(await page.locator('.catalogue-result mark').first().textContent(), '陸宣公');

  await page.locator('[data-facet="classification"] a', { hasText: '史' }).click();
  await page.waitForURL((url) => url.searchParams.get('classification') === '史');
  await page.locator('.catalogue-result').first().waitFor();
  await t.notThrowsAsync(() =>
    page.waitForFunction(() => document.querySelectorAll('.catalogue-result').length === 1),
  );
  t.deepEqual(await titles(page), ['陸宣公奏議二十二卷']);
  t.true(await page.locator('[data-facet="classification"] a.selected').isVisible());

  const permalink = page.url();
  const fresh = await newPage(390);
  await fresh.page.goto(permalink);
  await fresh.page.locator('.catalogue-result').first().waitFor();
  t.deepEqual(await titles(fresh.page), ['陸宣公奏議二十二卷']);
  t.is(await fresh.page.locator('input[name="q"]').inputValue(), '陆宣公');
  t.deepEqual(errors, []);
  t.deepEqual(fresh.errors, []);
});

test('bad input is reported on the page in both languages', async (t) => {
  const { page } = await newPage();
  await page.goto(`${app.url}/catalogue?yearFrom=1600&yearTo=1500`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  t.regex((await alert.textContent()) ?? '', /年份范围颠倒/);
  // The problem is under its field too, which keeps what was typed.
  t.regex((await page.locator('#catalogue-yearTo-helper-text').textContent()) ?? '', /年份范围颠倒/);
  t.is(await page.locator('#catalogue-yearTo').inputValue(), '1500');

  const en = await newPage();
  await en.page.addInitScript(() => localStorage.setItem('census.lang', 'en'));
  await en.page.goto(`${app.url}/catalogue?yearFrom=1600&yearTo=1500`);
  await en.page.getByRole('alert').waitFor();
  t.regex((await en.page.getByRole('alert').textContent()) ?? '', /Year range reversed/);
  // An empty state in both languages.
  await en.page.goto(`${app.url}/catalogue?q=${encodeURIComponent('永樂大典')}`);
  await en.page.locator('.catalogue-count', { hasText: '0 records' }).waitFor();
  t.regex((await en.page.locator('.empty').textContent()) ?? '', /No records match/);
  await page.goto(`${app.url}/catalogue?q=${encodeURIComponent('永樂大典')}`);
  await page.locator('.catalogue-count', { hasText: '共 0 条' }).waitFor();
  t.regex((await page.locator('.empty').textContent()) ?? '', /没有找到符合条件的记录/);
  t.deepEqual(en.errors, []);
});

test.serial('estimated counts are shown as such: 约 / about', async (t) => {
  const sql = (text: string, params: unknown[] = []) => app.orm.em.fork().execute(text, params);
  await sql("insert into setting (key, value, updated_at) values ('catalogue_counting', ?::jsonb, now())", [
    JSON.stringify({ exactLimit: 1 }),
  ]);
  try {
    const { page, errors } = await newPage();
    // One token: exact total, sampled facets.
    await page.goto(`${app.url}/catalogue?q=${encodeURIComponent('集')}`);
    await page.locator('.catalogue-result').first().waitFor();
    t.regex((await page.locator('.catalogue-count').textContent()) ?? '', /共 2 条/);
    t.regex((await page.locator('.facet-note').textContent()) ?? '', /抽样估计/);
    t.regex(
      (await page.locator('[data-facet="province"] .facet-count').first().textContent()) ?? '',
      /^约 \d+$/,
    );
    // Filtered: the total is an estimate too.
    await page.goto(
      `${app.url}/catalogue?q=${encodeURIComponent('刻本')}&binding=${encodeURIComponent('线装')}`,
    );
    await page.locator('.catalogue-result').first().waitFor();
    t.regex((await page.locator('.catalogue-count').textContent()) ?? '', /约 \d+ 条/);
    t.deepEqual(errors, []);
  } finally {
    await sql("delete from setting where key = 'catalogue_counting'");
  }
});
