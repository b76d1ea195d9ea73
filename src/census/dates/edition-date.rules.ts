// Normalises the date of a 古籍 edition statement (版本, e.g. 明萬曆三十三年（1605）王肯堂刻本)
// to { dynasty, era, eraYear, yearFrom, yearTo, precision }. Pure: no I/O; the statement itself
// is kept verbatim by the caller. Specification: shared/domain/dates.md.
//
// Rules chosen here:
// - Era + year N → start + N − 1. A year past the era's end (洪武三十五年, 乾隆六十三年) is
//   attested: within `eraYearMargin` years (default 10) it is computed the same way and warned
//   about (ERA_YEAR_PAST_END); further out it is an error (乾隆八十年). So is a year before the
//   era's first valid year (民国〇年, 后汉天福三年).
// - Ranges: 至正二十至二十四年, 康熙四十五年至四十七年, 萬曆十七年至清康熙十五年 keep precision
//   'year' (the first date's era and year) with yearTo at the end of the range; a range that
//   ends before it starts is an error. An era range (乾隆嘉庆间) keeps precision 'era'.
// - Periods: a span [from, to] of L = to − from + 1 years is cut into thirds at
//   from + round(L/3) and from + round(2L/3) (Math.round): 初/前期/初年/早期 = the first third,
//   中/中期/中叶 = the middle third, 晚/末/后期/季 = the last third; 上半叶/下半叶 cut at
//   from + round(L/2). Spans shorter than 3 years are not cut. The span is the era's when an
//   era is named (嘉靖初), else the dynasty's (南宋中期). 明末清初 (X末Y初) runs from the start
//   of X's last third to the end of Y's first third; other runs of dynasties (元明间, 宋元刻本)
//   cover all of them. Both are precision 'period' with the first dynasty as `dynasty`.
// - Centuries: N世纪 = (N−1)·100+1 … N·100 (十八世纪 = 1701–1800), cut into thirds the same way.
// - Dynasties come from the statement; eras resolved from the table report the table's
//   regime (宋天聖 → 北宋, 明永曆 → 南明).
// - A dynasty counts only in the position of a date: at the start of the statement, or followed
//   by an era, a period, another dynasty, a production word (刻 抄 印 …), 本, 人 or 间. After a
//   date, 明嘉靖七年金李澤遠堂 and 明唐鉞 continue with names, not dynasties. A dynasty that ended
//   before printing (唐 and earlier) needs the date position even at the start (唐鉞刻本,
//   梁佐刻本 are undated). A later date (repair, printing) is read only after a production word
//   and before another (元刻明正德递修本), so 影宋抄本 stays undated.
// - A list shares its dynasty (明成化、正德递修本 = 明成化 + 明正德 repairs); an era name shared
//   by several regimes is settled by the dynasty named in the statement, else by the record's
//   dynasty hint, else by which era is long enough for the year; otherwise it is reported
//   (ERA_AMBIGUOUS warning) and no year is derived: the date keeps the dynasty named, if any.
// - Regnal years of the Mongol khans (蒙古憲宗六年) count from accession; they are read only
//   after 蒙古 or 元, since 太宗, 宪宗 alone are temple names of many dynasties.
// - Era + 干支 is the year of that 干支 inside the era; one just past the end (後至元辛巳 = 1341)
//   is accepted like an era year past the end; two in the era (康熙壬寅) keep the era only.
// - A bracketed Gregorian year is the cataloguer's conversion and is cross-checked: on a
//   mismatch the era computation is kept (it is what the book says) and a warning names both.
// - Bracketed notes that are not years (（目錄卷上配清抄本）) are ignored.

import { DYNASTY_SPANS, ERA_TABLE, type DynastySpan, type EraEntry } from './era-table.data.js';
import {
  ganzhiIndexOfYear,
  ganzhiOfYear,
  parseChineseNumber,
  parseGanzhi,
} from './chinese-numerals.rules.js';

export type DatePrecision = 'year' | 'era' | 'period' | 'dynasty' | 'century' | 'unknown';

/** A normalised edition date. */
export interface EditionDate {
  dynasty: string | null;
  era: string | null;
  eraYear: number | null;
  yearFrom: number | null;
  yearTo: number | null;
  precision: DatePrecision;
}

export type EditionDateErrorCode =
  | 'ERA_YEAR_OUT_OF_RANGE'
  | 'ERA_DYNASTY_MISMATCH'
  | 'ERA_GANZHI_NOT_IN_ERA'
  | 'DATE_RANGE_REVERSED'
  | 'INVALID_YEAR_NUMERAL'
  | 'GUJI_DATE_TOO_LATE';

/** Something the reviewer should check; the date is still derived (or left unknown) and the text kept. */
export type EditionDateWarningCode =
  | 'ERA_YEAR_PAST_END'
  | 'ERA_AMBIGUOUS'
  | 'ERA_SHARED_NAME'
  | 'ERA_GANZHI_AMBIGUOUS'
  | 'GANZHI_MISMATCH'
  | 'GANZHI_WITHOUT_ERA'
  | 'BRACKET_YEAR_MISMATCH'
  | 'ERA_RANGE'
  | 'ZHIYUAN_READING';

/** A warning about an edition date, in Chinese and English. */
export interface EditionDateWarning {
  code: EditionDateWarningCode;
  messageZh: string;
  messageEn: string;
}

/** A rejected date, explained in Chinese and English; `value` is the statement as given. */
export interface EditionDateError {
  code: EditionDateErrorCode;
  messageZh: string;
  messageEn: string;
  value: string;
}

export type EditionDateResult =
  | { ok: true; date: EditionDate; later: EditionDate[]; warnings: EditionDateWarning[] }
  | { ok: false; error: EditionDateError };

export interface EditionDateContext {
  /** Dynasty given elsewhere in the record (e.g. the author's), used only to settle a shared era name. */
  dynastyHint?: string;
  /**
   * How many years past an era's last year are still accepted, with a warning (records.md: default
   * 10; configured by ERA_YEAR_MARGIN). A year further out is an error.
   */
  eraYearMargin?: number;
}

