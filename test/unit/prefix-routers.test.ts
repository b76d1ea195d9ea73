import test from 'ava';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { PrefixRouters } from '../../src/app/prefix-routers.js';

/** A Koa app with both routers' middleware, listening on loopback; `stop` closes it. */
async function serve(routers: PrefixRouters) {
  const app = new Koa();
  for (const middleware of routers.middleware()) app.use(middleware);
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, stop: () => new Promise((resolve) => server.close(resolve)) };
}

test('each request reaches the route of its own router, with its parameters', async (t) => {
  const routers = new PrefixRouters();
  routers.api.get('/api/records/:censusNumber', (ctx) => (ctx.body = `api ${ctx.params.censusNumber}`));
  routers.site.get(
    '/catalogue/records/:censusNumber',
    (ctx) => (ctx.body = `site ${ctx.params.censusNumber}`),
  );
  const { origin, stop } = await serve(routers);
  try {
    const api = await fetch(`${origin}/api/records/110000-0001-0000001`);
    t.is(await api.text(), 'api 110000-0001-0000001');
    const site = await fetch(`${origin}/catalogue/records/110000-0001-0000001`);
    t.is(await site.text(), 'site 110000-0001-0000001');
    // Case-sensitive, as before the split: /API/ is neither router's path.
    t.is((await fetch(`${origin}/API/records/110000-0001-0000001`)).status, 404);
    t.is((await fetch(`${origin}/api/catalogue/records/1`)).status, 404);
  } finally {
    await stop();
  }
});

test('a known path with another method gets 405 and the Allow of its own router', async (t) => {
  const routers = new PrefixRouters();
  routers.api.post('/api/imports', (ctx) => (ctx.status = 201));
  routers.site.get('/catalogue/search', (ctx) => (ctx.body = 'results'));
  const { origin, stop } = await serve(routers);
  try {
    const site = await fetch(`${origin}/catalogue/search`, { method: 'DELETE' });
    t.is(site.status, 405);
    t.is(site.headers.get('allow'), 'HEAD, GET');
    const api = await fetch(`${origin}/api/imports`, { method: 'PUT' });
    t.is(api.status, 405);
    t.is(api.headers.get('allow'), 'POST');
  } finally {
    await stop();
  }
});

test('a route mounted on the wrong router refuses to start rather than never answering', (t) => {
  const onSite = new PrefixRouters();
  onSite.site.get('/api/openapi.json', (ctx) => (ctx.body = '{}'));
  t.throws(() => onSite.middleware(), { message: /\/api\/openapi\.json is mounted on the site router/ });
  const onApi = new PrefixRouters();
  onApi.api.get('/health', (ctx) => (ctx.body = 'ok'));
  t.throws(() => onApi.middleware(), { message: /\/health is mounted on the API router/ });
});

test('for() names the router a path belongs in', (t) => {
  const routers = new PrefixRouters();
  t.is(routers.for('/api/records'), routers.api);
  t.is(routers.for('/api'), routers.site);
  t.is(routers.for('/iiif/3/x/info.json'), routers.site);
  t.is(routers.for('/Api/records'), routers.site);
});
