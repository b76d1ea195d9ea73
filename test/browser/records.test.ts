// The census-record pages in a real browser (Debian Chromium driven by playwright-core) against the
// real app: a cataloguer registers a 古籍 record through the form (live derived date, census number
// issued, submission), a bad edition date is shown under the edition field; the history lists
// both rounds of a record reviewed twice (the review pages: review.test.ts); bulk submission
// reports each record's result.
import os from 'node:os';
import path from 'node:path';
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
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

test.serial(
  'the record list: 新建记录 only for those who register, filters and search in the address, status by its label',
  async (t) => {
    const { institution, cataloguer, api } = await institutionWithCataloguer();
    const shiji = await api.post(
      '/api/records',
      validGujiInput({
        institutionId: institution.id,
        callNumber: '善 00017',
        title: '史記集解一百三十卷',
        authors: [{ dynasty: '南朝宋', name: '裴駰', role: '集解' }],
        edition: '明嘉靖四年（1525）汪諒刻本',
      }),
    );
    t.is(shiji.status, 201, shiji.text);
    const other = await api.post(
      '/api/records',
      validGujiInput({ institutionId: institution.id, callNumber: '善 00018' }),
    );
    t.is(other.status, 201, other.text);
    t.is((await api.post(`/api/records/${other.body.censusNumber}/submit`)).status, 200);

    const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 15_000 });
    await logInAt(page, app.url, '/records', cataloguer.email, STRONG_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '普查记录' }).waitFor();
    await page.getByRole('heading', { name: '共 2 条记录' }).waitFor();
    t.is(await page.getByRole('link', { name: '新建记录' }).count(), 1);
    const row = page.getByRole('row').filter({ hasText: shiji.body.censusNumber });
    await row.getByText('草稿').waitFor();
    t.true((await row.innerText()).includes('（南朝宋）裴駰集解'));
    t.true((await row.innerText()).includes('明 嘉靖四年 → 1525（精确到年）'));
    await page.getByRole('row').filter({ hasText: other.body.censusNumber }).getByText('已提交').waitFor();

    // Status filter (labels from the server), then a keyword: both kept in the address.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByRole('option', { name: '草稿' }).click();
    await page.getByLabel('关键词').fill('史記');
    await page.getByLabel('关键词').press('Enter');
    await page.waitForURL((url) => url.search.includes('status=draft') && url.search.includes('q='));
    await page.getByRole('heading', { name: '共 1 条记录' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'records-list.png'), fullPage: true });

    // In English the labels the server sent switch with the interface: no raw codes either way.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Census records' }).waitFor();
    await page.getByRole('row').filter({ hasText: shiji.body.censusNumber }).getByText('Draft').waitFor();
    t.false(/\b(draft|guji|records\.)\b/.test(await page.getByRole('main').innerText()), 'no raw codes (en)');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '普查记录' }).waitFor();

    // A bad year is the server's field error, shown under the field.
    await page.getByLabel('年代自').fill('明代');
    await page.getByLabel('年代自').press('Enter');
    await page.locator('#filter-yearFrom-helper-text').filter({ hasText: 'yearFrom' }).waitFor();
    t.false(
      /\b(draft|submitted|guji|records\.)\b/.test(await page.getByRole('main').innerText()),
      'no raw codes',
    );

    // The census number leads to the record.
    await page.getByRole('link', { name: '清除筛选' }).click();
    await page.waitForURL((url) => url.pathname === '/records' && url.search === '');
    await page.getByRole('link', { name: shiji.body.censusNumber }).click();
    await page.waitForURL((url) => url.pathname === `/records/${shiji.body.censusNumber}`);
    t.deepEqual(pageErrors, []);

    // Reviewers do not register records: no 新建记录 for them.
    const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
    const second = await newTrackedPage(browser, contexts, { timeoutMs: 15_000 });
    await logInAt(second.page, app.url, '/records', reviewer.email, STRONG_PASSWORD);
    await second.page.getByRole('heading', { level: 1, name: '普查记录' }).waitFor();
    await second.page.getByRole('heading', { name: /共 \d+ 条记录/ }).waitFor();
    t.is(await second.page.getByRole('link', { name: '新建记录' }).count(), 0);
    t.deepEqual(second.pageErrors, []);
  },
);

