// The import pages (React) in Chromium: a cataloguer goes from the record list to the institution's
// import page, uploads a spreadsheet of catalogue rows (some with problems), watches the import run to
// its end, reads every bad row's problems by row and column in Chinese (and English), downloads the
// report; atomic mode stores nothing when a row is bad. What may be done comes from the server.
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

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

async function cataloguerPage(): Promise<{ page: Page; institutionId: string; pageErrors: string[] }> {
  const institution = await createInstitution(admin, '350000', { name: '福建省圖書館' });
  const cataloguer = await createUser(admin, { role: 'cataloguer', institutionId: institution.id });
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/records', cataloguer.email, STRONG_PASSWORD);
  return { page, institutionId: institution.id, pageErrors };
}

const HEADER = '索书号,题名卷数,著者,版本';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n') + '\n');

async function upload(page: Page, name: string, content: Buffer, mode: '导入正确的行' | '全部不导入') {
  await page.getByLabel(mode, { exact: false }).check();
  await page
    .getByLabel('表格文件（.csv 或 .xlsx）')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: '上传并导入' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/imports/'));
  await page.getByRole('status').filter({ hasText: '文件已上传，正在后台导入。' }).waitFor();
  await page.locator('.import-job[data-status="done"]').waitFor();
}

const count = (page: Page, key: string) => page.locator(`[data-count="${key}"]`).textContent();
const RAW_EN = /\b(skip|atomic|queued|assessments|callNumber)\b|imports\.[a-zA-Z]+/;
const RAW =
  /\b(records|assessments|skip|atomic|done|queued|running|error|warning|callNumber|title|edition|imports\.[a-zA-Z]+)\b/;