/** Default of EditionDateContext.eraYearMargin. */
export const DEFAULT_ERA_YEAR_MARGIN = 10;

/** 古籍 are documents from before 1912; later ones are 民国文献. */
export const GUJI_BEFORE_YEAR = 1912;

type Part = 'first' | 'middle' | 'last' | 'firstHalf' | 'secondHalf';

// ---------------------------------------------------------------------------------------------
// Text normalisation

// Traditional (and variant) forms of the characters that occur in era names, dynasty names and
// the words this parser reads. Deliberately small and explicit rather than a conversion library.
const TRADITIONAL_PAIRS =
  '後后萬万曆历歷历慶庆順顺開开統统緒绪豐丰寧宁寶宝應应興兴龍龙鳳凤儀仪調调聖圣壽寿證证' +
  '冊册歲岁視视長长雲云極极廣广貞贞會会紀纪復复樂乐運运漢汉昇升贊赞祿禄輔辅啓启啟启' +
  '禎祯聰聪國国監监紹绍義义業业觀观顯显總总載载遼辽晉晋吳吴華华遞递補补寫写鈔钞鐫镌' +
  '間间葉叶兩两時时閶阊臺台壇坛縣县橋桥門门鎮镇鄉乡宮宫煕熙佑祐榮荣' +
  '憲宪馬马齊齐偽伪僞伪陳陈涼凉東东趙赵劉刘蕭萧傳传經经鋪铺館馆師师輯辑';
const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
  TO_SIMPLIFIED.set(TRADITIONAL_PAIRS.charAt(i), TRADITIONAL_PAIRS.charAt(i + 1));
}

const YEAR_NOTE = /^(?:公元)?\d{3,4}年?(?:[-—–~至到]\d{3,4}年?)?$|^[元〇零○一二三四五六七八九十廿卅卌百]+年$/;

/** Simplified, NFKC, no spaces or cataloguers' square brackets; non-year bracketed notes become '|'. */
function normaliseText(text: string): string {
  const simplified = [...text.normalize('NFKC')].map((c) => TO_SIMPLIFIED.get(c) ?? c).join('');
  return simplified
    .replace(/\s+/g, '')
    .replace(/[[\]〔〕【】?？]/g, '')
    .replace(/\(([^()]*)\)/g, (whole, inner: string) =>
      // （清）刻本: a dynasty in brackets (the cataloguer's inference) is still the date.
      YEAR_NOTE.test(inner) ? whole : DYNASTY_TOKENS.has(inner) ? inner : '|',
    );
}

// ---------------------------------------------------------------------------------------------
// Lookup tables derived from the data

const DYNASTY_TOKENS = new Map<string, DynastySpan>();
for (const span of DYNASTY_SPANS) {
  for (const name of [span.dynasty, ...(span.aliases ?? [])]) DYNASTY_TOKENS.set(name, span);
}
const ERA_INDEX = new Map<string, EraEntry[]>();
for (const entry of ERA_TABLE) {
  for (const name of [entry.era, ...(entry.aliases ?? [])]) {
    ERA_INDEX.set(name, [...(ERA_INDEX.get(name) ?? []), entry]);
  }
}
const MAX_DYNASTY_LENGTH = Math.max(...[...DYNASTY_TOKENS.keys()].map((k) => k.length));
const MAX_ERA_LENGTH = Math.max(...[...ERA_INDEX.keys()].map((k) => k.length));

// Words that begin with a dynasty character but name a place (金陵 = Nanjing, 梁溪 = Wuxi …).
const NOT_A_DYNASTY = '金陵 金华 金阊 金台 金坛 金溪 金山 金城 梁溪 明州 清河 清江'.split(' ');
// An era name followed by one of these is a place or building (开元寺, 元和县), not a date.
const PLACE_SUFFIXES = new Set([...'寺观宫县府州路里坊桥门庵塔院镇村乡']);
// A dynasty name followed by one of these is a place (大理府, 宋州); 宫 and 观 are left out (清宫).
const PLACE_AFTER_DYNASTY = new Set([...'寺县府州路里坊桥门庵塔院镇村乡']);
// Production words after which a later date (repair, printing) may follow.
const PRODUCTION_MARKS = new Set([...'刻刊镌印抄钞写修补']);
const REPAIR_WORDS = ['递修', '递补', '修补', '补修', '重修', '修', '补', '印'];
const DATE_LIKE_AFTER_ERA =
  /^(?:[元〇零○一二三四五六七八九十廿卅卌百两0-9]+[年载]|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]|年间|间|[初中晚末]|\(|[刻刊镌印抄钞写本修补]|$)/;
// prettier-ignore
const PERIOD_MARKERS: readonly (readonly [string, Part])[] = [
  ['上半叶', 'firstHalf'], ['前半叶', 'firstHalf'], ['下半叶', 'secondHalf'], ['后半叶', 'secondHalf'],
  ['初期', 'first'], ['前期', 'first'], ['初年', 'first'], ['初叶', 'first'], ['早期', 'first'],
  ['中期', 'middle'], ['中叶', 'middle'],
  ['晚期', 'last'], ['末期', 'last'], ['末年', 'last'], ['末叶', 'last'], ['后期', 'last'], ['季年', 'last'],
  ['初', 'first'], ['中', 'middle'], ['晚', 'last'], ['末', 'last'], ['季', 'last'],
];
// A year is a numeral and 年 (载 under 天宝); the first year of a range may omit 年 (至正二十至二十四年).
const YEAR_PATTERN = /([元〇零○一二三四五六七八九十廿卅卌百两0-9]+)(?:[年载]|(?=[至到\-—–~]))/y;
const CENTURY_PATTERN = /(?:公元)?([一二三四五六七八九十]{1,3}|\d{1,2})世纪/y;

// ---------------------------------------------------------------------------------------------
// Public API

