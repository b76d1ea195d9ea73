// A thin typed view of exceljs's streaming WorkbookReader, and the choice of the first worksheet.
// The published typings omit what is needed here (a worksheet's name and raw XML iterator, the
// workbook model, the part parsers), so those members are described locally; they are plain
// members of exceljs 4.4.
//
// exceljs 4.4's streaming reader decodes every zip chunk to text on its own (utils/parse-sax.js), so
// a character whose UTF-8 bytes straddle two chunks becomes U+FFFD: with Chinese text this hits
// about one cell in a few hundred (exceljs issues #2063, #2084, #2316; fixes unmerged). The reader
// below hands exceljs text instead of bytes, decoded across chunk boundaries; exceljs passes text
// through unchanged.

import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One worksheet as the streaming reader emits it: its rows, or its raw XML chunks (use one of the two). */
export interface StreamWorksheet extends AsyncIterable<ExcelJS.Row> {
  readonly name: string;
  iterator: AsyncIterable<Buffer | string>;
}

/** A zip entry as exceljs gets it from unzipper (a PassThrough stream). */
interface ZipEntry {
  setEncoding?(encoding: BufferEncoding): unknown;
}

// The WorkbookReader methods that parse a workbook-level part from its zip entry.
const PART_PARSERS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const;

/** The chunks as text, with characters split between chunks joined again. */
export async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Makes the workbook-level parts (shared strings, sheet names, styles) arrive as decoded text. */
function decodePartsAsText(reader: object): void {
  const methods = reader as Record<string, unknown>;
  for (const name of PART_PARSERS) {
    const original = methods[name];
    if (typeof original !== 'function')
      throw new Error(`exceljs WorkbookReader has no ${name}: check the exceljs version`);
    methods[name] = function (this: unknown, entry: ZipEntry, ...rest: unknown[]) {
      // A PassThrough with an encoding set decodes with a StringDecoder, across chunk boundaries.
      entry.setEncoding?.('utf8');
      return (original as (...args: unknown[]) => unknown).call(this, entry, ...rest);
    };
  }
}

/** The streaming workbook: its worksheets in the order their parts are read. */
export interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  readonly model?: { sheets?: ReadonlyArray<{ name: string }> };
}

/** Opens a streaming workbook; `sharedStrings`/`styles` as in exceljs (`ignore` when only the XML is scanned). */
export function openWorkbook(input: Readable, mode: 'cells' | 'raw'): StreamWorkbook {
  const options =
    mode === 'cells'
      ? // styles are needed to tell a date from a number (the number format says which)
        ({
          worksheets: 'emit',
          sharedStrings: 'cache',
          styles: 'cache',
          hyperlinks: 'ignore',
          entries: 'ignore',
        } as const)
      : ({
          worksheets: 'emit',
          sharedStrings: 'ignore',
          styles: 'ignore',
          hyperlinks: 'ignore',
          entries: 'ignore',
        } as const);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  decodePartsAsText(reader);
  return reader as unknown as StreamWorkbook;
}

/** Reads and discards a worksheet's XML, so the zip stream moves on and temp files are released. */
export async function drainWorksheet(sheet: StreamWorksheet): Promise<void> {
  for await (const _chunk of sheet.iterator);
}

/**
 * Each worksheet with whether it is the first one: the first tab of the workbook (the first entry
 * of workbook.xml's <sheets>), which need not be the first sheet part in the zip. When the model is
 * not known yet (parts in an unusual order) the first sheet part read is taken.
 */
export async function* eachWorksheet(
  workbook: StreamWorkbook,
): AsyncGenerator<{ sheet: StreamWorksheet; isFirst: boolean }> {
  let found = false;
  for await (const sheet of workbook) {
    sheet.iterator = utf8Text(sheet.iterator);
    const firstName = workbook.model?.sheets?.[0]?.name;
    const isFirst: boolean = !found && (firstName === undefined || sheet.name === firstName);
    found ||= isFirst;
    yield { sheet, isFirst };
  }
}
