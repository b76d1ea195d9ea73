// How a derived edition date is written out for people: 明 嘉靖四年 → 1525（精确到年）. The record
// page, the list and the form's live preview all show this text, so they agree with each other.
import type { EditionDate } from './edition-date.rules.js';

interface Label {
  zh: string;
  en: string;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A reign year as catalogues write it: 1 → 元, 4 → 四, 10 → 十, 61 → 六十一. */
export function reignYearText(n: number): string {
  if (n === 1) return '元';
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}${tens ? '十' : ''}${DIGITS[ones]}`;
}

const PRECISION: Record<EditionDate['precision'], Label> = {
  year: { zh: '精确到年', en: 'year' },
  era: { zh: '年号', en: 'reign era' },
  period: { zh: '时期', en: 'period' },
  dynasty: { zh: '朝代', en: 'dynasty' },
  century: { zh: '世纪', en: 'century' },
  unknown: { zh: '不详', en: 'unknown' },
};

/** The label of a date precision. */
export function precisionLabel(precision: string): Label {
  return PRECISION[precision as EditionDate['precision']] ?? { zh: precision, en: precision };
}

/** The years of a date: 1460, 1736–1795, or ''. */
export function yearsText(date: Pick<EditionDate, 'yearFrom' | 'yearTo'>): string {
  if (date.yearFrom === null) return '';
  return date.yearTo !== null && date.yearTo !== date.yearFrom
    ? `${date.yearFrom}–${date.yearTo}`
    : String(date.yearFrom);
}

/** 明 嘉靖四年 → 1525（精确到年）; null when nothing was derived. */
export function displayEditionDate(date: EditionDate): Label | null {
  if (date.precision === 'unknown' || date.yearFrom === null) return null;
  const era = date.era ? `${date.era}${date.eraYear ? `${reignYearText(date.eraYear)}年` : ''}` : '';
  // 民国二十年: the era names the period itself, so 民国 is not written twice.
  const left = [date.era === date.dynasty ? '' : date.dynasty, era].filter(Boolean).join(' ');
  const how = precisionLabel(date.precision);
  const prefix = left ? `${left} → ` : '';
  return {
    zh: `${prefix}${yearsText(date)}（${how.zh}）`,
    en: `${prefix}${yearsText(date)} (${how.en})`,
  };
}
