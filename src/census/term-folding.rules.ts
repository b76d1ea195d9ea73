// Comparison keys for catalogue terms. Catalogues write the same term in traditional or
// simplified characters, full- or half-width, with stray spaces (綫裝, 線裝, 线装, 刻 本): the key
// makes them equal so code lists, duplicate checks and search treat them as one value. The key is
// for comparing only; what the cataloguer wrote is stored as written.

import * as OpenCC from 'opencc-js/t2cn';
import { TERM_VARIANTS } from './term-variants.data.js';

// The t2cn entry point loads only the traditional → simplified dictionaries (the full package
// also carries the reverse ones). Building the converter takes tens of milliseconds, so it is
// built on first use and kept.
let converter: ((text: string) => string) | undefined;

function toSimplified(text: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

const VARIANTS = new Map<string, string>(TERM_VARIANTS);
// Dashes people type for the same thing (焉耆—龟兹文, 焉耆-龟兹文); NFKC leaves them distinct.
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/g;
// \s misses the zero-width characters that spreadsheets and web forms leave behind.
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]+/g;

// Bulk imports fold the same few dozen terms thousands of times; remember recent keys.
const CACHE_LIMIT = 5000;
const cache = new Map<string, string>();

/**
 * The comparison key of a term: trimmed, NFKC (full-width → half-width), without whitespace,
 * lower-cased (Latin), traditional → simplified (OpenCC t → cn), then the variant table.
 */
export function foldTerm(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const plain = text.trim().normalize('NFKC').replace(SPACES, '').replace(DASHES, '-').toLowerCase();
  const simplified = plain === '' ? '' : toSimplified(plain);
  const key = [...simplified].map((ch) => VARIANTS.get(ch) ?? ch).join('');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, key);
  return key;
}

/** Whether two terms are the same value once folded (綫裝 = 线装). */
export function sameTerm(a: string, b: string): boolean {
  return foldTerm(a) === foldTerm(b);
}
