// Streaming CSV reader for the import template: bytes → text (UTF-8, GBK/GB18030 or UTF-16, see
// csv-encoding.ts) → csv-parse → rows.
// Memory holds one chunk and one record at a time, never the file.

import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { AppError, ErrorDetail } from '../../kernel/app-error.js';
import { decodeCsv, type CsvEncoding } from './csv-encoding.js';
import { fromCsvCell } from '../../csv/csv-formula-guard.js';
import { fileError } from './sheet-errors.js';
import { boundCells, isEmptyRow, type SheetRow } from './sheet-row.js';

/** The longest record accepted; a longer one is almost always a quote that is never closed. */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024;

function malformed(error: CsvError, rowNumber: number): AppError {
  const tooLong = error.code === 'CSV_MAX_RECORD_SIZE';
  const quote = error.code === 'CSV_QUOTE_NOT_CLOSED';
  const zh = tooLong
    ? `一行超过 ${MAX_CSV_RECORD_CHARS} 个字符：有一个双引号没有闭合，或单元格内容过长`
    : quote
      ? '很可能有一个双引号没有闭合'
      : error.message;
  const en = tooLong
    ? `a row is longer than ${MAX_CSV_RECORD_CHARS} characters: a double quote is never closed, or a cell is far too long`
    : quote
      ? 'most likely a double quote is never closed'
      : error.message;
  return fileError(
    'CSV_MALFORMED',
    `CSV 格式错误：从第 ${rowNumber} 行起无法解析（${zh}）`,
    `Malformed CSV: cannot read from row ${rowNumber} on (${en})`,
    [{ path: `row.${rowNumber}`, value: error.code, rule: 'csv_syntax', messageZh: zh, messageEn: en }],
  );
}

/**
 * The non-empty rows of a CSV stream. `rowNumber` is the spreadsheet row (header = 1): a record
 * with a quoted line break is one row, and skipped empty rows (blank lines, `,,,`) are counted.
 * `onEncoding` hears the encoding found. Throws CSV_NOT_UTF8 (bytes of no known encoding), NOT_A_CSV
 * (a workbook) or CSV_MALFORMED.
 */
export async function* readCsvRows(
  stream: Readable,
  onEncoding?: (encoding: CsvEncoding) => void,
): AsyncGenerator<SheetRow> {
  const parser = parse({
    relax_column_count: true,
    // A stray quote inside an unquoted cell (朱熹"注") is kept as a character, as Excel does.
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_CSV_RECORD_CHARS,
  });
  // pipeline forwards an encoding error to the parser, whose iterator then throws it; and when the
  // consumer stops early, destroying the parser tears the source (and the input stream) down.
  pipeline(Readable.from(decodeCsv(stream, onEncoding)), parser, () => {});
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (isEmptyRow(record)) continue;
      const cellErrors: ErrorDetail[] = [];
      // Text our CSV exports prefixed so that spreadsheet programs do not run it comes back as it was.
      for (let i = 0; i < record.length; i++) record[i] = fromCsvCell(record[i]!);
      boundCells(record, cellErrors, rowNumber);
      yield { rowNumber, cells: record, cellErrors };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // The parser may have read past the rows consumed here; its own count says where it stopped.
      const records = (error as CsvError & { records?: unknown }).records;
      throw malformed(error, (typeof records === 'number' ? records : rowNumber) + 1);
    }
    throw error;
  }
}
