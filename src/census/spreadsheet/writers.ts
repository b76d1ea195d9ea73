// Streaming writers for exports: rows come from an (async) iterable and go straight to the output
// stream, so an export of a whole province never sits in memory. Both writers end the stream.

import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeCsv } from '../../csv/csv-writer.js';

/** A cell value to write; null and undefined are written as empty cells. */
export type SheetValue = string | number | null | undefined;

/** Rows to write, synchronous or asynchronous. */
export type SheetRows = AsyncIterable<readonly SheetValue[]> | Iterable<readonly SheetValue[]>;

// CSV: one writer for every CSV of the service (src/csv/csv-writer.ts), re-exported for the exports.
export { csvText, writeCsv } from '../../csv/csv-writer.js';

/** Options of the XLSX writer. */
export interface XlsxWriteOptions {
  /** The worksheet's tab name (default 普查数据). */
  sheetName?: string;
  /** Column widths in characters, by position (default from the header length). */
  widths?: readonly number[];
}

/**
 * Writes an XLSX with one worksheet: a bold, frozen header row, then the rows. Every column is
 * formatted as text (@), so numbers typed later into the template keep leading zeros (名录号 00940).
 */
export async function writeXlsx(
  out: Writable,
  header: readonly string[],
  rows: SheetRows,
  options: XlsxWriteOptions = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(options.sheetName ?? '普查数据', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = header.map((title, i) => ({
    header: title,
    width: options.widths?.[i] ?? Math.max(10, title.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) sheet.addRow(row.map((value) => value ?? null)).commit();
  sheet.commit();
  await workbook.commit();
}

/** The content type of each sheet format a download offers. */
export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A sheet as a stream to answer with: the rows are written as the response is read. */
export function streamSheet(
  format: 'csv' | 'xlsx',
  header: readonly string[],
  rows: AsyncIterable<string[]>,
  sheetName: string,
): PassThrough {
  const out = new PassThrough();
  const writing =
    format === 'csv' ? writeCsv(out, header, rows) : writeXlsx(out, header, rows, { sheetName });
  writing.catch((err: Error) => out.destroy(err));
  return out;
}
