import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { ObjectStore } from '../../src/object-store/object-store.js';
import { ormOptions } from '../../src/db/orm.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { buildApp } from '../../src/app/app.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

test('GET /health answers 200 with every component ok', async (t) => {
  const res = await new ApiClient(app.url).get('/health');
  t.is(res.status, 200);
  t.deepEqual(res.body, { status: 'ok', database: 'ok', objectStore: 'ok' });
});

async function serve(deps: Parameters<typeof buildApp>[0]) {
  const server = http.createServer(buildApp(deps).callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

test('GET /health answers 503 naming the object store when it is unreachable', async (t) => {
  const deadStore = new ObjectStore({
    endPoint: '127.0.0.1',
    port: 1,
    useSSL: false,
    accessKey: 'x',
    secretKey: 'y',
    bucket: 'nope',
  });
  const server = await serve({ ...app.deps, objectStore: deadStore });
  const res = await new ApiClient(server.url).get('/health');
  await server.close();
  t.is(res.status, 503);
  t.is(res.body.objectStore, 'unavailable');
  t.is(res.body.database, 'ok');
});

test('GET /health answers 503 naming the database when PostgreSQL is unreachable', async (t) => {
  const deadOrm = MikroORM.initSync(ormOptions('postgresql://nobody:nothing@127.0.0.1:1/none'));
  const server = await serve({ ...app.deps, orm: deadOrm });
  const res = await new ApiClient(server.url).get('/health');
  await server.close();
  await deadOrm.close(true);
  t.is(res.status, 503);
  t.is(res.body.database, 'unavailable');
  t.is(res.body.objectStore, 'ok');
});
