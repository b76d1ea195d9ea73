// A scholar without JavaScript: the server-rendered search finds a published record by its title in
// simplified characters, the result opens the record's permalink, and that page shows the
// description, the page thumbnails (real images through the IIIF Image API), the IIIF manifest link,
// the citation and the rights statement. Screenshots (desktop and phone) go to $SCREENSHOT_DIR (or
// the temp folder) for a person to look at.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord, waitUntilImagesReady } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { wenxuanInput } from '../helpers/record-input.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
let censusNumber: string;

test.before(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const nlc = await createInstitution(admin, '110000', { name: '国家图书馆' });
  const created = await admin.post('/api/records', wenxuanInput(nlc.id));
  if (created.status !== 201) throw new Error(created.text);
  censusNumber = created.body.censusNumber;
  const upload = await postFiles(
    `${app.url}/api/records/${censusNumber}/images`,
    admin.token,
    await Promise.all(
      ['卷一 1a', '卷一 1b', '卷二 1a'].map(async (label, i) => ({
        name: `p${i + 1}.jpg`,
        data: await jpegImage(600, 900),
        type: 'image/jpeg',
      })),
    ),
  );
  if (upload.status !== 201) throw new Error(upload.text);
  // Derivatives (tiles, thumbnails) are made in the background: wait until every page is ready.
  const ids = upload.body.items.map((i: { id: string }) => i.id) as string[];
  await waitUntilImagesReady(admin, ids, 60_000);
  await publishRecord(admin, censusNumber);
});
test.after.always(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.close();
});

for (const [name, width] of [
  ['desktop', 1280],
  ['phone', 390],
] as const) {
  test(`without JavaScript (${name}): search in simplified characters, open the result, read its page`, async (t) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const images: Array<{ url: string; status: number; type: string }> = [];
    page.on('response', (r) => {
      if (r.url().includes('/iiif/3/'))
        images.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
    });

    await page.goto(`${app.url}/catalogue/search`);
    await page.getByRole('searchbox').fill('文选');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(
      (url) => url.pathname === '/catalogue/search' && url.searchParams.get('q') === '文选',
    );
    t.regex((await page.locator('.pp-count').first().textContent()) ?? '', /共\s*1 条结果/);
    t.is(await page.locator('.pp-results mark').first().textContent(), '文選');
    await page.screenshot({ path: path.join(shots, `public-search-${name}.png`), fullPage: true });

    await page.getByRole('link', { name: '文選六十卷' }).click();
    await page.waitForURL((url) => url.pathname === `/catalogue/records/${censusNumber}`);
    t.is(await page.locator('h1').textContent(), '文選六十卷');
    t.is(await page.locator('.pp-byline').textContent(), '（梁）蕭統輯\u3000（唐）李善注');
    t.is(await page.locator('[data-field="edition"]').textContent(), '宋淳熙八年（1181）池陽郡齋刻本');
    t.is(await page.locator('[data-field="institution"]').textContent(), '国家图书馆');
    t.is(await page.locator('[data-field="censusNumber"]').textContent(), censusNumber);
    // The thumbnails are real images delivered by the IIIF Image API.
    const thumbs = page.locator('.pp-thumbs img');
    t.is(await thumbs.count(), 3);
    await page.waitForLoadState('load');
    const thumbnails = images.filter((i) => i.url.includes('/full/200,/0/default.jpg'));
    t.is(thumbnails.length, 3, JSON.stringify(images));
    t.true(
      thumbnails.every((i) => i.status === 200 && i.type === 'image/jpeg'),
      JSON.stringify(thumbnails),
    );
    t.regex(
      (await page.locator('.pp-iiif').getAttribute('href')) ?? '',
      new RegExp(`/iiif/manifest/${censusNumber}\\?manifest=`),
    );
    t.regex((await page.locator('[data-style="gbt7714"]').textContent()) ?? '', /文選六十卷\[M\/OL\]/);
    t.regex((await page.locator('.pp-rights').textContent()) ?? '', /开放获取/);
    await page.screenshot({ path: path.join(shots, `public-record-${name}.png`), fullPage: true });
    // Nothing on the page runs a script, and nothing depends on one.
    t.is(await page.locator('script:not([type="application/ld+json"])').count(), 0);
  });
}

for (const [name, width] of [
  ['desktop', 1280],
  ['phone', 390],
] as const) {
  test(`a mistyped link (${name}) opens a page in both languages from which the reader finds the book`, async (t) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const response = await page.goto(`${app.url}/catalogue/serch?q=${encodeURIComponent('文选')}`);
    t.is(response?.status(), 404);
    t.is(await page.locator('h1').textContent(), '页面不存在 Page not found');
    await page.screenshot({ path: path.join(shots, `public-not-found-${name}.png`), fullPage: true });
    // The catalogue's search box is on the page: the reader searches from there.
    await page.getByRole('searchbox').fill('文选');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL((url) => url.pathname === '/catalogue/search');
    await page.getByRole('link', { name: '文選六十卷' }).click();
    await page.waitForURL((url) => url.pathname === `/catalogue/records/${censusNumber}`);
    // A query refused at the door (bytes that are not UTF-8) is a page too, naming the parameter.
    const refused = await page.goto(`${app.url}/catalogue/search?q=%E6%96`);
    t.is(refused?.status(), 400);
    t.regex((await page.locator('[role="alert"]').textContent()) ?? '', /q 的百分号编码不是 UTF-8 文字/);
    await page.getByRole('link', { name: /返回公共目录/ }).click();
    await page.waitForURL((url) => url.pathname === '/catalogue/search');
  });
}
