import type { ErrorDetail } from '../../kernel/app-error.js';
import { columnLetter } from './sheet-errors.js';

/**
 * One non-empty row as a reader yields it. `rowNumber` is the 1-based row of the spreadsheet as a
 * person sees it (the header is row 1; skipped empty rows still count; a CSV record with a quoted
 * line break is one row). `cellErrors` holds problems of single cells (an XLSX formula, an error
 * value); the row's cells are still given so the importer can report the row and go on.
 */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: string[];
  readonly cellErrors: ErrorDetail[];
}

/** A row is empty when no cell holds anything but whitespace. */
export function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The longest cell read: Excel's own limit (32,767 characters), far above every field limit of the
 * record schema, so a legitimate cell never meets it. A longer cell is emptied and reported, and
 * its text goes no further than the reader.
 */
export const MAX_CELL_CHARS = 32_767;

/** Empties the cells longer than MAX_CELL_CHARS and reports each (in place, for the readers). */
export function boundCells(cells: string[], cellErrors: ErrorDetail[], rowNumber: number): void {
  cells.forEach((cell, i) => {
    if (cell.length <= MAX_CELL_CHARS) return;
    const ref = `${columnLetter(i)}${rowNumber}`;
    cells[i] = '';
    cellErrors.push({
      path: `cells.${columnLetter(i)}`,
      value: `${cell.slice(0, 50)}…（${cell.length} 字 / characters）`,
      rule: 'CELL_TOO_LONG',
      messageZh: `单元格 ${ref} 有 ${cell.length} 个字符，超过 ${MAX_CELL_CHARS} 字符的上限`,
      messageEn: `Cell ${ref} holds ${cell.length} characters, more than the limit of ${MAX_CELL_CHARS}`,
    });
  });
}
