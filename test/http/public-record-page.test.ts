// The server-rendered public record page at its permalink (/catalogue/records/:censusNumber): full
// HTML without JavaScript (fields, thumbnails, manifest link, citation, 同版 copies, rights), the
// head a crawler reads (title, description, canonical, OpenGraph, schema.org JSON-LD), escaping of
// hostile catalogue text, 404 for anything unpublished, and nothing internal.
import test from 'ava';
import crypto from 'node:crypto';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';
import { RecordImageSchema } from '../../src/images/record-image.entity.js';
import { CensusRecordSchema } from '../../src/census/census-record.entity.js';
import type { RecordInput } from '../../src/domain/record.types.js';
import { SettingSchema } from '../../src/settings/setting.entity.js';

let app: TestApp;
let admin: ApiClient;
const cn: Record<string, string> = {};
const inst: Record<string, { id: string }> = {};

const WENXUAN: Partial<RecordInput> = {
  title: '文選六十卷',
  otherTitles: [],
  authors: [
    { dynasty: '梁', name: '蕭統', role: '輯' },
    { dynasty: '唐', name: '李善', role: '注' },
  ],
  edition: '宋淳熙八年（1181）池陽郡齋刻本',
  publisher: '池陽郡齋',
  volumes: 24,
  notes: '存五十八卷',
};
const HOSTILE_TITLE = `<script>alert("x")</script>'"&amp;</title></script>文選`;

async function addImages(censusNumber: string, labels: string[]) {
  const em = app.orm.em.fork();
  const record = await em.findOneOrFail(CensusRecordSchema, { censusNumber });
  labels.forEach((label, i) =>
    em.create(RecordImageSchema, {
      record,
      sequence: i + 1,
      label,
      status: 'ready',
      width: 2000,
      height: 3000,
      format: 'jpeg',
      sizeBytes: 1000,
      sha256: crypto.randomBytes(32).toString('hex'),
      masterKey: `masters/${crypto.randomUUID()}`,
      originalFilename: `${i}.jpg`,
    }),
  );
  await em.flush();
}

async function record(institutionId: string, callNumber: string, fields: Partial<RecordInput>) {
  const res = await admin.post('/api/records', validGujiInput({ institutionId, callNumber, ...fields }));
  if (res.status !== 201) throw new Error(res.text);
  return res.body.censusNumber as string;
}

const page = (censusNumber: string) =>
  fetch(`${app.url}/catalogue/records/${encodeURIComponent(censusNumber)}`).then(async (r) => ({
    status: r.status,
    type: r.headers.get('content-type') ?? '',
    cache: r.headers.get('cache-control') ?? '',
    text: await r.text(),
  }));

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst.nlc = await createInstitution(admin, '110000', {
    name: '國家圖書館',
    contactEmail: 'rare-books@nlc.test',
  });
  inst.sh = await createInstitution(admin, '310000', { name: '上海圖書館' });
  inst.closed = await createInstitution(admin, '320000', { name: '南京圖書館' });
  await admin.request('PUT', `/api/institutions/${inst.closed.id}/rights-statement`, {
    rightsStatement: 'on_site',
  });
  cn.wenxuan = await record(inst.nlc.id, '善 07012', WENXUAN);
  cn.copy = await record(inst.sh.id, '線善 1', WENXUAN);
  cn.hostile = await record(inst.nlc.id, 'X-1', {
    title: HOSTILE_TITLE,
    authors: [{ dynasty: '唐', name: '</script><img src=x onerror=alert(1)>', role: '撰' }],
    edition: '"><svg onload=alert(1)>刻本',
  });
  cn.closed = await record(inst.closed.id, 'C-1', WENXUAN);
  cn.draft = await record(inst.nlc.id, 'D-1', { title: '未發布之書' });
  cn.withdrawn = await record(inst.nlc.id, 'W-1', { title: '已撤銷之書' });
  const cataloguer = await createUser(admin, { role: 'cataloguer', institutionId: inst.nlc.id });
  cn.cataloguerEmail = cataloguer.email;
  for (const n of [cn.wenxuan, cn.copy, cn.hostile, cn.closed, cn.withdrawn]) {
    const submit = await admin.post(`/api/records/${n}/submit`, { note: 'INTERNAL-NOTE-submit' });
    if (submit.status !== 200) throw new Error(submit.text);
    await admin.post(`/api/records/${n}/approve`, { note: 'INTERNAL-NOTE-approve' });
    await admin.post(`/api/records/${n}/publish`, {});
  }
  await admin.post(`/api/records/${cn.withdrawn}/withdraw`, { reason: 'INTERNAL-NOTE-withdraw' });
  await addImages(cn.wenxuan, ['卷一 1a', '卷一 1b', '卷二 1a']);
  await addImages(cn.closed, ['卷一 1a']);
});
test.after.always(async () => {
  await app?.close();
});

