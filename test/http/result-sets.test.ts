// Queries' result sets kept between their pages (src/search/result-set-cache.ts): pages read through
// a kept set are exactly the pages read afresh, in rank order, whatever the page size; a change of
// the catalogue — through this instance or straight in the database, as another instance would —
// is in the next page; readers paging one query at once each get their own page; pages past what
// is kept are read without keeping them.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { searchCatalogueFor } from '../../src/search/catalogue-search.service.js';
import { PUBLIC_READER } from '../../src/search/catalogue-thumbnails.service.js';
import { catalogueSearchQuery } from '../../src/search/catalogue.schemas.js';
import { rankedPage } from '../../src/search/catalogue-ranking.service.js';
import { KEPT_MATCHES, newResultSet } from '../../src/search/result-set.rules.js';
import { tokenCounts } from '../../src/search/catalogue-token.repository.js';
import { DEFAULT_COUNTING, requiredTokens } from '../../src/search/catalogue-plan.rules.js';
import { catalogueFilterOf } from '../../src/search/catalogue-filter.service.js';
import { resultPage } from '../../src/search/catalogue-result-page.service.js';
import { ResultSetCache } from '../../src/search/result-set-cache.js';
import { countCatalogueTotal } from '../../src/search/catalogue-count.service.js';
import { isFiltered } from '../../src/search/catalogue-where.js';
import { SpareTime } from '../../src/kernel/spare-time.js';

let app: TestApp;
let admin: ApiClient;
let anon: ApiClient;
let institution: { id: string };
// 朱 in the title (ranked first), and 朱 only among the authors (the rest).
const inTitle: string[] = [];
const inAuthors: string[] = [];

let callNo = 0;
async function record(title: string): Promise<string> {
  callNo += 1;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId: institution.id,
    callNumber: `善${String(callNo).padStart(5, '0')}`,
    title,
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '清康熙四十九年（1710）御兒刻本',
    editionType: '刻本',
    volumes: 4,
    binding: '线装',
    classification: '子',
    grade: '三级',
    damageGrade: '三级',
  });
  if (res.status !== 201) throw new Error(`record not created: ${res.text}`);
  const censusNumber = res.body.censusNumber as string;
  await publishRecord(admin, censusNumber);
  return censusNumber;
}

const ZHU = encodeURIComponent('朱');
const numbersOf = (body: { items: Array<{ censusNumber: string }> }) => body.items.map((i) => i.censusNumber);
const expected = () => [...[...inTitle].sort(), ...[...inAuthors].sort()];

/** Every page of 朱 at this page size, read one after another as a reader turns them. */
async function turnPages(pageSize: number): Promise<string[]> {
  const got: string[] = [];
  for (let page = 1; ; page++) {
    const res = await anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=${pageSize}&page=${page}`);
    if (res.status !== 200) throw new Error(res.text);
    if (!res.body.items.length) return got;
    got.push(...numbersOf(res.body));
  }
}

/** A page read afresh: the same search without any kept result set (or kept rows). */
async function freshItems(page: number, pageSize: number) {
  const query = catalogueSearchQuery.parse({ q: '朱', page: String(page), pageSize: String(pageSize) });
  const { body } = await searchCatalogueFor(
    app.orm.em.fork(),
    app.deps.imageAccess,
    query,
    PUBLIC_READER,
    app.deps.caches,
  );
  return body.items;
}
const freshPage = async (page: number, pageSize: number) =>
  numbersOf({ items: await freshItems(page, pageSize) });

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  anon = new ApiClient(app.url);
  institution = await createInstitution(admin, '330000');
  for (const title of ['朱子語類一百四十卷', '晦庵先生朱文公文集一百卷']) inTitle.push(await record(title));
  for (const title of ['四書章句集注十九卷', '詩集傳二十卷', '周易本義十二卷', '楚辭集注八卷'])
    inAuthors.push(await record(title));
  inTitle.push(await record('朱子大全'));
});
test.after.always(async () => {
  await app?.close();
});

test.serial('pages read through the kept result set are the pages read afresh, in rank order', async (t) => {
  t.truthy(app.deps.resultSets, 'the app keeps result sets');
  for (const pageSize of [1, 2, 3, 7, 20]) {
    t.deepEqual(await turnPages(pageSize), expected(), `page size ${pageSize}`);
    for (const page of [1, 2, 3, 4]) {
      const kept = await anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=${pageSize}&page=${page}`);
      t.deepEqual(numbersOf(kept.body), await freshPage(page, pageSize), `page ${page} of ${pageSize}`);
      t.is(kept.body.total, 7);
    }
  }
  t.true(app.deps.resultSets!.size >= 1);
  // The server-rendered results page reads the same set.
  const html = await anon.get(`/catalogue/search?q=${ZHU}&page=1`);
  t.is(html.status, 200);
  for (const n of expected()) t.true(html.text.includes(n), n);
});

