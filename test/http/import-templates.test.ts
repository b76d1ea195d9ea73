// The blank templates offered for download must be exactly what the importers read: each test
// downloads one, fills a row under its header the way a cataloguer would, and imports it.
import test from 'ava';
import ExcelJS from 'exceljs';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

/** Downloads a template without logging in (templates are public). */
async function download(path: string) {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function importFile(
  kind: 'imports' | 'assessment-imports',
  institutionId: string,
  name: string,
  body: Buffer,
) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(body)]), name);
  const res = await fetch(`${app.url}/api/institutions/${institutionId}/${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const queued = (await res.json()) as { id: string };
  if (res.status !== 202) throw new Error(JSON.stringify(queued));
  for (let i = 0; i < 600; i++) {
    const job = (await admin.get(`/api/imports/${queued.id}`)).body;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

/** A CSV line with the given values under the named columns of `header`, empty elsewhere. */
function csvLine(header: string[], values: Record<string, string>): string {
  return header.map((name) => values[name] ?? '').join(',');
}

test('the XLSX records template, filled in under its Chinese headers, imports a record', async (t) => {
  const res = await download('/api/import-templates/records');
  t.is(res.status, 200);
  t.regex(res.headers.get('content-type') ?? '', /spreadsheetml/);
  t.regex(res.headers.get('content-disposition') ?? '', /records-template\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  t.is(sheet.rowCount, 1, 'headers only: an example row would be imported as a record');
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  t.true(header.includes('索书号') && header.includes('题名卷数') && header.includes('版本'));
  const fill: Record<string, string> = { 索书号: 'TPL-1', 题名卷数: '周易本義四卷', 版本: '清康熙刻本' };
  sheet.addRow(header.map((name) => fill[name] ?? null));
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());

  const inst = await createInstitution(admin, '350000');
  const job = await importFile('imports', inst.id, 'filled.xlsx', filled);
  t.is(job.status, 'done', JSON.stringify(job.errors));
  t.is(job.created, 1);
  t.is(job.failed, 0);
  const list = await admin.get(`/api/records?institutionId=${inst.id}`);
  t.deepEqual(
    list.body.items.map((r: any) => [r.callNumber, r.title, r.edition.dynasty]),
    [['TPL-1', '周易本義四卷', '清']],
  );
});

test('the CSV records template with English headers is UTF-8 with BOM and imports a record', async (t) => {
  const res = await download('/api/import-templates/records?format=csv&headers=en');
  t.is(res.status, 200);
  t.deepEqual([...res.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM, so Excel does not read it as GBK');
  const header = res.body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',');
  t.true(header.includes('call_number'));
  const filled = Buffer.from(
    `${res.body.toString('utf8').trim()}\r\n${csvLine(header, {
      call_number: 'TPL-EN',
      title: '文選六十卷',
      edition: '明嘉靖刻本',
    })}\r\n`,
  );
  const inst = await createInstitution(admin, '320000');
  const job = await importFile('imports', inst.id, 'filled.csv', filled);
  t.is(job.status, 'done', JSON.stringify(job.errors));
  t.is(job.created, 1);
});

test('the assessment template, filled in for a registered record, imports an assessment', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const created = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: 'TPL-A',
    title: '論語注疏十卷',
    edition: '清刻本',
  });
  t.is(created.status, 201, created.text);
  const res = await download('/api/import-templates/assessments?format=csv');
  t.is(res.status, 200);
  const text = res.body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  const header = text.split(',');
  const filled = Buffer.from(
    `${text}\n${csvLine(header, { 索书号: 'TPL-A', 评估日期: '2025-04-01', 评估人: '王五', 破损类型: '虫蛀', '破损面积%': '20' })}\n`,
  );
  const job = await importFile('assessment-imports', inst.id, 'assessments.csv', filled);
  t.is(job.status, 'done', JSON.stringify(job.errors));
  t.is(job.created, 1);
  const assessments = await admin.get(`/api/records/${created.body.censusNumber}/assessments`);
  t.is(assessments.body.items.length, 1);
});

test('an unknown template kind or format is refused naming the allowed values', async (t) => {
  const kind = await admin.get('/api/import-templates/catalogue');
  t.is(kind.status, 400);
  t.regex(kind.text, /records/);
  const format = await admin.get('/api/import-templates/records?format=pdf');
  t.is(format.status, 400);
  t.regex(format.text, /xlsx/);
});
