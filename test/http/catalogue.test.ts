import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
let anon: ApiClient;
let fj: { id: string };
let js: { id: string };
const cn: Record<string, string> = {};

let callNo = 0;
async function record(institutionId: string, fields: Record<string, unknown>): Promise<string> {
  callNo += 1;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId,
    callNumber: `检${String(callNo).padStart(5, '0')}`,
    title: '朱子大全一百卷目錄二卷',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明天順四年（1460）賀沈、胡緝刻本',
    editionType: '刻本',
    volumes: 4,
    binding: '线装',
    classification: '集',
    grade: '二级乙等',
    damageGrade: '三级',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`record not created: ${res.text}`);
  return res.body.censusNumber as string;
}

const publish = (censusNumber: string) => publishRecord(admin, censusNumber);

const search = (query: string) => anon.get(`/api/catalogue/search?${query}`);
const numbers = (body: { items: Array<{ censusNumber: string }> }) =>
  body.items.map((i) => i.censusNumber).sort();

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  anon = new ApiClient(app.url);
  fj = await createInstitution(admin, '350000');
  js = await createInstitution(admin, '320000');
  cn.lu = await record(fj.id, {
    title: '陸宣公奏議二十二卷',
    authors: [{ dynasty: '唐', name: '陸贄', role: '撰' }],
    edition: '明嘉靖三十年（1551）刻本',
    classification: '史',
  });
  cn.feng = await record(fj.id, { title: '雙峯先生文集十卷', classification: '集' });
  cn.jiao = await record(js.id, {
    title: '敎民榜文一卷',
    edition: '清乾隆四十年（1775）刻本',
    classification: '史',
    binding: '包背装',
  });
  cn.zhu = await record(js.id, {});
  for (const key of ['lu', 'feng', 'jiao', 'zhu']) await publish(cn[key]!);
  // Never published: a draft and a record under review with a matching title.
  cn.draft = await record(fj.id, { title: '陸宣公集' });
  cn.submitted = await record(fj.id, { title: '陸宣公翰苑集' });
  await admin.post(`/api/records/${cn.submitted}/submit`, {});
});
test.after.always(async () => {
  await app?.close();
});

test('simplified, traditional and mixed queries find the same records', async (t) => {
  for (const q of ['陆宣公奏议', '陸宣公奏議', '陸宣公奏议', '陆 宣公']) {
    const res = await search(`q=${encodeURIComponent(q)}`);
    t.is(res.status, 200, res.text);
    t.deepEqual(numbers(res.body), [cn.lu], q);
    t.is(res.body.total, 1);
  }
});

test('variant characters fold: 峯/峰 and 敎/教', async (t) => {
  for (const q of ['双峰', '雙峯', '雙峰'])
    t.deepEqual(numbers((await search(`q=${encodeURIComponent(q)}`)).body), [cn.feng], q);
  for (const q of ['教民', '敎民'])
    t.deepEqual(numbers((await search(`q=${encodeURIComponent(q)}`)).body), [cn.jiao], q);
});

test('one- and two-character queries work; authors and editions are searched too', async (t) => {
  t.deepEqual(numbers((await search(`q=${encodeURIComponent('贽')}`)).body), [cn.lu]);
  t.deepEqual(numbers((await search(`q=${encodeURIComponent('奏议')}`)).body), [cn.lu]);
  t.deepEqual(numbers((await search(`q=${encodeURIComponent('嘉靖')}`)).body), [cn.lu]);
  t.is((await search(`q=${encodeURIComponent('朱熹')}`)).body.total, 3);
  // 朱 is in three published records, in one of them in the title: that one ranks first although
  // another comes before it in census-number order.
  const zhu = await search(`q=${encodeURIComponent('朱')}`);
  t.is(zhu.body.total, 3);
  t.is(zhu.body.items[0].censusNumber, cn.zhu);
  t.true(cn.jiao! < cn.zhu!);
});

test('only published records ever appear', async (t) => {
  const res = await search(`q=${encodeURIComponent('陆宣公')}`);
  t.deepEqual(numbers(res.body), [cn.lu]);
  const browse = await search('pageSize=100');
  t.is(browse.body.total, 4);
  t.false(numbers(browse.body).includes(cn.draft!));
  t.false(numbers(browse.body).includes(cn.submitted!));
});

