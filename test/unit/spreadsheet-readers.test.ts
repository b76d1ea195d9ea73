import test from 'ava';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../src/kernel/app-error.js';
import { readCsvRows } from '../../src/census/spreadsheet/csv-reader.js';
import { SNIFF_BYTES } from '../../src/census/spreadsheet/csv-encoding.js';
import type { SheetRow } from '../../src/census/spreadsheet/sheet-row.js';
import { mapHeader, rowCells } from '../../src/census/spreadsheet/template.js';
import { rowToRecordInput } from '../../src/census/spreadsheet/row-codec.js';
import { readXlsxRows } from '../../src/census/spreadsheet/xlsx-reader.js';
import { generateRecordRowCases, writeCsvFile } from '../bench/record-rows.generator.js';

let dir = '';
test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spreadsheet-readers-'));
  // The readers' own temporary files go to a directory of this test file only, so the clean-up
  // check is not confused by other test files running at the same time.
  process.env.TMPDIR = join(dir, 'tmp');
  await mkdir(process.env.TMPDIR);
});
test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const csvOf = (bytes: Buffer | string) =>
  readCsvRows(Readable.from([typeof bytes === 'string' ? Buffer.from(bytes) : bytes]));

async function fileErrorOf(rows: AsyncIterable<SheetRow>): Promise<AppError> {
  try {
    await collect(rows);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

const SAMPLE =
  '索书号,题名卷数,著者\r\n善001,朱子大全一百卷目錄二卷,（宋）朱熹撰\r\n善002,陸宣公奏議二十二卷,（唐）陸贄撰\r\n';

// --- CSV -----------------------------------------------------------------------------------------

test('CSV: UTF-8 without BOM', async (t) => {
  const rows = await collect(csvOf(SAMPLE));
  t.deepEqual(
    rows.map((r) => [r.rowNumber, r.cells]),
    [
      [1, ['索书号', '题名卷数', '著者']],
      [2, ['善001', '朱子大全一百卷目錄二卷', '（宋）朱熹撰']],
      [3, ['善002', '陸宣公奏議二十二卷', '（唐）陸贄撰']],
    ],
  );
  t.deepEqual(rows[0]!.cellErrors, []);
});

test('CSV: UTF-8 with BOM, the BOM is not part of the first header', async (t) => {
  const rows = await collect(csvOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])));
  t.is(rows[0]!.cells[0], '索书号');
  t.is(rows.length, 3);
});

test('CSV: characters split across chunks are decoded', async (t) => {
  const bytes = Buffer.from(SAMPLE);
  const oneByteChunks = Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    })(),
  );
  const rows = await collect(readCsvRows(oneByteChunks));
  t.is(rows[1]!.cells[1], '朱子大全一百卷目錄二卷');
});

// GBK, GB18030 and UTF-16 files are read (and named) since issue 13: test/unit/csv-encoding.test.ts.

test('CSV: GBK after a long ASCII start still fails, and no row after the bad bytes is yielded', async (t) => {
  const ascii = `call_number,title\n${'A1,plain ascii title\n'.repeat(Math.ceil(SNIFF_BYTES / 20) + 10)}`;
  const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('B2,朱子大全\n', 'gbk')]);
  const seen: SheetRow[] = [];
  const error = await t.throwsAsync(async () => {
    for await (const row of readCsvRows(
      Readable.from([bytes.subarray(0, SNIFF_BYTES), bytes.subarray(SNIFF_BYTES)]),
    ))
      seen.push(row);
  });
  t.is((error as AppError).code, 'CSV_NOT_UTF8');
  t.false(seen.some((row) => row.cells[0] === 'B2'));
});

test('CSV: bytes that are neither UTF-8 nor GBK get a generic not-UTF-8 error', async (t) => {
  const error = await fileErrorOf(csvOf(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0xff, 0x0a])));
  t.is(error.code, 'CSV_NOT_UTF8');
  t.is(error.details[0]!.value, 'unknown');
});

test('CSV: an XLSX uploaded as CSV is refused as a workbook', async (t) => {
  const error = await fileErrorOf(csvOf(Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(100)])));
  t.is(error.code, 'NOT_A_CSV');
});

test('CSV: empty rows are skipped but counted, so row numbers match the spreadsheet', async (t) => {
  const text = '索书号,题名卷数\n\n善001,史記\n,,\n , \n善002,漢書\n\n\n善003,文選\n';
  const rows = await collect(csvOf(text));
  t.deepEqual(
    rows.map((r) => [r.rowNumber, r.cells[0]]),
    [
      [1, '索书号'],
      [3, '善001'],
      [6, '善002'],
      [9, '善003'],
    ],
  );
});

