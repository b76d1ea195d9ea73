// The national-scale machinery of the public catalogue: token statistics kept exact by every
// catalogue write, counts estimated (and flagged) above the exact-count limit, the ranking tiers
// across pages, and the start-up backfill of records published before the catalogue existed.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { setCatalogueCounting } from '../helpers/catalogue-counting.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { backfillCatalogue } from '../../src/search/catalogue-backfill.service.js';
import { indexTierNumbers } from '../../src/search/catalogue-page.repository.js';

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
    callNumber: `规${String(callNo).padStart(5, '0')}`,
    title: '朱子大全一百卷',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明天順四年（1460）刻本',
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
const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.fork().execute<T[]>(text, params);

// The statistics as maintained, and as recounted from the entries: they must always be equal.
async function tokenTables() {
  const kept = await sql<{ token: string; count: number; title_count: number }>(
    'select token, count, title_count from catalogue_token where count <> 0 or title_count <> 0 order by token',
  );
  const recounted = await sql<{ token: string; count: number; title_count: number }>(
    `select token, sum(c)::int as count, sum(tc)::int as title_count from (
        select unnest(tokens) as token, 1 as c, 0 as tc from catalogue_entry
        union all select unnest(title_tokens), 0, 1 from catalogue_entry
        union all select '', count(*)::int, 0 from catalogue_entry) d
      group by token having sum(c) <> 0 or sum(tc) <> 0 order by token`,
  );
  return { kept, recounted };
}

const setCounting = (value: Record<string, number> | undefined) => setCatalogueCounting(app, value);

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  anon = new ApiClient(app.url);
  fj = await createInstitution(admin, '350000');
  js = await createInstitution(admin, '320000');
  cn.a = await record(fj.id, { title: '雙峯先生文集十卷' });
  cn.b = await record(fj.id, { title: '敎民榜文一卷', classification: '史' });
  cn.c = await record(js.id, {});
  cn.d = await record(js.id, { title: '陸宣公奏議二十二卷', authors: [{ name: '陸贄', role: '撰' }] });
  for (const key of ['a', 'b', 'c', 'd']) await publish(cn[key]!);
});
test.after.always(async () => {
  await app?.close();
});

test.serial('token statistics stay exact across publish, edit and withdraw', async (t) => {
  let tables = await tokenTables();
  t.true(tables.kept.length > 10);
  t.deepEqual(tables.kept, tables.recounted);
  t.deepEqual(
    tables.kept.find((r) => r.token === ''),
    { token: '', count: 4, title_count: 0 },
  );
  t.is(tables.kept.find((r) => r.token === '朱')?.count, 3);
  t.is(tables.kept.find((r) => r.token === '朱')?.title_count, 1);

  const n = await record(js.id, { title: '朱文公校昌黎先生集四十卷' });
  await publish(n);
  tables = await tokenTables();
  t.deepEqual(tables.kept, tables.recounted);
  t.is(tables.kept.find((r) => r.token === '朱')?.title_count, 2);

  const edited = await admin.patch(`/api/records/${n}`, { title: '昌黎先生集四十卷', reason: '据卷端改' });
  t.is(edited.status, 200, edited.text);
  tables = await tokenTables();
  t.deepEqual(tables.kept, tables.recounted);
  t.is(tables.kept.find((r) => r.token === '朱')?.title_count, 1);
  t.is(tables.kept.find((r) => r.token === '昌黎')?.count, 1);

  const withdrawn = await admin.post(`/api/records/${n}/withdraw`, { note: '重复登记' });
  t.is(withdrawn.status, 200, withdrawn.text);
  tables = await tokenTables();
  t.deepEqual(tables.kept, tables.recounted);
  t.is(
    tables.kept.find((r) => r.token === '昌黎'),
    undefined,
  );
  t.is(tables.kept.find((r) => r.token === '')?.count, 4);
});

test.serial('above the exact-count limit, counts are estimated and flagged approximate', async (t) => {
  const exact = await search(`q=${encodeURIComponent('朱')}`);
  t.is(exact.body.total, 3);
  t.false(exact.body.approximate);
  t.false(exact.body.totalApproximate);

  await setCounting({ exactLimit: 1 });
  try {
    // One character = one token: the total still comes exact from the statistics, facets are sampled.
    const single = await search(`q=${encodeURIComponent('朱')}`);
    t.is(single.status, 200, single.text);
    t.true(single.body.approximate);
    t.false(single.body.totalApproximate);
    t.is(single.body.total, 3);
    t.is(single.body.items.length, 3);
    const provinces = Object.fromEntries(single.body.facets.province.map((f: any) => [f.value, f.count]));
    t.deepEqual(Object.keys(provinces).sort(), ['320000', '350000']);

    // Filtered: the total itself is an estimate.
    const filtered = await search(`q=${encodeURIComponent('刻本')}&binding=${encodeURIComponent('线装')}`);
    t.true(filtered.body.approximate);
    t.true(filtered.body.totalApproximate);
    t.true(filtered.body.total >= 1);

    // At most one match: still exact.
    const narrow = await search(`q=${encodeURIComponent('陆宣公奏议')}`);
    t.false(narrow.body.approximate);
    t.is(narrow.body.total, 1);
  } finally {
    await setCounting(undefined);
  }
  t.false(
    (await search(`q=${encodeURIComponent('刻本')}&binding=${encodeURIComponent('线装')}`)).body.approximate,
  );
});

