import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';

// The record list picks a page's rows by census number (or submission time) before reading them
// out; these tests pin the order, the paging and the shape of what is read out.

let app: TestApp;
let admin: ApiClient;
let inst: { id: string; code: string };
const number = (n: number) => `360000-${inst.code}-${String(n).padStart(7, '0')}`;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '360000');
  // Twelve records inserted out of census-number order; records 1–4 were submitted, latest first.
  const serials = [7, 3, 12, 1, 9, 5, 11, 2, 8, 4, 10, 6];
  await app.orm.em.fork().execute(
    `insert into census_record (id, census_number, type, institution_id, province_code, call_number, status, title, search_text,
       body, classification, dynasty, year_from, year_to, tier, date_precision, document_type, submitted_at, created_at, updated_at, version)
     select gen_random_uuid(), '360000-' || ? || '-' || lpad(g::text, 7, '0'), 'guji', ?, '360000', 'ORD' || g,
       case when g <= 4 then 'submitted' else 'draft' end,
       '論語' || g, case when g % 2 = 0 then '论语集解' else '论语' end,
       jsonb_build_object('title', '論語' || g, 'authors', jsonb_build_array(jsonb_build_object('dynasty', '魏', 'name', '何晏', 'role', '集解')),
         'edition', '清刻本', 'volumes', g),
       '经', '清', 1700 + g, 1700 + g, 'none', 'year', '汉文古籍',
       case when g <= 4 then now() - (g || ' minutes')::interval end, now(), now(), 1
     from unnest(array[${serials.join(',')}]) g`,
    [inst.code, inst.id],
  );
});
test.after.always(async () => {
  await app?.close();
});

const numbersOf = (body: { items: Array<{ censusNumber: string }> }) => body.items.map((i) => i.censusNumber);

test('pages follow the census-number order', async (t) => {
  const base = `/api/records?institutionId=${inst.id}&pageSize=5`;
  const first = await admin.get(base);
  t.is(first.status, 200, first.text);
  t.deepEqual(numbersOf(first.body), [1, 2, 3, 4, 5].map(number));
  t.is(first.body.total, 12);
  t.false(first.body.totalCapped);
  t.deepEqual(numbersOf((await admin.get(`${base}&page=2`)).body), [6, 7, 8, 9, 10].map(number));
  const last = await admin.get(`${base}&page=3`);
  t.deepEqual(numbersOf(last.body), [11, 12].map(number));
  t.is(last.body.page, 3);
  t.is(last.body.pageSize, 5);
  const beyond = await admin.get(`${base}&page=4`);
  t.deepEqual(beyond.body.items, []);
  t.is(beyond.body.total, 12);
});

test('filtered pages keep the order and the count', async (t) => {
  const even = await admin.get(
    `/api/records?institutionId=${inst.id}&q=${encodeURIComponent('论语集解')}&pageSize=4&page=2`,
  );
  t.deepEqual(numbersOf(even.body), [10, 12].map(number));
  t.is(even.body.total, 6);
  const years = await admin.get(`/api/records?institutionId=${inst.id}&yearFrom=1703&yearTo=1705`);
  t.deepEqual(numbersOf(years.body), [3, 4, 5].map(number));
});

test('sorting by submission puts the earliest submitted first, then the unsubmitted by number', async (t) => {
  const list = await admin.get(`/api/records?institutionId=${inst.id}&sort=submitted&pageSize=6`);
  t.deepEqual(numbersOf(list.body), [4, 3, 2, 1, 5, 6].map(number));
});

test('list items carry the catalogue fields read from the record', async (t) => {
  const list = await admin.get(`/api/records?institutionId=${inst.id}&pageSize=1&page=9`);
  const item = list.body.items[0];
  t.like(item, {
    censusNumber: number(9),
    type: 'guji',
    institutionId: inst.id,
    provinceCode: '360000',
    callNumber: 'ORD9',
    title: '論語9',
    authors: [{ dynasty: '魏', name: '何晏', role: '集解' }],
    edition: { text: '清刻本', dynasty: '清', yearFrom: 1709, yearTo: 1709, precision: 'year' },
    volumes: 9,
    extant: null,
    status: 'draft',
    classification: '经',
    tier: 'none',
    submittedAt: null,
    version: 1,
  });
  t.is(typeof item.institutionName, 'string');
  t.true(item.institutionName.length > 0);
});