test('CSV: a quoted line break stays in its cell and the record is one row', async (t) => {
  const text = '索书号,附注\r\n善001,"卷三至五配清抄本\r\n有蟲蛀"\r\n善002,"引""號"""\r\n善003,x\r\n';
  const rows = await collect(csvOf(text));
  t.deepEqual(
    rows.map((r) => [r.rowNumber, r.cells]),
    [
      [1, ['索书号', '附注']],
      [2, ['善001', '卷三至五配清抄本\r\n有蟲蛀']],
      [3, ['善002', '引"號"']],
      [4, ['善003', 'x']],
    ],
  );
});

test('CSV: mixed line ends, ragged rows and a stray quote are read', async (t) => {
  const rows = await collect(csvOf('a,b,c\nd,e\r\nf,朱熹"注",g,h\r\n'));
  t.deepEqual(
    rows.map((r) => r.cells),
    [
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['f', '朱熹"注"', 'g', 'h'],
    ],
  );
});

test('CSV: a quote that is never closed is CSV_MALFORMED with the row', async (t) => {
  const error = await fileErrorOf(csvOf('a,b\nc,d\n"e,f\ng,h\n'));
  t.is(error.code, 'CSV_MALFORMED');
  t.regex(error.messageZh, /第 3 行/);
  t.regex(error.messageEn, /row 3/);
});

test('CSV: stopping early releases the input stream', async (t) => {
  const source = Readable.from([Buffer.from(SAMPLE.repeat(5000))]);
  for await (const row of readCsvRows(source)) {
    t.is(row.rowNumber, 1);
    break;
  }
  await new Promise((resolve) => setImmediate(resolve));
  t.true(source.destroyed);
});

