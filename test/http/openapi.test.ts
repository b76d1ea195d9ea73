import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { API_ROUTES } from '../../src/app/app.js';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

test('the OpenAPI 3.1 document lists every route with the schemas that validate it', async (t) => {
  const res = await new ApiClient(app.url).get('/api/openapi.json');
  t.is(res.status, 200);
  t.is(res.body.openapi, '3.1.0');
  for (const route of API_ROUTES) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    t.truthy(res.body.paths[path]?.[route.method], `${route.method} ${path}`);
  }
  const create = res.body.paths['/api/institutions'].post;
  const schema = create.requestBody.content['application/json'].schema;
  t.deepEqual([...schema.required].sort(), ['code', 'name', 'provinceCode', 'type']);
  t.is(schema.additionalProperties, false);
  t.is(schema.properties.code.pattern, '^\\d{4}$');
  t.truthy(create.responses['201']);
});

test('the API page and its assets are served by the app (no CDN)', async (t) => {
  const page = await fetch(`${app.url}/api/docs`);
  t.is(page.status, 200);
  const html = await page.text();
  t.notRegex(html, /https?:\/\//);
  for (const asset of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const res = await fetch(app.url + asset[1]);
    t.is(res.status, 200, asset[1]);
  }
});
