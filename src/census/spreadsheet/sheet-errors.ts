// Error helpers shared by the spreadsheet codecs: every problem is reported in Chinese and English,
// per field or cell (ErrorDetail) or for the whole file (AppError, which the HTTP layer answers).

import { AppError, type ErrorDetail } from '../../kernel/app-error.js';

/** One field- or cell-level problem in both languages. */
export function detail(
  path: string,
  value: unknown,
  rule: string,
  messageZh: string,
  messageEn: string,
): ErrorDetail {
  return value === undefined
    ? { path, rule, messageZh, messageEn }
    : { path, value, rule, messageZh, messageEn };
}

/** A problem with the whole file (wrong encoding, not a spreadsheet, merged cells …): nothing is imported. */
export function fileError(
  code: string,
  zh: string,
  en: string,
  details: readonly ErrorDetail[] = [],
): AppError {
  return AppError.badRequest(code, zh, en, details);
}

/** The spreadsheet column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
