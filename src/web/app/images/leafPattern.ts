// Page labels for a run of pages from a 卷/叶 pattern, the way catalogues cite leaves: 卷一 葉一a,
// 卷一 葉一b, 卷一 葉二a … The cataloguer sees every label before they are stored; the server keeps
// them as written (and builds the table of contents from the 卷 they name).

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百〇五, 110 → 一百一十 (as leaf numbers are written). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return DIGITS[0]!;
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    // 十一 rather than 一十一 at the start.
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]!) + unit;
  });
  return out;
}

export interface LeafPattern {
  /** 卷 part, as written (卷一, 卷首, or empty for pages outside any 卷). */
  readonly juan: string;
  /** How the leaf is named: 葉 or 叶 (or 頁 …). */
  readonly leafWord: string;
  /** Number of the first leaf in the run. */
  readonly firstLeaf: number;
  /** Two pages per leaf (a and b sides) or one. */
  readonly sides: 'ab' | 'single';
  readonly numerals: 'chinese' | 'arabic';
  /** The first page's side when `sides` is ab (a run may start on a b side). */
  readonly firstSide: 'a' | 'b';
}

export const DEFAULT_PATTERN: LeafPattern = {
  juan: '卷一',
  leafWord: '葉',
  firstLeaf: 1,
  sides: 'ab',
  numerals: 'chinese',
  firstSide: 'a',
};

/** The labels of `count` consecutive pages following the pattern. */
export function leafLabels(pattern: LeafPattern, count: number): string[] {
  const number = (n: number) => (pattern.numerals === 'chinese' ? chineseNumeral(n) : String(n));
  const offset = pattern.sides === 'ab' && pattern.firstSide === 'b' ? 1 : 0;
  return Array.from({ length: count }, (_, i) => {
    const k = i + offset;
    const leaf = pattern.sides === 'ab' ? pattern.firstLeaf + Math.floor(k / 2) : pattern.firstLeaf + i;
    const side = pattern.sides === 'ab' ? (k % 2 === 0 ? 'a' : 'b') : '';
    return [pattern.juan.trim(), `${pattern.leafWord.trim()}${number(leaf)}${side}`]
      .filter(Boolean)
      .join(' ');
  });
}
