// Every page of the web (the one route table, src/web/page-routes.ts) opened by the national
// administrator in Chinese and in English, with real data behind each parameter: the test fails on
// a raw code value on screen (`in_progress`, `record.publish`, `census_record`, …), an i18n key
// shown instead of its text, a script error, or a header that wraps onto a second line.
// Screenshots of every page in both languages go to $SCREENSHOT_DIR (or the temp folder).
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { wenxuanInput } from '../helpers/record-input.js';
import { PAGE_ROUTES } from '../../src/web/page-routes.js';
import { WORKFLOW_ACTIONS, STATUS_ZH } from '../../src/domain/record-workflow.rules.js';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATES } from '../../src/restoration/work-order-state.rules.js';
import { RIGHTS_STATEMENTS } from '../../src/institutions/rights-statement.rules.js';
import { TRIAGE_ACIDITY_KEYS } from '../../src/triage/triage.rules.js';
import { ENTITY_TYPE_LABELS } from '../../src/audit-log/audit-labels.rules.js';
import { ROLES } from '../../src/domain/roles.js';

/**
 * Code values of the server's vocabularies. In the Chinese interface none of them may appear as a
 * word on screen; in English the words are ordinary ("draft"), so there only the shapes below count.
 */
const CODE_VALUES = new Set<string>([
  ...WORKFLOW_ACTIONS,
  ...Object.keys(STATUS_ZH),
  ...WORK_ORDER_STATES,
  ...WORK_ORDER_ACTIONS,
  ...RIGHTS_STATEMENTS,
  ...TRIAGE_ACIDITY_KEYS,
  ...Object.keys(ENTITY_TYPE_LABELS),
  ...ROLES,
  ...['guji', 'minguo', 'mandatory', 'basic', 'full', 'nation', 'province', 'institution'],
]);
/** snake_case codes (in_progress, census_record) and dotted action names or i18n keys (record.publish, nav.home). */
const CODE_SHAPES = [/\b[a-z]+(?:_[a-z]+)+\b/g, /\b[a-z]+(?:\.[a-z][A-Za-z_]*)+\b/g];
/** What may legitimately hold such shapes on a page: addresses, links, file names, “e.g.”. */
const NOT_CODES =
  /\b(?:e\.g|i\.e)\.|\S+@\S+|https?:\/\/\S+|\b[\w.-]+\.(?:csv|xlsx|jpe?g|png|tiff?|pdf|json|xml)\b/gi;

/** The raw codes and untranslated keys in a page's visible text. */
export function rawCodesIn(text: string, lang: 'zh' | 'en'): string[] {
  const cleaned = text.replace(NOT_CODES, ' ');
  const found = CODE_SHAPES.flatMap((shape) => cleaned.match(shape) ?? []);
  if (lang === 'zh') found.push(...(cleaned.match(/\b[a-z]{2,}\b/g) ?? []).filter((w) => CODE_VALUES.has(w)));
  return [...new Set(found)];
}

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
const params: Record<string, string> = {};
const pages: Partial<Record<'zh' | 'en', { page: Page; pageErrors: string[] }>> = {};

async function ok<T extends { status: number; text: string }>(res: Promise<T>, expected = 201): Promise<T> {
  const done = await res;
  if (done.status !== expected) throw new Error(`${done.status}: ${done.text}`);
  return done;
}

test.before(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const library = await createInstitution(admin, '110000', { name: '国家图书馆' });
  params.id = library.id;
  const record = await ok(admin.post('/api/records', wenxuanInput(library.id)));
  const censusNumber: string = record.body.censusNumber;
  params.censusNumber = censusNumber;
  await ok(
    postFiles(`${app.url}/api/records/${censusNumber}/images`, admin.token, [
      { name: 'p1.jpg', data: await jpegImage(600, 900), type: 'image/jpeg' },
    ]),
  );
  const conservator = await createUser(admin, { role: 'conservator', institutionId: library.id });
  const conservatorApi = await new ApiClient(app.url).login(conservator.email, STRONG_PASSWORD);
  await ok(
    conservatorApi.post(`/api/records/${censusNumber}/assessments`, {
      observations: [{ damageType: '虫蛀', areaPercent: 35 }],
      phReadings: [],
    }),
  );
  const order = await ok(conservatorApi.post('/api/work-orders', { censusNumber }));
  params.workOrderId = order.body.id;
  const form = new FormData();
  form.set(
    'file',
    new Blob(['索书号,题名卷数,著者,版本\n善 9,周易本義四卷,宋朱熹撰,清刻本\n']),
    'records.csv',
  );
  const upload = await fetch(`${app.url}/api/institutions/${library.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  if (upload.status !== 202) throw new Error(await upload.text());
  params.importId = ((await upload.json()) as { id: string }).id;

  for (const lang of ['zh', 'en'] as const) {
    const tracked = await newTrackedPage(browser, contexts);
    await logInAt(tracked.page, app.url, '/', ADMIN.email, ADMIN.password);
    // The language switch's choice, as the header's button keeps it, for every page opened next.
    await tracked.page.evaluate((l) => localStorage.setItem('census.lang', l), lang);
    pages[lang] = tracked;
  }
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

/** The address of a route with the seeded data behind its parameters. */
function addressOf(route: string): string {
  return route
    .replace(':censusNumber', encodeURIComponent(params.censusNumber!))
    .replace(/^\/institutions\/:id/, `/institutions/${params.id}`)
    .replace(/^\/imports\/:id/, `/imports/${params.importId}`)
    .replace(/^\/work-orders\/:id/, `/work-orders/${params.workOrderId}`);
}

for (const route of PAGE_ROUTES) {
  for (const lang of ['zh', 'en'] as const) {
    test.serial(`${route.path} in ${lang}: labels, not codes`, async (t) => {
      const { page, pageErrors } = pages[lang]!;
      const errorsBefore = pageErrors.length;
      const address = addressOf(route.path);
      await page.goto(`${app.url}${address}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
      const name = `every-page-${lang}${route.path.replace(/[/:]+/g, '-')}.png`;
      await page.screenshot({ path: path.join(shots, name), fullPage: true });
      const text = await page.locator('body').innerText();
      t.deepEqual(rawCodesIn(text, lang), [], `${address} (${lang})`);
      t.deepEqual(pageErrors.slice(errorsBefore), []);
      // The header holds every area of a national administrator on one line at desktop width.
      const header = page.locator('header').first();
      if (await header.count()) {
        const height = (await header.boundingBox())?.height ?? 0;
        t.true(height < 90, `header is ${height}px high on ${address}`);
      }
    });
  }
}