test('an empty query is the browse view with facets over everything published', async (t) => {
  const res = await search('q=');
  t.is(res.status, 200);
  t.is(res.body.total, 4);
  const provinces = Object.fromEntries(res.body.facets.province.map((f: any) => [f.value, f.count]));
  t.deepEqual(provinces, { '350000': 2, '320000': 2 });
  t.truthy(res.body.facets.province.find((f: any) => f.value === '350000').label.zh);
});

test('facet counts follow the query and the filters', async (t) => {
  const res = await search(`q=${encodeURIComponent('刻本')}`);
  t.is(res.body.total, 4);
  const byClass = Object.fromEntries(res.body.facets.classification.map((f: any) => [f.value, f.count]));
  t.deepEqual(byClass, { 史: 2, 集: 2 });
  const narrowed = await search(`q=${encodeURIComponent('刻本')}&classification=${encodeURIComponent('史')}`);
  t.deepEqual(numbers(narrowed.body), [cn.jiao, cn.lu].sort());
  const provinces = Object.fromEntries(narrowed.body.facets.province.map((f: any) => [f.value, f.count]));
  t.deepEqual(provinces, { '350000': 1, '320000': 1 });
  t.true(narrowed.body.facets.classification.find((f: any) => f.value === '史').selected);
  const inJs = await search(`province=320000&binding=${encodeURIComponent('包背裝')}`);
  t.deepEqual(numbers(inJs.body), [cn.jiao]);
  const byInstitution = await search(`institution=${fj.id}`);
  t.deepEqual(numbers(byInstitution.body), [cn.feng, cn.lu].sort());
  t.is(byInstitution.body.facets.institution[0].count, 2);
});

test('every facet value carries its label in both languages: no code reaches the page', async (t) => {
  const res = await search('q=');
  t.deepEqual(
    res.body.facets.type.map((f: any) => f.label),
    [{ zh: '古籍', en: 'Ancient book (古籍)' }],
  );
  for (const name of ['precious', 'hasImages'])
    for (const f of res.body.facets[name])
      t.deepEqual(f.label, f.value === 'true' ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' });
  const institution = res.body.facets.institution.find((f: any) => f.value === fj.id);
  t.is(institution.label.zh, institution.label.en);
  t.not(institution.label.zh, fj.id);
  t.deepEqual(res.body.facets.classification.find((f: any) => f.value === '史').label, {
    zh: '史',
    en: '史',
  });
  // Every facet of every kind: a label, never a missing one.
  for (const list of Object.values(res.body.facets) as any[][])
    for (const f of list) t.true(Boolean(f.label?.zh && f.label?.en), JSON.stringify(f));
});

test('census numbers and call numbers find their record, which every result links', async (t) => {
  const byNumber = (await search(`q=${encodeURIComponent(cn.lu!)}`)).body;
  t.deepEqual(numbers(byNumber), [cn.lu]);
  t.is(byNumber.items[0].permalink, `/catalogue/records/${cn.lu}`);
  t.is((await anon.get(byNumber.items[0].permalink)).status, 200);
  const callNumber = (await admin.get(`/api/records/${cn.lu}`)).body.callNumber as string;
  t.deepEqual(numbers((await search(`q=${encodeURIComponent(callNumber)}`)).body), [cn.lu]);
});

test('the year range filters by overlap with the normalised edition date', async (t) => {
  t.deepEqual(numbers((await search('yearFrom=1550&yearTo=1600')).body), [cn.lu]);
  t.deepEqual(numbers((await search('yearFrom=1700')).body), [cn.jiao]);
});

test('results carry highlight ranges on the text as catalogued', async (t) => {
  const res = await search(`q=${encodeURIComponent('陆宣公 奏议')}`);
  const item = res.body.items[0];
  t.is(item.title, '陸宣公奏議二十二卷');
  t.deepEqual(item.highlights.title, [[0, 5]]);
  t.is(item.title.slice(0, 5), '陸宣公奏議');
  const byAuthor = (await search(`q=${encodeURIComponent('陆贽')}`)).body.items[0];
  t.is(byAuthor.authors, '（唐）陸贄撰');
  t.deepEqual(byAuthor.highlights.authors, [[3, 5]]);
});

test('bad input: overlong query, reversed or out-of-range years, unknown facet values', async (t) => {
  t.is((await search(`q=${encodeURIComponent('书'.repeat(200))}`)).status, 200);
  const long = await search(`q=${encodeURIComponent('书'.repeat(201))}`);
  t.is(long.status, 400);
  t.is(long.body.error.details[0].path, 'q');
  t.regex(long.body.error.details[0].messageZh, /200/);

  const reversed = await search('yearFrom=1600&yearTo=1500');
  t.is(reversed.status, 400);
  t.is(reversed.body.error.details[0].path, 'yearTo');
  t.regex(reversed.body.error.details[0].messageEn, /reversed/);
  for (const q of ['yearFrom=-1001', 'yearTo=1950', 'yearFrom=abc']) {
    const res = await search(q);
    t.is(res.status, 400, q);
  }

  const unknown = await search(`classification=${encodeURIComponent('西')}`);
  t.is(unknown.status, 400);
  t.is(unknown.body.error.code, 'UNKNOWN_FACET_VALUE');
  const detail = unknown.body.error.details[0];
  t.is(detail.path, 'classification');
  t.is(detail.value, '西');
  t.true(detail.allowed.includes('经'));
  t.regex(detail.messageZh, /经/);
  t.is((await search('province=999999')).status, 400);
  t.is((await search('institution=not-an-id')).status, 400);
  t.is((await search('grade=%E4%BA%94%E7%BA%A7')).status, 400);
  t.is((await search('hasImages=maybe')).status, 400);
});

test('injection attempts are searched for as text', async (t) => {
  for (const q of ["' OR '1'='1", "'); drop table catalogue_entry; --", "%25' OR 1=1 --"]) {
    const res = await search(`q=${encodeURIComponent(q)}`);
    t.is(res.status, 200, q);
    t.is(res.body.total, 0, q);
  }
  t.is((await search('')).body.total, 4);
});

test('suggestions offer matching titles; OpenSearch describes the search', async (t) => {
  const res = await anon.get(`/api/catalogue/suggest?q=${encodeURIComponent('陆宣')}`);
  t.is(res.status, 200);
  t.deepEqual(
    res.body.suggestions.map((s: { title: string }) => s.title),
    ['陸宣公奏議二十二卷'],
  );
  const os = await anon.get(`/api/catalogue/suggest?q=${encodeURIComponent('双峰')}&format=opensearch`);
  t.deepEqual(os.body, ['双峰', ['雙峯先生文集十卷']]);
  const xml = await anon.get('/api/catalogue/opensearch.xml');
  t.is(xml.status, 200);
  t.regex(xml.headers.get('content-type') ?? '', /opensearchdescription\+xml/);
  t.regex(xml.text, /template="[^"]*\/catalogue\?q=\{searchTerms\}/);
  t.regex(xml.text, /application\/x-suggestions\+json/);
});

