// The scholar's reading room, walked in Chromium without logging in: search in simplified characters
// (文选 finds 《文選》), combine facets, open a result's public page, read it in book view right to
// left with both leaves of an opening in sight and the table of contents labelled per 卷 in the
// reader's language, then compare the copy held in Beijing with the one held in Shanghai, pages
// turning and zooming together; bad compare inputs are explained on the page in both languages;
// the same on a phone. Screenshots go to $SCREENSHOT_DIR (or the temp folder).
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeContexts, launchChromium, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord, waitUntilImagesReady } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { wenxuanInput } from '../helpers/record-input.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
const contexts: BrowserContext[] = [];
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
/** The copy in 国家图书馆 (pages 600×900) and the one in 上海图书馆 (scanned smaller, 400×600). */
let beijing: string;
let shanghai: string;
let draft: string;
const LEAVES = ['封面', '卷一 1a', '卷一 1b', '卷二 1a', '卷二 1b'];

async function withPages(input: Record<string, unknown>, size: [number, number]): Promise<string> {
  const created = await admin.post('/api/records', input);
  if (created.status !== 201) throw new Error(created.text);
  const cn = created.body.censusNumber as string;
  const upload = await postFiles(
    `${app.url}/api/records/${cn}/images`,
    admin.token,
    await Promise.all(
      LEAVES.map(async (label) => ({
        name: `${label}.jpg`,
        data: await jpegImage(size[0], size[1]),
        type: 'image/jpeg',
      })),
    ),
    { labels: JSON.stringify(LEAVES) },
  );
  if (upload.status !== 201) throw new Error(upload.text);
  const ids = upload.body.items.map((i: { id: string }) => i.id) as string[];
  await waitUntilImagesReady(admin, ids, 90_000);
  return cn;
}

test.before(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const nlc = await createInstitution(admin, '110000', { name: '国家图书馆' });
  const shl = await createInstitution(admin, '310000', { name: '上海图书馆' });
  beijing = await withPages(wenxuanInput(nlc.id), [600, 900]);
  shanghai = await withPages(wenxuanInput(shl.id, { callNumber: '線善 T2345-68' }), [400, 600]);
  await publishRecord(admin, beijing);
  await publishRecord(admin, shanghai);
  const lu = await admin.post('/api/records', {
    ...wenxuanInput(shl.id, { callNumber: '線善 T0001' }),
    title: '陸宣公奏議二十二卷',
    authors: [{ dynasty: '唐', name: '陸贄', role: '撰' }],
    edition: '明嘉靖三十年（1551）刻本',
    classification: '史',
  });
  if (lu.status !== 201) throw new Error(lu.text);
  await publishRecord(admin, lu.body.censusNumber);
  const unpublished = await admin.post('/api/records', wenxuanInput(nlc.id, { callNumber: '善 09999' }));
  if (unpublished.status !== 201) throw new Error(unpublished.text);
  draft = unpublished.body.censusNumber;
});

test.afterEach.always(() => closeContexts(contexts));

test.after.always(async () => {
  await browser?.close();
  await app?.close();
});

interface WindowState {
  manifestId: string;
  canvasId: string;
  viewer: { x: number; y: number; zoom: number } | null;
}

/** Each Mirador window's manifest, leaf and viewport, from the viewer's store. */
function windows(page: Page): Promise<WindowState[]> {
  return page.evaluate(() => {
    const el = document.querySelector('.iiif-viewer') as any;
    const state = el.miradorViewer.store.getState();
    return Object.keys(state.windows).map((id) => ({
      manifestId: state.windows[id].manifestId,
      canvasId: state.windows[id].canvasId,
      viewer: state.viewers[id] ?? null,
    }));
  });
}

async function canvasIds(cn: string): Promise<string[]> {
  const manifest = (await new ApiClient(app.url).get(`/iiif/manifest/${cn}`)).body;
  return manifest.items.map((c: { id: string }) => c.id);
}

