// Spreadsheet bombs: the work of one import is bounded per cell, per row and per file, with the
// same field limits as the JSON API; an XLSX that inflates too much is refused before parsing.
// Every bomb file is built here.
import test from 'ava';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { randomInt } from 'node:crypto';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { writeXlsx } from '../../src/census/spreadsheet/writers.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp({ IMPORT_MAX_ROWS: '20', IMPORT_MAX_BYTES: String(12 * 1024 * 1024) });
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

const HEADER = ['索书号', '题名卷数', '著者', '版本', '册数'];
const row = (call: string, title = '陸宣公奏議二十二卷') => [
  call,
  title,
  '（唐）陸贄撰',
  '明萬曆三十三年（1605）王肯堂刻本',
  '8',
];
const csv = (rows: string[][]) => [HEADER, ...rows].map((r) => r.join(',')).join('\n');

async function upload(institutionId: string, name: string, content: Buffer | string, mode = 'skip') {
  const form = new FormData();
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const res = await fetch(`${app.url}/api/institutions/${institutionId}/imports?mode=${mode}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function finished(id: string) {
  for (let i = 0; i < 1200; i++) {
    const res = await admin.get(`/api/imports/${id}`);
    if (!['queued', 'running'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function xlsx(rows: string[][], sharedStrings = false): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  if (!sharedStrings) {
    await writeXlsx(out, HEADER, rows);
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const sheet = workbook.addWorksheet('普查数据');
    sheet.addRow(HEADER).commit();
    for (const r of rows) sheet.addRow(r).commit();
    sheet.commit();
    await workbook.commit();
  }
  return Buffer.concat(chunks);
}

const recordCount = async (institutionId: string) =>
  (await admin.get(`/api/records?institutionId=${institutionId}`)).body.total as number;

/** Text that does not compress much: random characters of the CJK block. */
const randomChinese = (n: number) =>
  Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + randomInt(0x5000))).join('');

test('titles longer than the API allows are refused through import too, as row errors', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const api = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: 'API1',
    title: '論'.repeat(200_000),
    edition: '清刻本',
    volumes: 1,
  });
  t.is(api.status, 400);
  const rows = [row('L1', '論'.repeat(200_000)), row('L2', '論'.repeat(2001)), row('L3')];
  const job = await finished((await upload(inst.id, 'long.csv', csv(rows))).body.id);
  t.is(job.status, 'done');
  t.is(job.created, 1);
  t.is(job.failed, 2);
  // 200,000 characters: past what any spreadsheet cell holds, refused by the reader.
  const cell = job.errors.find((e: any) => e.row === 2);
  t.is(cell.field, 'cells.B');
  t.is(cell.code, 'CELL_TOO_LONG');
  t.regex(cell.value, /200000 字/);
  // 2,001 characters: the API's own limit of the title (2,000), named as the field.
  const field = job.errors.find((e: any) => e.row === 3);
  t.is(field.field, 'title');
  t.is(field.code, 'too_big');
  t.regex(field.messageZh, /2000/);
  t.is(await recordCount(inst.id), 1);
});

test('an XLSX cell longer than Excel allows is a cell error of its row; the other rows are kept', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const file = await xlsx([row('X1', randomChinese(40_000)), row('X2')]);
  const job = await finished((await upload(inst.id, 'huge-cell.xlsx', file)).body.id);
  t.is(job.status, 'done');
  t.is(job.created, 1);
  t.is(job.failed, 1);
  const problem = job.errors.find((e: any) => e.row === 2 && e.code === 'CELL_TOO_LONG');
  t.truthy(problem, JSON.stringify(job.errors));
  t.is(problem.field, 'cells.B');
  t.is(await recordCount(inst.id), 1);
});

for (const sharedStrings of [false, true]) {
  test(`an XLSX zip bomb (${sharedStrings ? 'shared strings' : 'inline strings'}) is refused before parsing`, async (t) => {
    const inst = await createInstitution(admin, '350000');
    // 30 million characters of one letter: a few tens of kilobytes zipped, a ratio of ~1000.
    const file = await xlsx([row('B1', 'A'.repeat(30_000_000)), row('B2')], sharedStrings);
    t.true(file.length < 1024 * 1024);
    const job = await finished((await upload(inst.id, 'bomb.xlsx', file)).body.id);
    t.is(job.status, 'failed');
    t.is(job.error.code, 'XLSX_ZIP_BOMB');
    t.regex(job.error.message, /zip bomb/);
    t.is(await recordCount(inst.id), 0);
    t.is((await admin.get('/health')).status, 200);
  });
}

test('a CSV with a 10 MB line fails with a message that says so', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const job = await finished(
    (await upload(inst.id, 'line.csv', csv([row('C1'), row('C2', '論'.repeat((10 * 1024 * 1024) / 3))]))).body
      .id,
  );
  t.is(job.status, 'failed');
  t.is(job.error.code, 'CSV_MALFORMED');
  t.regex(job.error.message, /longer than 1048576 characters/);
});

test('a file with more rows than IMPORT_MAX_ROWS fails with TOO_MANY_ROWS; atomic keeps nothing', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const rows = Array.from({ length: 25 }, (_, i) => row(`R${i}`));
  const job = await finished((await upload(inst.id, 'many.csv', csv(rows), 'atomic')).body.id);
  t.is(job.status, 'failed');
  t.is(job.error.code, 'TOO_MANY_ROWS');
  t.regex(job.error.message, /more than 20 data rows/);
  t.is(await recordCount(inst.id), 0);
});

test('a file larger than IMPORT_MAX_BYTES is refused at upload (413) and no job is queued', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const res = await upload(inst.id, 'big.csv', Buffer.alloc(13 * 1024 * 1024, 'a'));
  t.is(res.status, 413);
  t.is(res.body.error.code, 'FILE_TOO_LARGE');
  t.deepEqual((await admin.get(`/api/institutions/${inst.id}/imports`)).body.items, []);
});
