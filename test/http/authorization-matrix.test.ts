// Enumerates every write route of the API and proves that a user of institution A gets 403 on
// institution B's data and a provincial admin cannot touch another province. A new write route
// without a case here fails the first test, so the matrix cannot silently fall behind.
import test from 'ava';
import { API_ROUTES } from '../../src/app/app.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import type { CaseEntry, Check, World } from './authorization/world.js';
import { MODULE_CASES } from './authorization/module-cases.js';
import { pathSpellings, READ_CASES, readDataOf } from './authorization/reads.cases.js';

const body = { provinceCode: '350000', code: '2999', name: 'x', type: '其他' };

const recordBody = (institutionId: string) => ({
  type: 'guji',
  institutionId,
  callNumber: `X${Math.random().toString(36).slice(2, 10)}`,
  title: '论语注疏十卷',
  edition: '清刻本',
  volumes: 4,
});

/** A bulk answer's single result as the status it would have had on its own. */
async function bulkStatus(client: ApiClient, path: string, body: unknown): Promise<number> {
  const res = await client.post(path, body);
  if (res.status !== 200) return res.status;
  const r = res.body.results?.[0];
  return r?.ok ? 200 : r?.error?.code === 'FORBIDDEN' ? 403 : 400;
}

const workflowCases =
  (segment: string): Check =>
  async (w) => [
    {
      who: `cataloguer A: ${segment} a record of B`,
      status: (await w.catA.post(`/api/records/${w.recordB}/${segment}`, { note: 'x' })).status,
    },
    {
      who: `Fujian admin: ${segment} a Jiangsu record`,
      status: (await w.paFujian.post(`/api/records/${w.recordJs}/${segment}`, { note: 'x' })).status,
    },
  ];

const bulkCases =
  (segment: string): Check =>
  async (w) => [
    {
      who: `cataloguer A: bulk ${segment} a record of B`,
      status: await bulkStatus(w.catA, `/api/records/bulk/${segment}`, {
        censusNumbers: [w.recordB],
        note: 'x',
      }),
    },
    {
      who: `Fujian admin: bulk ${segment} a Jiangsu record`,
      status: await bulkStatus(w.paFujian, `/api/records/bulk/${segment}`, {
        censusNumbers: [w.recordJs],
        note: 'x',
      }),
    },
  ];

async function uploadAs(client: ApiClient, institutionId: string): Promise<number> {
  const form = new FormData();
  form.set('file', new Blob(['索书号,题名卷数\nZ1,论语\n']), 'r.csv');
  const res = await fetch(`${client.baseUrl}/api/institutions/${institutionId}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}` },
    body: form,
  });
  return res.status;
}