test.serial('a change through the API is in the very next page', async (t) => {
  t.deepEqual(
    numbersOf((await anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=2&page=1`)).body),
    expected().slice(0, 2),
  );
  // A new title match ranks among the first, though the set had read past it.
  const added = await record('朱子家禮五卷');
  inTitle.push(added);
  const next = await anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=2&page=2`);
  t.deepEqual(numbersOf(next.body), expected().slice(2, 4));
  t.is(next.body.total, 8);
  t.deepEqual(await turnPages(3), expected());
  // Withdrawn: gone from every page at once.
  const withdrawn = await admin.post(`/api/records/${added}/withdraw`, { note: '重复登记' });
  t.is(withdrawn.status, 200, withdrawn.text);
  inTitle.splice(inTitle.indexOf(added), 1);
  t.deepEqual(await turnPages(3), expected());
  t.is((await anon.get(`/api/catalogue/search?q=${ZHU}`)).body.total, 7);
});

test.serial('a change made straight in the database (another instance) reaches the kept sets', async (t) => {
  t.deepEqual(await turnPages(2), expected());
  const [first] = inAuthors.sort();
  // As another instance's write would: the entry leaves the catalogue; PostgreSQL tells every instance.
  const [saved] = await app.orm.em
    .fork()
    .execute<Array<Record<string, unknown>>>('select * from catalogue_entry where census_number = ?', [
      first,
    ]);
  await app.orm.em.fork().execute('delete from catalogue_entry where census_number = ?', [first]);
  try {
    const without = expected().filter((n) => n !== first);
    let pages: string[] = [];
    for (let tries = 0; tries < 50; tries++) {
      pages = await turnPages(2);
      if (pages.length === without.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    t.deepEqual(pages, without);
  } finally {
    const columns = Object.keys(saved!);
    await app.orm.em
      .fork()
      .execute(
        `insert into catalogue_entry (${columns.map((c) => `"${c}"`).join(', ')}) select * from json_populate_record(null::catalogue_entry, ?::json)`,
        [JSON.stringify(saved)],
      );
  }
  let back: string[] = [];
  for (let tries = 0; tries < 50 && back.length !== expected().length; tries++) {
    back = await turnPages(2);
    if (back.length !== expected().length) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.deepEqual(back, expected());
});

test.serial('readers paging one query at once each get their own page', async (t) => {
  // Forget every kept set, then ask all pages at once: the first read and those waiting for it.
  app.deps.resultSets!.changed();
  const pages = await Promise.all(
    [1, 2, 3, 4, 5, 6, 7, 8].map((page) =>
      anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=1&page=${page}`),
    ),
  );
  t.deepEqual(
    pages.map((res) => numbersOf(res.body)),
    [...expected().map((n) => [n]), []],
  );
});

test.serial(
  'pages past what is kept are read after the kept matches, and the deepest page is empty',
  async (t) => {
    const deepest = await anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=100&page=10000`);
    t.is(deepest.status, 200, deepest.text);
    t.deepEqual(deepest.body.items, []);
    t.is(deepest.body.total, 7);
    // A set that holds KEPT_MATCHES numbers before every real one: the next page is read after them.
    const em = app.orm.em.fork();
    const terms = ['朱'];
    const before = Array.from(
      { length: KEPT_MATCHES },
      (_, i) => `000000-0000-${String(i).padStart(7, '0')}`,
    );
    const set = newResultSet(await tokenCounts(em, requiredTokens(terms)), DEFAULT_COUNTING);
    const full = { ...set, tiers: { ...set.tiers, title: { numbers: before } } };
    const page = await rankedPage(em, { terms, facets: {} }, full, KEPT_MATCHES, 2, true);
    t.deepEqual(page.numbers, [...inTitle].sort().slice(0, 2));
    t.is(page.set.tiers.title.numbers.length, KEPT_MATCHES, 'nothing past the kept limit is kept');
    // Past the title tier: its size is learned, and the rest tier follows.
    const across = await rankedPage(em, { terms, facets: {} }, full, KEPT_MATCHES + 2, 3, true);
    t.deepEqual(across.numbers, [...[...inTitle].sort().slice(2), ...[...inAuthors].sort()].slice(0, 3));
    // A set that already knows every match learns nothing from a page: the same set comes back.
    const known = await rankedPage(em, { terms, facets: {} }, set, 0, 20, true);
    t.deepEqual(known.numbers, expected());
    const again = await rankedPage(em, { terms, facets: {} }, known.set, 2, 3, true);
    t.is(again.set, known.set);
    t.deepEqual(again.numbers, expected().slice(2, 5));
  },
);

test.serial('a query read past page 1 is read ahead; browsing reads only its pages', async (t) => {
  const keptOf = async (params: Record<string, string>) => {
    const query = catalogueSearchQuery.parse(params);
    const filter = await catalogueFilterOf(app.orm.em.fork(), query, app.deps.caches);
    return app.deps.resultSets!.get(JSON.stringify(filter));
  };
  app.deps.resultSets!.changed();
  await anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=2&page=2`);
  const query = await keptOf({ q: '朱' });
  t.is(query?.tiers.title.numbers.length, 3, 'the whole title tier, read ahead');
  t.is(query?.tiers.title.size, 3);
  // Browsing one institution (a filter without terms): page 2 of 2 reads four entries, no more.
  const browse = `institution=${institution.id}&pageSize=2`;
  t.deepEqual(
    numbersOf((await anon.get(`/api/catalogue/search?${browse}&page=2`)).body),
    [...inTitle, ...inAuthors].sort().slice(2, 4),
  );
  const kept = await keptOf({ institution: institution.id });
  t.is(kept?.tiers.all.numbers.length, 4);
  t.is(kept?.tiers.all.size, undefined);
  // The next page reads on after them.
  t.deepEqual(
    numbersOf((await anon.get(`/api/catalogue/search?${browse}&page=3`)).body),
    [...inTitle, ...inAuthors].sort().slice(4, 6),
  );
  t.is((await keptOf({ institution: institution.id }))?.tiers.all.numbers.length, 6);
});

test.serial('a turn with readers of its query waiting reads ahead for them with the page', async (t) => {
  // Reading ahead in spare time waits here for as long as the test lasts.
  const spareTime = new SpareTime(() => undefined, { maxWaitMs: 600_000, quietMs: 600_000 });
  const em = app.orm.em.fork();
  const filter = await catalogueFilterOf(em, catalogueSearchQuery.parse({ q: '朱' }), app.deps.caches);
  const key = JSON.stringify(filter);
  const pageOf = (sets: ResultSetCache, page: number) =>
    resultPage(em.fork(), filter, sets, { page, pageSize: 1 }, 'total', (set) =>
      countCatalogueTotal(em.fork(), filter, isFiltered(filter), set.stats, set.counting),
    );
  try {
    // A reader alone on page 2: the page reads as far as itself; reading ahead waits.
    const alone = new ResultSetCache({ spareTime });
    alone.setListening(true);
    await pageOf(alone, 2);
    t.deepEqual(alone.get(key)?.tiers.title, { numbers: expected().slice(0, 2) });
    // Two readers at once: the first turn reads ahead for the one waiting — the whole title
    // tier, its end included, which neither page reaches (page 3 is its last match).
    const together = new ResultSetCache({ spareTime });
    together.setListening(true);
    const pages = await Promise.all([2, 3].map((page) => pageOf(together, page)));
    t.deepEqual(
      pages.map((page) => page.rows.map((row) => row.census_number)),
      [[expected()[1]], [expected()[2]]],
    );
    t.deepEqual(together.get(key)?.tiers.title, { numbers: [...inTitle].sort(), size: inTitle.length });
  } finally {
    await spareTime.stop();
  }
});

test.serial(
  'past page 1 the next matches and their rows are read ahead; a change is in the next page',
  async (t) => {
    const sets = app.deps.resultSets!;
    sets.changed();
    const page = (n: number) => anon.get(`/api/catalogue/search?q=${ZHU}&pageSize=2&page=${n}`);
    t.deepEqual(numbersOf((await page(2)).body), expected().slice(2, 4));
    await app.deps.spareTime!.idle();
    const ahead = expected().slice(4);
    t.true(
      ahead.every((n) => sets.rows.has(n)),
      'the rows of the matches after the page are kept',
    );
    t.false(sets.rows.has(expected()[0]!), 'not those of pages already read');
    // Pages made from kept rows are the pages read afresh, field for field.
    const third = await page(3);
    t.deepEqual(third.body.items, await freshItems(3, 2));
    // A change to what the rows show, through the API: the next page shows it.
    const before = await admin.get(`/api/institutions/${institution.id}`);
    const renamed = await admin.patch(`/api/institutions/${institution.id}`, {
      name: '浙江圖書館（孤山館舍）',
      version: before.body.version,
    });
    t.is(renamed.status, 200, renamed.text);
    t.false(
      ahead.some((n) => sets.rows.has(n)),
      'the kept rows are forgotten',
    );
    t.is((await page(4)).body.items[0].institution.name, '浙江圖書館（孤山館舍）');
    // Straight in the database, as another instance would: heard through PostgreSQL.
    await page(2);
    await app.deps.spareTime!.idle();
    t.true(ahead.every((n) => sets.rows.has(n)));
    await app.orm.em
      .fork()
      .execute('update institution set name = ? where id = ?', ['浙江省圖書館', institution.id]);
    let name = '';
    for (let tries = 0; tries < 50 && name !== '浙江省圖書館'; tries++) {
      name = (await page(3)).body.items[0].institution.name;
      if (name !== '浙江省圖書館') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    t.is(name, '浙江省圖書館');
    t.deepEqual((await page(3)).body.items, await freshItems(3, 2));
  },
);
