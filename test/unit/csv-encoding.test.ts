// CSV files saved as GBK/GB18030 or UTF-16 (LE/BE, with or without BOM) are detected and read, and
// the encoding found is named; real catalogue text, traditional characters and full-width spaces.
import test from 'ava';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { readCsvRows } from '../../src/census/spreadsheet/csv-reader.js';
import type { CsvEncoding } from '../../src/census/spreadsheet/csv-encoding.js';

const ROWS = [
  ['索书号', '题名卷数', '著者', '版本'],
  ['善0001', '資治通鑑二百九十四卷', '（宋）司馬光撰　（元）胡三省音注', '明嘉靖二十四年（1545）孔天胤刻本'],
  ['善0002', '《資治通鑑》二百九十四卷', '（宋）司馬光撰', '清刻本'],
];
const TEXT = ROWS.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function read(bytes: Buffer, chunk = 7) {
  let found: CsvEncoding | undefined;
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  const rows: string[][] = [];
  for await (const row of readCsvRows(Readable.from(pieces), (e) => (found = e))) rows.push(row.cells);
  return { rows, found };
}

const bom = (bytes: number[], body: Buffer) => Buffer.concat([Buffer.from(bytes), body]);

const CASES: Array<[string, Buffer, CsvEncoding]> = [
  ['UTF-8 without BOM', Buffer.from(TEXT, 'utf8'), 'utf-8'],
  ['UTF-8 with BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(TEXT, 'utf8')), 'utf-8'],
  ['GBK', iconv.encode(TEXT, 'gbk'), 'gbk'],
  ['GB18030', iconv.encode(TEXT, 'gb18030'), 'gbk'],
  ['UTF-16LE with BOM', bom([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')), 'utf-16le'],
  ['UTF-16BE with BOM', bom([0xfe, 0xff], Buffer.from(TEXT, 'utf16le').swap16()), 'utf-16be'],
  ['UTF-16LE without BOM', Buffer.from(TEXT, 'utf16le'), 'utf-16le'],
  ['UTF-16BE without BOM', Buffer.from(TEXT, 'utf16le').swap16(), 'utf-16be'],
];

for (const [label, bytes, encoding] of CASES) {
  test(`CSV in ${label} is read exactly and named ${encoding}`, async (t) => {
    // Odd-sized chunks split multi-byte characters between chunks.
    const { rows, found } = await read(bytes);
    t.deepEqual(rows, ROWS);
    t.is(found, encoding);
  });
}

test('GB18030 text with four-byte characters (beyond GBK) is read and named gb18030', async (t) => {
  const text = '索书号,题名卷数\r\n善0003,𠀀𪚥字考一卷\r\n';
  const { rows, found } = await read(iconv.encode(text, 'gb18030'));
  t.deepEqual(rows[1], ['善0003', '𠀀𪚥字考一卷']);
  t.is(found, 'gb18030');
});

test('bytes of no known encoding are refused before the first row, naming the encodings accepted', async (t) => {
  const error = await t.throwsAsync(read(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0xff, 0x0a])));
  t.regex(error!.message, /GBK\/GB18030/);
});
