// The page-images page in Chromium: a cataloguer uploads two pages of a draft record, waits for the
// derivatives (thumbnails appear), relabels a page, swaps the order and deletes a page — each step
// checked against the API.
import test from 'ava';
import sharp from 'sharp';
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

const page = (r: number, g: number, b: number) =>
  sharp({ create: { width: 300, height: 400, channels: 3, background: { r, g, b } } })
    .jpeg()
    .toBuffer();

const images = async (censusNumber: string) =>
  (await admin.get(`/api/records/${censusNumber}/images`)).body.items as Array<{
    id: string;
    sequence: number;
    label: string;
    originalFilename: string;
  }>;

const rows = (p: Page) => p.locator('.data-table tbody tr');

test('a cataloguer uploads, relabels, reorders and deletes page images of a record', async (t) => {
  const institution = await createInstitution(admin, '350000');
  const cataloguer = await createUser(admin, { role: 'cataloguer', institutionId: institution.id });
  const created = await admin.post('/api/records', validGujiInput({ institutionId: institution.id }));
  t.is(created.status, 201, created.text);
  const cn = created.body.censusNumber as string;

  const { page: p, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 30_000 });
  await logInAt(p, app.url, '/records', cataloguer.email, STRONG_PASSWORD);
  await p.goto(`${app.url}/records/${cn}`);
  await p.getByRole('link', { name: '管理图像' }).click();
  await p.waitForURL((url) => url.pathname === `/records/${cn}/images`);
  await p.getByText('该记录还没有图像。').waitFor();

  await p.getByRole('button', { name: '上传', exact: true }).click();
  t.regex(await p.locator('[data-field="files"] .field-error').innerText(), /请选择至少一个图像文件/);

  await p.getByLabel('图像文件（TIFF、JPEG、PNG，可多选）').setInputFiles([
    { name: 'leaf-1.jpg', mimeType: 'image/jpeg', buffer: await page(200, 180, 150) },
    { name: 'leaf-2.jpg', mimeType: 'image/jpeg', buffer: await page(120, 100, 90) },
  ]);
  await p.getByRole('button', { name: '上传', exact: true }).click();
  await t.notThrowsAsync(rows(p).nth(1).waitFor());
  // Derivatives finish in the background; the page looks again until both thumbnails show.
  await p.waitForFunction(
    () =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img.page-thumb')).filter(
        (i) => i.naturalWidth > 0,
      ).length === 2,
  );
  t.deepEqual(
    (await images(cn)).map((i) => [i.sequence, i.originalFilename]),
    [
      [1, 'leaf-1.jpg'],
      [2, 'leaf-2.jpg'],
    ],
  );

  const label = p.getByLabel('页标签（卷、叶、a/b 面） 2');
  await label.fill('卷一 叶一 b');
  await rows(p).nth(1).getByRole('button', { name: '保存标签' }).click();
  await p.getByText('标签已保存。').waitFor();
  t.is((await images(cn))[1]!.label, '卷一 叶一 b');

  await rows(p).nth(1).getByRole('button', { name: '上移' }).click();
  await p.getByText('页序已调整。').waitFor();
  t.deepEqual(
    (await images(cn)).map((i) => i.originalFilename),
    ['leaf-2.jpg', 'leaf-1.jpg'],
  );
  t.true(
    await rows(p).first().getByRole('button', { name: '上移' }).isDisabled(),
    'the first page cannot move up',
  );

  const remove = rows(p).first().getByRole('button', { name: '删除' });
  await remove.click();
  t.is((await images(cn)).length, 2, 'the first click only asks');
  await rows(p).first().getByRole('button', { name: '确认删除？' }).click();
  await p.getByText('图像已删除，后面的页序号前移。').waitFor();
  t.deepEqual(
    (await images(cn)).map((i) => [i.sequence, i.originalFilename]),
    [[1, 'leaf-1.jpg']],
  );

  // Submitted for review: the page shows the images but offers no changes.
  t.is((await admin.post(`/api/records/${cn}/submit`, {})).status, 200);
  await p.reload();
  await p.getByText('审校期间不能修改图像').waitFor();
  t.is(await p.getByRole('button', { name: '上传', exact: true }).count(), 0);
  t.is(await p.getByRole('button', { name: '删除' }).count(), 0);
  t.deepEqual(pageErrors, []);
});

test('a cataloguer of another institution is told they may not manage the images', async (t) => {
  const own = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  const outsider = await createUser(admin, { role: 'cataloguer', institutionId: other.id });
  const created = await admin.post('/api/records', validGujiInput({ institutionId: own.id }));
  t.is(created.status, 201, created.text);
  const cn = created.body.censusNumber as string;
  const { page: p } = await newTrackedPage(browser, contexts);
  await logInAt(p, app.url, '/records', outsider.email, STRONG_PASSWORD);
  await p.goto(`${app.url}/records/${cn}/images`);
  // A draft of another institution is not even visible to this cataloguer.
  await p.getByText('该记录不存在，或您无权查看。').waitFor();
  t.is(await p.getByRole('button', { name: '上传', exact: true }).count(), 0);
});