test.serial(
  'a cataloguer registers a 古籍 record through the form, sees its census number and submits it; a bad edition date is shown under the edition field',
  async (t) => {
    const { institution, cataloguer } = await institutionWithCataloguer();
    const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 15_000 });
    await logInAt(page, app.url, '/records', cataloguer.email, STRONG_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '普查记录' }).waitFor();

    await page.getByRole('link', { name: '新建记录' }).click();
    await page.waitForURL((url) => url.pathname === '/records/new');
    await page.getByRole('heading', { level: 1, name: '登记普查记录' }).waitFor();
    t.true(await page.getByRole('radio', { name: '古籍' }).isChecked(), '古籍 is the default type');
    await page.getByRole('textbox', { name: '索书号' }).fill('善 01234');
    await page.getByRole('textbox', { name: '题名卷数' }).fill('朱子大全一百卷目錄二卷');
    await page.getByRole('textbox', { name: '朝代' }).fill('宋');
    await page.getByRole('textbox', { name: '姓名' }).fill('朱熹');
    await page.getByRole('combobox', { name: '著作方式' }).fill('撰');
    await page.getByRole('textbox', { name: '版本', exact: true }).fill('明天順四年（1460）賀沈、胡緝刻本');

    // The derived date appears while typing, before anything is saved.
    const derived = page.locator('output.derived-date[data-state="ok"]');
    await derived.filter({ hasText: '1460' }).waitFor();
    const derivedText = (await derived.textContent()) ?? '';
    t.true(derivedText.includes('天顺四年'), derivedText);
    t.true(derivedText.includes('1460'), derivedText);

    await page.getByRole('textbox', { name: '册数' }).fill('40');
    // Long code lists are searchable: typing narrows the 版本类型 list to the matching values.
    await page.getByRole('combobox', { name: '版本类型' }).fill('刻');
    await page.getByRole('option', { name: '刻本', exact: true }).click();
    await page.getByRole('combobox', { name: '装帧形式' }).fill('线装');
    await page.getByRole('combobox', { name: '分类', exact: true }).fill('集');
    await page.getByRole('combobox', { name: '古籍级别' }).fill('二级乙等');
    await page.getByRole('combobox', { name: '破损级别' }).fill('三级');

    const created = apiResponse(page, 'POST', '/api/records');
    await page.getByRole('button', { name: '保存并生成普查编号' }).click();
    const createdResponse = await created;
    t.is(createdResponse.status(), 201);
    const sent = createdResponse.request().postDataJSON();
    t.false('censusNumber' in sent, 'the census number is never sent');
    t.deepEqual(sent.authors, [{ dynasty: '宋', name: '朱熹', role: '撰' }]);
    t.is(sent.editionType, '刻本');

    const expected = `350000-${institution.code}-0000001`;
    await page.waitForURL((url) => url.pathname === `/records/${expected}`);
    await statusOf(page).getByText('草稿').waitFor();
    t.is(await page.locator('#census-number').textContent(), expected);
    await page.getByRole('status').filter({ hasText: expected }).waitFor();
    t.is(await page.locator('#record-tier').textContent(), '必登项目');

    const submitted = apiResponse(page, 'POST', `/api/records/${expected}/submit`);
    await page.getByRole('button', { name: '提交审校' }).click();
    t.is((await submitted).status(), 200);
    await statusOf(page).getByText('已提交').waitFor();
    await page.getByRole('status').filter({ hasText: '已完成：提交审校' }).waitFor();
    t.is(await page.getByRole('button', { name: '提交审校' }).count(), 0, 'no second submission offered');

    // A reign year that does not exist and a volume count in words: the live preview says so, and
    // every problem the server finds is listed together and shown under its field, in Chinese.
    await page.goto(`${app.url}/records/new`);
    await page.getByRole('textbox', { name: '索书号' }).fill('善 09999');
    await page.getByRole('textbox', { name: '题名卷数' }).fill('某書不分卷');
    const edition = page.getByRole('textbox', { name: '版本', exact: true });
    await edition.fill('清乾隆八十年刻本');
    await page.locator('output.derived-date[data-state="error"]').filter({ hasText: '乾隆八十年' }).waitFor();
    const refused = apiResponse(page, 'POST', '/api/records');
    await page.getByRole('button', { name: '保存并生成普查编号' }).click();
    t.is((await refused).status(), 400);
    const editionError = page.locator('#f-edition-helper-text');
    await editionError.filter({ hasText: '清乾隆共 60 年' }).waitFor();
    t.true((await editionError.innerText()).includes('“乾隆八十年”超出末年 20 年'));
    t.is(await edition.getAttribute('aria-invalid'), 'true');
    const summary = page.locator('#form-errors');
    t.true((await summary.innerText()).includes('版本'), await summary.innerText());
    t.false((await summary.innerText()).includes('请求编号'));
    t.is(await page.evaluate(() => document.activeElement?.id), 'form-errors');
    await page.screenshot({ path: path.join(shots, 'record-form-errors.png'), fullPage: true });
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
    // People by their names, fields by their labels, steps and statuses by theirs.
    t.true(first.includes(reviewer.displayName), first);
    t.false(first.includes(reviewer.email), first);
    t.true(first.includes(`版本：${comment.text}`), first);
    const second = await round2.innerText();
    t.true(second.includes('提交审校'), second);
    t.true(second.includes('审校通过 → 已通过'), second);
    // The correction between the rounds is a version with each field's before and after.
    const change = page.locator('.changes-table tr[data-field="publisher"]').first();
    t.true((await change.innerText()).includes('賀沈、胡緝'));
    t.true((await change.innerText()).includes('出版者 / 堂号'));
    await page.screenshot({ path: path.join(shots, 'record-history.png'), fullPage: true });
    t.false(
      /\b(approve|submitted|approved|publisher|record\.)\b/.test(await page.getByRole('main').innerText()),
    );
    t.deepEqual(pageErrors, []);
  },
);