/** Normalises the date of an edition statement; see the rules at the top of this file. */
export function normaliseEditionDate(text: string, context: EditionDateContext = {}): EditionDateResult {
  const s = normaliseText(text);
  const state: ParseState = {
    original: text,
    s,
    warnings: [],
    hint: familyOfName(context.dynastyHint),
    margin: context.eraYearMargin ?? DEFAULT_ERA_YEAR_MARGIN,
  };
  try {
    const { date, later } = parseStatement(state);
    return { ok: true, date, later, warnings: state.warnings };
  } catch (err) {
    if (err instanceof DateFailure) return { ok: false, error: err.detail };
    throw err;
  }
}

/** Whether a date allows a 古籍 (before 1912); an unknown date cannot rule it out. */
export function isGujiDate(date: EditionDate): boolean {
  return date.yearFrom === null || date.yearFrom < GUJI_BEFORE_YEAR;
}

/**
 * The error a 古籍 record gets for its edition date: the parse error, GUJI_DATE_TOO_LATE for a
 * date from 1912 on, or null. `value` is the statement as written, for the error message.
 */
export function checkGujiDate(result: EditionDateResult, value?: string): EditionDateError | null {
  if (!result.ok) return result.error;
  const { date } = result;
  if (isGujiDate(date)) return null;
  return {
    code: 'GUJI_DATE_TOO_LATE',
    messageZh: `版本年代为 ${date.yearFrom} 年，古籍须为 1912 年以前的文献；请改为登记民国文献。`,
    messageEn: `The edition dates from ${date.yearFrom}; 古籍 must predate 1912. Register it as a Republican-era document (民国文献) instead.`,
    value: value ?? String(date.yearFrom),
  };
}

/** The years of one part (third or half) of a span, by the rule documented at the top of this file. */
export function partOfSpan(from: number, to: number, part: Part): [number, number] {
  const length = to - from + 1;
  if (length < 3) return [from, to];
  const third = from + Math.round(length / 3);
  const twoThirds = from + Math.round((2 * length) / 3);
  const half = from + Math.round(length / 2);
  switch (part) {
    case 'first':
      return [from, third - 1];
    case 'middle':
      return [third, twoThirds - 1];
    case 'last':
      return [twoThirds, to];
    case 'firstHalf':
      return [from, half - 1];
    case 'secondHalf':
      return [half, to];
  }
}

// ---------------------------------------------------------------------------------------------
// Statement level: the main date, then later dates after production words

interface ParseState {
  readonly original: string;
  readonly s: string;
  readonly warnings: EditionDateWarning[];
  readonly hint: readonly string[] | null;
  readonly margin: number;
}

interface Expr {
  date: EditionDate;
  part: Part | null;
  next: number;
}

interface Run {
  exprs: Expr[];
  between: boolean;
  next: number;
}

class DateFailure extends Error {
  constructor(readonly detail: EditionDateError) {
    super(detail.messageEn);
  }
}

function makeDate(
  dynasty: string | null,
  era: string | null,
  eraYear: number | null,
  yearFrom: number | null,
  yearTo: number | null,
  precision: DatePrecision,
): EditionDate {
  return { dynasty, era, eraYear, yearFrom, yearTo, precision };
}

function parseStatement(state: ParseState): { date: EditionDate; later: EditionDate[] } {
  const { s } = state;
  const main = parseRun(state, 0, state.hint);
  let date = makeDate(null, null, null, null, null, 'unknown');
  const later: EditionDate[] = [];
  if (main) {
    const [first, ...rest] = main.exprs;
    if (first && rest.length === 0) date = first.date;
    else if (first && !main.between && !isTransition(main.exprs) && startsRepair(s, main.next)) {
      // 宋元递修本, 明成化、正德递修本: the first date names the edition, the others its repairs.
      date = first.date;
      later.push(...rest.map((e) => e.date));
    } else date = mergeRun(main.exprs);
  } else if (parseGanzhi(s.slice(0, 2)) !== null) {
    warn(
      state,
      'GANZHI_WITHOUT_ERA',
      `单独的干支“${s.slice(0, 2)}”无法确定年份，保留原文`,
      `a bare 干支 (${s.slice(0, 2)}) does not fix a year; kept as text`,
    );
  }

  const laterHint = date.dynasty
    ? [...(familyOfName(date.dynasty) ?? []), ...(state.hint ?? [])]
    : state.hint;
  let k = main?.next ?? 0;
  while (k < s.length) {
    if (PRODUCTION_MARKS.has(s.charAt(k))) {
      const run = parseRun(state, k + 1, laterHint);
      // A later date is in the position of a date only when a production word follows it
      // (元刻明正德递修本, 明刻清印本); 明刻本唐鉞跋 names a person.
      if (run && (PRODUCTION_MARKS.has(s.charAt(run.next)) || startsRepair(s, run.next))) {
        if (run.between || isTransition(run.exprs)) later.push(mergeRun(run.exprs));
        else later.push(...run.exprs.map((e) => e.date));
        k = run.next;
        continue;
      }
      const sameEra = laterYearOfSameEra(state, k + 1, date);
      if (sameEra) {
        later.push(sameEra.date);
        k = sameEra.next;
        continue;
      }
    }
    k += 1;
  }
  return { date, later };
}

/** 清乾隆三十二年刻五十二年增修本: a bare year after a production word is in the edition's era. */
function laterYearOfSameEra(state: ParseState, k: number, date: EditionDate): Expr | null {
  const { s } = state;
  const year = matchYear(s, k);
  const entry = ERA_TABLE.find((e) => e.dynasty === date.dynasty && e.era === date.era);
  const n = year ? parseChineseNumber(year.numeral) : null;
  if (!year || !entry || n === null || date.precision !== 'year') return null;
  const bracketEnd = s.charAt(year.next) === '(' ? s.indexOf(')', year.next) + 1 : year.next;
  const after = bracketEnd > year.next ? bracketEnd : year.next;
  if (!PRODUCTION_MARKS.has(s.charAt(after)) && !startsRepair(s, after) && !s.startsWith('增', after))
    return null;
  const gregorian = yearOfEra(state, entry, `${entry.era}${year.numeral}`, n);
  const later = makeDate(entry.dynasty, entry.era, n, gregorian, gregorian, 'year');
  return { date: later, part: null, next: checkBracket(state, year.next, later) };
}