test('the permalink answers full HTML with the catalogue fields, in catalogue order', async (t) => {
  const res = await page(cn.wenxuan!);
  t.is(res.status, 200);
  t.regex(res.type, /^text\/html; charset=utf-8/);
  t.regex(res.cache, /public/);
  const html = res.text;
  t.regex(html, /<h1 lang="zh">文選六十卷<\/h1>/);
  t.true(html.includes('（梁）蕭統輯\u3000（唐）李善注'));
  t.true(html.includes('宋淳熙八年（1181）池陽郡齋刻本'));
  t.true(html.includes('國家圖書館'));
  t.true(html.includes(cn.wenxuan!));
  t.true(html.includes('24 册'), 'extent');
  t.true(html.includes('1181'), 'normalised date');
  const order = [
    'data-field="authors"',
    'data-field="edition"',
    'data-field="volumes"',
    'data-field="institution"',
    'data-field="censusNumber"',
  ].map((f) => html.indexOf(f));
  t.true(
    order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)),
    String(order),
  );
  // Thumbnails strip through the IIIF Image API, each linking the full page.
  const thumbs = [...html.matchAll(/<img\s+src="([^"]+\/iiif\/3\/[^"]+\/full\/200,\/0\/default\.jpg)"/g)];
  t.is(thumbs.length, 3);
  t.true(html.includes('alt="卷一 1a"'));
  t.regex(html, /href="[^"]+\/iiif\/3\/[^"]+\/full\/max\/0\/default\.jpg"/);
  // The manifest link with the IIIF logo, draggable into any viewer.
  const manifest = `${app.url}/iiif/manifest/${cn.wenxuan}`;
  t.true(html.includes(`href="${manifest}?manifest=${encodeURIComponent(manifest)}"`));
  t.regex(html, /<svg[^>]+viewBox="0 0 34 30"/);
  // Citation from the citation service, pointing at the permalink.
  const citation = (await admin.get(`/api/catalogue/records/${cn.wenxuan}/citation`)).body;
  t.true(html.includes(citation.gbt7714.replace(/&/g, '&amp;')));
  t.true(html.includes(citation.chicago.replace(/&/g, '&amp;').replace(/"/g, '&quot;')));
  // 同版: the copy in Shanghai, linked by its permalink.
  t.true(html.includes(`href="${app.url}/catalogue/records/${cn.copy}"`));
  t.true(html.includes('上海圖書館'));
  // Rights statement.
  t.regex(html, /data-rights="open"/);
  t.true(html.includes('http://rightsstatements.org/vocab/NoC-NC/1.0/'));
});

test('the head: title, description, canonical, OpenGraph and schema.org JSON-LD', async (t) => {
  const html = (await page(cn.wenxuan!)).text;
  const permalink = `${app.url}/catalogue/records/${cn.wenxuan}`;
  t.regex(html, /<title>文選六十卷 · 國家圖書館 · 古籍普查登记目录<\/title>/);
  t.regex(
    html,
    /<meta name="description" content="文選六十卷\u3000（梁）蕭統輯\u3000（唐）李善注\u3000宋淳熙八年/,
  );
  t.true(html.includes(`<link rel="canonical" href="${permalink}" />`));
  t.true(html.includes(`<meta property="og:url" content="${permalink}" />`));
  t.true(html.includes('<meta property="og:type" content="book" />'));
  t.regex(html, /<meta property="og:image" content="[^"]+\/iiif\/3\//);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
  t.deepEqual(ld['@type'], ['Book', 'ArchiveComponent']);
  t.is(ld['@id'], permalink);
  t.is(ld.name, '文選六十卷');
  t.deepEqual(
    ld.author.map((a: any) => a.name),
    ['蕭統', '李善'],
  );
  t.is(ld.bookEdition, '宋淳熙八年（1181）池陽郡齋刻本');
  t.is(ld.holdingArchive.name, '國家圖書館');
  t.is(ld.identifier[0].value, cn.wenxuan);
  t.is(ld.dateCreated, '1181');
  t.is(ld.numberOfPages, 3);
});

test('the sitemap and the citation point at the permalink', async (t) => {
  const sitemap = await fetch(`${app.url}/sitemaps/records-1.xml`).then((r) => r.text());
  t.true(sitemap.includes(`<loc>${app.url}/catalogue/records/${cn.wenxuan}</loc>`));
  const citation = (await admin.get(`/api/catalogue/records/${cn.wenxuan}/citation`)).body;
  t.is(citation.url, `${app.url}/catalogue/records/${cn.wenxuan}`);
  const manifest = (await admin.get(`/iiif/manifest/${cn.wenxuan}`)).body;
  t.is(manifest.homepage[0].id, `${app.url}/catalogue/records/${cn.wenxuan}`);
});

test('hostile catalogue text is shown as text, never as markup (body, attributes, JSON-LD)', async (t) => {
  const res = await page(cn.hostile!);
  t.is(res.status, 200);
  const html = res.text;
  t.false(html.includes('<script>alert'), 'no script element from the title');
  t.false(html.includes('<img src=x'), 'no element from the author');
  t.false(html.includes('<svg onload'), 'no element from the edition');
  t.true(
    html.includes(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&quot;&amp;amp;&lt;/title&gt;&lt;/script&gt;文選',
    ),
  );
  // Exactly one script element (the JSON-LD), and the JSON gives the title back exactly as typed.
  t.is(html.match(/<script/g)!.length, 1);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
  t.is(ld.name, HOSTILE_TITLE);
  t.is(ld.author[0].name, '</script><img src=x onerror=alert(1)>');
  // Attribute values: the description meta cannot be broken out of.
  t.regex(html, /<meta name="description" content="&lt;script&gt;alert\(&quot;x&quot;\)/);
  // NUL never gets in: the input gate refuses it before a record could hold it.
  const nul = await admin.post(
    '/api/records',
    validGujiInput({ institutionId: inst.nlc!.id, callNumber: 'NUL-1', title: '文\u0000選' }),
  );
  t.is(nul.status, 400);
  t.is((await fetch(`${app.url}/catalogue/records/110000-0000-0000000%00`)).status, 400);
});

test('drafts, withdrawn and unknown numbers are 404 pages, for everyone', async (t) => {
  for (const n of [cn.draft!, cn.withdrawn!, '110000-9999-0000001', 'not-a-number']) {
    const res = await page(n);
    t.is(res.status, 404, n);
    t.regex(res.type, /^text\/html/);
    t.regex(res.text, /未找到记录/);
    t.regex(res.text, /Record not found/);
    t.false(res.text.includes('未發布之書'));
    t.false(res.text.includes('已撤銷之書'));
    t.regex(res.text, /<meta name="robots" content="noindex" \/>/);
    t.is(res.cache, 'no-store');
  }
  // Logged in or not: the page is the public page (a staff member's draft stays off it).
  const withCookie = await fetch(`${app.url}/catalogue/records/${cn.draft}`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  t.is(withCookie.status, 404);
});

test('nothing internal: no workflow status, version, staff, e-mails or notes', async (t) => {
  const html = (await page(cn.wenxuan!)).text;
  for (const internal of [
    'INTERNAL-NOTE',
    'rare-books@nlc.test',
    cn.cataloguerEmail!,
    ADMIN.email,
    'published',
    'approved',
    '"version"',
    '已发布',
    '审校',
    'damageGrade',
    '破损',
  ])
    t.false(html.includes(internal), internal);
  t.notRegex(html, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/, 'no e-mail-like text');
  const users: Array<{ id: string }> = await app.orm.em
    .fork()
    .getConnection()
    .execute('select id from app_user');
  for (const u of users) t.false(html.includes(u.id));
});

test('on-site only: the page describes the book and says why there are no images', async (t) => {
  const html = (await page(cn.closed!)).text;
  t.regex(html, /data-rights="on_site"/);
  t.true(html.includes('仅限馆内阅览'));
  t.true(html.includes('On-site only'));
  t.false(html.includes('/full/200,/0/default.jpg'), 'no thumbnail the public would be refused');
  t.false(html.includes('og:image'));
  t.true(html.includes('http://rightsstatements.org/vocab/NoC-OKLR/1.0/'));
});

test.serial('the licence of open images is the setting iiif_rights, as the manifest says', async (t) => {
  const em = app.orm.em.fork();
  em.create(SettingSchema, {
    key: 'iiif_rights',
    value: 'http://creativecommons.org/publicdomain/zero/1.0/',
  });
  await em.flush();
  try {
    const html = (await page(cn.wenxuan!)).text;
    t.true(html.includes('href="http://creativecommons.org/publicdomain/zero/1.0/" rel="license"'));
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    t.is(ld.license, 'http://creativecommons.org/publicdomain/zero/1.0/');
  } finally {
    await em.nativeDelete(SettingSchema, { key: 'iiif_rights' });
  }
});
