// The page-images page in Chromium, as a cataloguer walks it: upload several pages of a draft record
// (an empty choice is refused under the field), wait for the derivatives (thumbnails appear), label a
// run of pages by a 卷/叶 pattern and one page by hand, reorder by 上移, by dragging a row and by the
// arrow keys on a row's handle, see the pages in Mirador (its code loaded only once there are pages
// to show), delete a page with a confirming second click — each step checked against the API. Once
// submitted, the page explains the lock and offers no changes.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { closeContexts, launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput, wenxuanInput } from '../helpers/record-input.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
const contexts: BrowserContext[] = [];
/** Kept for a person to look at (SCREENSHOT_DIR or the system's temporary folder). */
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  browser = await launchChromium();
});

// Once at the end: this file's tests run concurrently, so closing after each would close another's pages.
test.after.always(async () => {
  await closeContexts(contexts);
  await browser?.close();
  await app?.close();
});

const leaf = (shade: number) =>
  sharp({ create: { width: 300, height: 400, channels: 3, background: { r: shade, g: 180, b: 150 } } })
    .jpeg()
    .toBuffer();

const images = async (censusNumber: string) =>
  (await admin.get(`/api/records/${censusNumber}/images`)).body.items as Array<{
    id: string;
    sequence: number;
    label: string;
    originalFilename: string;
  }>;

const rows = (p: Page) => p.locator('.page-table tbody tr');
const files = async (cn: string) => (await images(cn)).map((i) => i.originalFilename);

/** The labels of the canvases Mirador shows, from its store, in manifest order. */
const viewerLabels = (p: Page) =>
  p.evaluate(() => {
    const el = document.querySelector('.iiif-viewer') as HTMLElement & {
      miradorViewer: { store: { getState(): { manifests: Record<string, { json?: any }> } } };
    };
    const manifests = Object.values(el.miradorViewer.store.getState().manifests);
    const json = manifests[0]?.json;
    return json
      ? (json.items as any[]).map((c) => Object.values(c.label as Record<string, string[]>)[0]![0])
      : [];
  });

