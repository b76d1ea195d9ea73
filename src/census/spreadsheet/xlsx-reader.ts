// Streaming XLSX reader for the import template (exceljs stream.xlsx.WorkbookReader). Only the
// first worksheet (the first tab) is read; other sheets are skipped, so notes kept on a second tab
// do no harm.
//
// The upload is first copied to a temporary file, because it is read twice: once to find merged
// cells (see xlsx-merges.ts: they are only visible at the end of the sheet XML) and once for the
// cells. Both passes stream; memory holds the shared-string table and one row, never the sheet.
//
// Decisions:
// - Formulas are refused per cell (FORMULA_NOT_ALLOWED, with the cell reference), even when the file
//   caches a result: the cached value is whatever the last program to save the file computed, and
//   files written by scripts or edited by non-Excel tools often carry stale or no results.
// - Merged cells refuse the whole file (MERGED_CELLS, naming every range) before any row is
//   yielded: only the top-left cell of a merge holds the value, so the other rows would be imported
//   with silently missing data (a merged 分类 over ten rows would leave nine unclassified).
// - Anything that is not a readable .xlsx (random bytes, a renamed CSV, a zip of something else, a
//   legacy .xls or an encrypted workbook, a truncated file) is NOT_A_SPREADSHEET, never a crash.

import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ErrorDetail } from '../../kernel/app-error.js';
import { AppError } from '../../kernel/app-error.js';
import { columnLetter, detail, fileError } from './sheet-errors.js';
import { boundCells, isEmptyRow, type SheetRow } from './sheet-row.js';
import { readFileHead, spoolToTempFile } from './temp-spool.js';
import { cellText } from './xlsx-cell-text.js';
import { scanMergedRanges } from './xlsx-merges.js';
import { checkZipBomb } from './xlsx-zip-guard.js';
import { drainWorksheet, eachWorksheet, openWorkbook, type StreamWorkbook } from './xlsx-workbook.js';

/** At most this many merged ranges are listed in the error (the count is always given). */
const MAX_LISTED_MERGES = 50;

function notASpreadsheet(reasonZh: string, reasonEn: string, cause?: unknown): AppError {
  const error = fileError(
    'NOT_A_SPREADSHEET',
    `文件不是可读取的 Excel 工作簿（.xlsx）：${reasonZh}`,
    `The file is not a readable Excel workbook (.xlsx): ${reasonEn}`,
  );
  if (cause instanceof Error) error.extra.cause = cause.message;
  return error;
}

async function checkZipSignature(path: string): Promise<void> {
  const head = await readFileHead(path, 8);
  if (head.length === 0) throw notASpreadsheet('文件是空的', 'the file is empty');
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw notASpreadsheet(
      '这是旧版 .xls 文件或加密的工作簿；请在 Excel 中另存为 .xlsx（不设密码）后重新上传',
      'this is a legacy .xls file or an encrypted workbook; save it as .xlsx (without a password) and upload it again',
    );
  }
  if (!head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw notASpreadsheet(
      '文件内容不是 .xlsx 格式（CSV 文件请按 .csv 上传）',
      'the content is not in .xlsx format (upload CSV files as .csv)',
    );
  }
}

/** Runs one pass over the workbook; exceljs and zip failures become NOT_A_SPREADSHEET. */
async function* workbookPass<T>(
  path: string,
  mode: 'cells' | 'raw',
  pass: (workbook: StreamWorkbook) => AsyncGenerator<T>,
): AsyncGenerator<T> {
  const input = createReadStream(path);
  try {
    yield* pass(openWorkbook(input, mode));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notASpreadsheet(
      '文件已损坏或不是 Excel 工作簿',
      'the file is damaged or is not an Excel workbook',
      error,
    );
  } finally {
    input.destroy();
  }
}

/**
 * Pass 1: the merged ranges of the first worksheet. Also checks that the archive is a workbook
 * (has a workbook part listing a sheet, and that sheet's part), which pass 2 cannot tell.
 */
