// The rights statement each institution sets for its images (open / on-site only / metadata only):
// who may set it (tenancy), that it is audited, and what it does to the IIIF manifest, the Image API
// and the catalogue's thumbnails for the public and for the institution's own staff.
import test from 'ava';
import crypto from 'node:crypto';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, publishRecord, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';
import { presentationErrors } from '../helpers/iiif-presentation-schema.js';
import { RecordImageSchema } from '../../src/images/record-image.entity.js';
import { CensusRecordSchema } from '../../src/census/census-record.entity.js';

let app: TestApp;
let admin: ApiClient;
let anonymous: ApiClient;

// Image rows as the upload service leaves them (info.json needs no stored bytes).
async function addImage(censusNumber: string): Promise<string> {
  const em = app.orm.em.fork();
  const record = await em.findOneOrFail(CensusRecordSchema, { censusNumber });
  const image = em.create(RecordImageSchema, {
    record,
    sequence: 1,
    label: '卷一 1a',
    status: 'ready',
    width: 2000,
    height: 3000,
    format: 'jpeg',
    sizeBytes: 1000,
    sha256: crypto.randomBytes(32).toString('hex'),
    masterKey: `masters/${crypto.randomUUID()}`,
    originalFilename: 'p1.jpg',
  });
  await em.flush();
  return image.id;
}

/** An institution with its statement set, a cataloguer, a published record with one page image. */
async function holding(statement: 'open' | 'on_site' | 'metadata_only', provinceCode = '350000') {
  const inst = await createInstitution(admin, provinceCode, { name: `${statement}藏書樓` });
  const put = await admin.request('PUT', `/api/institutions/${inst.id}/rights-statement`, {
    rightsStatement: statement,
  });
  if (put.status !== 200) throw new Error(put.text);
  const catUser = await createUser(admin, { role: 'cataloguer', institutionId: inst.id });
  const cataloguer = await new ApiClient(app.url).login(catUser.email, STRONG_PASSWORD);
  const created = await admin.post(
    '/api/records',
    validGujiInput({ institutionId: inst.id, callNumber: 'R-1' }),
  );
  if (created.status !== 201) throw new Error(created.text);
  const cn = created.body.censusNumber as string;
  await publishRecord(admin, cn);
  const imageId = await addImage(cn);
  return { inst, cataloguer, cn, imageId };
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  anonymous = new ApiClient(app.url);
});
test.after.always(async () => {
  await app?.close();
});

test('a new institution is open; the statement comes with its label and terms in both languages', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const res = await admin.get(`/api/institutions/${inst.id}`);
  t.is(res.status, 200);
  t.is(res.body.rightsStatement, 'open');
  t.is(res.body.rightsStatementLabel.zh, '开放获取');
  t.is(res.body.rightsStatementLabel.en, 'Open access');
  t.true(res.body.canSetRightsStatement);
});

test('who may set the statement: the institution, its province and the nation — no one else', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const neighbour = await createInstitution(admin, '350000');
  const login = async (fields: Parameters<typeof createUser>[1]) =>
    new ApiClient(app.url).login((await createUser(admin, fields)).email, STRONG_PASSWORD);
  const own = await login({ role: 'cataloguer', institutionId: inst.id });
  const ownConservator = await login({ role: 'conservator', institutionId: inst.id });
  const otherCataloguer = await login({ role: 'cataloguer', institutionId: neighbour.id });
  const province = await login({ role: 'provincial_admin', provinceCode: '350000' });
  const otherProvince = await login({ role: 'provincial_admin', provinceCode: '320000' });
  const reviewer = await login({ role: 'reviewer', provinceCode: '350000' });
  const reader = await login({ role: 'reader' });
  const path = `/api/institutions/${inst.id}/rights-statement`;
  const set = (client: ApiClient, rightsStatement: string) =>
    client.request('PUT', path, { rightsStatement });

  t.is((await set(anonymous, 'on_site')).status, 401);
  for (const [name, client] of [
    ['conservator', ownConservator],
    ['other institution', otherCataloguer],
    ['other province', otherProvince],
    ['reviewer', reviewer],
    ['reader', reader],
  ] as const) {
    const res = await set(client, 'metadata_only');
    t.is(res.status, 403, name);
    t.regex(res.body.error.message, /无权设置.*rights statement/s, name);
  }
  t.false((await ownConservator.get(`/api/institutions/${inst.id}`)).body.canSetRightsStatement);
  t.is((await admin.get(`/api/institutions/${inst.id}`)).body.rightsStatement, 'open', 'nothing stored');

  const byOwn = await set(own, 'on_site');
  t.is(byOwn.status, 200, byOwn.text);
  t.is(byOwn.body.rightsStatement, 'on_site');
  t.is(byOwn.body.rightsStatementLabel.zh, '仅限馆内阅览');
  t.true((await own.get(`/api/institutions/${inst.id}`)).body.canSetRightsStatement);
  t.is((await set(province, 'metadata_only')).status, 200);
  t.is((await set(admin, 'open')).status, 200);

  const bad = await set(admin, 'closed');
  t.is(bad.status, 400);
  t.is(bad.body.error.details[0].path, 'rightsStatement');
  t.regex(bad.body.error.message, /使用条件|rightsStatement/);
  const stale = await admin.request('PUT', path, { rightsStatement: 'on_site', version: 1 });
  t.is(stale.status, 409);
  // The general PATCH does not take it: one way to change it, with its own authorisation.
  t.is((await admin.patch(`/api/institutions/${inst.id}`, { rightsStatement: 'on_site' })).status, 400);

  const audit = await admin.get(`/api/audit?entityType=institution&entityId=${inst.id}`);
  const changes = audit.body.items
    .filter((e: { action: string }) => e.action === 'institution.rights_statement')
    .map((e: any) => [
      e.actorEmail === ADMIN.email ? 'admin' : 'staff',
      e.before.rightsStatement,
      e.after.rightsStatement,
    ]);
  t.deepEqual(changes, [
    ['admin', 'metadata_only', 'open'],
    ['staff', 'on_site', 'metadata_only'],
    ['staff', 'open', 'on_site'],
  ]);
});

