import test from 'ava';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { fromCsvCell, toCsvCell } from '../../src/csv/csv-formula-guard.js';
import { writeCsv, writeXlsx } from '../../src/census/spreadsheet/writers.js';
import { readCsvRows } from '../../src/census/spreadsheet/csv-reader.js';

// value → what the CSV cell holds (OWASP CSV injection triggers, and apostrophes before them)
const CASES: Array<[string, string]> = [
  ['=1+2', "'=1+2"],
  ['+1', "'+1"],
  ['-1', "'-1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['\rx', "'\rx"],
  ["'=1+2", "''=1+2"],
  ["''@x", "'''@x"],
  ["'abc", "'abc"],
  ["'", "'"],
  ["''", "''"],
  ['', ''],
  ['論語 = 魯論', '論語 = 魯論'],
  ['a-b', 'a-b'],
];

test('the CSV escaping rule is as documented and reversible for every case', (t) => {
  for (const [value, cell] of CASES) {
    t.is(toCsvCell(value), cell, JSON.stringify(value));
    t.is(fromCsvCell(cell), value, JSON.stringify(cell));
  }
});

test('writeCsv → readCsvRows gives back every value exactly', async (t) => {
  const values = CASES.map(([v]) => v).filter((v) => v.trim() !== '');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeCsv(
    out,
    ['value'],
    values.map((v) => [v]),
  );
  const text = Buffer.concat(chunks).toString('utf8');
  t.false(/\r\n[=+\-@]/.test(text), 'no line starts like a formula');
  const rows: string[] = [];
  for await (const row of readCsvRows(Readable.from([Buffer.concat(chunks)]))) rows.push(row.cells[0]!);
  t.deepEqual(rows, ['value', ...values]);
});

test('XLSX exports write formula-like text as plain string cells, never as formulas', async (t) => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const values = ['=1+2', '+1', '-1', '@SUM(A1)', '=HYPERLINK("http://x","y")'];
  await writeXlsx(
    out,
    ['value'],
    values.map((v) => [v]),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  values.forEach((value, i) => {
    const cell = sheet.getCell(i + 2, 1);
    t.is(cell.type, ExcelJS.ValueType.String, value);
    t.is(cell.value, value);
    t.falsy(cell.formula);
  });
});