test.serial(
  'a cataloguer imports a spreadsheet, sees its progress end, every bad row by column and the error report',
  async (t) => {
    const { page, institutionId, pageErrors } = await cataloguerPage();
    await page.getByRole('link', { name: '导入与导出' }).click();
    await page.waitForURL((url) => url.pathname === `/institutions/${institutionId}/imports`);
    await page.getByRole('heading', { level: 1, name: '导入与导出' }).waitFor();
    await page.getByText('福建省圖書館').first().waitFor();

    // Nothing chosen: the server's answer is shown under the file field, and nothing is queued.
    await page.getByRole('button', { name: '上传并导入' }).click();
    await page.locator('#import-file-helper').filter({ hasText: '请选择要导入的文件' }).waitFor();
    t.is(await page.locator('#import-file').getAttribute('aria-invalid'), 'true');
    t.is((await admin.get(`/api/institutions/${institutionId}/imports`)).body.items.length, 0);

    const templateHref = await page.getByRole('link', { name: '下载 CSV 模板' }).getAttribute('href');
    t.is(templateHref, '/api/import-templates/records?format=csv');
    // Either kind, by its label: the assessment template follows the choice.
    await page.getByRole('combobox', { name: '导入内容' }).click();
    await page.getByRole('option', { name: '破损评估' }).click();
    t.is(
      await page.getByRole('link', { name: '下载 CSV 模板' }).getAttribute('href'),
      '/api/import-templates/assessments?format=csv',
    );
    await page.getByRole('combobox', { name: '导入内容' }).click();
    await page.getByRole('option', { name: '普查记录' }).click();

    await upload(
      page,
      'holdings.csv',
      csv(
        '善 0101,周易本義四卷,（宋）朱熹撰,清康熙刻本',
        '善 0102,文選六十卷,（梁）蕭統編,清乾隆八十年刻本',
        '善 0103,楚辭章句十七卷,（漢）王逸撰,明刻本',
        '善 0104,,（唐）杜甫撰,民國八年商務印書館鉛印本',
      ),
      '导入正确的行',
    );
    t.is(await count(page, 'created'), '2');
    t.is(await count(page, 'failed'), '2');
    await page.getByRole('status').filter({ hasText: '已读取 4 行，已处理 4 行' }).waitFor();
    await page.locator('[data-status="done"]').getByText('已完成').waitFor();
    t.is(
      await page.getByRole('button', { name: '取消导入' }).count(),
      0,
      'an ended import cannot be cancelled',
    );

    // Every problem by its spreadsheet row and the column as the file names it, in Chinese.
    const problems = page.locator('table.import-problems tbody tr');
    const first = problems.first();
    t.is(await first.locator('td').first().innerText(), '3', 'the bad row is named by its spreadsheet row');
    t.regex(await first.innerText(), /版本/);
    t.regex(await first.innerText(), /乾隆八十年/);
    const missingTitle = problems.filter({ has: page.locator('td:first-child', { hasText: /^5$/ }) });
    t.regex(await missingTitle.first().innerText(), /题名/);
    await page.screenshot({ path: path.join(shots, 'import-job.png'), fullPage: true });
    t.false(RAW.test(await page.getByRole('main').innerText()), 'no raw codes (zh)');

    const reportHref = await page.getByRole('link', { name: '下载错误报告（CSV）' }).getAttribute('href');
    const report = await page.evaluate(async (href) => (await fetch(href!)).text(), reportHref);
    t.regex(report, /乾隆八十年/);

    const records = (await admin.get(`/api/records?institutionId=${institutionId}`)).body.items;
    t.deepEqual(records.map((r: any) => r.callNumber).sort(), ['善 0101', '善 0103']);

    // In English the page's words and the server's labels switch; the column stays as the file names it.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.locator('[data-status="done"]').getByText('Done').waitFor();
    const english = (await page.getByRole('main').innerText()).replace(/holdings\.csv/, '');
    t.false(RAW_EN.test(english), `no raw codes (en): ${RAW_EN.exec(english)?.[0]}`);
    t.false(
      /[\u4e00-\u9fff]/.test(english.replace(/[^\n]*(题名|版本|乾隆|楚辭|文選|周易|杜甫|民國)[^\n]*/g, '')),
      "no Chinese left but the file's own",
    );
    await page.getByRole('button', { name: '中文' }).click();

    await page.getByRole('link', { name: '返回导入与导出' }).click();
    const history = page.getByRole('table', { name: '导入记录' });
    await history.getByRole('link', { name: 'holdings.csv' }).waitFor();
    t.regex(await history.getByRole('row').filter({ hasText: 'holdings.csv' }).innerText(), /新建 2，出错 2/);
    t.deepEqual(pageErrors, []);
  },
);

test.serial('in all-or-nothing mode one bad row stores nothing and the page says so', async (t) => {
  const { page, institutionId, pageErrors } = await cataloguerPage();
  await page.goto(`${app.url}/institutions/${institutionId}/imports`);
  await upload(page, 'atomic.csv', csv('C-1,周易本義四卷,,清刻本', 'C-2,,,清刻本'), '全部不导入');
  t.is(await count(page, 'created'), '0');
  t.is(await count(page, 'failed'), '1');
  await page.getByRole('alert').filter({ hasText: '没有存入任何一行' }).waitFor();
  const records = (await admin.get(`/api/records?institutionId=${institutionId}`)).body.items;
  t.deepEqual(records, []);
  t.deepEqual(pageErrors, []);
});

test.serial('a conservator may import assessments only, and sees no record exports or history', async (t) => {
  const institution = await createInstitution(admin, '350000');
  const conservator = await createUser(admin, { role: 'conservator', institutionId: institution.id });
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, `/institutions/${institution.id}/imports`, conservator.email, STRONG_PASSWORD);
  await page.getByText('导入内容：破损评估').waitFor();
  t.is(await page.getByRole('heading', { name: '导出', exact: true }).count(), 0);
  t.is(await page.getByRole('heading', { name: '导入记录' }).count(), 0);
  t.deepEqual(pageErrors, []);
});