test('open: the public gets images, thumbnails and the configured licence', async (t) => {
  const { inst, cn, imageId } = await holding('open');
  const manifest = await anonymous.get(`/iiif/manifest/${cn}`);
  t.is(manifest.status, 200);
  t.is(manifest.body.rights, 'http://rightsstatements.org/vocab/NoC-NC/1.0/');
  t.regex(manifest.body.requiredStatement.value.en[0], /^Held by open藏書樓\. Open access: /);
  t.truthy(manifest.body.thumbnail);
  t.regex(manifest.headers.get('cache-control') ?? '', /public/);
  t.is((await anonymous.get(`/iiif/3/${imageId}/info.json`)).status, 200);
  const search = await anonymous.get(`/api/catalogue/search?institution=${inst.id}`);
  t.regex(search.body.items[0].thumbnail, /\/iiif\/3\//);
});

test('on-site only: the public is refused the images (403, both languages); the manifest keeps the pages without thumbnails', async (t) => {
  const { inst, cataloguer, cn, imageId } = await holding('on_site');
  const manifest = await anonymous.get(`/iiif/manifest/${cn}`);
  t.is(manifest.status, 200);
  t.deepEqual(presentationErrors(manifest.body), []);
  t.is(manifest.body.rights, 'http://rightsstatements.org/vocab/NoC-OKLR/1.0/');
  t.is(
    manifest.body.requiredStatement.value['zh-Hans'][0],
    'on_site藏书楼藏。仅限馆内阅览：图像仅限在收藏单位馆内阅览，不在线公开提供。',
  );
  t.regex(
    manifest.body.requiredStatement.value.en[0],
    /On-site only: Images may be read on the holding institution's premises only/,
  );
  t.is(manifest.body.thumbnail, undefined);
  t.is(manifest.body.items[0].thumbnail, undefined);
  t.is(manifest.body.items[0].items[0].items[0].body.service[0].type, 'ImageService3');
  t.regex(manifest.headers.get('cache-control') ?? '', /private/, 'varies by reader: no shared cache');

  for (const path of [`/iiif/3/${imageId}/info.json`, `/iiif/3/${imageId}/full/max/0/default.jpg`]) {
    const refused = await anonymous.get(path);
    t.is(refused.status, 403, path);
    t.is(refused.body.error.code, 'IMAGE_RESTRICTED');
    t.regex(refused.body.error.messageZh, /仅限馆内阅览/);
    t.regex(refused.body.error.messageEn, /On-site only/);
    t.is(refused.headers.get('cache-control'), 'no-store');
  }
  // A signed-in account from elsewhere is not on site either.
  const reader = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'reader' })).email,
    STRONG_PASSWORD,
  );
  t.is((await reader.get(`/iiif/3/${imageId}/info.json`)).status, 403);
  // The institution's staff work with the images: sent them, never through a shared cache.
  const own = await cataloguer.get(`/iiif/3/${imageId}/info.json`);
  t.is(own.status, 200);
  t.regex(own.headers.get('cache-control') ?? '', /private/);
  t.truthy((await cataloguer.get(`/iiif/manifest/${cn}`)).body.thumbnail);
  const search = await anonymous.get(`/api/catalogue/search?institution=${inst.id}`);
  t.is(search.body.items[0].censusNumber, cn, 'the record itself is public');
  t.is(search.body.items[0].thumbnail, null, 'no thumbnail the public would be refused');
});

test('metadata only: the manifest describes the book without any image service; images refused', async (t) => {
  const { cataloguer, cn, imageId } = await holding('metadata_only');
  const manifest = await anonymous.get(`/iiif/manifest/${cn}`);
  t.is(manifest.status, 200);
  t.deepEqual(presentationErrors(manifest.body), []);
  t.is(manifest.body.rights, 'http://rightsstatements.org/vocab/NoC-OKLR/1.0/');
  t.regex(
    manifest.body.requiredStatement.value['zh-Hans'][0],
    /仅元数据：收藏单位仅公开著录信息，不提供图像。/,
  );
  t.is(manifest.body.items.length, 1);
  t.deepEqual(manifest.body.items[0].items, []);
  t.false(manifest.text.includes('/iiif/3/'), 'no image service anywhere');
  t.is(manifest.body.label['zh-Hans'][0].length > 0, true);
  const refused = await anonymous.get(`/iiif/3/${imageId}/full/max/0/default.jpg`);
  t.is(refused.status, 403);
  t.regex(refused.body.error.message, /仅元数据.*Metadata only/s);
  t.is((await cataloguer.get(`/iiif/3/${imageId}/info.json`)).status, 200);
  const staffManifest = await cataloguer.get(`/iiif/manifest/${cn}`);
  t.is(staffManifest.body.items[0].items.length, 1, 'staff get the painted canvases');
});
