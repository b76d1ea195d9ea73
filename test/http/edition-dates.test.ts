// Edition dates through the API (records.md "Validation", dates.md): a year past an era's end is
// stored with a warning the reviewer sees; a year beyond the configured margin, a range ending
// before it starts and a 1912+ date on a 古籍 are field-level 400s in both languages, nothing stored.
// A second app runs with ERA_YEAR_MARGIN=0 to prove the setting reaches the record and import rules.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';

let app: TestApp;
let strict: TestApp;
let admin: ApiClient;
let strictAdmin: ApiClient;
let inst: { id: string };
let strictInst: { id: string };
test.before(async () => {
  [app, strict] = await Promise.all([startTestApp(), startTestApp({ ERA_YEAR_MARGIN: '0' })]);
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  strictAdmin = await new ApiClient(strict.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000');
  strictInst = await createInstitution(strictAdmin, '350000');
});
test.after.always(async () => {
  await Promise.all([app?.close(), strict?.close()]);
});

let callNo = 0;
function guji(institutionId: string, edition: string) {
  callNo += 1;
  return {
    type: 'guji',
    institutionId,
    callNumber: `日${callNo}`,
    title: '文選六十卷',
    authors: [{ dynasty: '梁', name: '蕭統', role: '輯' }],
    edition,
    editionType: '刻本',
    volumes: 12,
    binding: '线装',
    classification: '集',
  };
}

test('a year past the era’s end is saved, dated start + N − 1, with a bilingual warning', async (t) => {
  const res = await admin.post('/api/records', guji(inst.id, '清乾隆六十一年（1796）內府刻本'));
  t.is(res.status, 201, res.text);
  t.like(res.body.edition, { text: '清乾隆六十一年（1796）內府刻本', era: '乾隆', yearFrom: 1796 });
  const warning = res.body.warnings.find((w: { rule: string }) => w.rule === 'edition_era_year_past_end');
  t.truthy(warning, JSON.stringify(res.body.warnings));
  t.is(warning.path, 'edition');
  t.regex(warning.messageZh, /乾隆六十一年.*1796/);
  t.regex(warning.messageEn, /past its end.*1796/);
  // The reviewer opening the record later sees the same warning.
  const stored = await admin.get(`/api/records/${res.body.censusNumber}`);
  t.deepEqual(
    stored.body.edition.warnings.map((w: { code: string }) => w.code),
    ['ERA_YEAR_PAST_END'],
  );
});

test('the 金李 printer of a 嘉靖 edition does not make it a 金 date', async (t) => {
  const res = await admin.post('/api/records', guji(inst.id, '明嘉靖七年（1528）金李澤遠堂刻本'));
  t.is(res.status, 201, res.text);
  t.like(res.body.edition, { era: '嘉靖', yearFrom: 1528, yearTo: 1528, precision: 'year' });
});

const REFUSED: readonly [string, string, RegExp][] = [
  ['清乾隆八十年刻本', 'era_year_out_of_range', /10/],
  ['清康熙四十七年至四十五年刻本', 'date_range_reversed', /1706/],
  ['民國二十年（1931）鉛印本', 'guji_date_too_late', /民国文献/],
];
for (const [edition, rule, zh] of REFUSED) {
  test(`refused with 400 naming the edition field: ${edition} (${rule})`, async (t) => {
    const body = guji(inst.id, edition);
    const res = await admin.post('/api/records', body);
    t.is(res.status, 400, res.text);
    const detail = res.body.error.details.find((d: { path: string }) => d.path === 'edition');
    t.like(detail, { path: 'edition', value: edition, rule });
    t.regex(detail.messageZh, zh);
    t.regex(detail.messageEn, /[a-z]{4}/);
    const list = await admin.get(`/api/records?institutionId=${inst.id}`);
    t.false(
      (list.body.items as { callNumber: string }[]).some((r) => r.callNumber === body.callNumber),
      'nothing stored',
    );
  });
}

test('ERA_YEAR_MARGIN=0: any year past the end is refused, on save and by the form’s date check', async (t) => {
  const res = await strictAdmin.post('/api/records', guji(strictInst.id, '清乾隆六十一年刻本'));
  t.is(res.status, 400, res.text);
  t.like(res.body.error.details[0], { path: 'edition', rule: 'era_year_out_of_range' });
  const check = await strictAdmin.get(`/api/edition-date?text=${encodeURIComponent('乾隆六十一年')}`);
  t.is(check.body.ok, false);
  const lenient = await admin.get(`/api/edition-date?text=${encodeURIComponent('乾隆六十一年')}`);
  t.is(lenient.body.ok, true);
  t.is(lenient.body.warnings[0].code, 'ERA_YEAR_PAST_END');
});

test('ERA_YEAR_MARGIN reaches spreadsheet imports too', async (t) => {
  const csv = ['索书号,题名卷数,版本,册数,装帧形式', 'M1,文選六十卷,明弘治十九年（1506）刻本,4,线装'].join(
    '\n',
  );
  const outcome = async (target: TestApp, client: ApiClient, institutionId: string) => {
    const form = new FormData();
    form.set('file', new Blob([csv]), 'dates.csv');
    const res = await fetch(`${target.url}/api/institutions/${institutionId}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}` },
      body: form,
    });
    const { id } = (await res.json()) as { id: string };
    for (let i = 0; i < 600; i++) {
      const job = await client.get(`/api/imports/${id}`);
      if (job.body.status === 'done' || job.body.status === 'failed') return job.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  };
  const lenient = await outcome(app, admin, inst.id);
  t.like(lenient, { created: 1, failed: 0 });
  const refused = await outcome(strict, strictAdmin, strictInst.id);
  t.like(refused, { created: 0, failed: 1 });
  t.is(refused.errors[0].field, 'edition');
});
