// The restoration journey in a real browser (Debian Chromium driven by playwright-core) against the
// real app, as the people would walk it: a conservator raises a work order from the board (choosing
// the "before" assessment from the record's list), adds a before photo, plans it (an incomplete
// technique refused under its field), a studio head approves, the conservator starts, logs a step
// with a photo (a negative leaf count refused under its field, never “请求体校验失败”), uploads an
// after photo, sees 完成修复 wait for the after-treatment assessment, reaches that assessment from the
// order (record title, link back, confirmation), and completes; an inspector accepts with a rating;
// the printable restoration record shows the totals, both levels and the rating and has a print
// stylesheet; the before/after manifest opens side by side in Mirador; the board speaks English.
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import sharp from 'sharp';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { closeContexts, launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, STRONG_PASSWORD } from '../helpers/fixtures.js';

const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
let app: TestApp;
let browser: Browser;
let admin: ApiClient;
let worker: { email: string; api: ApiClient };
let head: { email: string };
let inspector: { email: string };
let cn: string;
let firstAssessmentId: string;
const contexts: BrowserContext[] = [];
const TITLE = '論語注疏十卷';
// Codes that must never reach the screen in place of their labels.
const RAW = /\b(proposed|planned|in_progress|on_hold|completed|accepted|rejected|cancelled|isConservator)\b/;
// In English the labels are words too (“Accepted”), so only the codes' own spellings betray a raw code.
const RAW_EN = /\b(in_progress|on_hold|isConservator|studio_head)\b/;

let n = 0;
async function person(institutionId: string, displayName: string, capability?: string) {
  n += 1;
  const res = await admin.post('/api/users', {
    email: `restorer${n}-${Date.now()}@test.local`,
    password: STRONG_PASSWORD,
    displayName,
    role: 'conservator',
    institutionId,
  });
  if (res.status !== 201) throw new Error(res.text);
  if (capability) {
    const role = await admin.post('/api/restoration-roles', { userId: res.body.id, role: capability });
    if (role.status !== 201) throw new Error(role.text);
  }
  return {
    email: res.body.email as string,
    api: await new ApiClient(app.url).login(res.body.email, STRONG_PASSWORD),
  };
}

async function jpeg(r: number, g: number, b: number): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 400, channels: 3, background: { r, g, b } } })
    .jpeg()
    .toBuffer();
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  worker = await person(inst.id, '林秀英');
  head = await person(inst.id, '陈国华', 'studio_head');
  inspector = await person(inst.id, '黄志明', 'inspector');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '修-1',
    title: TITLE,
    edition: '清嘉慶二十年（1815）南昌府學刻本',
  });
  if (rec.status !== 201) throw new Error(rec.text);
  cn = rec.body.censusNumber;
  // Two assessments: the person chooses the first (二级), not the latest default.
  const first = await worker.api.post(`/api/records/${cn}/assessments`, {
    assessedOn: '2026-03-01',
    observations: [{ damageType: '虫蛀', areaPercent: 55 }],
    phReadings: [],
  });
  if (first.status !== 201) throw new Error(first.text);
  firstAssessmentId = first.body.id;
  const second = await worker.api.post(`/api/records/${cn}/assessments`, {
    assessedOn: '2026-04-01',
    observations: [{ damageType: '水渍', areaPercent: 20 }],
    phReadings: [{ value: 4.8 }],
  });
  if (second.status !== 201) throw new Error(second.text);
  browser = await launchChromium();
});

test.afterEach.always(() => closeContexts(contexts));

test.after.always(async () => {
  await browser?.close();
  await app?.close();
});

const state = (page: Page) => page.locator('#wo-state');

async function act(page: Page, label: string, expected: string) {
  const button = page.getByRole('button', { name: label, exact: true });
  await button.waitFor().catch(async () => {
    throw new Error(`no button ${label}: ${await page.locator('main').textContent()}`);
  });
  await button.click();
  await page.locator(`#wo-state:text-is("${expected}")`).waitFor();
}

/** The labels of the steps the page offers now. */
async function offered(page: Page): Promise<string[]> {
  await page.locator('.wo-actions').waitFor();
  return page.locator('.wo-actions button[data-action]').allTextContents();
}

