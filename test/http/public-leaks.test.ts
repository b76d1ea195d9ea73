// Walks every GET route the router knows (API, IIIF, documentation, web shell, server-rendered
// public pages) as an anonymous caller, with real data present: published, draft, submitted and
// withdrawn records with images, review rounds, comments, gradings, assessments, a work order, and
// staff accounts. No answer may carry a staff e-mail address, a user id or an internal note, and
// none may be a 500.
import test from 'ava';
import type Router from '@koa/router';
import { buildApp } from '../../src/app/app.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';
import { jpegImage, postFiles } from '../fixtures/images.js';

let app: TestApp;
/** Text planted in every internal field; an answer containing one of them leaks. */
const NOTE = (n: string) => `INTERNAL-NOTE-${n}`;

interface Data {
  censusNumbers: string[];
  imageIds: string[];
  institutionId: string;
  workOrderId: string;
  userIds: string[];
  emails: string[];
}
let data: Data;

async function ok<T extends { status: number; text: string }>(
  what: string,
  res: Promise<T>,
  status = [200, 201],
) {
  const r = await res;
  if (!status.includes(r.status)) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r;
}

test.before(async () => {
  app = await startTestApp();
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000', { contactEmail: 'contact-desk@library.test' });
  const catUser = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const consUser = await createUser(admin, { role: 'conservator', institutionId: inst.id });
  const revUser = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  const reader = await createUser(admin, { role: 'reader' });
  const cat = await new ApiClient(app.url).login(catUser.email, STRONG_PASSWORD);
  const cons = await new ApiClient(app.url).login(consUser.email, STRONG_PASSWORD);
  const rev = await new ApiClient(app.url).login(revUser.email, STRONG_PASSWORD);

  const record = async (callNumber: string) => {
    const res = await ok(
      'record',
      cat.post('/api/records', validGujiInput({ institutionId: inst.id, callNumber })),
    );
    return res.body.censusNumber as string;
  };
  const image = async (cn: string) => {
    const res = await postFiles(`${app.url}/api/records/${cn}/images`, cat.token, [
      { name: `scan-${cn}.jpg`, data: await jpegImage(64, 80), type: 'image/jpeg' },
    ]);
    if (res.status !== 201) throw new Error(`image: ${res.status} ${res.text}`);
    return res.body.items[0].id as string;
  };

  const published = await record('PUB-1');
  const draft = await record('DRAFT-1');
  const submitted = await record('SUB-1');
  const withdrawn = await record('WD-1');
  const imageIds = [await image(published), await image(draft)];
  await ok(
    'grading',
    cat.post(`/api/records/${published}/gradings`, { grade: '二级', basisHistorical: '明刻' }),
  );
  await ok(
    'assessment',
    cons.post(`/api/records/${published}/assessments`, {
      observations: [{ damageType: '虫蛀', areaPercent: 10 }],
      phReadings: [],
      notes: NOTE('assessment'),
    }),
  );
  await ok(
    'assign',
    admin.post('/api/records/bulk/assign', {
      reviewerId: revUser.id,
      censusNumbers: [published, submitted, withdrawn],
    }),
  );
  for (const cn of [published, submitted, withdrawn]) {
    await ok('submit', cat.post(`/api/records/${cn}/submit`, { note: NOTE(`submit-${cn}`) }));
  }
  for (const cn of [published, withdrawn]) {
    await ok('start', rev.post(`/api/records/${cn}/start-review`, { note: NOTE('start') }));
    await ok('comment', rev.post(`/api/records/${cn}/comments`, { field: 'title', text: NOTE('comment') }));
    await ok('return', rev.post(`/api/records/${cn}/return`, { note: NOTE('return') }));
    const current = await cat.get(`/api/records/${cn}`);
    await ok(
      'edit',
      cat.patch(`/api/records/${cn}`, { volumes: 41, version: current.body.version, reason: NOTE('edit') }),
    );
    await ok('resubmit', cat.post(`/api/records/${cn}/submit`, { note: NOTE('resubmit') }));
    await ok('start', rev.post(`/api/records/${cn}/start-review`, {}));
    await ok('approve', rev.post(`/api/records/${cn}/approve`, { note: NOTE('approve') }));
    await ok('publish', admin.post(`/api/records/${cn}/publish`, { note: NOTE('publish') }));
  }
  await ok('withdraw', admin.post(`/api/records/${withdrawn}/withdraw`, { reason: NOTE('withdraw') }));
  const order = await ok(
    'work order',
    cons.post('/api/work-orders', { censusNumber: published, summary: NOTE('work-order') }),
  );

  const ids: Array<{ id: string; email: string }> = await app.orm.em
    .fork()
    .getConnection()
    .execute('select id, email from app_user');
  data = {
    censusNumbers: [published, draft, submitted, withdrawn],
    imageIds,
    institutionId: inst.id,
    workOrderId: order.body.id as string,
    userIds: ids.map((u) => u.id),
    emails: [...ids.map((u) => u.email), 'contact-desk@library.test', reader.email],
  };
});
test.after.always(async () => {
  await app?.close();
});