function startsRepair(s: string, k: number): boolean {
  return REPAIR_WORDS.some((w) => s.startsWith(w, k));
}

/** Adjacent date expressions (明末清初, 宋元, 元明间, 明成化、正德) starting at i. */
function parseRun(state: ParseState, i: number, hint: readonly string[] | null): Run | null {
  const { s } = state;
  const exprs: Expr[] = [];
  let k = i;
  let listed = false;
  for (;;) {
    const previous = exprs.at(-1);
    // After a date, only a dynasty in the position of a date (宋元, 明末清初) or anything after 、
    // continues the run: 明嘉靖七年金李澤遠堂 and 明唐鉞 name people, not 金 or 唐.
    // 天啓崇禎遞修: an era straight after an era-only date of the same dynasty continues the run.
    const sameDynastyEra =
      previous?.date.precision === 'era' &&
      previous.date.dynasty !== null &&
      matchEra(s, k)?.entries.some((e) => e.dynasty === previous.date.dynasty) === true;
    const continues =
      previous === undefined ||
      listed ||
      sameDynastyEra ||
      s.startsWith('民初', k) ||
      (previous.date.era === null && dynastyInDatePosition(s, k));
    // A list shares the dynasty already named: 明成化、正德 is 明正德, not 西夏正德.
    const listHint =
      (listed || sameDynastyEra) && previous?.date.dynasty ? familyOfName(previous.date.dynasty) : hint;
    const expr = continues ? parseExpr(state, k, listHint, previous === undefined && i === 0) : null;
    if (!expr) break;
    exprs.push(expr);
    k = expr.next;
    listed = s.charAt(k) === '、' && (matchDynasty(s, k + 1) !== null || matchEra(s, k + 1) !== null);
    if (listed) k += 1;
  }
  if (exprs.length === 0) return null;
  const between = ['年间', '之间', '间'].find((w) => s.startsWith(w, k));
  return { exprs, between: between !== undefined, next: k + (between?.length ?? 0) };
}

/**
 * Whether a dynasty name at i stands where a date stands: followed by an era, a period, another
 * dynasty, a production word (刻 抄 印 …), 本, 人 (元人抄本), 间, 代/朝, a bracket or the end.
 * Otherwise it begins a name (唐鉞, 金李, 梁佐).
 */
function dynastyInDatePosition(s: string, i: number): boolean {
  const dynasty = matchDynasty(s, i);
  if (!dynasty) return false;
  const j = i + dynasty.token.length;
  const after = s.charAt(j);
  if (after === '' || '|(、本人间代朝拓'.includes(after) || PRODUCTION_MARKS.has(after)) return true;
  if (s.startsWith('递修', j) || matchPeriod(s, j) || matchEra(s, j, familyOf(dynasty.span))) return true;
  return matchDynasty(s, j) !== null || s.startsWith('民初', j);
}

function isTransition(exprs: readonly Expr[]): boolean {
  return exprs.length === 2 && exprs[0]?.part === 'last' && exprs[1]?.part === 'first';
}

function mergeRun(exprs: readonly Expr[]): EditionDate {
  const froms = exprs.map((e) => e.date.yearFrom).filter((y): y is number => y !== null);
  const tos = exprs.map((e) => e.date.yearTo).filter((y): y is number => y !== null);
  return {
    dynasty: exprs[0]?.date.dynasty ?? null,
    era: null,
    eraYear: null,
    yearFrom: froms.length ? Math.min(...froms) : null,
    yearTo: tos.length ? Math.max(...tos) : null,
    precision: 'period',
  };
}

// ---------------------------------------------------------------------------------------------
// One date expression: [dynasty] [era] [year | 干支 | period | …], or a century

function parseExpr(
  state: ParseState,
  i: number,
  hint: readonly string[] | null,
  atStart: boolean,
): Expr | null {
  const { s } = state;
  const century = parseCentury(state, i);
  if (century) return century;
  if (s.startsWith('民初', i)) return periodOfDynasty(state, requireSpan('民国'), 'first', i + 2);

  const dynasty = matchDynasty(s, i);
  const eraHere = matchEra(s, i);
  // A dynasty that ended before printing (唐 and earlier) opens the statement only as a date
  // (唐写本, 唐开元十年): 唐鉞刻本 and 梁佐刻本 begin with a printer's name.
  const early = dynasty !== null && dynasty.span.end < 960 && !dynastyInDatePosition(s, i);
  if (dynasty && !early) {
    let j = i + dynasty.token.length;
    if ((s.charAt(j) === '代' || s.charAt(j) === '朝') && s.charAt(j + 1) !== '鲜') j += 1;
    const era = matchEra(s, j, familyOf(dynasty.span));
    if (era && !PLACE_SUFFIXES.has(s.charAt(era.next))) {
      // 清中和堂: an era name of another dynasty followed by a name is a studio, not a date.
      const belongs = era.entries.some((e) => familyOf(dynasty.span).includes(e.dynasty));
      if (belongs || DATE_LIKE_AFTER_ERA.test(s.slice(era.next))) {
        return parseEraTail(state, era, dynasty.span, hint);
      }
      // Its characters are a name, so 清中和堂 must not be read as 清中 (mid-Qing) either.
      return dynastyOnly(state, dynasty.span, era.next);
    }
    if (eraHere && eraHere.token.length > dynasty.token.length) {
      // 元统二年 is the era 元统, not the dynasty 元; 元和县 is a place.
      return PLACE_SUFFIXES.has(s.charAt(eraHere.next)) ? null : parseEraTail(state, eraHere, null, hint);
    }
    if (!atStart && !dynastyInDatePosition(s, i)) return null;
    return parseDynastyTail(state, dynasty.span, j, hint);
  }
  if (eraHere && !PLACE_SUFFIXES.has(s.charAt(eraHere.next))) return parseEraTail(state, eraHere, null, hint);
  return null;
}

