// The restoration pages in a real browser (Debian Chromium driven by playwright-core) against the
// real app: a conservator raises a work order, plans it, a studio head approves, the conservator
// starts, logs a step with a photo, uploads an after photo and completes; an inspector accepts; the
// printable restoration record shows the totals and the damage level before and after, and the
// before/after manifest opens side by side in Mirador.
import test from 'ava';
import sharp from 'sharp';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
let worker: { email: string; api: ApiClient };
let head: { email: string };
let inspector: { email: string };
let cn: string;
const contexts: BrowserContext[] = [];

async function person(institutionId: string, capability?: string) {
  const u = await createUser(admin, { role: 'conservator', institutionId });
  if (capability) {
    const res = await admin.post('/api/restoration-roles', { userId: u.id, role: capability });
    if (res.status !== 201) throw new Error(res.text);
  }
  return { email: u.email, api: await new ApiClient(app.url).login(u.email, STRONG_PASSWORD) };
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
  worker = await person(inst.id);
  head = await person(inst.id, 'studio_head');
  inspector = await person(inst.id, 'inspector');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '修-1',
    title: '論語注疏十卷',
    edition: '清刻本',
  });
  if (rec.status !== 201) throw new Error(rec.text);
  cn = rec.body.censusNumber;
  const before = await worker.api.post(`/api/records/${cn}/assessments`, {
    observations: [{ damageType: '虫蛀', areaPercent: 55 }],
    phReadings: [],
  });
  if (before.status !== 201) throw new Error(before.text);
  browser = await launchChromium();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

const state = (page: Page) => page.locator('.wo-status .wo-state');

async function act(page: Page, label: string, expected: string) {
  const button = page.getByRole('button', { name: label, exact: true });
  await button.waitFor().catch(async () => {
    throw new Error(`no button ${label}: ${await page.locator('#view').textContent()}`);
  });
  await button.click();
  await page.locator(`.wo-status .wo-state:text-is("${expected}")`).waitFor();
}

