import test from 'ava';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RecordInput } from '../../src/domain/record.types.js';
import { CATALOGUE_HEADER } from '../../src/census/spreadsheet/catalogue.js';
import { readCsvRows } from '../../src/census/spreadsheet/csv-reader.js';
import { catalogueExportRows, templateExportRows } from '../../src/census/spreadsheet/export-rows.js';
import { rowToRecordInput } from '../../src/census/spreadsheet/row-codec.js';
import type { SheetRow } from '../../src/census/spreadsheet/sheet-row.js';
import {
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADER,
  mapHeader,
  rowCells,
  type TemplateCells,
} from '../../src/census/spreadsheet/template.js';
import { writeCsv, writeXlsx } from '../../src/census/spreadsheet/writers.js';
import { readXlsxRows } from '../../src/census/spreadsheet/xlsx-reader.js';
import { generateRecordRows } from '../bench/record-rows.generator.js';

const ctx = { institutionId: '7f0c2d1e-0000-4000-8000-000000000001' };
let dir = '';
test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spreadsheet-writers-'));
});
test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** Varied records: generated template rows read through the codec, plus a 民国 record. */
async function sampleRecords(count: number): Promise<RecordInput[]> {
  const records: RecordInput[] = [];
  for await (const row of generateRecordRows(count, { seed: 11 })) {
    const cells = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, row[c.zh]])) as TemplateCells;
    const result = rowToRecordInput(cells, ctx);
    if ('input' in result) records.push(result.input);
  }
  const minguo = rowToRecordInput(
    {
      call_number: 'M001',
      title: '吶喊',
      record_type: '民国',
      document_type: '图书',
      notes: '有"引號",逗號\n和換行',
    },
    ctx,
  );
  if ('input' in minguo) records.push(minguo.input);
  return records;
}

/** Reads an exported template back into RecordInputs, failing on any header or cell error. */
async function reimport(rows: AsyncIterable<SheetRow>): Promise<RecordInput[]> {
  const inputs: RecordInput[] = [];
  let mapping;
  for await (const row of rows) {
    if (row.cellErrors.length > 0) throw new Error(JSON.stringify(row.cellErrors));
    if (!mapping) {
      const header = mapHeader(row.cells);
      if ('errors' in header) throw new Error(JSON.stringify(header.errors));
      mapping = header.mapping;
      continue;
    }
    const { cells, errors } = rowCells(mapping, row.cells);
    if (errors.length > 0) throw new Error(JSON.stringify(errors));
    const result = rowToRecordInput(cells, ctx);
    if ('errors' in result) throw new Error(JSON.stringify(result.errors));
    inputs.push(result.input);
  }
  return inputs;
}

test('CSV writer: UTF-8 BOM, CRLF, quoting, empty values', async (t) => {
  const path = join(dir, 'plain.csv');
  await writeCsv(
    createWriteStream(path),
    ['索书号', '附注'],
    [
      ['善001', '卷三,配抄本'],
      ['善002', '引"號"'],
      ['善003', '兩行\n文字'],
      ['善004', null],
      [5, undefined],
    ],
  );
  const bytes = await readFile(path);
  t.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  t.is(
    bytes.subarray(3).toString('utf8'),
    '索书号,附注\r\n善001,"卷三,配抄本"\r\n善002,"引""號"""\r\n善003,"兩行\n文字"\r\n善004,\r\n5,\r\n',
  );
});

test('template export as CSV re-imports to the same records', async (t) => {
  const records = await sampleRecords(300);
  const path = join(dir, 'export.csv');
  await writeCsv(createWriteStream(path), TEMPLATE_HEADER, templateExportRows(records));
  t.deepEqual(await reimport(readCsvRows(createReadStream(path))), records);
});

test('template export as XLSX re-imports to the same records', async (t) => {
  const records = await sampleRecords(300);
  const path = join(dir, 'export.xlsx');
  await writeXlsx(createWriteStream(path), TEMPLATE_HEADER, templateExportRows(records));
  t.deepEqual(await reimport(readXlsxRows(createReadStream(path))), records);
});

test('XLSX writer: bold frozen header, text-formatted columns, leading zeros kept', async (t) => {
  const path = join(dir, 'styled.xlsx');
  await writeXlsx(
    createWriteStream(path),
    ['索书号', '名录号', '册数'],
    Readable.from([['善001', '00940', 3]]),
    {
      sheetName: '模板',
    },
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  t.is(ws.name, '模板');
  t.true(ws.getRow(1).getCell(1).font?.bold);
  t.is(ws.views[0]?.state, 'frozen');
  t.is(ws.getColumn(2).numFmt, '@');
  t.is(ws.getCell('B2').value, '00940');
  t.is(ws.getCell('C2').value, 3);
  const rows = await collect(readXlsxRows(createReadStream(path)));
  t.deepEqual(
    rows.map((r) => r.cells),
    [
      ['索书号', '名录号', '册数'],
      ['善001', '00940', '3'],
    ],
  );
});

test('catalogue export: census number first, one line per record', async (t) => {
  const records = (await sampleRecords(5)).map((r, i) => ({
    ...r,
    censusNumber: `350000-2001-${String(i + 1).padStart(7, '0')}`,
  }));
  const path = join(dir, 'catalogue.csv');
  await writeCsv(createWriteStream(path), CATALOGUE_HEADER, catalogueExportRows(records));
  const rows = await collect(readCsvRows(createReadStream(path)));
  t.deepEqual(rows[0]!.cells, ['普查编号', '索书号', '题名卷数', '著者', '版本', '册数', '存缺卷数']);
  t.is(rows.length, records.length + 1);
  t.deepEqual(rows[1]!.cells.slice(0, 3), ['350000-2001-0000001', records[0]!.callNumber, records[0]!.title]);
});

// The reading runs in a process of its own (test/fixtures/xlsx-read-rss.ts) whose V8 heap is
// capped at 48 MB: a reader that kept the sheet or its rows (the file unzips to tens of MB of XML;
// 20,000 rows of 40 cells) runs out of heap and the process fails. RSS is no measure here: ava's
// workers are threads of one process (other files' growth counted), and even alone the process's
// RSS grows ~150 MB outside the capped heap (young generation, compiled code, zip buffers).
test('XLSX: 20,000 rows written and read back streaming, in a bounded heap', async (t) => {
  const path = join(dir, 'big.xlsx');
  async function* values() {
    for await (const row of generateRecordRows(20_000, { seed: 5 }))
      yield TEMPLATE_COLUMNS.map((c) => row[c.zh]);
  }
  await writeXlsx(createWriteStream(path), TEMPLATE_HEADER, values());
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--max-old-space-size=48',
    '--import',
    'tsx',
    fileURLToPath(new URL('../fixtures/xlsx-read-rss.ts', import.meta.url)),
    path,
  ]);
  const read = JSON.parse(stdout) as { count: number; cellErrors: number; grewBytes: number };
  t.is(read.count, 20_001);
  t.is(read.cellErrors, 0);
  t.log(`RSS grew by ${Math.round(read.grewBytes / 1048576)} MB (heap capped at 48 MB)`);
});
