// Search keys for the public catalogue. Scholars type simplified characters, catalogues are written
// in traditional ones with variant forms, full-width digits and bibliographic punctuation
// (（宋）朱熹撰 《四書》). The key folds all of that away — NFKC (full → half width), no
// whitespace or punctuation, lower case, traditional → simplified (OpenCC via foldTerm) and the
// variant table — and keeps, for every key character, where it came from in the displayed text, so
// matches can be highlighted on the text exactly as catalogued.

import { foldTerm } from '../census/term-folding.rules.js';

// Punctuation, symbols, separators and format/control characters carry no meaning for search.
const DROPPED = /^[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]$/u;

/**
 * A folded key and its map back to the source: key character (code point) i came from the UTF-16
 * range [spans[2i], spans[2i + 1]) of the text. Without `spans`, character i came from unit i (a
 * text of plain ideographs and letters, most titles). Compact because kept rows keep their keys
 * (entry-text-keys.ts): arrays of pairs cost some 50 bytes per character where this costs 8 or none.
 */
export interface MappedKey {
  readonly key: string;
  readonly spans?: Uint32Array;
}

/** The UTF-16 range of the text that key character (code point) `i` came from. */
export function spanOf(mapped: MappedKey, i: number): [number, number] {
  return mapped.spans ? [mapped.spans[2 * i]!, mapped.spans[2 * i + 1]!] : [i, i + 1];
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
  // Start and end in the text of each kept character, and whether each is the unit at its index.
  const spans: number[] = [];
  let oneToOne = true;
  let offset = 0;
  for (const ch of text) {
    const start = offset;
    offset += ch.length;
    if (isPlainIdeograph(ch.codePointAt(0)!)) {
      if (ch.length !== 1 || kept.length !== start) oneToOne = false;
      kept.push(ch);
      spans.push(start, offset);
      continue;
    }
    for (const c of ch.normalize('NFKC')) {
      if (DROPPED.test(c)) continue;
      if (ch.length !== 1 || kept.length !== start) oneToOne = false;
      kept.push(c);
      spans.push(start, offset);
    }
  }
  // Whole-text conversion first: OpenCC converts some characters by phrase (乾隆 stays 乾隆, 乾 alone
  // becomes 干), and the stored keys are built the same way. Conversion is length-preserving for
  // nearly all text; when it is not, fall back to character-by-character so the map stays exact.
  const whole = [...foldTerm(kept.join(''))];
  const folded =
    whole.length === kept.length ? whole : kept.map((c) => [...foldTerm(c)][0] ?? c.toLowerCase());
  const key = folded.join('');
  return oneToOne ? { key } : { key, spans: Uint32Array.from(spans) };
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
  return rangesIn(mappedSearchKey(text), termKeys);
}

/** highlightRanges for a text whose mapped key is made already (a kept row's, entry-text-keys.ts). */
export function rangesIn(mapped: MappedKey, termKeys: readonly string[]): Array<[number, number]> {
  const { key } = mapped;
  if (!key) return [];
  // The map counts code points and indexOf UTF-16 units: the same unless the key holds characters
  // beyond the BMP (ideographs of extension B and later), whose units are converted.
  const pointAt = /[\uD800-\uDBFF]/.test(key) ? codePointIndexes(key) : undefined;
  const found: Array<[number, number]> = [];
  for (const term of termKeys) {
    if (!term) continue;
    // Every occurrence, overlapping ones too (诗诗 in 诗诗诗 twice).
    for (let at = key.indexOf(term); at !== -1; at = key.indexOf(term, at + 1)) {
      const first = pointAt ? pointAt[at]! : at;
      const last = pointAt ? pointAt[at + term.length - 1]! : at + term.length - 1;
      found.push([spanOf(mapped, first)[0], spanOf(mapped, last)[1]]);
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

/** For each UTF-16 unit of a text, the index of the code point it belongs to. */
function codePointIndexes(text: string): Uint32Array {
  const indexes = new Uint32Array(text.length);
  let unit = 0;
  let point = 0;
  for (const ch of text) {
    for (let i = 0; i < ch.length; i++) indexes[unit++] = point;
    point += 1;
  }
  return indexes;
}