async function waitFor(page: Page, check: (w: WindowState[]) => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = await windows(page);
    if (check(now)) return now;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(now)}`);
    await page.waitForTimeout(100);
  }
}

/**
 * A button of the first (left or upper) Mirador window. Mirador shows a window's page controls
 * while it has focus, so the window is focused first by a click on its title bar.
 */
function leftButton(page: Page, label: string) {
  const first = page.locator('.iiif-viewer .mirador-window').first();
  return {
    click: async () => {
      await first.locator('.mirador-window-top-bar').click({ position: { x: 200, y: 10 } });
      await first.locator(`button[aria-label="${label}"]`).click();
    },
  };
}

/**
 * Whether the viewport of a window shows the whole opening: OpenSeadragon's visible rectangle
 * (width 1/zoom in canvas pixels, height by the viewer's aspect) contains the book's two leaves.
 */
async function showsWholeOpening(page: Page, index: number, worldWidth: number, worldHeight: number) {
  const w = (await windows(page))[index]!;
  if (!w.viewer) return false;
  const box = await page.locator('.iiif-viewer .openseadragon-canvas').nth(index).boundingBox();
  const width = 1 / w.viewer!.zoom;
  const height = width * (box!.height / box!.width);
  const slack = 1;
  return (
    w.viewer!.x - width / 2 <= slack &&
    w.viewer!.x + width / 2 >= worldWidth - slack &&
    w.viewer!.y - height / 2 <= slack &&
    w.viewer!.y + height / 2 >= worldHeight - slack
  );
}

test.serial('a scholar searches in simplified characters, combines facets, reads and compares', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 30_000 });
  // Search: 文选 finds both copies of 《文選》, the match marked in the catalogued text.
  await page.goto(`${app.url}/catalogue`);
  await page.locator('.catalogue-result').first().waitFor();
  t.is(await page.locator('.catalogue-result').count(), 3);
  await page.getByLabel('检索词').fill('文选');
  await page.getByLabel('检索词').press('Enter');
  await page.waitForURL((url) => url.pathname === '/catalogue' && url.searchParams.get('q') === '文选');
  await page.locator('.catalogue-count', { hasText: '共 2 条' }).waitFor();
  t.deepEqual(await page.locator('.result-title').allTextContents(), ['文選六十卷', '文選六十卷']);
  t.is(await page.locator('.result-title mark').first().textContent(), '文選');
  await page.screenshot({ path: path.join(shots, 'reading-catalogue-desktop.png'), fullPage: true });

  // Facets combine: holding institution, then binding; both stay chosen and in the URL.
  await page.locator('[data-facet="institution"] a', { hasText: '国家图书馆' }).click();
  await page.waitForURL((url) => url.searchParams.has('institution'));
  await page.locator('.catalogue-count', { hasText: '共 1 条' }).waitFor();
  await page.locator('[data-facet="binding"] a', { hasText: '线装' }).click();
  await page.waitForURL((url) => url.searchParams.has('binding') && url.searchParams.has('institution'));
  await page.locator('[data-facet="binding"] .facet-value.selected').waitFor();
  t.is(await page.locator('.facet-value.selected').count(), 2);
  t.deepEqual(
    await page
      .locator('.catalogue-result')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-census-number'))),
    [beijing],
  );
  // Both the thumbnail and the title lead to the record's public page.
  const permalink = `/catalogue/records/${beijing}`;
  t.is(await page.locator('.catalogue-result .catalogue-thumb').getAttribute('href'), permalink);
  t.is(await page.locator('.catalogue-result .result-title a').getAttribute('href'), permalink);
  t.true(
    await page.locator('.catalogue-thumb img').evaluate((img: HTMLImageElement) => img.naturalWidth > 0),
  );
  await page.screenshot({ path: path.join(shots, 'reading-facets-desktop.png'), fullPage: true });

  // Open the result: its public page, then "read".
  await page.locator('.result-title a').click();
  await page.waitForURL((url) => url.pathname === permalink);
  t.is(await page.locator('h1').textContent(), '文選六十卷');
  t.truthy(await page.locator('.pp-compare').getAttribute('href'));
  await page.locator('a.pp-read').click();
  await page.waitForURL((url) => url.pathname === `/records/${beijing}`);
  const viewer = page.locator('.iiif-viewer[data-ready="true"]');
  await viewer.waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').first().waitFor();
  // Nothing internal on the public reading page.
  t.is(await page.locator('#record-status').count(), 0);
  // The other copy of this edition is offered for comparison here too.
  await page.locator('.other-copies li').first().waitFor();
  t.is(await page.locator('.other-copies li').count(), 1);
  t.is(
    await page.getByRole('link', { name: '与本部对照' }).getAttribute('href'),
    `/compare?left=${beijing}&right=${shanghai}`,
  );
  // Book view because the manifest says `paged`; right to left: "next" is the left-hand button.
  await page.waitForFunction(
    () => document.querySelector('.iiif-viewer')?.getAttribute('data-views') === 'book',
  );
  const leaves = await canvasIds(beijing);
  const next = page.locator('.iiif-viewer button[aria-label="下一页"]');
  const previous = page.locator('.iiif-viewer button[aria-label="上一页"]');
  t.true((await next.boundingBox())!.x < (await previous.boundingBox())!.x);
  t.is(await page.locator('#error-dialog').count(), 0);
  await next.click();
  // The opening 卷一 1a | 卷一 1b: both leaves (600 px wide each) in sight, neither cut off.
  await waitFor(page, (w) => w[0]!.canvasId === leaves[1] && w[0]!.viewer !== null, 'opening 2-3');
  await t.notThrowsAsync(async () => {
    const deadline = Date.now() + 10_000;
    while (!(await showsWholeOpening(page, 0, 1200, 900))) {
      if (Date.now() > deadline) throw new Error(JSON.stringify(await windows(page)));
      await page.waitForTimeout(100);
    }
  });
  await page.waitForLoadState('networkidle');
  await page.locator('#read').screenshot({ path: path.join(shots, 'reading-book-view-desktop.png') });

  // The table of contents names each 卷 in Chinese.
  await page.getByRole('button', { name: '切换边栏开关' }).click();
  await page.locator('.iiif-viewer [role="tab"][aria-label="目录"]').first().click();
  const toc = page.locator('.iiif-viewer [role="treeitem"]');
  await toc.first().waitFor();
  t.deepEqual(await toc.allTextContents(), ['卷一', '卷二']);
  await page.locator('#read').screenshot({ path: path.join(shots, 'reading-toc-zh.png') });

  // Compare with the Shanghai copy: one click from the public page's "other copies".
  await page.goto(`${app.url}${permalink}`);
  await page.locator('.pp-compare').click();
  await page.waitForURL((url) => url.pathname === '/compare');
  t.is(new URL(page.url()).searchParams.get('right'), shanghai);
  await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').nth(1).waitFor();
  await page.waitForFunction(
    () => document.querySelector('.iiif-viewer')?.getAttribute('data-views') === 'book book',
  );
  const other = await canvasIds(shanghai);
  const start = await waitFor(page, (w) => w.every((x) => x.viewer !== null), 'both fitted');
  t.deepEqual(
    start.map((w) => w.manifestId),
    [`${app.url}/iiif/manifest/${beijing}`, `${app.url}/iiif/manifest/${shanghai}`],
  );
  const boxes = await page
    .locator('.iiif-viewer .openseadragon-canvas')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  t.true(boxes[0]! < boxes[1]!, 'side by side');
  // Turning the left copy's page turns the right one to the same leaf.
  await leftButton(page, '下一页').click();
  await waitFor(page, (w) => w[0]!.canvasId === leaves[1] && w[1]!.canvasId === other[1], 'pages in step');
  await leftButton(page, '下一页').click();
  await waitFor(
    page,
    (w) => w[0]!.canvasId === leaves[3] && w[1]!.canvasId === other[3],
    'pages in step again',
  );
  // Zooming the left copy zooms the right one to the same detail (its scan is 2/3 the size).
  await waitFor(page, (w) => w.every((x) => x.viewer !== null), 'both fitted after the turn');
  await page.waitForTimeout(500);
  await leftButton(page, '放大').click();
  const zoomed = await waitFor(
    page,
    (w) =>
      w[0]!.viewer !== null &&
      w[1]!.viewer !== null &&
      Math.abs(w[1]!.viewer.zoom / w[0]!.viewer.zoom - 1.5) < 0.02 &&
      Math.abs(w[1]!.viewer.x / w[0]!.viewer.x - 2 / 3) < 0.02,
    'zoom in step',
  );
  t.truthy(zoomed);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(shots, 'reading-compare-desktop.png'), fullPage: true });
  // Sync can be turned off: then each copy turns on its own.
  await page.getByLabel('同步翻页与缩放').uncheck();
  await leftButton(page, '上一页').click();
  await waitFor(page, (w) => w[0]!.canvasId === leaves[1], 'left turned back');
  await page.waitForTimeout(500);
  t.is((await windows(page))[1]!.canvasId, other[3]!, 'the right copy stays where it was');
  // On again: the next turn brings both to the same leaf once more.
  await page.getByLabel('同步翻页与缩放').check();
  await leftButton(page, '下一页').click();
  await waitFor(page, (w) => w[0]!.canvasId === leaves[3] && w[1]!.canvasId === other[3], 'in step again');
  t.deepEqual(pageErrors, []);
});

test.serial('the table of contents reads per 卷 in English too', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 30_000 });
  await page.addInitScript(() => localStorage.setItem('census.lang', 'en'));
  await page.goto(`${app.url}/records/${beijing}#read`);
  await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').first().waitFor();
  // The window is laid out as a book before its menu is used, as in the journey above.
  await page.waitForFunction(
    () => document.querySelector('.iiif-viewer')?.getAttribute('data-views') === 'book',
  );
  await page.getByRole('button', { name: 'Toggle sidebar' }).click();
  await page.locator('.iiif-viewer [role="tab"][aria-label="Index"]').first().click();
  const toc = page.locator('.iiif-viewer [role="treeitem"]');
  await toc.first().waitFor();
  t.deepEqual(await toc.allTextContents(), ['Juan 1', 'Juan 2']);
  t.deepEqual(pageErrors, []);
});