function parseDynastyTail(
  state: ParseState,
  span: DynastySpan,
  j: number,
  hint: readonly string[] | null,
): Expr {
  const { s } = state;
  const period = matchPeriod(s, j);
  if (period) return periodOfDynasty(state, span, period.part, period.next);

  // 民国二十年, 太平天国癸好三年: regimes that count their own years under their own name.
  const selfEra = ERA_INDEX.get(span.dynasty)?.filter((e) => e.dynasty === span.dynasty);
  if (selfEra?.length && (matchYear(s, j) || matchGanzhi(s, j))) {
    return parseEraTail(state, { token: span.dynasty, entries: selfEra, next: j }, span, hint);
  }

  const ganzhi = matchGanzhi(s, j);
  if (ganzhi) {
    warn(
      state,
      'GANZHI_WITHOUT_ERA',
      `“${span.dynasty}${ganzhi.text}”未注年号，干支年份无法确定`,
      `${span.dynasty} ${ganzhi.text} names no era, so the 干支 does not fix a year`,
    );
  }
  return dynastyOnly(state, span, ganzhi?.next ?? j);
}

function dynastyOnly(state: ParseState, span: DynastySpan, next: number): Expr {
  const date = makeDate(span.dynasty, null, null, span.start, span.end, 'dynasty');
  return { date, part: null, next: checkBracket(state, next, date) };
}

function periodOfDynasty(state: ParseState, span: DynastySpan, part: Part, next: number): Expr {
  const [yearFrom, yearTo] = partOfSpan(span.start, span.end, part);
  const date = makeDate(span.dynasty, null, null, yearFrom, yearTo, 'period');
  return { date, part, next: checkBracket(state, next, date) };
}

interface EraMatch {
  token: string;
  entries: readonly EraEntry[];
  next: number;
}

/** What a statement says when an era name cannot be settled: the dynasty it names, else nothing. */
function undecided(dynasty: DynastySpan | null): EditionDate {
  return dynasty
    ? makeDate(dynasty.dynasty, null, null, dynasty.start, dynasty.end, 'dynasty')
    : makeDate(null, null, null, null, null, 'unknown');
}

function parseEraTail(
  state: ParseState,
  era: EraMatch,
  dynasty: DynastySpan | null,
  hint: readonly string[] | null,
): Expr {
  const { s } = state;
  let k = era.next;
  const ganzhi = matchGanzhi(s, k);
  if (ganzhi) k = ganzhi.next;
  const year = matchYear(s, k);

  if (year) {
    const n = parseChineseNumber(year.numeral);
    if (n === null) {
      fail(
        state,
        'INVALID_YEAR_NUMERAL',
        `无法识别年数“${year.numeral}”`,
        `Cannot read the year number “${year.numeral}”`,
      );
    }
    const bracket = bracketYearAt(s, matchGanzhi(s, year.next)?.next ?? year.next);
    const entry = resolveEra(state, era, dynasty, hint, { year: n, bracket });
    if (!entry) {
      const date = undecided(dynasty);
      return { date, part: null, next: checkBracket(state, skipYearRange(s, year.next), date) };
    }
    const gregorian = yearOfEra(state, entry, `${era.token}${year.numeral}`, n);
    let next = year.next;
    const trailing = ganzhi ?? matchGanzhi(s, next);
    if (!ganzhi && trailing) next = trailing.next;
    if (trailing && trailing.index !== ganzhiIndexOfYear(gregorian)) {
      warn(
        state,
        'GANZHI_MISMATCH',
        `${era.token}${year.numeral}年为${ganzhiOfYear(gregorian)}年，与所记干支“${trailing.text}”不符`,
        `${era.token} year ${n} (${gregorian}) is ${ganzhiOfYear(gregorian)}, not ${trailing.text}`,
      );
    }
    const date = makeDate(entry.dynasty, entry.era, n, gregorian, gregorian, 'year');
    next = parseYearRange(state, next, entry, date);
    return { date, part: null, next: checkBracket(state, next, date) };
  }

  if (ganzhi) {
    const entry = resolveEra(state, era, dynasty, hint, { ganzhi: ganzhi.index });
    if (!entry) {
      const date = undecided(dynasty);
      return { date, part: null, next: checkBracket(state, k, date) };
    }
    const [from, to] = validYears(entry);
    let years = yearsWithGanzhi(entry, ganzhi.index, from, to);
    if (years.length === 0) {
      // 後至元辛巳 (1341): a 干支 just past the era's end, in a year the new era was not yet known.
      years = yearsWithGanzhi(entry, ganzhi.index, to + 1, to + state.margin);
      if (years[0] !== undefined) warnPastEnd(state, entry, `${era.token}${ganzhi.text}`, years[0]);
    }
    if (years.length === 0) {
      fail(
        state,
        'ERA_GANZHI_NOT_IN_ERA',
        `${entry.dynasty}${entry.era}年间（${from}–${to}）没有${ganzhi.text}年`,
        `No ${ganzhi.text} year falls within the ${entry.dynasty} ${entry.era} era (${from}–${to})`,
      );
    }
    if (years.length > 1) {
      warn(
        state,
        'ERA_GANZHI_AMBIGUOUS',
        `${entry.era}年间有不止一个${ganzhi.text}年（${years.join('、')}），只记年号`,
        `the ${entry.era} era contains more than one ${ganzhi.text} year (${years.join(', ')}); only the era is kept`,
      );
      const date = makeDate(entry.dynasty, entry.era, null, from, to, 'era');
      return { date, part: null, next: checkBracket(state, k, date) };
    }
    const gregorian = years[0] ?? from;
    const date = makeDate(
      entry.dynasty,
      entry.era,
      gregorian - entry.start + 1,
      gregorian,
      gregorian,
      'year',
    );
    return { date, part: null, next: checkBracket(state, k, date) };
  }

  const entry = resolveEra(state, era, dynasty, hint, {});
  if (!entry) {
    const date = undecided(dynasty);
    return { date, part: null, next: checkBracket(state, k, date) };
  }
  const [from, to] = validYears(entry);
  const period = matchPeriod(s, k);
  if (period) {
    const [yearFrom, yearTo] = partOfSpan(from, to, period.part);
    const date = makeDate(entry.dynasty, entry.era, null, yearFrom, yearTo, 'period');
    return { date, part: period.part, next: checkBracket(state, period.next, date) };
  }
  const date = makeDate(entry.dynasty, entry.era, null, from, to, 'era');
  const next = parseEraRange(state, k, entry, date);
  return { date, part: null, next: checkBracket(state, next, date) };
}

