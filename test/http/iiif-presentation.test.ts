import test from 'ava';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, publishRecord, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { validGujiInput, validMinguoInput } from '../helpers/record-input.js';
import { presentationErrors } from '../helpers/iiif-presentation-schema.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { RecordImageSchema } from '../../src/images/record-image.entity.js';
import { CensusRecordSchema } from '../../src/census/census-record.entity.js';
import { SettingSchema } from '../../src/settings/setting.entity.js';
import type { RecordInput } from '../../src/domain/record.types.js';

const MEDIA_TYPE = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';

let app: TestApp;
let admin: ApiClient;
let anonymous: ApiClient;
let cataloguer: ApiClient;
let outsider: ApiClient;
let fj: { id: string };
let published: string;
let minguo: string;
let draft: string;
let noImages: string;

// Image rows as the upload service leaves them; these tests are about presentation, not upload.
async function addImages(censusNumber: string, labels: string[], status: 'ready' | 'failed' = 'ready') {
  const em = app.orm.em.fork();
  const record = await em.findOneOrFail(CensusRecordSchema, { censusNumber });
  const start = await em.count(RecordImageSchema, { record });
  labels.forEach((label, i) =>
    em.create(RecordImageSchema, {
      record,
      sequence: start + i + 1,
      label,
      status,
      width: 2000,
      height: 3000,
      format: 'jpeg',
      sizeBytes: 1000,
      sha256: crypto.createHash('sha256').update(label).digest('hex'),
      masterKey: `masters/${crypto.randomUUID()}`,
      originalFilename: `${label}.jpg`,
    }),
  );
  await em.flush();
}

async function record(input: RecordInput, publish: boolean): Promise<string> {
  const created = await admin.post('/api/records', { ...input, institutionId: fj.id });
  if (created.status !== 201) throw new Error(created.text);
  const cn = created.body.censusNumber as string;
  if (publish) await publishRecord(admin, cn);
  return cn;
}

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  anonymous = new ApiClient(app.url);
  fj = await createInstitution(admin, '350000', { name: '福建省圖書館' });
  const other = await createInstitution(admin, '350000');
  cataloguer = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: fj.id })).email,
    STRONG_PASSWORD,
  );
  outsider = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: other.id })).email,
    STRONG_PASSWORD,
  );
  published = await record(validGujiInput({ callNumber: 'P-1' }), true);
  await addImages(published, ['封面', '卷一 1a', '卷一 1b', '卷二 1a']);
  await addImages(published, ['損壞'], 'failed');
  minguo = await record(validMinguoInput({ callNumber: 'M-1' }), true);
  await addImages(minguo, ['封面', '第1页']);
  draft = await record(validGujiInput({ callNumber: 'D-1' }), false);
  await addImages(draft, ['卷一 1a']);
  noImages = await record(validGujiInput({ callNumber: 'N-1' }), true);
});

test.after.always(async () => {
  await app?.close();
});

test('a published record’s manifest: JSON-LD, CORS, valid, right to left, one canvas per usable image', async (t) => {
  const res = await anonymous.get(`/iiif/manifest/${published}`);
  t.is(res.status, 200, res.text);
  t.is(res.headers.get('content-type'), MEDIA_TYPE);
  t.is(res.headers.get('access-control-allow-origin'), '*');
  t.deepEqual(presentationErrors(res.body), []);
  t.is(res.body.id, `${app.url}/iiif/manifest/${published}`);
  t.is(res.body.viewingDirection, 'right-to-left');
  t.deepEqual(res.body.behavior, ['paged']);
  t.deepEqual(
    res.body.items.map((c: any) => c.label['zh-Hans'][0]),
    ['封面', '卷一 1a', '卷一 1b', '卷二 1a'],
    'the failed upload has no canvas',
  );
  t.is(res.body.items[1].items[0].items[0].body.service[0].id.startsWith(`${app.url}/iiif/3/`), true);
  t.deepEqual(
    res.body.structures.map((r: any) => [r.label.en[0], r.items.length]),
    [
      ['Juan 1', 2],
      ['Juan 2', 1],
    ],
  );
  t.is(res.body.rights, 'http://rightsstatements.org/vocab/NoC-NC/1.0/');
  t.deepEqual(res.body.requiredStatement.value['zh-Hant'], [
    '福建省圖書館藏。开放获取：图像公开提供，可在线阅览与下载，请注明收藏单位。',
  ]);
  t.is(res.body.partOf[0].id, `${app.url}/iiif/collection/institution/${fj.id}`);
});

test('a Western-bound 民国 item reads left to right', async (t) => {
  const res = await anonymous.get(`/iiif/manifest/${minguo}`);
  t.is(res.status, 200);
  t.is(res.body.viewingDirection, 'left-to-right');
  t.deepEqual(presentationErrors(res.body), []);
});

