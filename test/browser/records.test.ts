// The census-record pages in a real browser (Debian Chromium driven by playwright-core) against the
// real app: a cataloguer registers a 古籍 record through the form (live derived date, census number
// issued, submission), a bad edition date is shown under the edition field; the history lists
// both rounds of a record reviewed twice (the review pages: review.test.ts); bulk submission
// reports each record's result.
import test from 'ava';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

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

/** Waits for the answer of an API call made by the page (method and path, query ignored). */
function apiResponse(page: Page, method: string, path: string | RegExp) {
  return page.waitForResponse((res) => {
    const url = new URL(res.url());
    const pathMatches = typeof path === 'string' ? url.pathname === path : path.test(url.pathname);
    return res.request().method() === method && pathMatches;
  });
}

/** An institution in Fujian with a cataloguer (and an API client logged in as them). */
async function institutionWithCataloguer() {
  const institution = await createInstitution(admin, '350000');
  const cataloguer = await createUser(admin, { role: 'cataloguer', institutionId: institution.id });
  const api = await new ApiClient(app.url).login(cataloguer.email, STRONG_PASSWORD);
  return { institution, cataloguer, api };
}

const statusOf = (page: Page) => page.locator('#record-status');

test.serial(
  'a cataloguer registers a 古籍 record through the form, sees its census number and submits it; a bad edition date is shown under the edition field',
  async (t) => {
    const { institution, cataloguer } = await institutionWithCataloguer();
    const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 15_000 });
    await logInAt(page, app.url, '/records', cataloguer.email, STRONG_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '普查记录' }).waitFor();

    await page.getByRole('link', { name: '新建记录' }).click();
    await page.waitForURL((url) => url.pathname === '/records/new');
    t.true(await page.getByRole('radio', { name: '古籍' }).isChecked(), '古籍 is the default type');
    await page.getByLabel('索书号', { exact: true }).fill('善 01234');
    await page.getByLabel('题名卷数', { exact: true }).fill('朱子大全一百卷目錄二卷');
    await page.getByLabel('朝代', { exact: true }).fill('宋');
    await page.getByLabel('姓名', { exact: true }).fill('朱熹');
    await page.getByLabel('著作方式', { exact: true }).selectOption('撰');
    await page.getByLabel('版本', { exact: true }).fill('明天順四年（1460）賀沈、胡緝刻本');

    // The derived date appears while typing, before anything is saved.
    const derived = page.locator('output.derived-date[data-state="ok"]');
    await derived.filter({ hasText: '1460' }).waitFor();
    const derivedText = (await derived.textContent()) ?? '';
    t.true(derivedText.includes('天顺四年'), derivedText);
    t.true(derivedText.includes('1460'), derivedText);

    await page.getByLabel('册数', { exact: true }).fill('40');
    await page.getByLabel('装帧形式', { exact: true }).selectOption('线装');
    await page.getByLabel('分类', { exact: true }).selectOption('集');
    await page.getByLabel('古籍级别', { exact: true }).selectOption('二级乙等');
    await page.getByLabel('破损级别', { exact: true }).selectOption('三级');

    const created = apiResponse(page, 'POST', '/api/records');
    await page.getByRole('button', { name: '保存并生成普查编号' }).click();
    const createdResponse = await created;
    t.is(createdResponse.status(), 201);
    const sent = createdResponse.request().postDataJSON();
    t.false('censusNumber' in sent, 'the census number is never sent');
    t.deepEqual(sent.authors, [{ dynasty: '宋', name: '朱熹', role: '撰' }]);

    const expected = `350000-${institution.code}-0000001`;
    await page.waitForURL((url) => url.pathname === `/records/${expected}`);
    t.is(await page.locator('#census-number').textContent(), expected);
    await page.getByRole('status').filter({ hasText: expected }).waitFor();
    await statusOf(page).getByText('草稿').waitFor();
    t.is(await page.locator('#record-tier').textContent(), '必登项目');

    const submitted = apiResponse(page, 'POST', `/api/records/${expected}/submit`);
    await page.getByRole('button', { name: '提交审校' }).click();
    t.is((await submitted).status(), 200);
    await statusOf(page).getByText('已提交').waitFor();
    await page.getByRole('status').filter({ hasText: '已提交审校' }).waitFor();
    t.is(await page.getByRole('button', { name: '提交审校' }).count(), 0, 'no second submission offered');

    // A reign year that does not exist: the live preview says so, and the server's error lands
    // under the edition field with the focus there.
    await page.goto(`${app.url}/records/new`);
    await page.getByLabel('索书号', { exact: true }).fill('善 09999');
    await page.getByLabel('题名卷数', { exact: true }).fill('某書不分卷');
    const edition = page.getByLabel('版本', { exact: true });
    await edition.fill('清乾隆八十年刻本');
    await page.locator('output.derived-date[data-state="error"]').filter({ hasText: '乾隆八十年' }).waitFor();
    const refused = apiResponse(page, 'POST', '/api/records');
    await page.getByRole('button', { name: '保存并生成普查编号' }).click();
    t.is((await refused).status(), 400);
    const editionError = page.locator('[data-field="edition"] .field-error');
    await editionError.filter({ hasText: '清乾隆共 60 年' }).waitFor();
    t.true((await editionError.innerText()).includes('“乾隆八十年”超出末年 20 年'));
    t.is(await edition.getAttribute('aria-invalid'), 'true');
    t.is(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'edition');
    t.is(new URL(page.url()).pathname, '/records/new');
    t.deepEqual(pageErrors, []);
  },
);

