// Chinese year numbers as they appear in edition statements: era years (元年, 二十五年,
// 廿一年, 卅二年), digit-by-digit numbers (二〇, 一九三一) and the sexagenary cycle (干支).
// Pure functions, no I/O.

// prettier-ignore
const DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '零': 0, '○': 0, '一': 1, '二': 2, '两': 2, '兩': 2,
  '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
// 廿 卅 卌 are whole tens written as one character; they only ever start a number.
const TENS: Readonly<Record<string, number>> = { 廿: 20, 卅: 30, 卌: 40 };
const ZEROS = new Set(['〇', '零', '○']);

/** Parses a Chinese (or Arabic) number such as 元, 十一, 二十五, 廿一, 卅, 二〇, 一百零五; null when it is not one. */
export function parseChineseNumber(text: string): number | null {
  const s = text.trim().normalize('NFKC');
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '元') return 1;
  const chars = [...s];
  if (chars.every((c) => c in DIGITS)) {
    // Digit by digit (二〇, 一九三一). Two digits without a zero (二三, 三五) usually mean
    // "two or three", not 23, so they are refused.
    const positional = chars.length === 1 || chars.length > 2 || chars.some((c) => ZEROS.has(c));
    return positional ? chars.reduce((n, c) => n * 10 + (DIGITS[c] ?? 0), 0) : null;
  }
  return parseWithUnits(chars);
}

function parseWithUnits(chars: readonly string[]): number | null {
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  let afterZero = false;
  for (const [i, c] of chars.entries()) {
    const tens = TENS[c];
    if (tens !== undefined) {
      if (i !== 0) return null;
      total = tens;
      lastUnit = 10;
      continue;
    }
    if (ZEROS.has(c)) {
      // A zero only bridges a skipped unit (一百零五); 十〇 or 二〇五 with units is malformed.
      if (pending !== null || lastUnit < 100 || total === 0) return null;
      afterZero = true;
      continue;
    }
    const digit = DIGITS[c];
    if (digit !== undefined) {
      if (pending !== null) return null;
      pending = digit;
      continue;
    }
    const unit = UNITS[c];
    if (unit === undefined || unit >= lastUnit) return null;
    // A bare 十 means ten only at the start (十一); 百十 or 三百十 without a digit is malformed.
    if (pending === null && (total !== 0 || unit !== 10)) return null;
    total += (pending ?? 1) * unit;
    pending = null;
    lastUnit = unit;
    afterZero = false;
  }
  if (pending !== null) {
    // A trailing digit is the units digit only after 十 or a zero: 一百五 (colloquial 150) is refused.
    if (lastUnit !== 10 && !afterZero) return null;
    total += pending;
  }
  return total;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
// 太平天国 replaced three branches it considered inauspicious: 丑→好, 卯→荣, 亥→开.
const BRANCH_VARIANTS: Readonly<Record<string, string>> = {
  好: '丑',
  荣: '卯',
  榮: '卯',
  开: '亥',
  開: '亥',
};

/** Position 0–59 in the sexagenary cycle of a 干支 such as 甲午 (also 太平天国's 癸好); null when not a valid pair. */
export function parseGanzhi(text: string): number | null {
  const [stemChar, branchChar, ...rest] = [...text];
  if (stemChar === undefined || branchChar === undefined || rest.length > 0) return null;
  const stem = STEMS.indexOf(stemChar);
  const branch = BRANCHES.indexOf(BRANCH_VARIANTS[branchChar] ?? branchChar);
  // Stems and branches advance together, so only pairs of equal parity exist (甲子 yes, 甲丑 no).
  if (stem < 0 || branch < 0 || stem % 2 !== branch % 2) return null;
  return (((6 * stem - 5 * branch) % 60) + 60) % 60;
}

/** Position 0–59 in the sexagenary cycle of a Gregorian year (4 CE was 甲子). */
export function ganzhiIndexOfYear(year: number): number {
  return (((year - 4) % 60) + 60) % 60;
}

/** The 干支 of a Gregorian year, e.g. 1774 → 甲午. */
export function ganzhiOfYear(year: number): string {
  const i = ganzhiIndexOfYear(year);
  return `${STEMS[i % 10]}${BRANCHES[i % 12]}`;
}