test('an unpublished record’s manifest needs a user who may see the record', async (t) => {
  t.is((await anonymous.get(`/iiif/manifest/${draft}`)).status, 404);
  t.is((await outsider.get(`/iiif/manifest/${draft}`)).status, 404);
  const own = await cataloguer.get(`/iiif/manifest/${draft}`);
  t.is(own.status, 200);
  t.deepEqual(presentationErrors(own.body), []);
  t.is(own.headers.get('cache-control'), 'private, no-store');
  t.is((await anonymous.get('/iiif/manifest/350000-9999-0000001')).status, 404);
});

test('collections nation → province → institution list published, digitised records only', async (t) => {
  const nation = await anonymous.get('/iiif/collection/nation');
  t.is(nation.status, 200);
  t.is(nation.headers.get('content-type'), MEDIA_TYPE);
  t.deepEqual(presentationErrors(nation.body), []);
  t.deepEqual(
    nation.body.items.map((i: any) => i.id),
    [`${app.url}/iiif/collection/province/350000`],
  );
  const province = await anonymous.get('/iiif/collection/province/350000');
  t.deepEqual(presentationErrors(province.body), []);
  t.deepEqual(
    province.body.items.map((i: any) => i.id),
    [`${app.url}/iiif/collection/institution/${fj.id}`],
  );
  const institution = await anonymous.get(`/iiif/collection/institution/${fj.id}`);
  t.deepEqual(presentationErrors(institution.body), []);
  t.deepEqual(
    institution.body.items.map((i: any) => i.id),
    [published, minguo].sort().map((cn) => `${app.url}/iiif/manifest/${cn}`),
  );
  t.false(JSON.stringify(institution.body).includes(draft));
  t.false(JSON.stringify(institution.body).includes(noImages));
  t.is(institution.body.provider[0].type, 'Agent');
  // Every manifest a collection lists resolves and validates.
  for (const item of institution.body.items) {
    const manifest = await anonymous.get(new URL(item.id).pathname);
    t.deepEqual(presentationErrors(manifest.body), [], item.id);
  }
  t.is((await anonymous.get('/iiif/collection/province/999999')).status, 404);
  t.is((await anonymous.get(`/iiif/collection/institution/${crypto.randomUUID()}`)).status, 404);
  t.is((await anonymous.get('/iiif/collection/institution/not-a-uuid')).status, 404);
});

test('a book whose only image is a restoration photo is not in the collections', async (t) => {
  // Work-order photos are record images too (same sequence), but no page of the book: a
  // collection listing the book would point at a manifest without a page.
  const xj = await createInstitution(admin, '650000', { name: '新疆維吾爾自治區圖書館' });
  const conservator = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'conservator', institutionId: xj.id })).email,
    STRONG_PASSWORD,
  );
  const created = await admin.post('/api/records', {
    ...validGujiInput({ callNumber: 'X-1' }),
    institutionId: xj.id,
  });
  t.is(created.status, 201, created.text);
  const cn = created.body.censusNumber as string;
  const order = await conservator.post('/api/work-orders', { censusNumber: cn });
  t.is(order.status, 201, order.text);
  const photo = await postFiles(
    `${app.url}/api/work-orders/${order.body.id}/photos`,
    conservator.token,
    [{ name: 'before.jpg', data: await jpegImage(120, 160), type: 'image/jpeg' }],
    { phase: 'before' },
  );
  t.is(photo.status, 201, photo.text);
  await publishRecord(admin, cn);
  const nation = await anonymous.get('/iiif/collection/nation');
  t.is(nation.status, 200);
  t.false(
    nation.body.items.some((i: any) => i.id === `${app.url}/iiif/collection/province/650000`),
    'the province of a book with no page is not listed',
  );
});

test.serial('the rights statement is a setting', async (t) => {
  const em = app.orm.em.fork();
  em.create(SettingSchema, {
    key: 'iiif_rights',
    value: 'http://creativecommons.org/publicdomain/zero/1.0/',
  });
  await em.flush();
  try {
    const res = await anonymous.get(`/iiif/manifest/${published}`);
    t.is(res.body.rights, 'http://creativecommons.org/publicdomain/zero/1.0/');
    t.deepEqual(presentationErrors(res.body), []);
  } finally {
    await em.nativeDelete(SettingSchema, { key: 'iiif_rights' });
  }
});

