// CSV bytes → text. Chinese spreadsheets are often saved as GBK (Excel's "CSV" on Chinese Windows)
// or UTF-16 (Excel's "Unicode Text"); refusing them sends users away, so the encoding is detected
// from the first 64 KiB and the file read in it: a BOM says UTF-8 or UTF-16 LE/BE; NUL bytes (never
// in UTF-8 or GBK text) say UTF-16 without a BOM, the side they fall on says which; bytes that are
// valid UTF-8 are UTF-8; bytes that read cleanly as GB18030 with Chinese in them are GBK (GB18030
// when its four-byte sequences occur; GBK is a subset, so both are decoded as GB18030). Anything
// else is refused. The encoding found is reported (the import job shows it).

import iconv from 'iconv-lite';
import { fileError } from './sheet-errors.js';

/** How many bytes are looked at before the first text is handed on: enough to hold some Chinese rows. */
export const SNIFF_BYTES = 64 * 1024;

const SAVE_AS_ZH =
  '请在 Excel 中选择“另存为”→“CSV UTF-8（逗号分隔）(*.csv)”，或在 WPS/记事本中另存为 UTF-8 编码后重新上传';
const SAVE_AS_EN =
  'in Excel use "Save As" → "CSV UTF-8 (Comma delimited) (*.csv)", or save it as UTF-8 in WPS or Notepad, then upload it again';

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The encodings a CSV is read in, as the import job names them. */
export type CsvEncoding = 'utf-8' | 'gbk' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Refuses byte streams that are workbooks, not text. */
export function checkCsvHead(head: Buffer): void {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw fileError(
      'NOT_A_CSV',
      '该文件是 Excel 工作簿（.xlsx/.xls），不是 CSV 文本文件；请以 .xlsx 格式上传，或另存为 CSV UTF-8',
      'This file is an Excel workbook (.xlsx/.xls), not a CSV text file; upload it as .xlsx or save it as CSV UTF-8',
    );
  }
}

/** True when bytes read as GB18030/GBK without decoding errors and hold Chinese characters. */
export function looksLikeGbk(bytes: Buffer): boolean {
  const text = iconv.decode(bytes, 'gb18030');
  const bad = text.split('\ufffd').length - 1;
  // A chunk may end inside a two-byte character, which shows as one replacement at the end.
  return bad <= 1 && /[\u3400-\u9fff]/.test(text);
}

/** The error for bytes that are not UTF-8; `offset` is where in the file the chunk starts. */
export function notUtf8Error(bytes: Buffer, offset: number) {
  if (looksLikeGbk(bytes)) {
    return fileError(
      'CSV_NOT_UTF8',
      `文件似乎是 GBK 编码（中文 Windows 下 Excel 另存 CSV 的默认编码），不是 UTF-8；${SAVE_AS_ZH}`,
      `The file looks GBK-encoded (what Excel on Chinese Windows saves as CSV), not UTF-8; ${SAVE_AS_EN}`,
      [
        {
          path: 'file',
          value: 'gbk',
          rule: 'encoding',
          messageZh: '需要 UTF-8 编码',
          messageEn: 'UTF-8 is required',
        },
      ],
    );
  }
  return fileError(
    'CSV_NOT_UTF8',
    `文件不是有效的 UTF-8 编码（约第 ${offset + 1} 字节之后出现无法识别的字节）；${SAVE_AS_ZH}`,
    `The file is not valid UTF-8 (unreadable bytes after about byte ${offset + 1}); ${SAVE_AS_EN}`,
    [
      {
        path: 'file',
        value: 'unknown',
        rule: 'encoding',
        messageZh: '需要 UTF-8 编码',
        messageEn: 'UTF-8 is required',
      },
    ],
  );
}

/** The encoding of a file from its first bytes (see the top of this file), or null when it is none of them. */
export function sniffEncoding(head: Buffer): CsvEncoding | null {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  const sample = head.subarray(0, 4096);
  let evenNuls = 0;
  let oddNuls = 0;
  sample.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2) oddNuls += 1;
    else evenNuls += 1;
  });
  if (evenNuls + oddNuls > 0) return oddNuls >= evenNuls ? 'utf-16le' : 'utf-16be';
  try {
    // `stream: true`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    // not UTF-8: try GBK below
  }
  if (!looksLikeGbk(head)) return null;
  // A four-byte GB18030 sequence: [81–FE][30–39][81–FE][30–39] (GBK has only one and two bytes).
  for (let i = 0; i + 3 < head.length; i++) {
    const b = head[i]!;
    if (b < 0x80) continue;
    if (
      head[i + 1]! >= 0x30 &&
      head[i + 1]! <= 0x39 &&
      head[i + 2]! >= 0x81 &&
      head[i + 3]! >= 0x30 &&
      head[i + 3]! <= 0x39
    )
      return 'gb18030';
    i += 1; // the trail byte of a two-byte character
  }
  return 'gbk';
}

