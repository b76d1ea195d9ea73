// An exceljs cell value as the text a person sees in the cell, or why it cannot be imported.

import type { CellValue } from 'exceljs';

/** The cell's displayed text, or a formula / error value that the importer refuses. */
export type CellText = { text: string } | { formula: string } | { errorValue: string };

function isoDate(date: Date): string {
  // exceljs turns the serial number into a Date at UTC midnight; the local zone must not shift it.
  return date.toISOString().slice(0, 10);
}

function numberText(value: number, numFmt: string | undefined): string {
  // A zero-padding format (00000) shows 940 as 00940: keep what the person sees.
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0) {
    return String(value).padStart(numFmt.length, '0');
  }
  return String(value);
}

/**
 * Numbers as their string (zero-padding formats applied), dates as YYYY-MM-DD, booleans as
 * TRUE/FALSE, rich text joined. Any formula is reported, whether or not a result is cached.
 */
export function cellText(value: CellValue, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value, numFmt) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : isoDate(value) };
  if ('formula' in value || 'sharedFormula' in value) {
    // Shared-formula copies carry an empty formula text in the streaming reader.
    const formula = 'formula' in value && value.formula ? value.formula : '';
    return { formula: formula === '' ? '(shared formula)' : `=${formula}` };
  }
  if ('error' in value) return { errorValue: String(value.error) };
  if ('richText' in value) return { text: value.richText.map((run) => run.text ?? '').join('') };
  if ('text' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return { text };
    if (text && typeof text === 'object' && 'richText' in text) {
      return {
        text: (text as { richText: Array<{ text?: string }> }).richText.map((r) => r.text ?? '').join(''),
      };
    }
  }
  // {sharedString: n} without a shared-string table, or anything unforeseen: nothing readable.
  return { text: '' };
}
