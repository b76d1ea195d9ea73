// The one CSV writer of the service: template export, census catalogue, triage list and import
// error reports all go through it, so every CSV is UTF-8 with a BOM (Excel would read it as GBK
// otherwise), has CRLF line ends, and is safe to open in a spreadsheet program (csv-formula-guard.ts).

import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { toCsvCell } from './csv-formula-guard.js';

/** A cell value to write; null and undefined are written as empty cells. */
type CsvValue = string | number | null | undefined;

/** Rows to write, synchronous or asynchronous. */
type CsvRows = AsyncIterable<readonly CsvValue[]> | Iterable<readonly CsvValue[]>;

const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

const csvRow = (row: readonly CsvValue[]) =>
  row.map((value) => (typeof value === 'string' ? toCsvCell(value) : (value ?? '')));

/** Writes a CSV: UTF-8 with BOM (so Excel does not read it as GBK), CRLF line ends, formula-safe text. */
export async function writeCsv(out: Writable, header: readonly string[], rows: CsvRows): Promise<void> {
  async function* lines() {
    yield csvRow(header);
    for await (const row of rows) yield csvRow(row);
  }
  await pipeline(Readable.from(lines()), stringify({ ...CSV_OPTIONS, bom: true }), out);
}

/** The same CSV as writeCsv, as one string, for small answers built in memory. */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return `\uFEFF${stringifySync([csvRow(header), ...Array.from(rows, csvRow)], CSV_OPTIONS)}`;
}
