// A thin typed view of exceljs's streaming WorkbookReader, and the choice of the first worksheet.
// The published typings omit what is needed here (a worksheet's name and raw XML iterator, the
// workbook model), so those members are described locally; they are plain fields of exceljs 4.

import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One worksheet as the streaming reader emits it: its rows, or its raw XML chunks (use one of the two). */
export interface StreamWorksheet extends AsyncIterable<ExcelJS.Row> {
  readonly name: string;
  readonly iterator: AsyncIterable<Buffer | string>;
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
        ({ worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as const)
      : ({ worksheets: 'emit', sharedStrings: 'ignore', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' } as const);
  return new ExcelJS.stream.xlsx.WorkbookReader(input, options) as unknown as StreamWorkbook;
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
    const firstName = workbook.model?.sheets?.[0]?.name;
    const isFirst: boolean = !found && (firstName === undefined || sheet.name === firstName);
    found ||= isFirst;
    yield { sheet, isFirst };
  }
}