async function firstSheetMerges(path: string): Promise<string[]> {
  let merges: string[] | null = null;
  let sheetCount = 0;
  const pass = async function* (workbook: StreamWorkbook) {
    for await (const { sheet, isFirst } of eachWorksheet(workbook)) {
      if (isFirst) merges = await scanMergedRanges(sheet.iterator);
      else await drainWorksheet(sheet);
    }
    // Every sheet part has been read by now, and workbook.xml with it if the archive has one.
    sheetCount = workbook.model?.sheets?.length ?? 0;
    yield* [];
  };
  for await (const _ of workbookPass(path, 'raw', pass));
  if (sheetCount === 0 || merges === null) {
    throw notASpreadsheet('压缩包中没有工作簿或工作表', 'the archive holds no workbook or worksheet');
  }
  return merges;
}

function mergedCellsError(ranges: readonly string[]): AppError {
  const listed = ranges.slice(0, MAX_LISTED_MERGES).join('、');
  const more = ranges.length > MAX_LISTED_MERGES ? ` …（共 ${ranges.length} 处）` : '';
  const moreEn = ranges.length > MAX_LISTED_MERGES ? ` … (${ranges.length} in all)` : '';
  return fileError(
    'MERGED_CELLS',
    `工作表中有合并单元格：${listed}${more}。合并后只有左上角单元格有值，其余行会缺少数据；请取消合并并在每一行填写完整后重新上传`,
    `The worksheet has merged cells: ${ranges.slice(0, MAX_LISTED_MERGES).join(', ')}${moreEn}. Only the top-left cell of a merge holds the value, so other rows would lose data; unmerge them, fill in every row and upload again`,
    ranges
      .slice(0, MAX_LISTED_MERGES)
      .map((range) =>
        detail('merges', range, 'MERGED_CELLS', `合并单元格 ${range}`, `merged cells ${range}`),
      ),
  );
}

function rowOf(row: ExcelJS.Row): SheetRow {
  const cells: string[] = [];
  const cellErrors: ErrorDetail[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (cells.length < col - 1) cells.push('');
    const ref = `${columnLetter(col - 1)}${row.number}`;
    const read = cellText(cell.value, cell.numFmt);
    if ('text' in read) {
      cells[col - 1] = read.text;
      return;
    }
    cells[col - 1] = '';
    cellErrors.push(
      'formula' in read
        ? detail(
            `cells.${columnLetter(col - 1)}`,
            read.formula,
            'FORMULA_NOT_ALLOWED',
            `单元格 ${ref} 含有公式（${read.formula}）。导入不接受公式，因为文件中保存的计算结果可能已过时；请复制后“选择性粘贴→数值”再上传`,
            `Cell ${ref} holds a formula (${read.formula}). Formulas are not imported because the result saved in the file may be stale; copy and "Paste Special → Values", then upload again`,
          )
        : detail(
            `cells.${columnLetter(col - 1)}`,
            read.errorValue,
            'CELL_ERROR_VALUE',
            `单元格 ${ref} 是错误值 ${read.errorValue}`,
            `Cell ${ref} holds the error value ${read.errorValue}`,
          ),
    );
  });
  boundCells(cells, cellErrors, row.number);
  return { rowNumber: row.number, cells, cellErrors };
}

/**
 * The non-empty rows of the first worksheet of an XLSX stream, cells as displayed text. Throws
 * NOT_A_SPREADSHEET, XLSX_ZIP_BOMB or MERGED_CELLS before the first row; formulas, error values and
 * cells longer than MAX_CELL_CHARS are cellErrors.
 */
export async function* readXlsxRows(stream: Readable): AsyncGenerator<SheetRow> {
  const file = await spoolToTempFile(stream, 'upload.xlsx');
  try {
    await checkZipSignature(file.path);
    await checkZipBomb(file.path).catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      throw notASpreadsheet(
        '文件已损坏或不是 Excel 工作簿',
        'the file is damaged or is not an Excel workbook',
        error,
      );
    });
    const merges = await firstSheetMerges(file.path);
    if (merges.length > 0) throw mergedCellsError(merges);
    const pass = async function* (workbook: StreamWorkbook) {
      for await (const { sheet, isFirst } of eachWorksheet(workbook)) {
        if (!isFirst) {
          await drainWorksheet(sheet);
          continue;
        }
        for await (const row of sheet) {
          const sheetRow = rowOf(row);
          if (isEmptyRow(sheetRow.cells) && sheetRow.cellErrors.length === 0) continue;
          yield sheetRow;
        }
      }
    };
    yield* workbookPass(file.path, 'cells', pass);
  } finally {
    await file.dispose();
  }
}
