// CSV bytes → text, strictly UTF-8. Excel on Chinese Windows saves "CSV" in GBK; silently converting
// would hide which encoding the institution's other tools use, so such a file is refused with a
// message that says how to save it as UTF-8 (the issue asks to detect and say so).

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

/** Refuses byte streams that are plainly not UTF-8 text: UTF-16/32 (BOM or NUL-heavy) and workbooks. */
export function checkCsvHead(head: Buffer): void {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw fileError(
      'NOT_A_CSV',
      '该文件是 Excel 工作簿（.xlsx/.xls），不是 CSV 文本文件；请以 .xlsx 格式上传，或另存为 CSV UTF-8',
      'This file is an Excel workbook (.xlsx/.xls), not a CSV text file; upload it as .xlsx or save it as CSV UTF-8',
    );
  }
  const sample = head.subarray(0, 4096);
  const nuls = sample.filter((b) => b === 0).length;
  const utf16Bom = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  // UTF-8 text never contains NUL bytes; UTF-16 text of mostly ASCII is about half NULs.
  if (utf16Bom || (sample.length > 0 && nuls / sample.length > 0.1)) {
    throw fileError(
      'CSV_NOT_UTF8',
      `文件是 UTF-16 编码（Excel“Unicode 文本”格式），不是 UTF-8；${SAVE_AS_ZH}`,
      `The file is UTF-16 encoded (Excel "Unicode Text"), not UTF-8; ${SAVE_AS_EN}`,
      [
        {
          path: 'file',
          value: 'utf-16',
          rule: 'encoding',
          messageZh: '需要 UTF-8 编码',
          messageEn: 'UTF-8 is required',
        },
      ],
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

/**
 * Decodes a byte stream as strict UTF-8 (a UTF-8 BOM is dropped), chunk by chunk. The first
 * SNIFF_BYTES are checked before any text is yielded, so a GBK or UTF-16 file fails before its
 * first row; a bad byte further on still fails the read where it is met.
 */
export async function* decodeUtf8(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head: Buffer[] | null = [];
  let headLength = 0;
  let offset = 0;
  const decode = (bytes: Buffer, last: boolean): string => {
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      throw notUtf8Error(bytes, offset);
    }
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (head) {
      head.push(bytes);
      headLength += bytes.length;
      if (headLength < SNIFF_BYTES) continue;
      const all = Buffer.concat(head);
      head = null;
      checkCsvHead(all);
      const text = decode(all, false);
      offset += all.length;
      if (text) yield text;
      continue;
    }
    const text = decode(bytes, false);
    offset += bytes.length;
    if (text) yield text;
  }
  const rest = head ? Buffer.concat(head) : Buffer.alloc(0);
  if (head) checkCsvHead(rest);
  const text = decode(rest, true);
  if (text) yield text;
}