/** For each write route: the cross-tenant attempts and their answers (each must be 403). */
const CORE_CASES: Record<string, CaseEntry> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'self-only',
  'POST /api/auth/password': 'self-only',
  'POST /api/auth/tokens': 'self-only',
  'DELETE /api/auth/tokens/:id': async (w) => [
    {
      who: 'cataloguer A revokes a token of B',
      status: (await w.catA.delete(`/api/auth/tokens/${w.tokenOfB}`)).status,
    },
  ],
  'POST /api/institutions': async (w) => [
    {
      who: 'cataloguer A creates an institution',
      status: (await w.catA.post('/api/institutions', body)).status,
    },
    {
      who: 'Fujian admin creates in Jiangsu',
      status: (await w.paFujian.post('/api/institutions', { ...body, provinceCode: '320000' })).status,
    },
    {
      who: 'Fujian admin creates a national restoration centre in Fujian',
      status: (
        await w.paFujian.post('/api/institutions', { ...body, code: '2998', isRestorationCentre: true })
      ).status,
    },
    {
      who: 'Fujian admin creates a national key-protection unit in Fujian',
      status: (await w.paFujian.post('/api/institutions', { ...body, code: '2997', keyProtectionBatch: 3 }))
        .status,
    },
  ],
  'PATCH /api/institutions/:id': async (w) => [
    {
      who: 'cataloguer A edits institution B',
      status: (await w.catA.patch(`/api/institutions/${w.instB.id}`, { name: 'hijack' })).status,
    },
    {
      who: 'conservator A edits institution B',
      status: (await w.consA.patch(`/api/institutions/${w.instB.id}`, { name: 'hijack' })).status,
    },
    {
      who: 'Fujian admin edits a Jiangsu institution',
      status: (await w.paFujian.patch(`/api/institutions/${w.instJs.id}`, { name: 'hijack' })).status,
    },
    {
      who: 'Fujian admin moves B to Jiangsu',
      status: (await w.paFujian.patch(`/api/institutions/${w.instB.id}`, { provinceCode: '320000' })).status,
    },
    {
      who: 'Fujian admin flags Fujian institution B as a national restoration centre',
      status: (await w.paFujian.patch(`/api/institutions/${w.instB.id}`, { isRestorationCentre: true }))
        .status,
    },
    {
      who: 'Fujian admin puts Fujian institution B on the national key-protection list',
      status: (await w.paFujian.patch(`/api/institutions/${w.instB.id}`, { keyProtectionBatch: 2 })).status,
    },
  ],
  'PUT /api/institutions/:id/rights-statement': async (w) => [
    {
      who: "cataloguer A sets institution B's rights statement",
      status: (
        await w.catA.request('PUT', `/api/institutions/${w.instB.id}/rights-statement`, {
          rightsStatement: 'metadata_only',
        })
      ).status,
    },
    {
      who: "conservator A sets institution B's rights statement",
      status: (
        await w.consA.request('PUT', `/api/institutions/${w.instB.id}/rights-statement`, {
          rightsStatement: 'metadata_only',
        })
      ).status,
    },
    {
      who: "Fujian admin sets a Jiangsu institution's rights statement",
      status: (
        await w.paFujian.request('PUT', `/api/institutions/${w.instJs.id}/rights-statement`, {
          rightsStatement: 'metadata_only',
        })
      ).status,
    },
  ],
  'PUT /api/institutions/:id/on-site-networks': async (w) => [
    {
      who: "cataloguer A sets institution B's reading-room networks",
      status: (
        await w.catA.request('PUT', `/api/institutions/${w.instB.id}/on-site-networks`, {
          networks: ['127.0.0.0/24'],
        })
      ).status,
    },
    {
      who: "conservator A sets institution B's reading-room networks",
      status: (
        await w.consA.request('PUT', `/api/institutions/${w.instB.id}/on-site-networks`, {
          networks: ['127.0.0.0/24'],
        })
      ).status,
    },
    {
      who: "Fujian admin sets a Jiangsu institution's reading-room networks",
      status: (
        await w.paFujian.request('PUT', `/api/institutions/${w.instJs.id}/on-site-networks`, {
          networks: ['127.0.0.0/24'],
        })
      ).status,
    },
  ],
  'POST /api/users': async (w) => [
    {
      who: 'cataloguer A creates a user in B',
      status: (
        await w.catA.post('/api/users', {
          email: 'x1@x.org',
          password: STRONG_PASSWORD,
          displayName: 'x',
          role: 'cataloguer',
          institutionId: w.instB.id,
        })
      ).status,
    },
    {
      who: 'Fujian admin creates a user in Jiangsu',
      status: (
        await w.paFujian.post('/api/users', {
          email: 'x2@x.org',
          password: STRONG_PASSWORD,
          displayName: 'x',
          role: 'cataloguer',
          institutionId: w.instJs.id,
        })
      ).status,
    },
  ],
  'POST /api/records': async (w) => [
    {
      who: 'cataloguer A registers a record for B',
      status: (await w.catA.post('/api/records', recordBody(w.instB.id))).status,
    },
    {
      who: 'conservator A registers a record for A',
      status: (await w.consA.post('/api/records', recordBody(w.instA.id))).status,
    },
    {
      who: 'Fujian admin registers a record in Jiangsu',
      status: (await w.paFujian.post('/api/records', recordBody(w.instJs.id))).status,
    },
  ],
  'PATCH /api/records/:censusNumber': async (w) => [
    {
      who: 'cataloguer A edits a record of B',
      status: (await w.catA.patch(`/api/records/${w.recordB}`, { volumes: 9 })).status,
    },
    {
      who: 'Fujian admin edits a Jiangsu record',
      status: (await w.paFujian.patch(`/api/records/${w.recordJs}`, { volumes: 9 })).status,
    },
  ],
  'POST /api/records/:censusNumber/submit': workflowCases('submit'),
  'POST /api/records/:censusNumber/recall': workflowCases('recall'),
  'POST /api/records/:censusNumber/start-review': workflowCases('start-review'),
  'POST /api/records/:censusNumber/return': workflowCases('return'),
  'POST /api/records/:censusNumber/approve': workflowCases('approve'),
  'POST /api/records/:censusNumber/publish': workflowCases('publish'),
  'POST /api/records/:censusNumber/withdraw': workflowCases('withdraw'),
  'POST /api/records/bulk/submit': bulkCases('submit'),
  'POST /api/records/bulk/approve': bulkCases('approve'),
  'POST /api/records/bulk/publish': bulkCases('publish'),
  'POST /api/records/bulk/return': bulkCases('return'),
  'POST /api/records/:censusNumber/comments': async (w) => [
    {
      who: 'cataloguer A comments on a record of B',
      status: (await w.catA.post(`/api/records/${w.recordB}/comments`, { field: 'title', text: 'x' })).status,
    },
    {
      who: 'Fujian admin comments on a Jiangsu record',
      status: (await w.paFujian.post(`/api/records/${w.recordJs}/comments`, { field: 'title', text: 'x' }))
        .status,
    },
  ],
  'POST /api/review-assignments': async (w) => [
    {
      who: 'cataloguer A assigns reviews',
      status: (
        await w.catA.post('/api/review-assignments', {
          reviewerId: w.reviewerJs.id,
          institutionId: w.instB.id,
        })
      ).status,
    },
    {
      who: 'Fujian admin assigns a Jiangsu institution',
      status: (
        await w.paFujian.post('/api/review-assignments', {
          reviewerId: w.reviewerJs.id,
          institutionId: w.instJs.id,
        })
      ).status,
    },
  ],
  'DELETE /api/review-assignments/:id': async (w) => [
    {
      who: 'Fujian admin ends a Jiangsu assignment',
      status: (await w.paFujian.delete(`/api/review-assignments/${w.assignmentJs}`)).status,
    },
    {
      who: 'cataloguer A ends a Jiangsu assignment',
      status: (await w.catA.delete(`/api/review-assignments/${w.assignmentJs}`)).status,
    },
  ],
  'POST /api/records/bulk/assign': async (w) => [
    {
      who: 'Fujian admin assigns a Jiangsu record',
      status: (
        await w.paFujian.post('/api/records/bulk/assign', {
          reviewerId: w.reviewerJs.id,
          censusNumbers: [w.recordJs],
        })
      ).status,
    },
  ],
  'POST /api/code-lists/:name/values': async (w) => [
    {
      who: 'Fujian admin adds a code value',
      status: (await w.paFujian.post('/api/code-lists/binding/values', { value: '新装' })).status,
    },
    {
      who: 'cataloguer A adds a code value',
      status: (await w.catA.post('/api/code-lists/binding/values', { value: '新装' })).status,
    },
  ],
  'PATCH /api/code-lists/:name/values/:id': async (w) => [
    {
      who: 'Fujian admin renames a code value',
      status: (
        await w.paFujian.patch(`/api/code-lists/binding/values/${w.bindingValueId}`, { value: '改名' })
      ).status,
    },
  ],
  'POST /api/institutions/:id/imports': async (w) => [
    { who: 'cataloguer A imports into B', status: await uploadAs(w.catA, w.instB.id) },
    {
      who: 'Fujian admin imports into a Jiangsu institution',
      status: await uploadAs(w.paFujian, w.instJs.id),
    },
  ],
  'POST /api/imports/:id/cancel': async (w) => {
    const queue = async (institutionId: string) => {
      const form = new FormData();
      form.set('file', new Blob(['索书号,题名卷数\nZ1,论语\n']), 'r.csv');
      const res = await fetch(`${w.admin.baseUrl}/api/institutions/${institutionId}/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.admin.token}` },
        body: form,
      });
      return ((await res.json()) as { id: string }).id;
    };
    const [jobB, jobJs] = [await queue(w.instB.id), await queue(w.instJs.id)];
    return [
      {
        who: 'cataloguer A cancels an import of B',
        status: (await w.catA.post(`/api/imports/${jobB}/cancel`, {})).status,
      },
      {
        who: 'Fujian admin cancels a Jiangsu import',
        status: (await w.paFujian.post(`/api/imports/${jobJs}/cancel`, {})).status,
      },
    ];
  },
  'PATCH /api/users/:id': async (w) => [
    {
      who: 'cataloguer A edits a user of B',
      status: (await w.catA.patch(`/api/users/${w.userB.id}`, { displayName: 'hijack' })).status,
    },
    {
      who: 'Fujian admin edits a Jiangsu user',
      status: (await w.paFujian.patch(`/api/users/${w.userJs.id}`, { active: false })).status,
    },
    {
      who: 'Fujian admin moves a Jiangsu user into Fujian',
      status: (await w.paFujian.patch(`/api/users/${w.userJs.id}`, { institutionId: w.instA.id })).status,
    },
  ],
};

