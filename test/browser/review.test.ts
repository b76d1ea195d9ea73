// The reviewer's pages of the React staff app in Chromium against the real server, in Chinese:
// the queue (/review) with its counts and filters. Screenshots go to $SCREENSHOT_DIR (or the temp
// folder) for a person to look at.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, logInAt, newTrackedPage } from '../helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
const contexts: BrowserContext[] = [];
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

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

/** Creates a record as `client` and takes it through `steps` (notes given where a step needs one). */
async function recordThrough(client: ApiClient, institutionId: string, fields: object, steps: string[]) {
  const created = await client.post('/api/records', validGujiInput({ institutionId, ...fields }));
  if (created.status !== 201) throw new Error(created.text);
  const cn: string = created.body.censusNumber;
  for (const step of steps) {
    const res = await client.post(`/api/records/${cn}/${step}`, { note: '请核对版本项' });
    if (res.status !== 200) throw new Error(`${step}: ${res.text}`);
  }
  return cn;
}

test.serial(
  'a reviewer opens the queue: counts per status and institution, rounds, filters, no raw codes',
  async (t) => {
    const library = await createInstitution(admin, '350000', { name: '福建省图书馆' });
    const other = await createInstitution(admin, '350000', { name: '福州大学图书馆' });
    const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
    t.is(
      (await admin.post('/api/review-assignments', { reviewerId: reviewer.id, institutionId: library.id }))
        .status,
      201,
    );
    const fresh = await recordThrough(
      admin,
      library.id,
      { callNumber: '善 100', title: '資治通鑑二百九十四卷' },
      ['submit'],
    );
    const again = await recordThrough(
      admin,
      library.id,
      { callNumber: '善 101', title: '通鑑紀事本末四十二卷' },
      ['submit', 'return', 'submit'],
    );
    const started = await recordThrough(
      admin,
      library.id,
      { callNumber: '善 102', title: '續資治通鑑長編' },
      ['submit', 'start-review'],
    );
    const notMine = await recordThrough(admin, other.id, { callNumber: '甲 1', title: '通鑑綱目' }, [
      'submit',
    ]);

    const { page, pageErrors } = await newTrackedPage(browser, contexts);
    await logInAt(page, app.url, '/', reviewer.email, STRONG_PASSWORD);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审校' }).click();
    await page.waitForURL((url) => url.pathname === '/review');
    await page.getByRole('heading', { level: 1, name: '待审校记录' }).waitFor();
    const statuses = page.getByRole('navigation', { name: '按状态筛选' });
    await statuses.getByRole('link', { name: '全部 3' }).waitFor();
    t.deepEqual(await statuses.getByRole('link').allInnerTexts(), ['全部 3', '已提交 2', '审校中 1']);
    const rows = page.getByRole('row');
    t.is(
      await rows.filter({ hasText: notMine }).count(),
      0,
      'another institution’s record is not in the queue',
    );
    t.true((await rows.filter({ hasText: again }).innerText()).includes('第 2 轮'));
    t.true((await rows.filter({ hasText: fresh }).innerText()).includes('已提交'));
    t.true((await rows.filter({ hasText: started }).innerText()).includes('审校中'));
    const body = await page.locator('body').innerText();
    t.false(/in_review|submitted|review\.|\bguji\b/.test(body), body);
    await page.screenshot({ path: path.join(shots, 'review-queue.png'), fullPage: true });

    // The status counts are filters, kept in the address.
    await statuses.getByRole('link', { name: '审校中 1' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'in_review');
    await page.getByText('共 1 条').waitFor();
    t.is(await rows.filter({ hasText: fresh }).count(), 0);
    await rows.filter({ hasText: started }).waitFor();

    // Search by census number, with the keyboard.
    await page.getByRole('link', { name: '清除筛选' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.getByRole('searchbox', { name: '检索' }).fill(fresh);
    await page.getByRole('searchbox', { name: '检索' }).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === fresh);
    await page.getByText('共 1 条').waitFor();
    const link = page.getByRole('link', { name: fresh });
    await link.focus();
    t.true(await link.evaluate((el) => getComputedStyle(el).outlineStyle !== 'none'), 'visible focus');
    await page.screenshot({ path: path.join(shots, 'review-queue-search.png') });
    await link.press('Enter');
    await page.waitForURL((url) => url.pathname === `/review/${fresh}`);
    t.deepEqual(pageErrors, []);
  },
);