const RANGE_CONNECTOR = /[至到\-—–~]/y;

/** Skips the end of a range (至二十四年, 至清康熙十五年) whose start could not be dated. */
function skipYearRange(s: string, k: number): number {
  RANGE_CONNECTOR.lastIndex = k;
  if (!RANGE_CONNECTOR.test(s)) return k;
  let j = RANGE_CONNECTOR.lastIndex;
  const dynasty = matchDynasty(s, j);
  if (dynasty) j += dynasty.token.length;
  const era = matchEra(s, j);
  if (era) j = era.next;
  return matchYear(s, j)?.next ?? k;
}

/**
 * 至正二十至二十四年, 康熙四十五年至四十七年, 康熙五十五年至雍正二年, 萬曆十七年至清康熙十五年:
 * widens yearTo; returns the index after the range. A range ending before it starts is an error.
 */
function parseYearRange(state: ParseState, k: number, entry: EraEntry, date: EditionDate): number {
  const { s } = state;
  RANGE_CONNECTOR.lastIndex = k;
  if (!RANGE_CONNECTOR.test(s)) return k;
  let j = RANGE_CONNECTOR.lastIndex;
  let target = entry;
  let token = entry.era;
  const dynasty = matchDynasty(s, j);
  const family = dynasty ? familyOf(dynasty.span) : null;
  const afterDynasty = dynasty ? j + dynasty.token.length : j;
  // 至民國元年: a regime counting its own years is its own era.
  const selfEra = dynasty
    ? ERA_INDEX.get(dynasty.span.dynasty)?.filter((e) => e.dynasty === dynasty.span.dynasty)
    : undefined;
  const era =
    matchEra(s, afterDynasty, family ?? undefined) ??
    (dynasty && selfEra?.length ? { token: dynasty.token, entries: selfEra, next: afterDynasty } : null);
  if (era) {
    const year = matchYear(s, era.next);
    const n = year ? parseChineseNumber(year.numeral) : null;
    if (n === null) return k;
    const resolved = resolveEra(state, era, dynasty?.span ?? null, family ?? [entry.dynasty], { year: n });
    if (!resolved) return k;
    target = resolved;
    token = era.token;
    j = era.next;
  }
  const year = matchYear(s, j);
  const n = year ? parseChineseNumber(year.numeral) : null;
  if (!year || n === null) return k;
  const to = yearOfEra(state, target, `${token}${year.numeral}`, n);
  if (date.yearFrom !== null && to < date.yearFrom) {
    fail(
      state,
      'DATE_RANGE_REVERSED',
      `年代区间止于 ${to} 年，早于起始的 ${date.yearFrom} 年`,
      `The date range ends (${to}) before it starts (${date.yearFrom})`,
    );
  }
  date.yearTo = to;
  return year.next;
}

/** 乾隆嘉庆间, 康熙至乾隆间: an era range of one dynasty widens yearTo to the second era's end. */
function parseEraRange(state: ParseState, k: number, entry: EraEntry, date: EditionDate): number {
  const { s } = state;
  const j = /[至到、\-—–~]/.test(s.charAt(k)) ? k + 1 : k;
  const era = matchEra(s, j);
  const second = era?.entries.find(
    (e) => e.dynasty === entry.dynasty && e.start >= entry.start && e !== entry,
  );
  // 隆庆、万历递修, 弘治、正德、嘉靖递修: a list of separate repairs, not one range; 乾隆、嘉庆间 is a range.
  const listed = s.charAt(k) === '、' && !['间', '年间', '之间'].some((w) => s.startsWith(w, era?.next ?? k));
  if (!era || !second || listed || startsRepair(s, era.next)) return k;
  date.yearTo = second.end;
  warn(
    state,
    'ERA_RANGE',
    `年代跨${entry.era}、${second.era}两朝，年号字段只记前者`,
    `the date spans the ${entry.era} and ${second.era} eras; the era field keeps the first`,
  );
  return era.next;
}

// ---------------------------------------------------------------------------------------------
// Eras: choosing among shared names, year arithmetic