const CROSS_TENANT = { ...CORE_CASES, ...MODULE_CASES };

let app: TestApp;
let world: World;
test.before(async () => {
  app = await startTestApp();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const instA = await createInstitution(admin, '350000');
  const instB = await createInstitution(admin, '350000');
  const instJs = await createInstitution(admin, '320000');
  const catA = await createUser(admin, { role: 'cataloguer', institutionId: instA.id });
  const consA = await createUser(admin, { role: 'conservator', institutionId: instA.id });
  const userB = await createUser(admin, { role: 'cataloguer', institutionId: instB.id });
  const userJs = await createUser(admin, { role: 'cataloguer', institutionId: instJs.id });
  const pa = await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' });
  const clientB = await new ApiClient(app.url).login(userB.email, STRONG_PASSWORD);
  const tokenOfB = (await clientB.post('/api/auth/tokens', { name: 'b' })).body.id as string;
  const submitted = async (institutionId: string) => {
    const created = await admin.post('/api/records', {
      ...recordBody(institutionId),
      grade: '四级',
      damageGrade: '完好',
    });
    await admin.post(`/api/records/${created.body.censusNumber}/submit`, {});
    return created.body.censusNumber as string;
  };
  const reviewerJs = await createUser(admin, { role: 'reviewer', provinceCode: '320000' });
  const assignmentJs = (
    await admin.post('/api/review-assignments', { reviewerId: reviewerJs.id, institutionId: instJs.id })
  ).body.id as string;
  const codeLists = await admin.get('/api/code-lists');
  const bindingValueId = codeLists.body.items.find((l: { name: string }) => l.name === 'binding').values[0]
    .id as string;
  world = {
    admin,
    catA: await new ApiClient(app.url).login(catA.email, STRONG_PASSWORD),
    consA: await new ApiClient(app.url).login(consA.email, STRONG_PASSWORD),
    paFujian: await new ApiClient(app.url).login(pa.email, STRONG_PASSWORD),
    instA,
    instB,
    instJs,
    userB,
    userJs,
    tokenOfB,
    recordB: await submitted(instB.id),
    recordJs: await submitted(instJs.id),
    reviewerJs,
    assignmentJs,
    bindingValueId,
  };
});
test.after.always(async () => {
  await app?.close();
});