test.serial('title matches come first across pages, then the rest in census-number order', async (t) => {
  // 朱 is in every author field but only c's title.
  const others = [cn.a!, cn.b!].sort();
  const pages = [];
  for (const page of [1, 2, 3, 4]) {
    const res = await search(`q=${encodeURIComponent('朱')}&pageSize=1&page=${page}`);
    t.is(res.body.total, 3);
    pages.push(res.body.items.map((i: { censusNumber: string }) => i.censusNumber));
  }
  t.deepEqual(pages, [[cn.c], [others[0]], [others[1]], []]);
  const two = await search(`q=${encodeURIComponent('朱')}&pageSize=2&page=1`);
  t.deepEqual(
    two.body.items.map((i: { censusNumber: string }) => i.censusNumber),
    [cn.c, others[0]],
  );
});

test.serial(
  'an index read sorts every match of its tier after its start and counts them, or gives up above a cap',
  async (t) => {
    const numbers = async (...args: Parameters<typeof indexTierNumbers>) => {
      const found = await indexTierNumbers(...args);
      return found && { page: found.numbers, matches: found.remaining };
    };
    const em = () => app.orm.em.fork();
    const zhu = { terms: ['朱'], facets: {} };
    const rest = [cn.a!, cn.b!].sort();
    t.deepEqual(await numbers(em(), zhu, 'rest', { skip: 0 }, 20), { page: rest, matches: 2 });
    t.deepEqual(await numbers(em(), zhu, 'rest', { skip: 0 }, 20, 2), { page: rest, matches: 2 });
    t.deepEqual(await numbers(em(), zhu, 'rest', { skip: 1 }, 1, 2), { page: [rest[1]], matches: 2 });
    t.deepEqual(await numbers(em(), zhu, 'rest', { skip: 5 }, 20, 2), { page: [], matches: 2 });
    t.is(await numbers(em(), zhu, 'rest', { skip: 0 }, 20, 1), undefined);
    t.deepEqual(await numbers(em(), zhu, 'title', { skip: 0 }, 20, 1), { page: [cn.c], matches: 1 });
    // From a start: only the matches after that census number are read and counted.
    t.deepEqual(await numbers(em(), zhu, 'rest', { after: rest[0]!, skip: 0 }, 20), {
      page: [rest[1]],
      matches: 1,
    });
    t.deepEqual(await numbers(em(), zhu, 'rest', { after: rest[1]!, skip: 0 }, 20), { page: [], matches: 0 });
    // Filtered, the title tier probes the entry token index (with the facet columns) instead.
    const inProvince = (province: string) => ({ terms: ['朱'], facets: { province } });
    t.deepEqual(await numbers(em(), inProvince('320000'), 'title', { skip: 0 }, 20), {
      page: [cn.c],
      matches: 1,
    });
    t.deepEqual(await numbers(em(), inProvince('350000'), 'title', { skip: 0 }, 20), {
      page: [],
      matches: 0,
    });
    t.deepEqual(await numbers(em(), inProvince('350000'), 'rest', { skip: 0 }, 20), {
      page: rest,
      matches: 2,
    });
  },
);

test.serial(
  'dense queries walk the census-number order, within the province range when filtered',
  async (t) => {
    // 刻本 is in every entry (none in a title): with one result per page the plan walks the
    // census-number index instead of sorting the matches (catalogue-plan.rules.ts pagePath).
    const walk = async (query: string) => {
      const got: string[] = [];
      for (const page of [1, 2, 3, 4, 5]) {
        const res = await search(`q=${encodeURIComponent('刻本')}&pageSize=1&page=${page}${query}`);
        t.is(res.status, 200, res.text);
        got.push(...res.body.items.map((i: { censusNumber: string }) => i.censusNumber));
      }
      return got;
    };
    t.deepEqual(await walk(''), [cn.a!, cn.b!, cn.c!, cn.d!].sort());
    t.deepEqual(await walk('&province=350000'), [cn.a!, cn.b!].sort());
    t.deepEqual(
      await walk('&province=320000&classification=' + encodeURIComponent('集')),
      [cn.c!, cn.d!].sort(),
    );
    // Every filter a walk tests is answered from the walk index's columns (or record_image).
    t.deepEqual(
      await walk('&hasImages=false&yearFrom=1400&yearTo=1500&type=guji'),
      [cn.a!, cn.b!, cn.c!, cn.d!].sort(),
    );
    t.deepEqual(await walk('&hasImages=true'), []);
  },
);

test.serial('the start-up backfill puts records published before the catalogue into it, once', async (t) => {
  const feedBefore = (await anon.get('/api/catalogue/changes')).body.totalItems as number;
  // As before the catalogue migration: published records, no entries, no statistics.
  await sql('delete from catalogue_entry where census_number in (?, ?)', [cn.b, cn.d]);
  await sql('delete from catalogue_token');
  t.is((await search(`q=${encodeURIComponent('陆宣公')}`)).body.total, 0);

  const first = await backfillCatalogue(app.orm.em.fork());
  t.deepEqual(first, { entries: 2, tokensRebuilt: true });
  const found = await search(`q=${encodeURIComponent('陆宣公')}`);
  t.deepEqual(
    found.body.items.map((i: { censusNumber: string }) => i.censusNumber),
    [cn.d],
  );
  t.is((await search(`q=${encodeURIComponent('教民')}`)).body.total, 1);
  const tables = await tokenTables();
  t.deepEqual(tables.kept, tables.recounted);
  t.is(tables.kept.find((r) => r.token === '')?.count, 4);
  t.is((await anon.get('/api/catalogue/changes')).body.totalItems, feedBefore + 2);

  t.deepEqual(await backfillCatalogue(app.orm.em.fork()), { entries: 0, tokensRebuilt: false });
  t.is((await anon.get('/api/catalogue/changes')).body.totalItems, feedBefore + 2);
});