test('CSV: a 20,000-row file streams (first row before the file is read) and RSS stays bounded', async (t) => {
  const path = join(dir, 'big.csv');
  await writeCsvFile(
    path,
    (async function* () {
      for await (const { row } of generateRecordRowCases(20_000, { seed: 3, invalidShare: 0.1 })) yield row;
    })(),
  );
  const size = (await stat(path)).size;
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytesAtFirstRow = -1;
  const source = createReadStream(path, { highWaterMark: 16 * 1024 });
  let bytesRead = 0;
  source.on('data', (chunk) => (bytesRead += chunk.length));
  let header: ReturnType<typeof mapHeader> | undefined;
  let rows = 0;
  let parsed = 0;
  for await (const row of readCsvRows(source)) {
    if (!header) {
      bytesAtFirstRow = bytesRead;
      header = mapHeader(row.cells);
      continue;
    }
    rows += 1;
    if (
      'mapping' in header &&
      !('errors' in rowToRecordInput(rowCells(header.mapping, row.cells).cells, { institutionId: 'i' }))
    )
      parsed += 1;
    if (rows % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  t.is(rows, 20_000);
  t.true(parsed > 19_000 && parsed < 20_000);
  t.true(size > 4 * 1024 * 1024, `file is ${size} bytes`);
  t.true(bytesAtFirstRow < size / 4, `first row after ${bytesAtFirstRow} of ${size} bytes`);
  t.log(`RSS grew by ${Math.round((peak - before) / 1048576)} MB`);
  t.true(peak - before < 150 * 1024 * 1024, `RSS grew by ${Math.round((peak - before) / 1048576)} MB`);
});

// --- XLSX ----------------------------------------------------------------------------------------

async function xlsxFile(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const xlsxRows = (path: string) => readXlsxRows(createReadStream(path));

test('XLSX: cells as displayed text, empty rows skipped with their numbers kept', async (t) => {
  const path = await xlsxFile('normal.xlsx', (wb) => {
    const ws = wb.addWorksheet('目录');
    ws.addRow(['索书号', '题名卷数', '册数', '名录号', '日期', '著者', '公开']);
    ws.addRow([
      '善001',
      '朱子大全一百卷目錄二卷',
      24,
      940,
      new Date(Date.UTC(2021, 0, 5)),
      { richText: [{ text: '（宋）' }, { text: '朱熹撰', font: { bold: true } }] },
      true,
    ]);
    ws.getCell('D2').numFmt = '00000';
    ws.addRow([]);
    ws.getRow(4).getCell(2).value = '';
    ws.addRow(['善002', '陸宣公奏議二十二卷', 2.5, '00940.1']);
  });
  const rows = await collect(xlsxRows(path));
  t.deepEqual(
    rows.map((r) => [r.rowNumber, r.cells]),
    [
      [1, ['索书号', '题名卷数', '册数', '名录号', '日期', '著者', '公开']],
      [2, ['善001', '朱子大全一百卷目錄二卷', '24', '00940', '2021-01-05', '（宋）朱熹撰', 'TRUE']],
      [5, ['善002', '陸宣公奏議二十二卷', '2.5', '00940.1']],
    ],
  );
  t.true(rows.every((r) => r.cellErrors.length === 0));
});

// exceljs's own streaming reader garbles characters whose bytes straddle two zip chunks (issues
// #2063, #2084); enough Chinese text makes that certain, in shared strings and in inline strings.
for (const sharedStrings of [true, false]) {
  test(`XLSX: Chinese text across chunk boundaries is intact (${sharedStrings ? 'shared' : 'inline'} strings)`, async (t) => {
    const titles = Array.from(
      { length: 3000 },
      (_, i) => `朱子大全一百卷目錄二卷第${i}部（宋）朱熹撰\u3000明萬曆三十三年（1605）王肯堂刻本`,
    );
    const path = join(dir, `chinese-${sharedStrings}.xlsx`);
    if (sharedStrings) {
      await xlsxFile(`chinese-${sharedStrings}.xlsx`, (wb) => {
        const ws = wb.addWorksheet('甲');
        for (const title of titles) ws.addRow([title]);
      });
    } else {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
      const ws = wb.addWorksheet('甲');
      for (const title of titles) ws.addRow([title]).commit();
      await wb.commit();
    }
    const rows = await collect(xlsxRows(path));
    t.deepEqual(
      rows.map((r) => r.cells[0]),
      titles,
    );
  });
}

test('XLSX: a gap between cells is kept as empty cells', async (t) => {
  const path = await xlsxFile('gaps.xlsx', (wb) => {
    const ws = wb.addWorksheet('a');
    ws.getCell('A1').value = 'x';
    ws.getCell('D1').value = 'y';
  });
  const rows = await collect(xlsxRows(path));
  t.deepEqual(rows[0]!.cells, ['x', '', '', 'y']);
});

test('XLSX: only the first tab is read, even when its part is not the first sheet in the zip', async (t) => {
  const path = await xlsxFile('tabs.xlsx', (wb) => {
    wb.addWorksheet('说明').addRow(['这是说明页']);
    wb.addWorksheet('数据').addRow(['索书号']);
    // Move 数据 to the first tab: its part stays sheet2.xml, after 说明's sheet1.xml in the zip.
    // (orderNo is the tab position; exceljs's typings leave it out.)
    (wb.getWorksheet('数据') as unknown as { orderNo: number }).orderNo = 0;
    (wb.getWorksheet('说明') as unknown as { orderNo: number }).orderNo = 1;
  });
  const rows = await collect(xlsxRows(path));
  t.deepEqual(
    rows.map((r) => r.cells),
    [['索书号']],
  );
});

test('XLSX: formulas are refused per cell with the cell reference, other cells kept', async (t) => {
  const path = await xlsxFile('formula.xlsx', (wb) => {
    const ws = wb.addWorksheet('a');
    ws.addRow(['索书号', '题名卷数', '册数']);
    ws.addRow(['善001', { formula: 'A2&"卷"', result: '善001卷' }, 3]);
    ws.addRow([
      '善002',
      'x',
      { formula: 'C2+1', result: 4, shareType: 'shared', ref: 'C3:C4' } as unknown as ExcelJS.CellValue,
    ]);
    ws.addRow(['善003', 'y', { sharedFormula: 'C3', result: 5 } as ExcelJS.CellValue]);
    ws.addRow(['善004', { error: '#N/A' } as ExcelJS.CellValue]);
  });
  const rows = await collect(xlsxRows(path));
  t.deepEqual(
    rows.map((r) => [r.rowNumber, r.cells, r.cellErrors.map((e) => [e.path, e.rule, e.value])]),
    [
      [1, ['索书号', '题名卷数', '册数'], []],
      [2, ['善001', '', '3'], [['cells.B', 'FORMULA_NOT_ALLOWED', '=A2&"卷"']]],
      [3, ['善002', 'x', ''], [['cells.C', 'FORMULA_NOT_ALLOWED', '=C2+1']]],
      [4, ['善003', 'y', ''], [['cells.C', 'FORMULA_NOT_ALLOWED', '(shared formula)']]],
      [5, ['善004', ''], [['cells.B', 'CELL_ERROR_VALUE', '#N/A']]],
    ],
  );
  t.regex(rows[1]!.cellErrors[0]!.messageZh, /B2.*公式/);
  t.regex(rows[1]!.cellErrors[0]!.messageEn, /B2.*formula/);
});

test('XLSX: merged cells refuse the file before any row, naming each range', async (t) => {
  const path = await xlsxFile('merged.xlsx', (wb) => {
    const ws = wb.addWorksheet('a');
    ws.addRow(['索书号', '题名卷数', '分类']);
    for (let i = 0; i < 5; i++) ws.addRow([`善00${i}`, '史記', '史']);
    ws.mergeCells('C2:C4');
    ws.mergeCells('A6:B6');
  });
  const seen: SheetRow[] = [];
  const error = await t.throwsAsync(async () => {
    for await (const row of xlsxRows(path)) seen.push(row);
  });
  t.is(seen.length, 0);
  t.true(error instanceof AppError);
  t.is((error as AppError).code, 'MERGED_CELLS');
  t.deepEqual(
    (error as AppError).details.map((d) => d.value),
    ['C2:C4', 'A6:B6'],
  );
  t.regex((error as AppError).messageZh, /C2:C4.*A6:B6/);
  t.regex((error as AppError).messageEn, /merged cells/);
});

test('XLSX: merged cells on another tab do not matter', async (t) => {
  const path = await xlsxFile('merged-elsewhere.xlsx', (wb) => {
    wb.addWorksheet('a').addRow(['索书号']);
    const notes = wb.addWorksheet('b');
    notes.addRow(['说明', '']);
    notes.mergeCells('A1:B1');
  });
  t.deepEqual(
    (await collect(xlsxRows(path))).map((r) => r.cells),
    [['索书号']],
  );
});

/** A stored (uncompressed) zip of the given files, to build archives that are not workbooks. */
function zipOf(files: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const notSpreadsheets: Array<[string, () => Promise<Buffer>]> = [
  ['random bytes', async () => randomBytes(20_000)],
  ['a CSV renamed .xlsx', async () => Buffer.from(SAMPLE)],
  ['an empty file', async () => Buffer.alloc(0)],
  ['a zip that is not a workbook', async () => zipOf([{ name: 'readme.txt', data: Buffer.from('hello') }])],
  [
    'a zip with a broken worksheet part',
    async () =>
      zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet><sheetData><row') }]),
  ],
  [
    'a legacy .xls header',
    async () =>
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(2000)]),
  ],
  ['PK followed by garbage', async () => Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(5000)])],
  [
    'a truncated workbook',
    async () => {
      const path = await xlsxFile('whole.xlsx', (wb) => {
        const ws = wb.addWorksheet('a');
        for (let i = 0; i < 500; i++) ws.addRow([`善${i}`, `題名${i}`, i]);
      });
      const bytes = await readFile(path);
      return bytes.subarray(0, Math.floor(bytes.length * 0.6));
    },
  ],
];
for (const [label, make] of notSpreadsheets) {
  test(`XLSX: ${label} is NOT_A_SPREADSHEET, promptly`, async (t) => {
    t.timeout(20_000);
    const path = join(dir, `bad-${label.replace(/\W+/g, '-')}.xlsx`);
    await writeFile(path, await make());
    const error = await fileErrorOf(xlsxRows(path));
    t.is(error.code, 'NOT_A_SPREADSHEET');
    t.regex(error.messageZh, /Excel/);
    t.regex(error.messageEn, /Excel workbook/);
  });
}

test('XLSX: the temporary copy is removed after reading, after a failure and when the reader stops early', async (t) => {
  const ours = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('guji-sheet-')).length;
  const before = await ours();
  t.is(tmpdir(), join(dir, 'tmp'));
  const good = await xlsxFile('tmp-good.xlsx', (wb) => wb.addWorksheet('a').addRow(['x']));
  await collect(xlsxRows(good));
  const bad = join(dir, 'tmp-bad.xlsx');
  await writeFile(bad, 'nope');
  await t.throwsAsync(collect(xlsxRows(bad)));
  const many = await xlsxFile('tmp-many.xlsx', (wb) => {
    const ws = wb.addWorksheet('a');
    for (let i = 0; i < 2000; i++) ws.addRow([`善${i}`]);
  });
  for await (const row of xlsxRows(many)) {
    t.is(row.rowNumber, 1);
    break;
  }
  t.is(await ours(), before);
});