/** The era meant by a name, or null (with a warning) when the statement does not settle it. */
function resolveEra(
  state: ParseState,
  era: EraMatch,
  dynasty: DynastySpan | null,
  hint: readonly string[] | null,
  clue: { year?: number; ganzhi?: number; bracket?: number | null },
): EraEntry | null {
  let candidates = era.entries;
  if (dynasty) {
    const family = familyOf(dynasty);
    candidates = candidates.filter((e) => family.includes(e.dynasty));
    if (candidates.length === 0) {
      const owners = era.entries.map((e) => e.dynasty).join('、');
      fail(
        state,
        'ERA_DYNASTY_MISMATCH',
        `“${era.token}”不是${dynasty.dynasty}的年号（属${owners}）`,
        `${era.token} is not an era of ${dynasty.dynasty} (it belongs to ${owners})`,
      );
    }
  } else if (hint) {
    const hinted = candidates.filter((e) => hint.includes(e.dynasty));
    if (hinted.length > 0) candidates = hinted;
  }
  if (candidates.length > 1 && (clue.year !== undefined || clue.ganzhi !== undefined)) {
    // Only one of the homonymous eras may be long enough (天顺四年 cannot be 元天顺, which lasted a year).
    const fitting = candidates.filter((e) =>
      clue.year !== undefined
        ? eraYearFits(e, clue.year)
        : yearsWithGanzhi(e, clue.ganzhi ?? -1, ...validYears(e)).length > 0,
    );
    if (fitting.length === 1 && fitting[0]) {
      const only = fitting[0];
      warn(
        state,
        'ERA_SHARED_NAME',
        `同名年号“${era.token}”按年数判定为${only.dynasty}${only.era}`,
        `${era.token} is a shared era name; only ${only.dynasty} ${only.era} fits the year`,
      );
      return only;
    }
    if (fitting.length > 1) candidates = fitting;
  }
  const { year, bracket } = clue;
  if (candidates.length > 1 && year !== undefined && bracket) {
    // The cataloguer's bracketed year settles a shared name (天順元年（1457）is 明's).
    const matching = candidates.filter((e) => e.start + year - 1 === bracket);
    if (matching.length === 1 && matching[0]) return matching[0];
  }
  const [chosen, ...others] = candidates;
  if (!chosen || others.length > 0) {
    const zh = candidates.map((e) => `${e.dynasty}${e.era}（${e.start}–${e.end}）`);
    const en = candidates.map((e) => `${e.dynasty} ${e.era} (${e.start}–${e.end})`);
    warn(
      state,
      'ERA_AMBIGUOUS',
      `年号“${era.token}”为多个政权所用：${zh.join('、')}；未注朝代，年代不作推定`,
      `the era name ${era.token} was used by several regimes: ${en.join(', ')}; no dynasty is given, so no year is derived`,
    );
    return null;
  }
  if (chosen.era === '至元' && year !== undefined && year <= 6) {
    // 元至元六年（1340）: catalogues often write 顺帝's 后至元 as plain 至元; the bracket says which.
    const later = ERA_INDEX.get('后至元')?.[0];
    if (later && bracket === later.start + year - 1) return later;
    warn(
      state,
      'ZHIYUAN_READING',
      `至元${clue.year}年按元世祖至元计；若指顺帝后至元请写“后至元”`,
      `read as 世祖's 至元; write 后至元 for 顺帝's (1335–1340)`,
    );
  }
  return chosen;
}

/**
 * Gregorian year of year N of an era (`written` is e.g. 乾隆六十一). A year past the era's last
 * year is attested (the new era not yet known, or the old count kept): within the margin it is
 * computed as start + N − 1 with a warning; further out, or before the era began, it is an error.
 */
function yearOfEra(state: ParseState, entry: EraEntry, written: string, n: number): number {
  const gregorian = entry.start + n - 1;
  if (eraYearFits(entry, n)) return gregorian;
  const length = entry.end - entry.start + 1;
  const overrun = n - length;
  if (overrun > 0 && overrun <= state.margin) {
    warnPastEnd(state, entry, `${written}年`, gregorian);
    return gregorian;
  }
  const first = entry.firstYear ?? 1;
  const [from, to] = validYears(entry);
  const zh = first > 1 ? `仅有第 ${first}–${length} 年` : `共 ${length} 年`;
  const en =
    first > 1 ? `only has years ${first}–${length}` : `lasted ${length} year${length > 1 ? 's' : ''}`;
  const beyond =
    overrun > 0
      ? [
          `超出末年 ${overrun} 年，多于允许的 ${state.margin} 年`,
          `, ${overrun} years past its end (at most ${state.margin} are accepted)`,
        ]
      : ['', ''];
  fail(
    state,
    'ERA_YEAR_OUT_OF_RANGE',
    `${entry.dynasty}${entry.era}${zh}（${from}–${to}），“${written}年”${beyond[0] || '不存在'}`,
    `The ${entry.dynasty} ${entry.era} era ${en} (${from}–${to}); ${written}年 (year ${n}) ${overrun > 0 ? `is${beyond[1]}` : 'does not exist'}`,
  );
}

function warnPastEnd(state: ParseState, entry: EraEntry, written: string, gregorian: number): void {
  warn(
    state,
    'ERA_YEAR_PAST_END',
    `${entry.dynasty}${entry.era}止于 ${entry.end} 年，“${written}”已过其末年，按 ${gregorian} 年计；请核对`,
    `the ${entry.dynasty} ${entry.era} era ended in ${entry.end}; ${written} is past its end and is counted as ${gregorian}; please check`,
  );
}

function eraYearFits(entry: EraEntry, n: number): boolean {
  return n >= (entry.firstYear ?? 1) && n <= entry.end - entry.start + 1;
}

function validYears(entry: EraEntry): [number, number] {
  return [entry.start + (entry.firstYear ?? 1) - 1, entry.end];
}

function yearsWithGanzhi(entry: EraEntry, index: number, from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y += 1) if (ganzhiIndexOfYear(y) === index) years.push(y);
  return years;
}

// ---------------------------------------------------------------------------------------------
// Token matchers (all anchored at index i of the normalised text)

/** A single bracketed Gregorian year at i (（1340）), used only to choose between homonymous eras. */
function bracketYearAt(s: string, i: number): number | null {
  const m = /^\((?:公元)?(\d{3,4})年?\)/.exec(s.slice(i, i + 12));
  return m?.[1] ? Number(m[1]) : null;
}

function matchDynasty(s: string, i: number): { token: string; span: DynastySpan } | null {
  if (NOT_A_DYNASTY.some((w) => s.startsWith(w, i))) return null;
  for (let len = Math.min(MAX_DYNASTY_LENGTH, s.length - i); len >= 1; len -= 1) {
    const token = s.slice(i, i + len);
    const span = DYNASTY_TOKENS.get(token);
    const after = s.charAt(i + len);
    // 宋氏, 金氏 are families; 大理府, 明州 are places.
    if (span && after !== '氏' && !PLACE_AFTER_DYNASTY.has(after)) return { token, span };
  }
  return null;
}

