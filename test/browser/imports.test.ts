// The import page in Chromium: a cataloguer goes from the record list to the import page, uploads a
// spreadsheet, watches it finish, reads the problems and downloads the report; atomic mode stores
// nothing when a row is bad.
import test from 'ava';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
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
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  browser = await launchChromium();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

async function cataloguerPage(): Promise<{ page: Page; institutionId: string; pageErrors: string[] }> {
  const institution = await createInstitution(admin, '350000');
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
  await page.locator('.import-job[data-status="done"]').waitFor();
}

const count = (page: Page, key: string) => page.locator(`dd[data-count="${key}"]`).textContent();

test.serial(
  'a cataloguer imports a spreadsheet, sees its progress end, its bad row and the error report',
  async (t) => {
    const { page, institutionId, pageErrors } = await cataloguerPage();
    await page.getByRole('link', { name: '导入与导出' }).click();
    await page.waitForURL((url) => url.pathname === `/institutions/${institutionId}/imports`);
    await page.getByRole('heading', { level: 1, name: '导入与导出' }).waitFor();

    // Nothing chosen: the form says so under the file field and sends nothing.
    await page.getByRole('button', { name: '上传并导入' }).click();
    t.regex(await page.locator('[data-field="file"] .field-error').innerText(), /请选择要导入的文件/);

    const templateHref = await page.getByRole('link', { name: '下载 CSV 模板' }).getAttribute('href');
    t.is(templateHref, '/api/import-templates/records?format=csv');

    await upload(
      page,
      'holdings.csv',
      csv(
        'B-1,周易本義四卷,（宋）朱熹撰,清康熙刻本',
        'B-2,文選六十卷,（梁）蕭統編,清乾隆八十年刻本',
        'B-3,楚辭章句十七卷,,明刻本',
      ),
      '导入正确的行',
    );
    t.is(await count(page, 'created'), '2');
    t.is(await count(page, 'failed'), '1');
    const problem = page.locator('.data-table tbody tr').first();
    t.is(await problem.locator('td').first().innerText(), '3', 'the bad row is named by its spreadsheet row');
    t.regex(await problem.innerText(), /乾隆八十年/);

    const reportHref = await page.getByRole('link', { name: '下载错误报告（CSV）' }).getAttribute('href');
    const report = await page.evaluate(async (href) => (await fetch(href!)).text(), reportHref);
    t.regex(report, /乾隆八十年/);

    const records = (await admin.get(`/api/records?institutionId=${institutionId}`)).body.items;
    t.deepEqual(records.map((r: any) => r.callNumber).sort(), ['B-1', 'B-3']);

    await page.getByRole('link', { name: '返回导入与导出' }).click();
    await page.locator('.data-table').getByRole('link', { name: 'holdings.csv' }).waitFor();
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