test.serial('export-iiif writes the published manifests and collections as static files', async (t) => {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'iiif-export-'));
  await fs.mkdir(path.join(out, 'manifest'));
  await fs.writeFile(path.join(out, 'manifest', 'stale.json'), '{}');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/census.ts',
      'export-iiif',
      '--out',
      out,
      '--base-url',
      'https://mirror.example.org/iiif/',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: app.deps.config.databaseUrl,
        PUBLIC_URL: app.url,
        LOG_LEVEL: 'silent',
      },
    },
  );
  t.regex(stdout, /2 manifests, 3 collections/);
  const files = (await fs.readdir(out, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  t.deepEqual(
    files,
    [
      'collection/institution/' + fj.id + '.json',
      'collection/nation.json',
      'collection/province/350000.json',
      ...[published, minguo].sort().map((cn) => `manifest/${cn}.json`),
    ].sort(),
    'stale files are gone; drafts and records without images are not exported',
  );
  for (const file of files) {
    const doc = JSON.parse(await fs.readFile(path.join(out, file), 'utf8'));
    t.deepEqual(presentationErrors(doc), [], file);
    t.is(doc.id, `https://mirror.example.org/iiif/${file}`);
  }
  const manifest = JSON.parse(await fs.readFile(path.join(out, `manifest/${published}.json`), 'utf8'));
  t.true(
    manifest.items[0].items[0].items[0].body.service[0].id.startsWith(`${app.url}/iiif/3/`),
    'images stay on the live service',
  );
  const bad = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli/census.ts', 'export-iiif', '--out', out],
    {
      env: { ...process.env, DATABASE_URL: app.deps.config.databaseUrl },
    },
  ).catch((e: { code: number; stderr: string }) => e);
  t.is((bad as { code: number }).code, 2);
  t.regex((bad as { stderr: string }).stderr, /--base-url/);
  await fs.rm(out, { recursive: true, force: true });
});

// Issue 12 item 8: catalogue text is plain text; nothing typed into it reaches a viewer as markup.
test('markup typed into catalogue text reaches the manifest as escaped text, never as HTML', async (t) => {
  const title = '<script>alert(1)</script>論語集解';
  const edition = '<img src=x onerror="alert(2)">明刻本 & 補';
  const author = '<a href="javascript:alert(3)">何晏</a>';
  const cn = await record(
    validGujiInput({
      callNumber: 'X-1',
      title,
      edition,
      authors: [{ dynasty: '魏', name: author, role: '集注' }],
    }),
    true,
  );
  await addImages(cn, ['封面']);
  const res = await anonymous.get(`/iiif/manifest/${cn}`);
  t.is(res.status, 200, res.text);
  t.deepEqual(presentationErrors(res.body), []);
  const values: string[] = [
    ...res.body.metadata.flatMap((m: any) => Object.values(m.value).flat()),
    ...Object.values(res.body.summary).flat(),
    ...Object.values(res.body.requiredStatement.value).flat(),
  ] as string[];
  for (const value of values) {
    // Either no markup character at all, or one <span> whose content has every < > & escaped.
    if (!/[<>&]/.test(value)) continue;
    const inner = /^<span>(.*)<\/span>$/s.exec(value)?.[1];
    t.truthy(inner, value);
    t.notRegex(inner!, /[<>]|&(?!(amp|lt|gt);)/, value);
  }
  const title0 = res.body.metadata[0].value['zh-Hant'][0] as string;
  t.is(title0, '<span>&lt;script&gt;alert(1)&lt;/script&gt;論語集解</span>', 'shown exactly as typed');
  const authors = res.body.metadata.find((m: any) => m.label.en[0] === 'Authors').value.en[0];
  t.is(authors, '<span>（魏）&lt;a href="javascript:alert(3)"&gt;何晏&lt;/a&gt;集注</span>');
  t.regex(res.body.summary.en[0], /&lt;img src=x onerror="alert\(2\)"&gt;明刻本 &amp; 補/);
  // Labels are plain text by the spec (viewers never read them as HTML): kept as catalogued.
  t.is(res.body.label['zh-Hant'][0], title);
  // The record itself is stored as written.
  t.is((await anonymous.get(`/api/records/${cn}`)).body.title, title);
});

test('the CORS preflight of the Presentation routes allows any origin', async (t) => {
  for (const path of [
    `/iiif/manifest/${published}`,
    '/iiif/collection/nation',
    '/iiif/collection/province/350000',
  ]) {
    const res = await fetch(`${app.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://viewer.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    t.true(res.status === 204 || res.status === 200, `${path}: ${res.status}`);
    t.is(res.headers.get('access-control-allow-origin'), '*', path);
    t.regex(res.headers.get('access-control-allow-methods') ?? '', /GET/, path);
    t.regex(res.headers.get('access-control-allow-headers') ?? '', /authorization/i, path);
  }
});