/** Every GET path the app's router dispatches, as registered (with :params and *wildcards). */
function routerGetPaths(): string[] {
  const koa = buildApp(app.deps);
  const routers = koa.middleware.flatMap((m) => (m as { routers?: Router[] }).routers ?? []);
  if (!routers.length) throw new Error('no router found among the middleware');
  const layers = routers.flatMap((router) => router.stack);
  return [...new Set(layers.filter((l) => l.methods.includes('GET')).map((l) => String(l.path)))];
}

/** Values to put in each path parameter (the real data, plus an unknown id). */
function valuesFor(path: string, name: string): string[] {
  const unknown = '00000000-0000-4000-8000-000000000000';
  switch (name) {
    case 'censusNumber':
      return data.censusNumbers;
    case 'id':
      if (path.startsWith('/api/images') || path.startsWith('/iiif/3')) return [...data.imageIds, unknown];
      if (path.includes('work-order')) return [data.workOrderId];
      if (path.includes('institution')) return [data.institutionId];
      return [data.institutionId, data.workOrderId, ...data.imageIds, unknown];
    case 'code':
      return ['350000'];
    case 'kind':
      return ['records', 'assessments'];
    case 'page':
      return ['1'];
    case 'name':
      return ['binding'];
    case 'region':
      return ['full'];
    case 'size':
      return ['max'];
    case 'rotation':
      return ['0'];
    case 'file':
      return path.startsWith('/iiif')
        ? ['default.jpg']
        : path.startsWith('/api/docs')
          ? ['swagger-ui.css']
          : ['app.js'];
    case 'rest':
      return ['nation'];
    default:
      return [unknown];
  }
}

function expand(path: string): string[] {
  const match = /[:*]([A-Za-z]+)/.exec(path);
  if (!match) return [path];
  return valuesFor(path, match[1]!).flatMap((v) =>
    expand(path.slice(0, match.index) + encodeURIComponent(v) + path.slice(match.index + match[0].length)),
  );
}

/** Query strings that make list and search routes return the planted data if they leak it. */
const QUERIES: Record<string, string[]> = {
  '/api/records': ['', '?q=朱子', '?status=draft', '?status=withdrawn', '?reviewer=me'],
  '/api/catalogue/search': ['?q=朱子', '?q='],
  '/api/catalogue/suggest': ['?q=朱'],
  '/api/edition-date': ['?text=明天順四年'],
  '/api/precious-list': [''],
  '/api/import-templates/records': ['?format=csv', '?format=xlsx'],
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

test('no anonymous answer on any GET route carries an e-mail, a user id or an internal note', async (t) => {
  const paths = routerGetPaths();
  t.true(paths.length > 40, `only ${paths.length} routes found`);
  const urls = paths.flatMap((p) => expand(p).flatMap((u) => (QUERIES[u] ?? ['']).map((q) => u + q)));
  const problems: string[] = [];
  const answered: string[] = [];
  for (const url of urls) {
    const res = await fetch(app.url + url, { redirect: 'manual' });
    if (res.status === 200) answered.push(url);
    const type = res.headers.get('content-type') ?? '';
    const textual = !/^image\//.test(type);
    const text = textual ? await res.text() : (await res.arrayBuffer(), '');
    if (res.status >= 500 && res.status !== 503) problems.push(`${url}: ${res.status}`);
    for (const email of data.emails) if (text.includes(email)) problems.push(`${url}: e-mail ${email}`);
    for (const id of data.userIds) if (text.includes(id)) problems.push(`${url}: user id ${id}`);
    const note = /INTERNAL-NOTE-[\w-]+/.exec(text);
    if (note) problems.push(`${url}: internal note ${note[0]}`);
    // Data answers (not the static web shell, scripts or the API documentation) carry no e-mail at all.
    // So do the server-rendered public pages (record permalinks), which show catalogue text only.
    const publicPage = url.startsWith('/catalogue/records/');
    if ((/json|xml|csv|spreadsheet/.test(type) && !url.startsWith('/api/openapi.json')) || publicPage) {
      for (const m of text.match(EMAIL) ?? []) problems.push(`${url}: e-mail-like ${m}`);
    }
  }
  t.deepEqual(problems, []);
  // The walk reached the published data (so a leak would have been seen), and nothing else.
  const [published, draft] = data.censusNumbers;
  for (const url of [
    `/api/records/${published}`,
    `/api/records/${published}/gradings`,
    `/api/records/${published}/assessments`,
    `/api/records/${published}/images`,
    `/iiif/manifest/${published}`,
    `/catalogue/records/${published}`,
    '/api/catalogue/search?q=朱子',
    '/api/openapi.json',
  ])
    t.true(answered.includes(url), `${url} was not answered with 200`);
  t.false(
    answered.some(
      (u) => u.includes(draft!) && (u.startsWith('/api/') || u.startsWith('/catalogue/records/')),
    ),
    'a draft answered the public',
  );
});

test('history and review of a published record are not public', async (t) => {
  const anonymous = new ApiClient(app.url);
  const published = data.censusNumbers[0]!;
  t.is((await anonymous.get(`/api/records/${published}/versions`)).status, 401);
  t.is((await anonymous.get(`/api/records/${published}/review`)).status, 401);
  t.is((await anonymous.get(`/api/records/${published}`)).status, 200);
});
