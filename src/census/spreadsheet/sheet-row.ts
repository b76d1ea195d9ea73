import type { ErrorDetail } from '../../http/app-error.js';

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