function unknownEncoding() {
  return fileError(
    'CSV_NOT_UTF8',
    `无法识别文件的编码（不是 UTF-8、GBK/GB18030 或 UTF-16）；${SAVE_AS_ZH}`,
    `The file's encoding is not recognised (not UTF-8, GBK/GB18030 or UTF-16); ${SAVE_AS_EN}`,
    [
      {
        path: 'file',
        value: 'unknown',
        rule: 'encoding',
        messageZh: '需要 UTF-8、GBK/GB18030 或 UTF-16 编码',
        messageEn: 'UTF-8, GBK/GB18030 or UTF-16 is required',
      },
    ],
  );
}

function badBytes(encoding: CsvEncoding, offset: number) {
  return fileError(
    'CSV_NOT_UTF8',
    `文件按 ${encoding} 编码读取时，约第 ${offset + 1} 字节之后出现无法识别的字节；${SAVE_AS_ZH}`,
    `Unreadable bytes after about byte ${offset + 1} of the file, read as ${encoding}; ${SAVE_AS_EN}`,
    [
      {
        path: 'file',
        value: encoding,
        rule: 'encoding',
        messageZh: `文件中有不属于 ${encoding} 的字节`,
        messageEn: `the file has bytes that are not ${encoding}`,
      },
    ],
  );
}

/** A decoder of one encoding, chunk by chunk (characters split between chunks are joined). */
function decoderFor(encoding: CsvEncoding, offset: () => number) {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    return (bytes: Buffer, last: boolean) => {
      try {
        return decoder.decode(bytes, { stream: !last });
      } catch {
        throw notUtf8Error(bytes, offset());
      }
    };
  }
  const decoder = iconv.getDecoder(encoding === 'gbk' ? 'gb18030' : encoding, { stripBOM: true });
  return (bytes: Buffer, last: boolean) => {
    const text = decoder.write(bytes) + (last ? (decoder.end() ?? '') : '');
    // iconv-lite puts U+FFFD for bytes that are not in the encoding: refuse them as UTF-8 does.
    if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && text.includes('\ufffd'))
      throw badBytes(encoding, offset());
    return text;
  };
}

/**
 * Decodes a CSV byte stream in the encoding found in its first SNIFF_BYTES (a BOM is dropped),
 * chunk by chunk; `onEncoding` hears which one before any text is yielded. A GBK or UTF-16 file is
 * read as such; bytes that fit none of them fail before the first row, and a bad byte further on
 * fails the read where it is met.
 */
export async function* decodeCsv(
  source: AsyncIterable<Buffer | string>,
  onEncoding: (encoding: CsvEncoding) => void = () => {},
): AsyncGenerator<string> {
  let head: Buffer[] | null = [];
  let headLength = 0;
  let offset = 0;
  let decode: ((bytes: Buffer, last: boolean) => string) | null = null;
  const start = (all: Buffer) => {
    checkCsvHead(all);
    const encoding = sniffEncoding(all);
    if (!encoding) throw unknownEncoding();
    onEncoding(encoding);
    decode = decoderFor(encoding, () => offset);
    // TextDecoder drops a UTF-8 BOM itself; iconv-lite drops UTF-16 BOMs (stripBOM).
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (head) {
      head.push(bytes);
      headLength += bytes.length;
      if (headLength < SNIFF_BYTES) continue;
      const all = Buffer.concat(head);
      head = null;
      start(all);
      const text = decode!(all, false);
      offset += all.length;
      if (text) yield text;
      continue;
    }
    const text = decode!(bytes, false);
    offset += bytes.length;
    if (text) yield text;
  }
  const rest = head ? Buffer.concat(head) : Buffer.alloc(0);
  if (head) start(rest);
  const text = decode!(rest, true);
  if (text) yield text;
}
