// The import job page (React) offers a cancel button while the job may still be cancelled (as the
// server says), and shows the job cancelled after a click. No worker runs here, so the job stays queued.
import test from 'ava';
import { type Browser, type BrowserContext } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
const contexts: BrowserContext[] = [];

test.before(async () => {
  app = await startTestApp({ IMPORT_WORKERS: '0' });
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  browser = await launchChromium();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

test('a cataloguer cancels a queued import from its page', async (t) => {
  const institution = await createInstitution(admin, '350000');
  const cataloguer = await createUser(admin, { role: 'cataloguer', institutionId: institution.id });
  const form = new FormData();
  form.set('file', new Blob(['索书号,题名卷数\n善 0201,論語集註十卷\n']), '論語.csv');
  const res = await fetch(`${app.url}/api/institutions/${institution.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const { id } = (await res.json()) as { id: string };
  const { page, pageErrors } = await newTrackedPage(browser, contexts);
  await logInAt(page, app.url, `/imports/${id}`, cataloguer.email, STRONG_PASSWORD);
  await page.locator('.import-job[data-status="queued"]').waitFor();
  await page.locator('.import-job').getByText('排队中').waitFor();
  await page.getByRole('button', { name: '取消导入' }).click();
  await page.getByRole('status').filter({ hasText: '已请求取消导入。' }).waitFor();
  await page.locator('.import-job[data-status="cancelled"]').waitFor();
  await page.locator('.import-job').getByText('已取消').waitFor();
  t.is(await page.getByRole('button', { name: '取消导入' }).count(), 0);
  t.is((await admin.get(`/api/imports/${id}`)).body.status, 'cancelled');
  t.deepEqual(pageErrors, []);
});