test.serial('a work order goes from proposed to accepted through the pages', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/restoration', worker.email, STRONG_PASSWORD);
  t.is(await page.getByRole('link', { name: '修复', exact: true }).getAttribute('aria-current'), 'page');

  // raise the order: the record's latest assessment becomes "before"
  await page.getByLabel('普查登记编号', { exact: true }).fill(cn);
  await page.getByRole('button', { name: '建立工单' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/work-orders/'));
  const id = new URL(page.url()).pathname.split('/').pop()!;
  t.is(await state(page).textContent(), '已提出');
  t.regex((await page.locator('.wo-levels').textContent()) ?? '', /^二级 → —$/);

  // a before photo, through the upload form (phase "before" is the default)
  await page
    .locator('form.wo-photo-form')
    .getByLabel('照片文件（JPEG、PNG 或 TIFF）')
    .setInputFiles({
      name: 'before.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(90, 70, 50),
    });
  await page.locator('form.wo-photo-form').getByRole('button', { name: '上传照片' }).click();
  await page.locator('.wo-photos[data-phase="before"] img').waitFor();

  // an incomplete technique row is refused inline, naming the field
  const plan = page.locator('form.wo-plan-form');
  await plan.getByLabel('理由', { exact: true }).fill('虫蛀孔洞多');
  await plan.getByRole('button', { name: '保存方案与材料' }).click();
  await plan.locator('.error-box').waitFor();
  t.is(
    await plan.getByLabel('技法', { exact: true }).getAttribute('aria-invalid'),
    'true',
    (await plan.locator('.error-box').textContent()) ?? undefined,
  );
  t.regex((await plan.locator('.error-box').textContent()) ?? '', /plan\.techniques(\[0\]|\.0)\.technique/);
  await plan.getByLabel('技法', { exact: true }).selectOption('补洞');
  await plan.getByLabel('预计叶数', { exact: true }).fill('20');
  await plan.getByLabel('补纸', { exact: true }).selectOption('竹纸');
  await plan.getByRole('button', { name: '保存方案与材料' }).click();
  await page.locator('#notice', { hasText: '已保存' }).waitFor();
  await act(page, '提交修复方案', '已制定方案');

  // a studio head approves
  const other = await newTrackedPage(browser, contexts);
  await logInAt(other.page, app.url, `/work-orders/${id}`, head.email, STRONG_PASSWORD);
  await act(other.page, '批准方案', '方案已批准');
  t.deepEqual(other.pageErrors, []);

  // the conservator starts, logs a step with a photo (negative leaves refused inline first)
  await page.reload();
  await act(page, '开始修复', '修复中');
  const log = page.locator('form.wo-log-form');
  await log.getByLabel('步骤（技法）', { exact: true }).selectOption('补洞');
  await log.getByLabel('叶数', { exact: true }).fill('-3');
  await log.getByLabel('工时', { exact: true }).fill('2');
  await log.getByRole('button', { name: '记录' }).click();
  await log.locator('.error-box').waitFor();
  t.is(await log.getByLabel('叶数', { exact: true }).getAttribute('aria-invalid'), 'true');
  await log.getByLabel('叶数', { exact: true }).fill('12');
  await log.getByLabel('工时', { exact: true }).fill('3.5');
  await log.getByLabel('说明', { exact: true }).fill('补卷一虫洞');
  await log.getByLabel('过程照片（可选）').setInputFiles({
    name: 'during.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpeg(200, 180, 150),
  });
  await log.getByRole('button', { name: '记录' }).click();
  await page.locator('#notice', { hasText: '已记录' }).waitFor();
  await page.locator('table.wo-log tbody tr').first().waitFor();
  t.is(await page.locator('.wo-totals').textContent(), '12 叶 · 3.5 小时');
  t.is(await page.locator('.wo-photos[data-phase="during"] img').count(), 1);

  // after photo through the upload form, after assessment, complete
  const photos = page.locator('form.wo-photo-form');
  await photos.getByLabel('照片文件（JPEG、PNG 或 TIFF）').setInputFiles({
    name: 'after.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpeg(230, 220, 200),
  });
  await photos.getByLabel('阶段', { exact: true }).selectOption('after');
  await photos.getByRole('button', { name: '上传照片' }).click();
  await page.locator('.wo-photos[data-phase="after"] img').waitFor();
  // 完成修复 waits, visibly and with the reason, for the after-treatment assessment
  const complete = page.getByRole('button', { name: '完成修复', exact: true });
  t.true(await complete.isDisabled());
  t.regex((await page.locator('#wo-blocked-complete').textContent()) ?? '', /修复后的破损评估/);
  const after = await worker.api.post(`/api/records/${cn}/assessments`, {
    observations: [{ damageType: '虫蛀', areaPercent: 3 }],
    phReadings: [],
  });
  t.is(after.status, 201, after.text);
  await page.reload();
  await act(page, '完成修复', '修复完成');
  const levels = (await page.locator('.wo-levels').textContent()) ?? '';
  t.is(levels, `二级 → ${after.body.finalLevel}`);
  t.deepEqual(pageErrors, []);

  // the inspector accepts with a rating
  const insp = await newTrackedPage(browser, contexts);
  await logInAt(insp.page, app.url, `/work-orders/${id}`, inspector.email, STRONG_PASSWORD);
  await insp.page.getByLabel('验收等级', { exact: true }).selectOption('良');
  await insp.page.getByLabel('原因 / 意见', { exact: true }).fill('补纸色调协调');
  await act(insp.page, '验收通过', '已验收');
  t.deepEqual(insp.pageErrors, []);

  // the printable record: totals and both levels
  await insp.page.goto(`${app.url}/api/work-orders/${id}/record?format=html`);
  const text = (await insp.page.locator('body').textContent()) ?? '';
  t.true(text.includes('12 叶') && text.includes('3.5 小时'), text.slice(0, 300));
  t.true(text.includes('二级') && text.includes(after.body.finalLevel));
  t.true(text.includes('良'));

  // before/after side by side in Mirador: one manifest, two windows, two different canvases
  await page.reload();
  await page.getByRole('link', { name: '在 Mirador 中对照修复前后' }).click();
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

test.serial('the board switches to English and lists the order under its state', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, '/restoration', worker.email, STRONG_PASSWORD);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Restoration board', level: 1 }).waitFor();
  t.true((await page.getByRole('button', { name: 'Create work order' }).count()) === 1);
  const accepted = page.locator('.wo-column[data-state="accepted"]');
  t.true(((await accepted.textContent()) ?? '').includes(cn));
  t.deepEqual(pageErrors, []);
});
