// Table of contents (IIIF ranges) from page labels. Page images are labelled the way catalogues
// cite leaves — 卷一 葉1a, 卷二 第3叶b, 卷首 1a — so consecutive pages naming the same 卷 form one
// range. Pages without a 卷 (covers, 序, 目錄 …) stay outside ranges.

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

const SPECIAL: Record<string, string> = {
  首: 'front matter',
  末: 'back matter',
  上: 'part 1',
  中: 'middle part',
  下: 'part 2',
};

// 卷 (or 卷第, 卷之 — 卷之三 is how many editions number them) followed by a number in Chinese or Arabic numerals, or 首/末/上/中/下.
const JUAN = /卷\s*[第之]?\s*([〇零一二两兩三四五六七八九十百千]+|\d+|[首末上中下])/u;

/** A Chinese numeral (一百九, 二十二, 〇五) or Arabic digits as a number; null when it is neither. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (![...text].every((c) => c in DIGITS || c in UNITS)) return null;
  // Digit strings without units (一〇五) read positionally.
  if (![...text].some((c) => c in UNITS)) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in UNITS) {
      total += (digit ?? 1) * UNITS[c]!;
      digit = null;
    } else {
      digit = DIGITS[c]!;
    }
  }
  return total + (digit ?? 0);
}

/** The 卷 a page label names: its text (卷一, 卷首) and English label; null when none. */
export function juanOfLabel(label: string): { key: string; zh: string; en: string } | null {
  const m = JUAN.exec(label);
  if (!m) return null;
  const token = m[1]!;
  const special = SPECIAL[token];
  if (special) return { key: token, zh: `卷${token}`, en: `Juan: ${special}` };
  const n = chineseNumber(token);
  if (n === null) return null;
  return { key: String(n), zh: `卷${token}`, en: `Juan ${n}` };
}

/** One run of consecutive pages of the same 卷 (indexes into the page list). */
export interface JuanRun {
  readonly zh: string;
  readonly en: string;
  readonly pages: readonly number[];
}

/** Consecutive pages naming the same 卷, in page order; empty when no label names a 卷. */
export function juanRuns(labels: readonly string[]): JuanRun[] {
  const runs: Array<{ key: string; zh: string; en: string; pages: number[] }> = [];
  let current: (typeof runs)[number] | null = null;
  labels.forEach((label, index) => {
    const juan = juanOfLabel(label);
    if (!juan) {
      current = null;
      return;
    }
    if (current && current.key === juan.key) {
      current.pages.push(index);
      return;
    }
    current = { ...juan, pages: [index] };
    runs.push(current);
  });
  return runs.map(({ zh, en, pages }) => ({ zh, en, pages }));
}
