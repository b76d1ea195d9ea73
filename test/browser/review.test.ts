// The reviewer's pages of the React staff app in Chromium against the real server, in Chinese:
// the queue (/review) with its counts and filters, and a record's review through two rounds — the
// page image beside the fields, a comment on 版本, a return with a note, the cataloguer's fix, and
// in round 2 the previous round's comments and the changes before approval. Screenshots go to
// $SCREENSHOT_DIR (or the temp folder) for a person to look at.
import test from 'ava';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

    // In English every label comes from the English catalogue or the server's English half.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review: 資治通鑑二百九十四卷' }).waitFor();
    await page.getByRole('button', { name: 'Start review' }).waitFor();
    const english = await page.getByRole('main').innerText();
    for (const label of [
      'Submitted',
      'Ancient book',
      'Edition',
      'Responsibility',
      'Round 1',
      'Record fields',
    ])
      t.true(english.includes(label), label);
    t.false(/review\.|submitted|start_review|已提交|审校操作/.test(english), english);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Records awaiting review' }).waitFor();
    await page.getByRole('link', { name: 'In review 1' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '待审校记录' }).waitFor();
    t.deepEqual(pageErrors, []);
  },
);

/** A page-like JPEG: paper tone, a printed frame, column rules and rows of "characters". */
async function bookPage(): Promise<Buffer> {
  const columns = Array.from({ length: 10 }, (_, i) => 80 + i * 64);
  const rules = columns.map(
    (x) => `<line x1="${x}" y1="90" x2="${x}" y2="1110" stroke="#5b3a1e" stroke-width="2"/>`,
  );
  const glyphs = columns
    .slice(0, 9)
    .flatMap((x, c) =>
      Array.from(
        { length: 14 + (c % 3) },
        (_, r) =>
          `<rect x="${x + 14}" y="${110 + r * 66}" width="36" height="44" rx="4" fill="#2a1d12" opacity="0.82"/>`,
      ),
    );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1200">
    <rect width="800" height="1200" fill="#e9dcb8"/>
    <rect x="60" y="80" width="680" height="1040" fill="none" stroke="#5b3a1e" stroke-width="8"/>
    ${rules.join('')}${glyphs.join('')}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Uploads one page image as `client` and waits until its derivatives are ready. */
async function uploadPage(client: ApiClient, cn: string, label: string) {
  const form = new FormData();
  form.set('labels', JSON.stringify([label]));
  form.append('file', new Blob([new Uint8Array(await bookPage())], { type: 'image/jpeg' }), 'juan1-1a.jpg');
  const res = await fetch(`${app.url}/api/records/${cn}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  for (let i = 0; i < 200; i += 1) {
    const list = await client.get(`/api/records/${cn}/images`);
    if (list.body.items.every((image: { status: string }) => image.status === 'ready')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the page image did not become ready');
}

const statusOf = (page: Page) => page.locator('#record-status');

test.serial(
  'a reviewer reviews 資治通鑑 beside its page image, comments on 版本 and returns it; in round 2 sees the comment and the change, and approves',
  async (t) => {
    const library = await createInstitution(admin, '350000', { name: '福建省图书馆' });
    const cataloguerUser = await createUser(admin, { role: 'cataloguer', institutionId: library.id });
    const cataloguer = await new ApiClient(app.url).login(cataloguerUser.email, STRONG_PASSWORD);
    const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
    await admin.post('/api/review-assignments', { reviewerId: reviewer.id, institutionId: library.id });

    // The cataloguer registers the book with a page image and submits it.
    const created = await cataloguer.post(
      '/api/records',
      validGujiInput({
        institutionId: library.id,
        callNumber: '善 2019',
        title: '資治通鑑二百九十四卷',
        otherTitles: [],
        authors: [
          { dynasty: '宋', name: '司馬光', role: '撰' },
          { dynasty: '元', name: '胡三省', role: '音注' },
        ],
        edition: '清同治八年（1869）江蘇書局刻本',
        publisher: '江蘇書局',
        volumes: 100,
        cases: 10,
        totalJuan: 294,
        extantJuan: 294,
        classification: '史',
        subclass: '編年類',
        layout: '半葉十二行，行二十四字，小字雙行同，白口，左右雙邊',
        annotations: [],
        seals: [{ text: '福建省圖書館藏', owner: '福建省图书馆', ownerUnknown: false, position: '卷一首葉' }],
        grade: '三级乙等',
        damageGrade: '四级',
        notes: null,
      }),
    );
    t.is(created.status, 201, created.text);
    const cn: string = created.body.censusNumber;
    await uploadPage(cataloguer, cn, '卷一 1a');
    t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);

    // The reviewer opens the queue and the record.
    const { page, pageErrors } = await newTrackedPage(browser, contexts);
    await logInAt(page, app.url, '/review', reviewer.email, STRONG_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '待审校记录' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: cn });
    t.true((await row.innerText()).includes('第 1 轮'));
    await row.getByRole('link', { name: cn }).click();
    await page.waitForURL((url) => url.pathname === `/review/${cn}`);
    await page.getByRole('heading', { level: 1, name: '审校：資治通鑑二百九十四卷' }).waitFor();
    t.is(await page.locator('#census-number').textContent(), cn);

    // The page image is beside the fields, loaded from the IIIF image service.
    const image = page.getByRole('region', { name: '书影' }).getByRole('img', { name: '卷一 1a' });
    await image.waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('img')).some((img) => img.complete && img.naturalWidth > 0),
    );
    t.true((await image.getAttribute('src'))!.includes('/iiif/3/'));
    const fields = page.getByRole('region', { name: '记录内容' });
    t.is(
      await fields.locator('[data-field="authors"] .field-value').innerText(),
      '（宋）司馬光撰　（元）胡三省音注',
    );
    t.is(
      await fields.locator('[data-field="edition"] .field-value').innerText(),
      '清同治八年（1869）江蘇書局刻本',
    );
    t.false(
      /submitted|in_review|review\.|\bguji\b|start_review/.test(await page.locator('body').innerText()),
    );

    await page.getByRole('button', { name: '开始审校' }).click();
    await statusOf(page).getByText('审校中').waitFor();
    await page.getByRole('status').filter({ hasText: '已完成：开始审校' }).waitFor();

    // A comment on 版本, by keyboard: the button names its field; the form closes and the comment shows.
    const commentButton = page.getByRole('button', { name: '批注 版本', exact: true });
    await commentButton.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    t.true(
      await commentButton.evaluate((el) => getComputedStyle(el).outlineStyle !== 'none'),
      'visible focus',
    );
    await commentButton.press('Enter');
    const form = page.getByRole('form', { name: '批注“版本”' });
    await form.getByLabel('批注内容').fill('版心下有「光緒八年補刊」字樣，請核對是否為遞修本');
    await page.screenshot({ path: path.join(shots, 'review-round1-comment.png'), fullPage: true });
    await form.getByRole('button', { name: '提交批注' }).click();
    await fields
      .locator('[data-field="edition"] .comment-list')
      .getByText('版心下有「光緒八年補刊」字樣，請核對是否為遞修本')
      .waitFor();
    t.is(await page.getByRole('form', { name: '批注“版本”' }).count(), 0);

    // Returning asks for a note in a dialog; an empty note is refused there.
    await page.getByRole('button', { name: '退回修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await dialog.getByText('此项为必填项').waitFor();
    await dialog.getByLabel('退回说明').fill('版本项请据版心补刊字样核对，著录遞修情况');
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await statusOf(page).getByText('已退回').waitFor();
    t.is(await page.getByRole('dialog').count(), 0);
    await page.getByText('此记录当前不在审校中。').waitFor();
    t.is(
      await page.getByRole('button', { name: '审校通过' }).count(),
      0,
      'no review step on a returned record',
    );
    await page.screenshot({ path: path.join(shots, 'review-round1-returned.png'), fullPage: true });

    // The cataloguer corrects the edition and submits again (round 2).
    const current = await cataloguer.get(`/api/records/${cn}`);
    const fixed = await cataloguer.patch(`/api/records/${cn}`, {
      edition: '清同治八年（1869）江蘇書局刻光緒八年（1882）遞修本',
      printingState: '递修',
      version: current.body.version,
    });
    t.is(fixed.status, 200, fixed.text);
    t.is((await cataloguer.post(`/api/records/${cn}/submit`)).status, 200);

    await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '待审校记录' }).click();
    await page.waitForURL((url) => url.pathname === '/review');
    const again = page.getByRole('row').filter({ hasText: cn });
    await again.getByText('第 2 轮').waitFor();
    await again.getByRole('link', { name: cn }).click();
    await page.waitForURL((url) => url.pathname === `/review/${cn}`);

    // Round 2: round 1's return note and comment, and what changed since, before and after.
    const previous = page.getByRole('region', { name: '第 1 轮审校意见' });
    await previous.waitFor();
    const said = await previous.innerText();
    t.true(said.includes('版本项请据版心补刊字样核对，著录遞修情况'), said);
    t.true(said.includes('版心下有「光緒八年補刊」字樣，請核對是否為遞修本'), said);
    t.true(said.includes(reviewer.displayName), 'people appear by name');
    t.false(said.includes(reviewer.email), said);
    const edition = previous.locator('.changes-table tr[data-field="edition"]');
    t.true((await edition.locator('del').innerText()).includes('清同治八年（1869）江蘇書局刻本'));
    t.true((await edition.locator('ins').innerText()).includes('光緒八年（1882）遞修本'));
    t.true(
      (await previous.locator('.changes-table tr[data-field="printingState"]').innerText()).includes('递修'),
    );
    const editionField = fields.locator('[data-field="edition"]');
    await editionField.getByText('已修改').waitFor();
    t.true((await editionField.innerText()).includes('第 1 轮'), 'round 1’s comment stays beside the field');
    t.is(await editionField.locator('.comment-list').count(), 0, 'no comment yet in round 2');
    await page.screenshot({ path: path.join(shots, 'review-round2.png'), fullPage: true });

    await page.getByRole('button', { name: '审校通过' }).click();
    await statusOf(page).getByText('已通过').waitFor();
    await page.getByRole('status').filter({ hasText: '已完成：审校通过' }).waitFor();
    t.is(await page.getByRole('button', { name: '审校通过' }).count(), 0);
    t.deepEqual(pageErrors, []);
  },
);

test.serial(
  'a provincial administrator assigns an institution to a reviewer under the queue and ends it',
  async (t) => {
    const library = await createInstitution(admin, '330000', { name: '浙江图书馆' });
    const reviewer = await createUser(admin, { role: 'reviewer', provinceCode: '330000' });
    const provincial = await createUser(admin, { role: 'provincial_admin', provinceCode: '330000' });
    const { page, pageErrors } = await newTrackedPage(browser, contexts);
    await logInAt(page, app.url, '/review', provincial.email, STRONG_PASSWORD);
    const panel = page.getByRole('region', { name: '审校分配' });
    await panel.getByText('尚无分配。').waitFor();

    // Both choices are required: the form says so beside each field.
    await panel.getByRole('button', { name: '分配' }).click();
    t.is(await panel.getByText('此项为必填项').count(), 2);

    await panel.getByRole('combobox', { name: '审校员' }).click();
    await page.getByRole('option', { name: new RegExp(reviewer.displayName) }).click();
    await panel.getByRole('combobox', { name: '收藏单位' }).click();
    await page.getByRole('option', { name: /浙江图书馆/ }).click();
    await panel.getByRole('button', { name: '分配' }).click();
    const row = panel.getByRole('row').filter({ hasText: '浙江图书馆' });
    await row.waitFor();
    t.true((await row.innerText()).includes(reviewer.displayName), 'the reviewer by name');
    t.false((await row.innerText()).includes(reviewer.email));
    await page.screenshot({ path: path.join(shots, 'review-assignments.png'), fullPage: true });
    t.is(
      (await admin.get('/api/review-assignments')).body.items.filter(
        (a: { institutionId: string }) => a.institutionId === library.id,
      ).length,
      1,
    );

    await row.getByRole('button', { name: /结束分配/ }).click();
    await panel.getByText('尚无分配。').waitFor();
    t.deepEqual(pageErrors, []);
  },
);
