// A browser that opens a page outside the API and is refused — a broken link, a hand-edited query —
// gets an HTML page in both languages with a way back to the catalogue; API and IIIF clients, and
// anything that does not prefer HTML, still get the JSON error (or the plain 404) they parse.
import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

// What Chromium and Firefox send when the reader opens a page.
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const open = (path: string, accept = BROWSER_ACCEPT) => fetch(app.url + path, { headers: { accept } });

test('a broken link opened in a browser is a 404 page in both languages, not indexed, linking back', async (t) => {
  for (const path of ['/no-such-page', '/catalogue/no-such-page', '/CATALOGUE/search']) {
    const res = await open(path);
    t.is(res.status, 404, path);
    t.regex(res.headers.get('content-type') ?? '', /^text\/html/);
    t.is(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    t.regex(html, /<title>页面不存在 · Page not found<\/title>/);
    t.regex(html, /<meta name="robots" content="noindex" \/>/);
    t.true(html.includes('href="/catalogue/search"'));
    t.false(html.includes('"error"'), 'no JSON on the page');
  }
});

test('a query a browser sent that is refused is a 400 page naming the parameter and the rule', async (t) => {
  const notUtf8 = await open('/catalogue/search?q=%E5%AE');
  t.is(notUtf8.status, 400);
  const html = await notUtf8.text();
  t.regex(html, /请求有误/);
  t.regex(html, /q 的百分号编码不是 UTF-8 文字/);
  t.regex(html, /q is percent-encoded bytes that are not UTF-8 text/);
  const nul = await (await open('/catalogue/search?q=a%00b')).text();
  t.regex(nul, /q 含有空字符/);
});

test('API and IIIF clients, and clients that do not prefer HTML, keep the JSON error and the plain 404', async (t) => {
  const api = await open('/api/no-such-route');
  t.is(api.status, 404);
  t.is((await api.json()).error.code, 'NOT_FOUND');
  const apiRefusal = await open('/api/catalogue/search?q=%FF');
  t.is(apiRefusal.status, 400);
  t.is((await apiRefusal.json()).error.details[0].rule, 'utf8');
  const iiif = await open('/iiif/manifest/110000-0000-0000000');
  t.regex(iiif.headers.get('content-type') ?? '', /json/);
  const script = await open('/no-such-page', '*/*');
  t.is(script.status, 404);
  t.notRegex(script.headers.get('content-type') ?? '', /html/);
  const json = await open('/catalogue/search?q=%FF', 'application/json');
  t.is(json.status, 400);
  t.is((await json.json()).error.details[0].path, 'q');
});