const writeRoutes = API_ROUTES.filter((r) => r.method !== 'get').map(
  (r) => `${r.method.toUpperCase()} ${r.path}`,
);

test('every write route has a cross-tenant case', (t) => {
  t.deepEqual([...writeRoutes].sort(), Object.keys(CROSS_TENANT).sort());
});

for (const route of writeRoutes) {
  const check = CROSS_TENANT[route];
  if (typeof check !== 'function') continue;
  test(`${route}: other institutions' and provinces' data is 403`, async (t) => {
    const results = await check(world);
    t.true(results.length > 0);
    for (const r of results) t.is(r.status, 403, r.who);
  });
}

test('the data the refused writes aimed at is unchanged', async (t) => {
  const b = await world.admin.get(`/api/institutions/${world.instB.id}`);
  t.not(b.body.name, 'hijack');
  t.is(b.body.provinceCode, '350000');
  t.false(b.body.isRestorationCentre);
  t.is(b.body.keyProtectionBatch, null);
  const centres = await world.admin.get('/api/institutions?restorationCentre=true&provinceCode=350000');
  t.is(centres.body.total, 0);
  const js = await world.admin.get(`/api/users/${world.userJs.id}`);
  t.true(js.body.active);
  t.is((await world.admin.get(`/api/users/${world.userB.id}`)).body.displayName.includes('hijack'), false);
  const list = await world.admin.get('/api/users?q=x1%40x.org');
  t.is(list.body.total, 0);
  const recordB = await world.admin.get(`/api/records/${world.recordB}`);
  t.is(recordB.body.status, 'submitted');
  t.is(recordB.body.volumes, 4);
  t.is((await world.admin.get(`/api/records/${world.recordJs}`)).body.status, 'submitted');
  t.is((await world.admin.get('/api/review-assignments')).body.items.length, 1);
});