test.serial('a work order goes from proposed to accepted through the pages', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  // the conservator starts from the rescue triage list: the record ranked, every value by its label
  await logInAt(page, app.url, '/triage', worker.email, STRONG_PASSWORD);
  await page.getByRole('heading', { name: '待抢救古籍排序', level: 1 }).waitFor();
  const row = page.locator('.triage-table tbody tr', { hasText: cn });
  await row.waitFor();
  const rowText = (await row.textContent()) ?? '';
  t.regex(rowText, /三级破损/);
  t.regex(rowText, /重度酸化（pH < 5.0）/);
  t.notRegex(rowText, /severe|heavy|needs_deacidification|institution/);
  t.regex((await page.locator('#triage-summary').textContent()) ?? '', /^收藏单位：测试图书馆\d+ · 共 1 部$/);
  await row.getByRole('link', { name: '开修复工单' }).click();
  await page.waitForURL((url) => url.pathname === '/restoration');
  await page.getByRole('heading', { name: '修复工单看板', level: 1 }).waitFor();
  t.is(await page.getByRole('link', { name: '修复', exact: true }).getAttribute('aria-current'), 'page');

  // raise the order: the census number came from the triage list; the "before" assessment is chosen
  // from the record's list (no id to type), here the earlier one rather than the latest default
  t.is(await page.getByLabel('普查登记编号').inputValue(), cn);
  const choice = page.getByLabel('修复前破损评估');
  await choice.locator('option', { hasText: '2026-03-01' }).waitFor({ state: 'attached' });
  const options = await choice.locator('option').allTextContents();
  t.is(options.length, 3, options.join(' | '));
  t.regex(options[1]!, /2026-04-01 · .*破损 · 林秀英/);
  t.regex(options[2]!, /2026-03-01 · 二级破损 · 林秀英/);
  await choice.selectOption(firstAssessmentId);
  await page.getByLabel('概述').fill('卷一至卷三虫蛀严重');
  await page.getByRole('button', { name: '建立工单' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/work-orders/'));
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByText('修复工单已建立。').waitFor();
  t.is(await state(page).textContent(), '已提出');
  t.is(await page.locator('#wo-levels').textContent(), '二级破损 → —');
  t.is(await page.getByRole('heading', { level: 1 }).textContent(), TITLE);
  // only the conservator's steps: no approve (studio head) and no accept (inspector)
  t.deepEqual(await offered(page), ['提交修复方案']);

  // a before photo, through the upload form (phase "before" is the default)
  const photos = page.locator('form.wo-photo-form');
  await photos.getByLabel('照片文件（JPEG、PNG 或 TIFF）').setInputFiles({
    name: 'before.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpeg(90, 70, 50),
  });
  await photos.getByRole('button', { name: '上传照片' }).click();
  await page.locator('.wo-photos[data-phase="before"] img').waitFor();

  // an incomplete technique row is refused, under its field and in the list of problems
  const plan = page.locator('form.wo-plan-form');
  await plan.getByLabel('理由', { exact: true }).fill('虫蛀孔洞多');
  await plan.getByRole('button', { name: '保存方案与材料' }).click();
  await plan.locator('.form-problems [role="alert"]').waitFor();
  const technique = plan.getByLabel('技法', { exact: true });
  t.is(await technique.getAttribute('aria-invalid'), 'true');
  const problems = (await plan.locator('.form-problems').textContent()) ?? '';
  t.notRegex(problems, /请求体校验失败|请求编号/);
  t.truthy(await plan.locator('#wo-technique-0-helper-text').textContent());
  await technique.selectOption('补洞');
  await plan.getByLabel('预计叶数', { exact: true }).fill('20');
  await plan.getByLabel('补纸', { exact: true }).selectOption('竹纸');
  await plan.getByRole('button', { name: '保存方案与材料' }).click();
  await plan.getByText('已保存。').waitFor();
  await act(page, '提交修复方案', '已制定方案');
  t.deepEqual(await offered(page), [], 'a conservator waits for the approval');

  // a studio head approves (and sees no conservator's step)
  const other = await newTrackedPage(browser, contexts);
  await logInAt(other.page, app.url, `/work-orders/${id}`, head.email, STRONG_PASSWORD);
  t.deepEqual(await offered(other.page), ['批准方案', '撤销工单']);
  await act(other.page, '批准方案', '方案已批准');
  t.regex((await other.page.locator('.wo-status').textContent()) ?? '', /方案制定林秀英/);
  t.deepEqual(other.pageErrors, []);

  // the conservator starts, logs a step with a photo (negative leaves refused under the field first)
  await page.reload();
  await act(page, '开始修复', '修复中');
  t.deepEqual(await offered(page), ['暂停', '完成修复']);
  const log = page.locator('form.wo-log-form');
  await log.getByLabel('步骤（技法）', { exact: true }).selectOption('补洞');
  await log.getByLabel('叶数', { exact: true }).fill('-3');
  await log.getByLabel('工时', { exact: true }).fill('2');
  await log.getByRole('button', { name: '记录' }).click();
  await log.locator('.form-problems [role="alert"]').waitFor();
  const leaves = log.getByLabel('叶数', { exact: true });
  t.is(await leaves.getAttribute('aria-invalid'), 'true');
  t.regex((await log.locator('#wo-log-leavesTreated-helper-text').textContent()) ?? '', /修复叶数不能为负数/);
  t.notRegex((await log.textContent()) ?? '', /请求体校验失败|请求编号/);
  await leaves.fill('12');
  await log.getByLabel('工时', { exact: true }).fill('3.5');
  await log.getByLabel('说明', { exact: true }).fill('补卷一虫洞');
  await log.getByLabel('过程照片（可选）').setInputFiles({
    name: 'during.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpeg(200, 180, 150),
  });
  await log.getByRole('button', { name: '记录' }).click();
  await page.getByText('已记录。').waitFor();
  await page.locator('table.wo-log tbody tr').first().waitFor();
  await page.locator('#wo-totals:text-is("12 叶 · 3.5 小时")').waitFor();
  t.regex((await page.locator('table.wo-log tbody tr').first().textContent()) ?? '', /林秀英/);
  await page.locator('.wo-photos[data-phase="during"] img').waitFor();
  t.is(await page.locator('.wo-photos[data-phase="during"] img').count(), 1);

  // after photo through the upload form
  await photos.getByLabel('照片文件（JPEG、PNG 或 TIFF）').setInputFiles({
    name: 'after.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpeg(230, 220, 200),
  });
  await photos.getByLabel('阶段', { exact: true }).selectOption('after');
  await photos.getByRole('button', { name: '上传照片' }).click();
  await page.locator('.wo-photos[data-phase="after"] img').waitFor();

  // 完成修复 waits, visibly and with the reason, for the after-treatment assessment: it cannot be clicked
  const complete = page.getByRole('button', { name: '完成修复', exact: true });
  t.true(await complete.isDisabled());
  t.regex((await page.locator('#wo-blocked-complete').textContent()) ?? '', /修复后的破损评估/);
  await page.screenshot({ path: path.join(shots, 'work-order-in-progress.png'), fullPage: true });

  // the after-treatment assessment, reached from the order: record title, the order, a way back
  await page.locator('#wo-blocked-complete').getByRole('link', { name: '修复后破损评估' }).click();
  await page.waitForURL((url) => url.pathname === `/records/${cn}/condition`);
  await page.getByText(`修复后评估 · 修复工单：${TITLE}`).waitFor();
  t.regex((await page.locator('main').textContent()) ?? '', new RegExp(TITLE));
  await page.getByLabel('破损类型').first().selectOption('虫蛀');
  await page.getByLabel('破损面积 %').first().fill('3');
  await page.getByTestId('computed').getByText('五级').waitFor();
  await page.getByRole('button', { name: '保存评估' }).click();
  const saved = page.getByRole('status').filter({ hasText: '评估已保存' });
  await saved.waitFor();
  t.regex((await saved.textContent()) ?? '', /五级破损/);
  await page.screenshot({ path: path.join(shots, 'after-assessment-saved.png'), fullPage: true });
  await saved.getByRole('link', { name: '返回修复工单' }).click();
  await page.waitForURL((url) => url.pathname === `/work-orders/${id}`);

  await act(page, '完成修复', '修复完成');
  t.is(await page.locator('#wo-levels').textContent(), '二级破损 → 五级破损');
  t.deepEqual(await offered(page), [], 'the conservator does not accept their own work');
  t.deepEqual(pageErrors, []);

  // the inspector accepts with a rating and findings
  const insp = await newTrackedPage(browser, contexts);
  await logInAt(insp.page, app.url, `/work-orders/${id}`, inspector.email, STRONG_PASSWORD);
  t.deepEqual(await offered(insp.page), ['验收通过', '验收不通过']);
  await insp.page.getByRole('button', { name: '验收通过', exact: true }).click();
  const dialog = insp.page.getByRole('dialog');
  await dialog.getByLabel('验收等级').selectOption('良');
  await dialog.getByLabel('验收意见').fill('补纸色调协调');
  await dialog.getByRole('button', { name: '验收通过' }).click();
  await insp.page.locator('#wo-state:text-is("已验收")').waitFor();
  t.regex((await insp.page.locator('#wo-acceptance').textContent()) ?? '', /良 · 黄志明 · 补纸色调协调/);
  const history = (await insp.page.locator('.wo-history').textContent()) ?? '';
  t.regex(history, /黄志明：验收通过（修复完成 → 已验收）/);
  t.notRegex((await insp.page.locator('main').textContent()) ?? '', RAW);
  await insp.page.screenshot({ path: path.join(shots, 'work-order-accepted.png'), fullPage: true });
  t.deepEqual(insp.pageErrors, []);

  // the same order in English: labels and people, no code and no untranslated key
  await insp.page.getByRole('button', { name: 'English' }).click();
  await insp.page.locator('#wo-state:text-is("Accepted")').waitFor();
  const english = (await insp.page.locator('main').textContent()) ?? '';
  t.regex(english, /Good · 黄志明 · 补纸色调协调/);
  t.regex(english, /黄志明: Accept \(Treatment completed → Accepted\)/);
  t.regex(english, /Level 2 → Level 5 \(slight\)/);
  t.regex(english, /Done: Accept/);
  t.notRegex(english, RAW_EN);
  t.notRegex(english, /workOrder\.|restoration\./);
  await insp.page.getByRole('button', { name: '中文' }).click();
  await insp.page.locator('#wo-state:text-is("已验收")').waitFor();

  // the printable record: totals, both levels, the rating — and laid out for paper
  const [print] = await Promise.all([
    insp.page.context().waitForEvent('page'),
    insp.page.getByRole('link', { name: '打印修复档案' }).click(),
  ]);
  await print.waitForLoadState('load');
  const text = (await print.locator('body').textContent()) ?? '';
  t.true(text.includes('12 叶') && text.includes('3.5 小时'), text.slice(0, 300));
  t.true(text.includes('二级') && text.includes('五级'));
  t.true(text.includes('良'));
  t.true(text.includes('林秀英') && text.includes('黄志明'), 'people by their names');
  const printRules = await print.evaluate(() =>
    Array.from(document.styleSheets)
      .flatMap((s) => Array.from(s.cssRules))
      .some((r) => r instanceof CSSMediaRule && r.media.mediaText.includes('print')),
  );
  const pageRule = await print.evaluate(() =>
    Array.from(document.styleSheets)
      .flatMap((s) => Array.from(s.cssRules))
      .some((r) => r.cssText.startsWith('@page')),
  );
  t.true(printRules || pageRule, 'the restoration record has a print stylesheet');
  await print.emulateMedia({ media: 'print' });
  await print.screenshot({ path: path.join(shots, 'restoration-record-print.png'), fullPage: true });
  await print.close();

  // before/after side by side in Mirador: one manifest, two windows, two different canvases
  await page.reload();
  await page.getByRole('link', { name: '对照修复前后照片' }).click();
  await page.waitForURL((url) => url.pathname === '/compare');
  await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').nth(1).waitFor();
  const windows = await page.evaluate(() => {
    const el = document.querySelector('.iiif-viewer') as HTMLElement & {
      miradorViewer: {
        store: { getState(): { windows: Record<string, { manifestId: string; canvasId: string }> } };
      };
    };
    return Object.values(el.miradorViewer.store.getState().windows);
  });
  t.is(windows.length, 2);
  t.is(windows[0]!.manifestId, `${app.url}/iiif/manifest/work-order/${id}`);
  t.not(windows[0]!.canvasId, windows[1]!.canvasId);
  t.is(await page.locator('#error-dialog').count(), 0);
  t.deepEqual(pageErrors, []);
});

test.serial(
  'the board labels its columns, switches to English and lists the order under its state',
  async (t) => {
    const { page, pageErrors } = await newTrackedPage(browser, contexts);
    await logInAt(page, app.url, '/restoration', worker.email, STRONG_PASSWORD);
    await page.getByRole('heading', { name: '修复工单看板', level: 1 }).waitFor();
    // The columns come with the board's answer, after the title: wait for them before reading.
    await page.locator('.wo-column h2').first().waitFor();
    const headings = await page.locator('.wo-column h2').allTextContents();
    t.deepEqual(
      headings.map((h) => h.replace(/ \(\d+\)$/, '')),
      ['已提出', '已制定方案', '方案已批准', '修复中', '暂停', '修复完成', '验收未通过', '已验收'],
    );
    t.notRegex((await page.locator('main').textContent()) ?? '', RAW);
    await page.screenshot({ path: path.join(shots, 'restoration-board.png'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Restoration board', level: 1 }).waitFor();
    t.is(await page.getByRole('button', { name: 'Create work order' }).count(), 1);
    const accepted = page.locator('.wo-column[data-state="accepted"]');
    t.true(((await accepted.textContent()) ?? '').includes(cn));
    t.regex((await accepted.locator('h2').textContent()) ?? '', /^Accepted \(1\)$/);
    t.notRegex((await page.locator('main').textContent()) ?? '', RAW_EN);
    // phone width: the columns stack and nothing scrolls sideways
    await page.setViewportSize({ width: 390, height: 800 });
    t.false(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth));
    await page.screenshot({ path: path.join(shots, 'restoration-board-phone-en.png'), fullPage: true });
    await page
      .getByRole('button', { name: '中文' })
      .click()
      .catch(() => undefined);
    t.deepEqual(pageErrors, []);
  },
);

test.serial('the triage list filters by labelled values, speaks English and fits a phone', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/triage', worker.email, STRONG_PASSWORD);
  await page.locator('.triage-table').waitFor();
  const acidity = page.getByLabel('酸化程度');
  t.deepEqual(await acidity.locator('option').allTextContents(), [
    '全部',
    '严重酸化，纸张极脆弱',
    '重度酸化',
    '酸化，需脱酸',
    '酸度正常，无需脱酸',
  ]);
  await acidity.selectOption('severe');
  await page.waitForURL((url) => url.searchParams.get('acidityBand') === 'severe');
  await page.getByText('没有符合条件的记录。').waitFor();
  await acidity.selectOption('heavy');
  await page.locator('.triage-table tbody tr', { hasText: cn }).waitFor();
  t.notRegex(
    (await page.locator('main').textContent()) ?? '',
    /severe|needs_deacidification|\binstitution\b/,
  );
  await page.screenshot({ path: path.join(shots, 'triage.png'), fullPage: true });
  t.regex(
    (await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')) ?? '',
    /acidityBand=heavy/,
  );

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Rescue triage list', level: 1 }).waitFor();
  const row = (await page.locator('.triage-table tbody tr', { hasText: cn }).textContent()) ?? '';
  // after the treatment the record's current level is the after-treatment one
  t.regex(row, /damage: Level 5 \(slight\) \+20; heavily acidified \+25 = 45/);
  t.regex(row, /Ungraded|—/);
  t.regex((await page.locator('#triage-summary').textContent()) ?? '', /^Institution: /);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.locator('.triage-cards').waitFor();
  t.false(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth));
  await page.screenshot({ path: path.join(shots, 'triage-phone-en.png'), fullPage: true });
  await page
    .getByRole('button', { name: '中文' })
    .click()
    .catch(() => undefined);
  t.deepEqual(pageErrors, []);
});
