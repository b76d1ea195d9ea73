// How the server sends the web: every path of the one route table gets the app's index.html (the
// old hand-written shell is gone); the app's hashed assets are precompressed and cached for good,
// its page never; nothing of the old shell is served any more.
import test from 'ava';
import http from 'node:http';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { PAGE_ROUTES } from '../../src/web/page-routes.js';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

/** GET with an Accept-Encoding header, without fetch's transparent decompression. */
function rawGet(
  url: string,
  encoding: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const sample = (path: string) => path.replace(/:[A-Za-z]+/g, '1');

test('every path of the route table gets the app’s page, never cached', async (t) => {
  for (const route of PAGE_ROUTES) {
    const res = await fetch(app.url + sample(route.path));
    t.is(res.status, 200, route.path);
    t.is(res.headers.get('cache-control'), 'no-cache', route.path);
    const html = await res.text();
    t.true(html.includes('/app/assets/'), `${route.path} is drawn by the app`);
    t.false(html.includes('/static/app.js'), route.path);
  }
});

test('the old shell’s files are gone; the favicon stays', async (t) => {
  for (const old of [
    '/static/app.js',
    '/static/style.css',
    '/static/vendor/mirador.min.js',
    '/static/vendor/chart.umd.js',
  ])
    t.is((await fetch(app.url + old)).status, 404, old);
  const icon = await fetch(`${app.url}/static/favicon.svg`);
  t.is(icon.status, 200);
  t.regex(icon.headers.get('content-type') ?? '', /image\/svg\+xml/);
});

test('the React app’s assets come precompressed and immutable', async (t) => {
  const html = await (await fetch(`${app.url}/login`)).text();
  const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  t.truthy(script, html);
  const br = await rawGet(app.url + script!, 'br, gzip');
  t.is(br.status, 200);
  t.is(br.headers['content-encoding'], 'br');
  t.regex(String(br.headers['cache-control']), /max-age=31536000.*immutable/);
  const gz = await rawGet(app.url + script!, 'gzip');
  t.is(gz.headers['content-encoding'], 'gzip');
  const plain = await rawGet(app.url + script!, 'identity');
  t.is(plain.headers['content-encoding'], undefined);
  t.true(br.body.length < plain.body.length / 3, `${br.body.length} vs ${plain.body.length}`);
  t.is((await fetch(`${app.url}/app/assets/missing-file.js`)).status, 404);
});