/**
 * An era name at i. Regnal counts (蒙古 宪宗) are matched only when `dynasties` (the family of
 * the dynasty just named) includes theirs.
 */
function matchEra(s: string, i: number, dynasties?: readonly string[]): EraMatch | null {
  for (let len = Math.min(MAX_ERA_LENGTH, s.length - i); len >= 2; len -= 1) {
    const token = s.slice(i, i + len);
    const entries = ERA_INDEX.get(token)?.filter((e) => !e.regnal || dynasties?.includes(e.dynasty));
    if (entries?.length) return { token, entries, next: i + len };
  }
  return null;
}

function matchYear(s: string, i: number): { numeral: string; next: number } | null {
  YEAR_PATTERN.lastIndex = i;
  const m = YEAR_PATTERN.exec(s);
  return m?.[1] ? { numeral: m[1], next: YEAR_PATTERN.lastIndex } : null;
}

function matchGanzhi(s: string, i: number): { text: string; index: number; next: number } | null {
  const text = s.slice(i, i + 2);
  const index = parseGanzhi(text);
  if (index === null) return null;
  const after = s.charAt(i + 2);
  return { text, index, next: i + 2 + (after === '年' || after === '岁' ? 1 : 0) };
}

function matchPeriod(s: string, i: number): { part: Part; next: number } | null {
  const found = PERIOD_MARKERS.find(([word]) => s.startsWith(word, i));
  if (!found) return null;
  const next = i + found[0].length;
  // A one-character marker must end the date (清初刻本, 明末清初): 明嘉靖中和堂 names a studio.
  const after = s.charAt(next);
  const ends =
    found[0].length > 1 ||
    after === '' ||
    '|(、本人间'.includes(after) ||
    PRODUCTION_MARKS.has(after) ||
    s.startsWith('民初', next) ||
    matchDynasty(s, next) !== null;
  return ends ? { part: found[1], next } : null;
}

function parseCentury(state: ParseState, i: number): Expr | null {
  CENTURY_PATTERN.lastIndex = i;
  const m = CENTURY_PATTERN.exec(state.s);
  const n = m?.[1] ? parseChineseNumber(m[1]) : null;
  if (n === null || n < 1) return null;
  const [from, to] = [(n - 1) * 100 + 1, n * 100];
  const period = matchPeriod(state.s, CENTURY_PATTERN.lastIndex);
  const [yearFrom, yearTo] = period ? partOfSpan(from, to, period.part) : [from, to];
  const date = makeDate(null, null, null, yearFrom, yearTo, 'century');
  return {
    date,
    part: period?.part ?? null,
    next: checkBracket(state, period?.next ?? CENTURY_PATTERN.lastIndex, date),
  };
}

/**
 * Checks a bracketed year right after a date (（1605）, （1554–1559）, （三十九年）). The bracket is
 * the cataloguer's conversion; the era and year are the words of the book. On a mismatch the
 * derived date follows the era computation and a warning names both readings, so the reviewer
 * decides; the text is never changed.
 */
function checkBracket(state: ParseState, k: number, date: EditionDate): number {
  const { s } = state;
  if (s.charAt(k) !== '(') return k;
  const close = s.indexOf(')', k);
  if (close < 0) return k;
  const inner = s.slice(k + 1, close);
  const gregorian = /^(?:公元)?(\d{3,4})年?(?:[-—–~至到](\d{3,4})年?)?$/.exec(inner);
  if (gregorian?.[1] && date.yearFrom !== null && date.yearTo !== null) {
    const from = Number(gregorian[1]);
    const to = gregorian[2] ? Number(gregorian[2]) : from;
    const computed = date.yearFrom === date.yearTo ? `${date.yearFrom}` : `${date.yearFrom}–${date.yearTo}`;
    const mismatch =
      date.precision === 'year'
        ? from !== date.yearFrom || to !== date.yearTo
        : from < date.yearFrom || to > date.yearTo;
    if (mismatch) {
      warn(
        state,
        'BRACKET_YEAR_MISMATCH',
        `括注公元纪年“${inner}”与按年号推算的 ${computed} 年不符，暂按推算值；请核对`,
        `the bracketed year ${inner} does not match ${computed} computed from the era; the computed year is kept, please check`,
      );
    }
  } else if (date.eraYear !== null && inner.endsWith('年')) {
    const n = parseChineseNumber(inner.slice(0, -1));
    if (n !== null && n !== date.eraYear) {
      warn(
        state,
        'BRACKET_YEAR_MISMATCH',
        `括注“${inner}”与推算的${date.era ?? ''}${date.eraYear}年不符`,
        `bracketed ${inner} does not match era year ${date.eraYear}`,
      );
    }
  }
  return close + 1;
}

// ---------------------------------------------------------------------------------------------
// Dynasty families, warnings and errors

function familyOf(span: DynastySpan): readonly string[] {
  return span.eraDynasties ?? [span.dynasty];
}

function familyOfName(name: string | undefined | null): readonly string[] | null {
  if (!name) return null;
  const s = normaliseText(name);
  const span = DYNASTY_TOKENS.get(s);
  return span ? familyOf(span) : [s];
}

function requireSpan(dynasty: string): DynastySpan {
  const span = DYNASTY_TOKENS.get(dynasty);
  if (!span) throw new Error(`dynasty ${dynasty} missing from DYNASTY_SPANS`);
  return span;
}

function warn(state: ParseState, code: EditionDateWarningCode, messageZh: string, messageEn: string): void {
  state.warnings.push({ code, messageZh, messageEn });
}

function fail(state: ParseState, code: EditionDateErrorCode, messageZh: string, messageEn: string): never {
  throw new DateFailure({ code, messageZh, messageEn, value: state.original });
}