test('publishing, editing and withdrawing feed the catalogue and the change feed', async (t) => {
  const before = (await anon.get('/api/catalogue/changes')).body;
  t.is(before.type, 'OrderedCollection');
  const n = await record(js.id, { title: '四書章句集注十九卷' });
  await publish(n);
  t.deepEqual(numbers((await search(`q=${encodeURIComponent('四书章句')}`)).body), [n]);

  const edited = await admin.patch(`/api/records/${n}`, { title: '四書集注十九卷', reason: '据卷端改' });
  t.is(edited.status, 200, edited.text);
  t.is((await search(`q=${encodeURIComponent('四书章句')}`)).body.total, 0);
  t.deepEqual(numbers((await search(`q=${encodeURIComponent('四书集注')}`)).body), [n]);

  const withdrawn = await admin.post(`/api/records/${n}/withdraw`, { note: '重复登记' });
  t.is(withdrawn.status, 200, withdrawn.text);
  t.is((await search(`q=${encodeURIComponent('四书集注')}`)).body.total, 0);

  const feed = (await anon.get('/api/catalogue/changes')).body;
  t.is(feed.totalItems, before.totalItems + 3);
  const page = await anon.get(new URL(feed.last.id).pathname);
  t.is(page.status, 200);
  t.regex(page.headers.get('content-type') ?? '', /activitystreams/);
  const mine = page.body.orderedItems.filter((a: any) => a.object.id.endsWith(`/iiif/manifest/${n}`));
  t.deepEqual(
    mine.map((a: any) => a.type),
    ['Create', 'Update', 'Delete'],
  );
  t.is(mine[0].object.type, 'Manifest');
  t.truthy(Date.parse(mine[0].endTime));
  t.is((await anon.get('/api/catalogue/changes/page/99')).status, 404);
});
