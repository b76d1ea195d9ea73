// Search keys for the public catalogue. Scholars type simplified characters, catalogues are written
// in traditional ones with variant forms, full-width digits and bibliographic punctuation
// (（宋）朱熹撰 《四書》). The key folds all of that away — NFKC (full → half width), no
// whitespace or punctuation, lower case, traditional → simplified (OpenCC via foldTerm) and the
// variant table — and keeps, for every key character, where it came from in the displayed text, so
// matches can be highlighted on the text exactly as catalogued.

import { foldTerm } from '../census/term-folding.rules.js';

// Punctuation, symbols, separators and format/control characters carry no meaning for search.
const DROPPED = /^[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]$/u;

/** A folded key and, per key character (code point), the UTF-16 range it came from in the source. */
export interface MappedKey {
  readonly key: string;
  readonly spans: ReadonlyArray<readonly [start: number, end: number]>;
}

/**
 * Whether a code point is a CJK unified ideograph of the basic block or of extensions A–F: letters
 * that NFKC leaves as they are, so the key keeps them without normalising and testing each one —
 * most of a catalogue's text, and a results page maps 60 fields. (The compatibility ideographs,
 * U+F900… and U+2F800…, do change under NFKC and are outside these ranges.)
 */
export function isPlainIdeograph(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x20000 && codePoint <= 0x2ebef)
  );
}

/** The key of a text with its map back to the text (see MappedKey). */
export function mappedSearchKey(text: string): MappedKey {
  const kept: string[] = [];
  const origin: Array<readonly [number, number]> = [];
  let offset = 0;
  for (const ch of text) {
    const span = [offset, offset + ch.length] as const;
    offset += ch.length;
    if (isPlainIdeograph(ch.codePointAt(0)!)) {
      kept.push(ch);
      origin.push(span);
      continue;
    }
    for (const c of ch.normalize('NFKC')) {
      if (DROPPED.test(c)) continue;
      kept.push(c);
      origin.push(span);
    }
  }
  // Whole-text conversion first: OpenCC converts some characters by phrase (乾隆 stays 乾隆, 乾 alone
  // becomes 干), and the stored keys are built the same way. Conversion is length-preserving for
  // nearly all text; when it is not, fall back to character-by-character so the map stays exact.
  const whole = [...foldTerm(kept.join(''))];
  const folded =
    whole.length === kept.length ? whole : kept.map((c) => [...foldTerm(c)][0] ?? c.toLowerCase());
  return { key: folded.join(''), spans: origin };
}

/** The search key of a text (see the file comment). */
export function searchKey(text: string): string {
  return mappedSearchKey(text).key;
}

// Separates the fields of a record's key so that no match spans two fields (title end + author).
export const FIELD_SEPARATOR = '|';

/** The key of several fields, each folded on its own and kept apart by FIELD_SEPARATOR. */
export function fieldsKey(fields: ReadonlyArray<string | null | undefined>): string {
  return fields
    .map((f) => searchKey(f ?? ''))
    .filter((k) => k !== '')
    .join(FIELD_SEPARATOR);
}

/**
 * Index tokens of a key: every character and every pair of adjacent characters within a field.
 * Single characters serve one-character queries; pairs make two-character and longer queries
 * selective (pg_trgm needs three characters and so cannot serve Chinese queries of one or two).
 */
export function indexTokens(key: string): string[] {
  const tokens = new Set<string>();
  for (const field of key.split(FIELD_SEPARATOR)) {
    const chars = [...field];
    for (let i = 0; i < chars.length; i++) {
      tokens.add(chars[i]!);
      if (i + 1 < chars.length) tokens.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...tokens];
}

/** The tokens a key must all contain to possibly match a query term (its pairs, or the one character). */
export function queryTokens(termKey: string): string[] {
  const chars = [...termKey];
  if (chars.length <= 1) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  return [...pairs];
}

/** The keys of a query's terms: whitespace separates terms (all must match); empty terms vanish. */
export function queryTerms(q: string): string[] {
  const keys = q
    .normalize('NFKC')
    .split(/[\s\u3000]+/u)
    .map(searchKey)
    .filter((k) => k !== '');
  return [...new Set(keys)];
}

/**
 * Where query terms occur in a displayed text, as sorted, merged UTF-16 [start, end) ranges of the
 * text itself (not of its simplified key), so the page can mark them on what was catalogued.
 */
export function highlightRanges(text: string, termKeys: readonly string[]): Array<[number, number]> {
  if (!text || termKeys.length === 0) return [];
  const { key, spans } = mappedSearchKey(text);
  const keyChars = [...key];
  const found: Array<[number, number]> = [];
  for (const term of termKeys) {
    const termChars = [...term];
    if (termChars.length === 0) continue;
    for (let i = 0; i + termChars.length <= keyChars.length; i++) {
      if (termChars.every((c, j) => keyChars[i + j] === c)) {
        found.push([spans[i]![0], spans[i + termChars.length - 1]![1]]);
      }
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