for (const lang of ['zh', 'en'] as const) {
  test.serial(`a bad compare input is explained on the page (${lang})`, async (t) => {
    const { page, pageErrors } = await newTrackedPage(browser, contexts, { timeoutMs: 30_000 });
    if (lang === 'en') await page.addInitScript(() => localStorage.setItem('census.lang', 'en'));
    const problems = page.locator('.compare-problems');
    // A title instead of a census number: said so, with the catalogue's matching copies to choose from.
    await page.goto(`${app.url}/compare?left=${beijing}&right=${encodeURIComponent('文選')}`);
    await problems.waitFor();
    t.is(await page.locator('h1').textContent(), lang === 'zh' ? '对照阅读' : 'Compare copies');
    t.regex((await problems.textContent()) ?? '', lang === 'zh' ? /无法打开“文選”/ : /Cannot open “文選”/);
    // The matching copies come from a search that answers after the message: wait for them.
    await page.locator('.compare-candidates').waitFor();
    await page.screenshot({ path: path.join(shots, `reading-compare-title-${lang}.png`), fullPage: true });
    const candidate = page.locator('.compare-candidates a', { hasText: '文選六十卷' });
    t.is(await candidate.count(), 1, 'the other copy is offered, not the one already on the left');
    await candidate.click();
    await page.waitForURL((url) => url.searchParams.get('right') === shanghai);
    await page.locator('.iiif-viewer[data-ready="true"]').waitFor();

    // An unpublished record and an unknown number: a message, never an empty page.
    for (const bad of [draft, '99-9999999-999']) {
      await page.goto(`${app.url}/compare?left=${beijing}&right=${encodeURIComponent(bad)}`);
      await problems.waitFor();
      const text = (await problems.textContent()) ?? '';
      t.true(text.includes(bad), text);
      t.regex(text, lang === 'zh' ? /无法打开/ : /Cannot open/);
      t.notRegex(text, /请求编号|Request id|NOT_FOUND|HTTP/);
      t.is(await page.locator('.iiif-viewer').count(), 0);
      // The field that holds the bad number says so too, and can be corrected in place.
      t.is(await page.locator('#compare-right').inputValue(), bad);
    }
    await page.goto(`${app.url}/compare?left=${beijing}`);
    await problems.waitFor();
    t.regex(
      (await problems.textContent()) ?? '',
      lang === 'zh' ? /请给出两部的普查登记编号/ : /Give the census numbers of two copies/,
    );
    await page.locator('#compare-right').fill(shanghai);
    await page.locator('#compare-right').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('right') === shanghai);
    await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
    t.deepEqual(pageErrors, []);
  });
}