test.serial(
  'a returned record shows the cataloguer the reviewer’s note and field comments; resubmitted, then taken back with 撤回提交 after a confirmation',
  async (t) => {
    const { institution, cataloguer, api } = await institutionWithCataloguer();
    const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
    t.is(
      (
        await admin.post('/api/review-assignments', {
          reviewerId: reviewer.id,
          institutionId: institution.id,
        })
      ).status,
      201,
    );
    const reviewerApi = await new ApiClient(app.url).login(reviewer.email, STRONG_PASSWORD);
    const created = await api.post(
      '/api/records',
      validGujiInput({
        institutionId: institution.id,
        callNumber: '善 04211',
        title: '史記集解一百三十卷',
        authors: [{ dynasty: '南朝宋', name: '裴駰', role: '集解' }],
        edition: '明嘉靖四年（1525）汪諒刻本',
        publisher: '汪諒',
      }),
    );
    t.is(created.status, 201, created.text);
    const cn: string = created.body.censusNumber;

    const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 15_000 });
    await logInAt(page, app.url, `/records/${cn}`, cataloguer.email, STRONG_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '史記集解一百三十卷' }).waitFor();
    await statusOf(page).getByText('草稿').waitFor();
    // Fields in catalogue order with the server's labels; the derived date written out.
    t.is(await page.locator('dd[data-field="authors"]').innerText(), '（南朝宋）裴駰集解');
    t.regex(await page.locator('dd[data-field="editionDate"]').innerText(), /明 嘉靖四年 → 1525（精确到年）/);
    t.is(await page.locator('dt[data-field="title"]').innerText(), '题名卷数');
    // Offered steps only: no 撤回提交 on a draft.
    t.is(await page.getByRole('button', { name: '撤回提交' }).count(), 0);
    const submitted = apiResponse(page, 'POST', `/api/records/${cn}/submit`);
    await page.getByRole('button', { name: '提交审校' }).click();
    t.is((await submitted).status(), 200);
    await statusOf(page).getByText('已提交').waitFor();
    t.is(await page.getByRole('link', { name: '修改记录' }).count(), 0, 'locked while submitted');

    // The reviewer comments on the edition and returns the record (through the API).
    t.is((await reviewerApi.post(`/api/records/${cn}/start-review`)).status, 200);
    const comment = await reviewerApi.post(`/api/records/${cn}/comments`, {
      field: 'edition',
      text: '牌記作「嘉靖乙酉」，請照錄',
    });
    t.is(comment.status, 201, comment.text);
    const returned = await reviewerApi.post(`/api/records/${cn}/return`, {
      note: '版本項請據牌記核對後重新提交',
    });
    t.is(returned.status, 200, returned.text);

    await page.reload();
    await statusOf(page).getByText('已退回').waitFor();
    const notice = page.locator('#return-notice');
    await notice.getByText('版本項請據牌記核對後重新提交').waitFor();
    t.true((await notice.innerText()).includes('审校退回（第 1 轮）'));
    t.true((await notice.innerText()).includes('版本：牌記作「嘉靖乙酉」，請照錄'));
    // The comment also sits beside the field it concerns.
    await page
      .locator('dd[data-field="edition"] .field-comments')
      .getByText('牌記作「嘉靖乙酉」，請照錄')
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'record-returned.png'), fullPage: true });
    t.is(await page.getByRole('link', { name: '修改记录' }).count(), 1);

    // The form shows the note and, beside the edition, the reviewer's comment; the fix is saved.
    await page.getByRole('link', { name: '修改记录' }).click();
    await page.waitForURL((url) => url.pathname === `/records/${cn}/edit`);
    await page.locator('#return-notice').getByText('版本項請據牌記核對後重新提交').waitFor();
    await page
      .locator('[data-field="edition"] .field-comments')
      .getByText('牌記作「嘉靖乙酉」，請照錄')
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'record-form-returned.png'), fullPage: true });
    const fixedEdition = page.getByRole('textbox', { name: '版本', exact: true });
    await fixedEdition.fill('明嘉靖四年（乙酉，1525）汪諒刻本');
    await page.locator('output.derived-date[data-state="ok"]').filter({ hasText: '1525' }).waitFor();
    const patched = apiResponse(page, 'PATCH', `/api/records/${cn}`);
    await page.getByRole('button', { name: '保存修改' }).click();
    const patchResponse = await patched;
    t.is(patchResponse.status(), 200);
    t.like(patchResponse.request().postDataJSON(), { edition: '明嘉靖四年（乙酉，1525）汪諒刻本' });
    t.false('title' in patchResponse.request().postDataJSON(), 'only the changed fields are sent');
    await page.waitForURL((url) => url.pathname === `/records/${cn}`);
    await page.getByRole('status').filter({ hasText: '修改已保存' }).waitFor();
    await statusOf(page).getByText('已退回').waitFor();
    await page.getByRole('button', { name: '提交审校' }).click();
    await statusOf(page).getByText('已提交').waitFor();
    t.is(await page.locator('#return-notice').count(), 0, 'the return is no longer shown once resubmitted');

    // 撤回提交 asks first; cancelling changes nothing, confirming takes it back to draft.
    await page.getByRole('button', { name: '撤回提交' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('撤回后记录回到草稿').waitFor();
    await page.screenshot({ path: path.join(shots, 'record-recall-confirm.png') });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await statusOf(page).getByText('已提交').waitFor();
    await page.getByRole('button', { name: '撤回提交' }).click();
    const recalled = apiResponse(page, 'POST', `/api/records/${cn}/recall`);
    await page.getByRole('dialog').getByRole('button', { name: '撤回提交' }).press('Enter');
    t.is((await recalled).status(), 200);
    await statusOf(page).getByText('草稿').waitFor();
    await page.getByRole('status').filter({ hasText: '已完成：撤回提交' }).waitFor();
    t.true(await page.getByRole('button', { name: '提交审校' }).isVisible());
    t.false(
      /\b(draft|submitted|returned|recall|withdraw|record\.)\b/.test(
        await page.getByRole('main').innerText(),
      ),
    );

    // Withdrawal needs a reason, asked for with the warning that it cannot be undone.
    await page.getByRole('button', { name: '撤销记录' }).click();
    const withdraw = page.getByRole('dialog');
    await withdraw.getByText('不能恢复').waitFor();
    await withdraw.getByRole('button', { name: '撤销记录' }).click();
    await withdraw.getByText('请填写此项').waitFor();
    await withdraw.getByLabel('撤销理由').fill('與善 04210 重複登記');
    await withdraw.getByRole('button', { name: '撤销记录' }).click();
    await statusOf(page).getByText('已撤销').waitFor();
    await page.getByText('撤销理由：與善 04210 重複登記').waitFor();
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
  await page.getByRole('button', { name: '批量提交审校' }).click();
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