test.serial(
  'the history lists both review rounds of a record returned once and approved (the review itself: review.test.ts)',
  async (t) => {
    const { institution, api } = await institutionWithCataloguer();
    const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
    const assigned = await admin.post('/api/review-assignments', {
      reviewerId: reviewer.id,
      institutionId: institution.id,
    });
    t.is(assigned.status, 201, assigned.text);
    const reviewerApi = await new ApiClient(app.url).login(reviewer.email, STRONG_PASSWORD);
    const created = await api.post('/api/records', validGujiInput({ institutionId: institution.id }));
    t.is(created.status, 201, created.text);
    const cn: string = created.body.censusNumber;
    t.is((await api.post(`/api/records/${cn}/submit`)).status, 200);
    t.is((await reviewerApi.post(`/api/records/${cn}/start-review`)).status, 200);
    const comment = { field: 'edition', text: '刊刻者请据牌记核对' };
    t.is((await reviewerApi.post(`/api/records/${cn}/comments`, comment)).status, 201);
    const note = '版本项刊刻者有误，请核对后重新提交';
    t.is((await reviewerApi.post(`/api/records/${cn}/return`, { note })).status, 200);
    const current = await api.get(`/api/records/${cn}`);
    const corrected = await api.patch(`/api/records/${cn}`, {
      publisher: '賀沈、胡緝',
      notes: '刊刻者據牌記核對',
      version: current.body.version,
    });
    t.is(corrected.status, 200, corrected.text);
    t.is((await api.post(`/api/records/${cn}/submit`)).status, 200);
    t.is((await reviewerApi.post(`/api/records/${cn}/approve`)).status, 200);

    const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 15_000 });
    await logInAt(page, app.url, `/records/${cn}/history`, reviewer.email, STRONG_PASSWORD);
    const round1 = page.locator('.review-round[data-round="1"]');
    const round2 = page.locator('.review-round[data-round="2"]');
    await round1.getByRole('heading', { name: '第 1 轮审校' }).waitFor();
    await round2.getByRole('heading', { name: '第 2 轮审校' }).waitFor();
    const first = await round1.innerText();
    t.true(first.includes('退回修改'), first);
    t.true(first.includes(note), first);
    t.true(first.includes(comment.text), first);
    t.true(first.includes(reviewer.email), first);
    const second = await round2.innerText();
    t.true(second.includes('提交审校'), second);
    t.true(second.includes('审校通过'), second);
    // The correction between the rounds is a version with each field's before and after.
    const change = page.locator('.changes-table tr[data-field="publisher"]').first();
    t.true((await change.innerText()).includes('賀沈、胡緝'));
    t.deepEqual(pageErrors, []);
  },
);

test.serial('bulk submission from the list reports each record’s result', async (t) => {
  const { institution, cataloguer, api } = await institutionWithCataloguer();
  const complete = await api.post(
    '/api/records',
    validGujiInput({ institutionId: institution.id, callNumber: '善 1' }),
  );
  const ungraded = await api.post(
    '/api/records',
    validGujiInput({ institutionId: institution.id, callNumber: '善 2', grade: null }),
  );
  t.is(complete.status, 201, complete.text);
  t.is(ungraded.status, 201, ungraded.text);

  const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 15_000 });
  await logInAt(page, app.url, '/records', cataloguer.email, STRONG_PASSWORD);
  await page.getByRole('checkbox', { name: new RegExp(complete.body.censusNumber) }).check();
  await page.getByRole('checkbox', { name: new RegExp(ungraded.body.censusNumber) }).check();
  await page.getByText('已选 2 条').waitFor();
  const bulk = apiResponse(page, 'POST', '/api/records/bulk/submit');
  await page.getByRole('button', { name: '批量提交' }).click();
  t.is((await bulk).status(), 200);

  const result = page.locator('.bulk-result');
  await result.getByText('成功 1 条，失败 1 条').waitFor();
  const ok = await result.locator(`li[data-census-number="${complete.body.censusNumber}"]`).innerText();
  t.true(ok.includes('成功') && ok.includes('已提交'), ok);
  const failed = await result.locator(`li[data-census-number="${ungraded.body.censusNumber}"]`).innerText();
  t.true(failed.includes('失败') && failed.includes('古籍级别'), failed);
  await page.getByRole('row').filter({ hasText: complete.body.censusNumber }).getByText('已提交').waitFor();
  t.deepEqual(pageErrors, []);
});