const readRoutes = API_ROUTES.filter((r) => r.method === 'get').map((r) => `GET ${r.path}`);

test('every read route has a cross-tenant case', (t) => {
  t.deepEqual([...readRoutes].sort(), Object.keys(READ_CASES).sort());
});

for (const route of readRoutes) {
  const check = READ_CASES[route];
  if (typeof check !== 'function') continue;
  test(`${route}: other institutions' and provinces' data is not read`, async (t) => {
    const results = await check(world);
    t.true(results.length > 0);
    for (const r of results) t.true(r.refused, `${r.who} → ${r.status}`);
  });
}

test('every user-only read route refuses an anonymous caller with 401', async (t) => {
  const anonymous = new ApiClient(app.url);
  const filled = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
  for (const route of API_ROUTES.filter((r) => r.method === 'get' && r.auth === 'user')) {
    const res = await anonymous.get(filled(route.path));
    t.is(res.status, 401, route.path);
  }
});

test('spellings of a path are refused like the path itself (reads and writes)', async (t) => {
  const d = await readDataOf(world);
  const reads: Array<[ApiClient, string]> = [
    [world.catA, `/api/records/${world.recordB}/versions`],
    [world.catA, `/api/records/${world.recordB}/review`],
    [world.catA, `/api/records/${world.recordB}`],
    [d.reader, `/api/records/${d.publishedB}/versions`],
    [world.catA, `/api/institutions/${world.instB.id}/export`],
    [world.catA, `/api/images/${d.imageB}`],
    // The IIIF routes outside /api answer for the same records and images.
    [world.catA, `/iiif/3/${d.imageB}/info.json`],
    [world.catA, `/iiif/3/${d.imageB}/full/max/0/default.jpg`],
    [d.reader, `/iiif/manifest/${d.draftB}`],
    [world.catA, `/iiif/manifest/${world.recordB}`],
  ];
  for (const [client, path] of reads) {
    for (const spelling of pathSpellings(path)) {
      const res = await client.get(spelling);
      t.true([401, 403, 404].includes(res.status), `GET ${spelling} → ${res.status}`);
    }
  }
  for (const spelling of pathSpellings(`/api/records/${world.recordB}/approve`)) {
    const res = await world.catA.post(spelling, {});
    t.true([403, 404].includes(res.status), `POST ${spelling} → ${res.status}`);
  }
  t.is((await world.admin.get(`/api/records/${world.recordB}`)).body.status, 'submitted');
});