test.serial('on a phone: facets fold above the results, compare stacks the copies', async (t) => {
  const { page, pageErrors } = await newTrackedPage(browser, contexts, { width: 390, timeoutMs: 30_000 });
  await page.goto(`${app.url}/catalogue?q=${encodeURIComponent('文选')}`);
  await page.locator('.catalogue-result').first().waitFor();
  const toggle = page.getByRole('button', { name: '分面筛选' });
  t.true(await toggle.isVisible());
  t.false(await page.locator('#facet-panel').isVisible());
  // The toggle sits above the first result, not below a long page.
  t.true(
    (await toggle.boundingBox())!.y < (await page.locator('.catalogue-result').first().boundingBox())!.y,
  );
  await page.screenshot({ path: path.join(shots, 'reading-catalogue-phone.png'), fullPage: true });
  await toggle.click();
  await page.locator('#facet-panel').waitFor();
  await page.screenshot({ path: path.join(shots, 'reading-facets-phone.png'), fullPage: true });
  await page.locator('[data-facet="institution"] a', { hasText: '上海图书馆' }).click();
  await page.waitForURL((url) => url.searchParams.has('institution'));
  await page.locator('.catalogue-count', { hasText: '共 1 条' }).waitFor();
  t.regex((await page.getByRole('button', { name: /分面筛选/ }).textContent()) ?? '', /已选 1 项/);

  // From the record's reading page, one tap on the other copy of the edition.
  await page.goto(`${app.url}/records/${beijing}`);
  await page.getByRole('link', { name: '与本部对照' }).click();
  await page.waitForURL((url) => url.pathname === '/compare' && url.searchParams.get('right') === shanghai);
  await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').nth(1).waitFor();
  const boxes = await page
    .locator('.iiif-viewer .openseadragon-canvas')
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width })),
    );
  t.true(boxes[0]!.y < boxes[1]!.y, JSON.stringify(boxes));
  t.true(boxes[1]!.w > 300, 'each copy gets the full width');
  const leaves = await canvasIds(beijing);
  const other = await canvasIds(shanghai);
  await leftButton(page, '下一页').click();
  await waitFor(page, (w) => w[0]!.canvasId === leaves[1] && w[1]!.canvasId === other[1], 'pages in step');
  // Each copy shows its whole opening (Beijing's leaves are 600×900, Shanghai's 400×600).
  await t.notThrowsAsync(async () => {
    const deadline = Date.now() + 10_000;
    while (!((await showsWholeOpening(page, 0, 1200, 900)) && (await showsWholeOpening(page, 1, 800, 600)))) {
      if (Date.now() > deadline) throw new Error(JSON.stringify(await windows(page)));
      await page.waitForTimeout(100);
    }
  });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(shots, 'reading-compare-phone.png'), fullPage: true });
  t.deepEqual(pageErrors, []);
});
