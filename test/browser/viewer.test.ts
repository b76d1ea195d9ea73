// The IIIF viewer in a real browser (Debian Chromium driven by playwright-core) against the real
// app: page images uploaded through the API appear in Mirador on the public record page, and
// "next page" in a thread-bound book moves right to left (the next button sits on the left and
// leads to the following canvas); the compare page opens two records side by side.
import test from 'ava';
import sharp from 'sharp';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord, waitUntilImagesReady } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
let book: string;
let other: string;
let institutionId: string;

async function publishedRecord(institutionId: string, callNumber: string): Promise<string> {
  const created = await admin.post('/api/records', { ...validGujiInput({ callNumber }), institutionId });
  if (created.status !== 201) throw new Error(created.text);
  const cn = created.body.censusNumber as string;
  await publishRecord(admin, cn);
  return cn;
}

/** Uploads one JPEG page per label (distinct colours) through the images API and waits until each is ready. */
async function uploadPages(cn: string, labels: string[], size = { width: 600, height: 800 }) {
  const form = new FormData();
  form.set('labels', JSON.stringify(labels));
  for (const [i, label] of labels.entries()) {
    const jpeg = await sharp({
      create: { ...size, channels: 3, background: { r: 40 * i, g: 120, b: 200 - 40 * i } },
    })
      .jpeg()
      .toBuffer();
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `${label}.jpg`);
  }
  const res = await fetch(`${app.url}/api/records/${cn}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  // Tiles come from derivatives made in the background; until they are ready the image service
  // answers 503 (IMAGE_PROCESSING), which on a slow machine outlasts the page's opening.
  const ids = ((await res.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
  await waitUntilImagesReady(admin, ids, 120_000);
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  institutionId = inst.id;
  book = await publishedRecord(inst.id, 'V-1');
  await uploadPages(book, ['封面', '卷一 1a', '卷一 1b', '卷一 2a']);
  other = await publishedRecord(inst.id, 'V-2');
  await uploadPages(other, ['卷一 1a', '卷一 1b']);
  browser = await launchChromium();
});

test.after.always(async () => {
  await browser?.close();
  await app?.close();
});

async function openPage(): Promise<{
  page: Page;
  pageErrors: string[];
  images: Array<{ url: string; status: number }>;
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  const images: Array<{ url: string; status: number }> = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/iiif/3/'))
      images.push({ url: res.url(), status: res.status() });
  });
  return { page, pageErrors, images };
}

/** The canvas each Mirador window shows, from the viewer's store. */
function shownCanvases(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const el = document.querySelector('.iiif-viewer') as HTMLElement & {
      miradorViewer: { store: { getState(): { windows: Record<string, { canvasId: string }> } } };
    };
    return Object.values(el.miradorViewer.store.getState().windows).map((w) => w.canvasId);
  });
}

test('the public record page shows the images in Mirador and "next page" moves right to left', async (t) => {
  const manifest = (await new ApiClient(app.url).get(`/iiif/manifest/${book}`)).body;
  t.is(manifest.viewingDirection, 'right-to-left');
  const canvasIds = manifest.items.map((c: { id: string }) => c.id);
  const { page, pageErrors, images } = await openPage();
  await page.goto(`${app.url}/records/${book}`);
  await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').first().waitFor();
  t.deepEqual(await shownCanvases(page), [canvasIds[0]]);

  const next = page.locator('.iiif-viewer button[aria-label="下一页"]');
  const previous = page.locator('.iiif-viewer button[aria-label="上一页"]');
  const [nextBox, previousBox] = [await next.boundingBox(), await previous.boundingBox()];
  t.truthy(nextBox && previousBox);
  // Mirador reports failed fetches (manifest, info.json) in an error dialog that blocks the viewer.
  t.is(
    await page.locator('#error-dialog').count(),
    0,
    await page.locator('#error-dialog').allTextContents().then(String),
  );
  t.true(nextBox!.x < previousBox!.x, 'in a right-to-left book the next page is to the left');
  await next.click();
  await page.waitForFunction((id) => {
    const el = document.querySelector('.iiif-viewer') as any;
    return Object.values(el.miradorViewer.store.getState().windows).some((w: any) => w.canvasId === id);
  }, canvasIds[1]);
  t.deepEqual(await shownCanvases(page), [canvasIds[1]]);
  await next.click();
  // Book view shows leaves in pairs after the cover: 1 | 2-3 | 4.
  await page.waitForFunction((id) => {
    const el = document.querySelector('.iiif-viewer') as any;
    return Object.values(el.miradorViewer.store.getState().windows).some((w: any) => w.canvasId === id);
  }, canvasIds[3]);
  // Pixels arrive from the image service (info.json, then tiles or sizes) for the pages shown.
  await t.notThrowsAsync(() =>
    page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /\/iiif\/3\/.+\.(jpg|webp|png)/.test(e.name)),
    ),
  );
  t.true(
    images.some((i) => i.url.endsWith('/info.json') && i.status === 200),
    JSON.stringify(images.slice(0, 5)),
  );
  t.deepEqual(
    images.filter((i) => i.status >= 400),
    [],
  );
  t.deepEqual(pageErrors, []);
  await page.context().close();
});

test('the compare page opens two records side by side', async (t) => {
  const { page, pageErrors } = await openPage();
  await page.goto(`${app.url}/compare?left=${book}&right=${other}`);
  await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').nth(1).waitFor();
  const windows = await page.evaluate(() => {
    const el = document.querySelector('.iiif-viewer') as any;
    return Object.values(el.miradorViewer.store.getState().windows).map((w: any) => w.manifestId as string);
  });
  t.deepEqual(windows, [`${app.url}/iiif/manifest/${book}`, `${app.url}/iiif/manifest/${other}`]);
  const boxes = await page
    .locator('.iiif-viewer .openseadragon-canvas')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  t.true(boxes[0]! !== boxes[1]!, 'side by side');
  t.deepEqual(pageErrors, []);
  await page.context().close();
});

test('zooming in asks for the tiles under the screen together, not one per frame', async (t) => {
  // A leaf large enough that a zoomed screen shows several tiles of one level. Asked for in one
  // frame, they reach the server together and adjacent ones are read from the stored pack in one
  // GET; OpenSeadragon's default (one tile per frame) spreads them 20–30 ms apart, a GET each.
  const large = await publishedRecord(institutionId, 'V-3');
  await uploadPages(large, ['卷一 1a'], { width: 4096, height: 4096 });
  const { page, pageErrors, images } = await openPage();
  await page.goto(`${app.url}/records/${large}`);
  await page.locator('.iiif-viewer[data-ready="true"]').waitFor();
  await page.locator('.iiif-viewer .openseadragon-canvas').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => performance.clearResourceTimings());
  const zoomIn = page.locator('.iiif-viewer button[aria-label="放大"]');
  await zoomIn.click();
  await zoomIn.click();
  const tileStarts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/iiif\/3\/[^/]+\/\d+,\d+,\d+,\d+\/[^/]+\/0\/default\.jpg$/.test(e.name))
        .map((e) => e.startTime),
    );
  // Until the zoom's tiles have all come: their number unchanged over half a second.
  let starts = await tileStarts();
  for (let seen = -1; starts.length < 4 || starts.length !== seen; starts = await tileStarts()) {
    seen = starts.length;
    await page.waitForTimeout(500);
  }
  // The most tile requests begun within 5 ms of each other (one frame is ~16 ms).
  const together = Math.max(...starts.map((s) => starts.filter((o) => o >= s && o - s < 5).length));
  t.true(together >= 4, `tile requests began at ${starts.map((s) => s.toFixed(0)).join(', ')} ms`);
  t.deepEqual(
    images.filter((i) => i.status >= 400),
    [],
  );
  t.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a page whose derivatives are still being made fills in once they are ready, without a reload', async (t) => {
  // As just after an upload: the image service answers the page's tiles 503 (IMAGE_PROCESSING,
  // Retry-After). OpenSeadragon gives up on a tile that failed once unless told to retry it.
  const fresh = await publishedRecord(institutionId, 'V-4');
  await uploadPages(fresh, ['卷一 1a']);
  const id = (await admin.get(`/api/records/${fresh}/images`)).body.items[0].id as string;
  const setStatus = (status: string) =>
    app.orm.em
      .fork()
      .getConnection()
      .execute('update record_image set status = ? where id = ?', [status, id]);
  await setStatus('processing');
  await new Promise((resolve) => setTimeout(resolve, 1100)); // the image service's lookups last 1 s
  const { page, pageErrors } = await openPage();
  const isTile = (url: string) => url.includes(`/iiif/3/${id}/`) && url.endsWith('/default.jpg');
  const refused = new Set<string>();
  page.on('response', (res) => {
    if (isTile(res.url()) && res.status() === 503) refused.add(res.url());
  });
  const firstRefusal = page.waitForResponse((res) => isTile(res.url()) && res.status() === 503);
  await page.goto(`${app.url}/records/${fresh}`);
  await firstRefusal;
  await setStatus('ready');
  // A tile refused before is asked for again and served: the page fills in on its own.
  const served = await page.waitForResponse((res) => refused.has(res.url()) && res.status() === 200, {
    timeout: 40_000,
  });
  t.true(served.ok());
  // … and drawn: the middle of the viewer shows the page's colour (uploadPages' first: 0, 120, 200).
  const canvas = page.locator('.iiif-viewer .openseadragon-canvas').first();
  const middle = async () => {
    const { data, info } = await sharp(await canvas.screenshot())
      .raw()
      .toBuffer({ resolveWithObject: true });
    const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
    return [data[at]!, data[at + 1]!, data[at + 2]!];
  };
  const isPage = ([r, g, b]: number[]) => r! < 40 && Math.abs(g! - 120) < 30 && b! > 170;
  let shown = await middle();
  for (const deadline = Date.now() + 20_000; !isPage(shown) && Date.now() < deadline; shown = await middle())
    await page.waitForTimeout(250);
  t.true(isPage(shown), `the middle of the viewer is rgb(${shown.join(', ')})`);
  t.deepEqual(pageErrors, []);
  await page.context().close();
});
