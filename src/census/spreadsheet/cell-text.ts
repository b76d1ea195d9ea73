// Plain-text helpers for template cells. Catalogue text is kept as written; only the edges are
// cleaned, because spreadsheets pad cells with spaces (full-width ones too) and zero-width marks.

const EDGE = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;

/** A cell's text without surrounding whitespace (full-width spaces and zero-width marks included). */
export function cleanCell(raw: string | undefined): string {
  return (raw ?? '').replace(EDGE, '');
}

/** A cleaned cell, or null when it is empty. */
export function textOrNull(raw: string | undefined): string | null {
  const text = cleanCell(raw);
  return text === '' ? null : text;
}

/** The non-empty, cleaned parts of a cell split at any of the separators. */
export function splitCell(raw: string | undefined, separators: RegExp): string[] {
  return cleanCell(raw)
    .split(separators)
    .map((part) => cleanCell(part))
    .filter((part) => part !== '');
}

/** Opening brackets of both widths, and the square forms catalogues use for inferred dynasties (〔清〕, [清]). */
export const OPEN_BRACKETS = '（(〔[【';

/** The longest word of a list the text ends with, leaving something before it; the list is sorted longest first. */
export function trailingWord(text: string, wordsLongestFirst: readonly string[]): string | null {
  for (const word of wordsLongestFirst) {
    if (text.length > word.length && text.endsWith(word)) return word;
  }
  return null;
}

/** A word list sorted longest first, so 批校 is tried before 校 and 集注 before 注. */
export function longestFirst(words: readonly string[]): readonly string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}
