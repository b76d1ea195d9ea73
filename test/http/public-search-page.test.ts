// The server-rendered results page /catalogue/search: full HTML without JavaScript — the count,
// results linking their permalinks with the matched text marked, paging, the empty state and bad
// input in Chinese and English, hostile text escaped, and only published records.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
const cn: Record<string, string> = {};

const get = (query: string) =>
  fetch(`${app.url}/catalogue/search${query}`).then(async (r) => ({
    status: r.status,
    type: r.headers.get('content-type') ?? '',
    text: await r.text(),
  }));

test.before(async () => {
  app = await startTestApp();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '110000', { name: '國家圖書館' });
  const make = async (callNumber: string, title: string, publish: boolean) => {
    const res = await admin.post(
      '/api/records',
      validGujiInput({ institutionId: inst.id, callNumber, title }),
    );
    if (res.status !== 201) throw new Error(res.text);
    if (publish) await publishRecord(admin, res.body.censusNumber);
    return res.body.censusNumber as string;
  };
  cn.wenxuan = await make('A-1', '文選六十卷', true);
  cn.hostile = await make('A-2', '<b onmouseover="x">文選</b>注', true);
  cn.draft = await make('A-3', '文選補遺四十卷', false);
  for (let i = 0; i < 22; i += 1) await make(`B-${i}`, `詩集${i}卷`, true);
});
test.after.always(async () => {
  await app?.close();
});

test('a simplified query finds the traditional titles; results link their permalinks', async (t) => {
  const res = await get('?q=文选');
  t.is(res.status, 200);
  t.regex(res.type, /^text\/html/);
  t.regex(res.text, /data-total="2"/);
  t.regex(res.text, /共\s*2 条结果/);
  t.regex(res.text, /2 results/);
  t.true(res.text.includes(`href="/catalogue/records/${cn.wenxuan}"`));
  t.true(res.text.includes('<mark>文選</mark>六十卷'));
  t.false(res.text.includes(cn.draft!), 'no draft');
  t.false(res.text.includes('文選補遺'));
  // Hostile titles are text.
  t.false(res.text.includes('<b onmouseover'));
  t.true(res.text.includes('&lt;b onmouseover=&quot;x&quot;&gt;'));
  t.true(
    res.text.includes(
      `<link rel="canonical" href="${app.url}/catalogue/search?q=${encodeURIComponent('文选')}" />`,
    ),
  );
});

test('one result is counted in the singular in English', async (t) => {
  const res = await get(`?q=${encodeURIComponent('文选六十卷')}`);
  t.regex(res.text, /data-total="1"/);
  t.regex(res.text, /共\s*1 条结果/);
  t.regex(res.text, /\b1 result; 1–1 shown\./);
  t.notRegex(res.text, /\b1 results\b/);
});

test('paging: 20 a page with next and previous links', async (t) => {
  const first = await get('?q=詩集');
  t.regex(first.text, /data-total="22"/);
  t.is(first.text.match(/class="pp-result"/g)!.length, 20);
  t.true(
    first.text.includes(`rel="next" href="/catalogue/search?q=${encodeURIComponent('詩集')}&amp;page=2"`),
  );
  const second = await get(`?q=${encodeURIComponent('詩集')}&page=2`);
  t.is(second.text.match(/class="pp-result"/g)!.length, 2);
  t.true(second.text.includes('rel="prev"'));
  t.false(second.text.includes('rel="next"'));
});

test('no match: an empty state in both languages; bad input: a 400 page saying why', async (t) => {
  const none = await get('?q=無此書名');
  t.is(none.status, 200);
  t.regex(none.text, /没有找到符合条件的已发布记录/);
  t.regex(none.text, /No published record matches/);
  const long = await get(`?q=${'文'.repeat(201)}`);
  t.is(long.status, 400);
  t.regex(long.text, /检索词不能超过 200 个字符/);
  t.regex(long.text, /q must not be longer than 200 characters/);
  const page = await get('?q=文&page=abc');
  t.is(page.status, 400);
  t.regex(page.text, /page/);
});
