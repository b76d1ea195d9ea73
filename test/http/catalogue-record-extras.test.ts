// 同版: copies of one edition held by different institutions are found from any one of them; and
// the sitemaps that let search engines find every published record; and citations.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { backfillCatalogue } from '../../src/search/catalogue-backfill.service.js';

let app: TestApp;
let admin: ApiClient;
let anon: ApiClient;
const cn: Record<string, string> = {};

let callNo = 0;
async function record(institutionId: string, fields: Record<string, unknown>): Promise<string> {
  callNo += 1;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId,
    callNumber: `同${String(callNo).padStart(5, '0')}`,
    title: '史記一百三十卷',
    authors: [
      { dynasty: '漢', name: '司馬遷', role: '撰' },
      { dynasty: '南朝宋', name: '裴駰', role: '注' },
    ],
    edition: '明萬曆二十四年（1596）南京國子監刻本',
    editionType: '刻本',
    volumes: 24,
    binding: '线装',
    classification: '史',
    grade: '三级乙等',
    damageGrade: '三级',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`record not created: ${res.text}`);
  return res.body.censusNumber as string;
}

const copiesOf = async (censusNumber: string) => {
  const res = await anon.get(`/api/catalogue/records/${censusNumber}/same-edition`);
  return { status: res.status, body: res.body };
};
const numbers = (body: { copies: Array<{ censusNumber: string }> }) => body.copies.map((c) => c.censusNumber);

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  anon = new ApiClient(app.url);
  const fj = await createInstitution(admin, '350000');
  const js = await createInstitution(admin, '320000');
  const bj = await createInstitution(admin, '110000');
  cn.fj = await record(fj.id, {});
  // The same edition as another library catalogued it: simplified, no Gregorian year, a copy note,
  // a later printing state and other roles.
  cn.js = await record(js.id, {
    title: '史记一百三十卷',
    authors: [
      { dynasty: '西漢', name: '司马迁', role: '著' },
      { dynasty: '宋', name: '裴骃', role: '注' },
    ],
    edition: '明万历二十四年南京国子监刻清顺治递修本（卷一至三配抄本）',
  });
  cn.bj = await record(bj.id, {});
  cn.otherYear = await record(bj.id, { edition: '明萬曆二十六年（1598）北京國子監刻本' });
  cn.vague = await record(js.id, { edition: '明刻本' });
  cn.draft = await record(fj.id, {});
  for (const n of [cn.fj, cn.js, cn.bj, cn.otherYear, cn.vague]) await publishRecord(admin, n!);
});
test.after.always(() => app?.close());

test.serial(
  'each copy of an edition lists the other published copies, not other editions or drafts',
  async (t) => {
    const fromFj = await copiesOf(cn.fj!);
    t.is(fromFj.status, 200);
    t.true(fromFj.body.grouped);
    t.deepEqual(numbers(fromFj.body), [cn.js, cn.bj].sort());
    const fromJs = await copiesOf(cn.js!);
    t.deepEqual(numbers(fromJs.body), [cn.fj, cn.bj].sort());
    const copy = fromJs.body.copies.find((c: { censusNumber: string }) => c.censusNumber === cn.bj);
    t.is(copy.title, '史記一百三十卷', 'each copy is shown as its institution catalogued it');
    t.truthy(copy.institution.name);
    t.deepEqual(numbers((await copiesOf(cn.otherYear!)).body), []);
  },
);

test.serial('a vague edition forms no group; unpublished or unknown numbers are 404', async (t) => {
  const vague = await copiesOf(cn.vague!);
  t.is(vague.status, 200);
  t.false(vague.body.grouped);
  t.deepEqual(vague.body.copies, []);
  t.is((await copiesOf(cn.draft!)).status, 404);
  t.is((await copiesOf('350000-9999-0000001')).status, 404);
});

test.serial('entries published before the group key existed get it from the start-up backfill', async (t) => {
  const em = app.orm.em.fork();
  await em.execute('update catalogue_entry set edition_key = null');
  t.deepEqual(numbers((await copiesOf(cn.fj!)).body), []);
  await backfillCatalogue(em);
  t.deepEqual(numbers((await copiesOf(cn.fj!)).body), [cn.js, cn.bj].sort());
});

test.serial(
  'robots.txt names the sitemap; the sitemap lists every published record and no draft',
  async (t) => {
    const robots = await anon.get('/robots.txt');
    t.is(robots.status, 200);
    t.regex(robots.text, /^Sitemap: http:\/\/.+\/sitemap\.xml$/m);
    t.regex(robots.text, /^Disallow: \/api\/$/m);
    const index = await anon.get('/sitemap.xml');
    t.is(index.status, 200);
    t.regex(index.headers.get('content-type') ?? '', /application\/xml/);
    const pages = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    t.deepEqual(
      pages.map((u) => new URL(u).pathname),
      ['/sitemaps/records-1.xml'],
    );
    const page = await anon.get('/sitemaps/records-1.xml');
    t.is(page.status, 200);
    const listed = [...page.text.matchAll(/<loc>[^<]+\/catalogue\/records\/([^<]+)<\/loc>/g)].map(
      (m) => m[1]!,
    );
    t.deepEqual(listed, [cn.fj, cn.js, cn.bj, cn.otherYear, cn.vague].sort());
    t.false(listed.includes(cn.draft!));
    t.regex(page.text, /<lastmod>\d{4}-\d\d-\d\dT/);
    t.is((await anon.get('/sitemaps/records-2.xml')).status, 404);
    t.is((await anon.get('/sitemaps/records-x.xml')).status, 400);
  },
);

test.serial(
  'a published record is cited in GB/T 7714 and Chicago with its permalink; a draft is not',
  async (t) => {
    const res = await anon.get(`/api/catalogue/records/${cn.fj}/citation`);
    t.is(res.status, 200);
    t.regex(res.body.url, new RegExp(`/catalogue/records/${cn.fj}$`));
    t.true(
      res.body.gbt7714.startsWith(
        '司馬遷, 裴駰. 史記一百三十卷[M/OL]. 明萬曆二十四年（1596）南京國子監刻本.',
      ),
    );
    t.true(res.body.gbt7714.includes(`普查登记编号 ${cn.fj}. [${res.body.citedOn}]. ${res.body.url}`));
    t.true(res.body.chicago.startsWith('司馬遷, and 裴駰. 史記一百三十卷.'));
    t.is((await anon.get(`/api/catalogue/records/${cn.draft}/citation`)).status, 404);
  },
);