test('a cataloguer uploads, labels in a batch, reorders (buttons, drag, keys), views and deletes page images', async (t) => {
  const institution = await createInstitution(admin, '350000');
  const cataloguer = await createUser(admin, { role: 'cataloguer', institutionId: institution.id });
  const created = await admin.post('/api/records', wenxuanInput(institution.id));
  t.is(created.status, 201, created.text);
  const cn = created.body.censusNumber as string;

  const { page: p, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 30_000 });
  const viewerCode: string[] = [];
  p.on('request', (r) => {
    if (/\/mirador[^/]*\.js/.test(new URL(r.url()).pathname)) viewerCode.push(r.url());
  });
  await logInAt(p, app.url, '/records', cataloguer.email, STRONG_PASSWORD);
  await p.goto(`${app.url}/records/${cn}`);
  await p.getByRole('link', { name: '管理图像' }).click();
  await p.waitForURL((url) => url.pathname === `/records/${cn}/images`);
  await p.getByText('该记录还没有图像。').waitFor();
  t.deepEqual(viewerCode, [], 'no pages, no viewer code');

  await p.getByRole('button', { name: '上传', exact: true }).click();
  t.regex(await p.locator('[data-field="files"] .field-error').innerText(), /请选择至少一个图像文件/);

  const names = ['leaf-1.jpg', 'leaf-2.jpg', 'leaf-3.jpg', 'leaf-4.jpg', 'leaf-5.jpg', 'leaf-6.jpg'];
  await p
    .getByLabel('图像文件（TIFF、JPEG、PNG，可多选）')
    .setInputFiles(
      await Promise.all(
        names.map(async (name, i) => ({ name, mimeType: 'image/jpeg', buffer: await leaf(200 - 20 * i) })),
      ),
    );
  await p.getByRole('button', { name: '上传', exact: true }).click();
  await p.getByText('已上传 6 幅图像，正在生成衍生图。').waitFor();
  await t.notThrowsAsync(rows(p).nth(5).waitFor());
  // Derivatives finish in the background; the page looks again until every thumbnail shows.
  await p.waitForFunction(
    () =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img.page-thumb')).filter(
        (i) => i.naturalWidth > 0,
      ).length === 6,
  );
  t.is(await rows(p).first().locator('[data-status="ready"]').innerText(), '就绪');
  t.deepEqual(
    (await images(cn)).map((i) => [i.sequence, i.originalFilename]),
    names.map((n, i) => [i + 1, n]),
  );

  // Pages 2–6 by the pattern 卷一 葉一a, 葉一b …; the preview shows every label before saving.
  await p.getByLabel('自第几页').fill('2');
  await p.getByLabel('至第几页').fill('6');
  await p.getByLabel('卷', { exact: true }).fill('卷一');
  t.is(
    await p.locator('#batch-preview').innerText(),
    '卷一 葉一a，卷一 葉一b，卷一 葉二a，卷一 葉二b，卷一 葉三a',
  );
  await p.getByLabel('至第几页').fill('9');
  await p.getByText('页码应在 1 至 6 之间').waitFor();
  t.true(await p.getByRole('button', { name: '标注', exact: true }).isDisabled());
  await p.getByLabel('至第几页').fill('6');
  await p.getByRole('button', { name: '标注这 5 页' }).click();
  await p.getByText('已标注第 2–6 页，共 5 页。').waitFor();
  t.deepEqual(
    (await images(cn)).map((i) => i.label),
    ['叶1', '卷一 葉一a', '卷一 葉一b', '卷一 葉二a', '卷一 葉二b', '卷一 葉三a'],
  );

  // One page by hand: the cover.
  const label = p.getByLabel('页标签（卷、叶、a/b 面） 1');
  await label.fill('封面');
  await rows(p).first().getByRole('button', { name: '保存标签' }).click();
  await p.getByText('标签已保存。').waitFor();
  t.is((await images(cn))[0]!.label, '封面');

  // 上移: pages 2 and 1 swap; the first page cannot move up.
  await rows(p).nth(1).getByRole('button', { name: '上移' }).click();
  await p.getByText('页序已调整。').waitFor();
  t.deepEqual((await files(cn)).slice(0, 2), ['leaf-2.jpg', 'leaf-1.jpg']);
  await p.waitForFunction(
    () => document.querySelector('.page-table tbody tr')?.getAttribute('data-id') !== null,
  );
  t.true(
    await rows(p).first().getByRole('button', { name: '上移' }).isDisabled(),
    'the first page cannot move up',
  );
  await rows(p).first().getByRole('button', { name: '下移' }).click();
  await p.waitForFunction(() => document.querySelector('.page-table tbody tr td.num')?.textContent === '1');
  await t.notThrowsAsync(async () => {
    for (let i = 0; i < 50 && (await files(cn))[0] !== 'leaf-1.jpg'; i++) await p.waitForTimeout(100);
  });
  t.deepEqual((await files(cn)).slice(0, 2), ['leaf-1.jpg', 'leaf-2.jpg']);

  // Drag the last page by its handle onto the second row.
  const lastId = (await images(cn))[5]!.id;
  await p.locator(`#handle-${lastId}`).dragTo(rows(p).nth(1));
  await p.waitForFunction(
    (id) => document.querySelectorAll('.page-table tbody tr')[1]?.getAttribute('data-id') === id,
    lastId,
  );
  t.deepEqual(await files(cn), [
    'leaf-1.jpg',
    'leaf-6.jpg',
    'leaf-2.jpg',
    'leaf-3.jpg',
    'leaf-4.jpg',
    'leaf-5.jpg',
  ]);

  // With the keyboard: the handle of page 2 moves it down one place, then to the end; it keeps the focus.
  const handle = p.getByRole('button', { name: /调整第 2 页/ });
  await handle.focus();
  await p.keyboard.press('ArrowDown');
  await p.waitForFunction(
    (id) => document.querySelectorAll('.page-table tbody tr')[2]?.getAttribute('data-id') === id,
    lastId,
  );
  t.is(await p.evaluate(() => document.activeElement?.id), `handle-${lastId}`);
  await p.keyboard.press('End');
  await p.waitForFunction(
    (id) => document.querySelectorAll('.page-table tbody tr')[5]?.getAttribute('data-id') === id,
    lastId,
  );
  t.deepEqual(await files(cn), [
    'leaf-1.jpg',
    'leaf-2.jpg',
    'leaf-3.jpg',
    'leaf-4.jpg',
    'leaf-5.jpg',
    'leaf-6.jpg',
  ]);
  t.is(await p.evaluate(() => document.activeElement?.id), `handle-${lastId}`);

  // The pages as readers will see them, in the order and with the labels just stored.
  await p.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await p.locator('.iiif-viewer .openseadragon-canvas').first().waitFor();
  await p.waitForFunction(() => {
    const el = document.querySelector('.iiif-viewer') as any;
    return Object.values(el.miradorViewer.store.getState().manifests).some((m: any) => m.json);
  });
  t.deepEqual(
    await viewerLabels(p),
    (await images(cn)).map((i) => i.label),
  );
  t.true(viewerCode.length > 0, 'the viewer code is loaded on the page that shows images');
  t.is(await p.locator('#error-dialog').count(), 0);
  await p.screenshot({ path: path.join(shots, 'record-images.png'), fullPage: true });

  const remove = rows(p).first().getByRole('button', { name: '删除' });
  await remove.click();
  t.is((await images(cn)).length, 6, 'the first click only asks');
  await rows(p).first().getByRole('button', { name: '确认删除？' }).click();
  await p.getByText('图像已删除，后面的页序号前移。').waitFor();
  t.deepEqual(
    (await images(cn)).map((i) => [i.sequence, i.originalFilename]),
    names.slice(1).map((n, i) => [i + 1, n]),
  );

  // Submitted for review: the page shows the images but offers no changes, and says why.
  t.is((await admin.post(`/api/records/${cn}/submit`, {})).status, 200);
  await p.reload();
  await p.getByText('审校期间不能修改图像').waitFor();
  await rows(p).nth(4).waitFor();
  t.is(await p.getByRole('button', { name: '上传', exact: true }).count(), 0);
  t.is(await p.getByRole('button', { name: '删除' }).count(), 0);
  t.is(await p.getByRole('button', { name: '上移' }).count(), 0);
  t.is(await p.getByRole('button', { name: /调整第/ }).count(), 0);
  t.is(await p.getByRole('button', { name: /标注/ }).count(), 0);

  // The same page in English: every label from the server or the catalogue, no raw code.
  await p.evaluate(() => localStorage.setItem('census.lang', 'en'));
  await p.reload();
  await p.getByText('its images cannot be changed while it is under review').waitFor();
  await p.getByRole('heading', { name: /Page images/ }).waitFor();
  const text = await p.locator('#main').innerText();
  t.notRegex(text, /\bsubmitted\b|processing|\bready\b|images\.[a-zA-Z]/);
  t.regex(text, /Ready/);
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

  // Published, its pages are readable by everyone, but only its own institution changes them.
  for (const step of ['submit', 'approve', 'publish'])
    t.is((await admin.post(`/api/records/${cn}/${step}`, {})).status, 200);
  await p.reload();
  await p.getByText('您无权管理该记录的图像。').waitFor();
  await p.getByText('该记录还没有图像。').waitFor();
  t.is(await p.getByRole('button', { name: '上传', exact: true }).count(), 0);
});
