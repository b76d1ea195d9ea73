// Normalises the date of a 古籍 edition statement (版本, e.g. 明萬曆三十三年（1605）王肯堂刻本)
// to { dynasty, era, eraYear, yearFrom, yearTo, precision }. Pure: no I/O; the statement itself
// is kept verbatim by the caller. Specification: shared/domain/dates.md.
//
// Rules chosen here:
// - Era + year N → start + N − 1; N beyond the era's length is an error (乾隆六十一年).
// - Periods: a span [from, to] of L = to − from + 1 years is cut into thirds at
//   from + round(L/3) and from + round(2L/3) (Math.round): 初/前期/初年/早期 = the first third,
//   中/中期/中叶 = the middle third, 晚/末/后期/季 = the last third; 上半叶/下半叶 cut at
//   from + round(L/2). Spans shorter than 3 years are not cut. The span is the era's when an
//   era is named (嘉靖初), else the dynasty's (南宋中期). 明末清初 (X末Y初) runs from the start
//   of X's last third to the end of Y's first third; other runs of dynasties (元明间, 宋元刻本)
//   cover all of them. Both are precision 'period' with the first dynasty as `dynasty`.
// - A year range (康熙四十五年至四十七年) keeps precision 'year' with yearTo > yearFrom; an era
//   range (乾隆嘉庆间) keeps precision 'era' with the first era in `era`.
// - Centuries: N世纪 = (N−1)·100+1 … N·100 (十八世纪 = 1701–1800), cut into thirds the same way.
// - Dynasties come from the statement; eras resolved from the table report the table's
//   regime (宋天聖 → 北宋, 明永曆 → 南明).
// - A dynasty is read only at the start of the statement or right after a production word
//   (刻 印 抄 修 补 …), so 影宋抄本 stays undated and 元刻明正德递修本 yields a later date.
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
  | 'ERA_AMBIGUOUS'
  | 'ERA_DYNASTY_MISMATCH'
  | 'ERA_GANZHI_NOT_IN_ERA'
  | 'ERA_GANZHI_AMBIGUOUS'
  | 'INVALID_YEAR_NUMERAL'
  | 'GUJI_DATE_TOO_LATE';

/** A rejected date, explained in Chinese and English; `value` is the statement as given. */
export interface EditionDateError {
  code: EditionDateErrorCode;
  messageZh: string;
  messageEn: string;
  value: string;
}

export type EditionDateResult =
  | { ok: true; date: EditionDate; later: EditionDate[]; warnings: string[] }
  | { ok: false; error: EditionDateError };

export interface EditionDateContext {
  /** Dynasty given elsewhere in the record (e.g. the author's), used only to settle a shared era name. */
  dynastyHint?: string;
}

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
  '間间葉叶兩两時时閶阊臺台壇坛縣县橋桥門门鎮镇鄉乡宮宫煕熙佑祐榮荣';
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
    .replace(/\(([^()]*)\)/g, (whole, inner: string) => (YEAR_NOTE.test(inner) ? whole : '|'));
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
const YEAR_PATTERN = /([元〇零○一二三四五六七八九十廿卅卌百两0-9]+)[年载]/y;
const CENTURY_PATTERN = /(?:公元)?([一二三四五六七八九十]{1,3}|\d{1,2})世纪/y;

// ---------------------------------------------------------------------------------------------
// Public API

/** Normalises the date of an edition statement; see the rules at the top of this file. */
export function normaliseEditionDate(text: string, context: EditionDateContext = {}): EditionDateResult {
  const s = normaliseText(text);
  const state: ParseState = { original: text, s, warnings: [], hint: familyOfName(context.dynastyHint) };
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
  readonly warnings: string[];
  readonly hint: readonly string[] | null;
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
    else if (
      first &&
      !main.between &&
      !isTransition(main.exprs) &&
      REPAIR_WORDS.some((w) => s.startsWith(w, main.next))
    ) {
      // 宋元递修本: the first dynasty names the edition, the others its repairs.
      date = first.date;
      later.push(...rest.map((e) => e.date));
    } else date = mergeRun(main.exprs);
  } else if (parseGanzhi(s.slice(0, 2)) !== null) {
    state.warnings.push(
      `单独的干支“${s.slice(0, 2)}”无法确定年份，保留原文 / a bare 干支 (${s.slice(0, 2)}) does not fix a year; kept as text`,
    );
  }

  const laterHint = date.dynasty
    ? [...(familyOfName(date.dynasty) ?? []), ...(state.hint ?? [])]
    : state.hint;
  let k = main?.next ?? 0;
  while (k < s.length) {
    if (PRODUCTION_MARKS.has(s.charAt(k))) {
      const run = parseRun(state, k + 1, laterHint);
      if (run) {
        if (run.between || isTransition(run.exprs)) later.push(mergeRun(run.exprs));
        else later.push(...run.exprs.map((e) => e.date));
        k = run.next;
        continue;
      }
    }
    k += 1;
  }
  return { date, later };
}

/** Adjacent date expressions (明末清初, 宋元, 元明间) starting at i. */
function parseRun(state: ParseState, i: number, hint: readonly string[] | null): Run | null {
  const { s } = state;
  const exprs: Expr[] = [];
  let k = i;
  let listed = false;
  for (;;) {
    // Only a dynasty, or anything after 、, continues a run (宋元, 明末清初, 隆庆、万历):
    // an era name straight after a date would be part of a name.
    const startsDynasty = matchDynasty(s, k) !== null || s.startsWith('民初', k);
    const expr = exprs.length === 0 || listed || startsDynasty ? parseExpr(state, k, hint) : null;
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

function parseExpr(state: ParseState, i: number, hint: readonly string[] | null): Expr | null {
  const { s } = state;
  const century = parseCentury(state, i);
  if (century) return century;
  if (s.startsWith('民初', i)) return periodOfDynasty(state, requireSpan('民国'), 'first', i + 2);

  const dynasty = matchDynasty(s, i);
  const eraHere = matchEra(s, i);
  if (dynasty) {
    let j = i + dynasty.token.length;
    if ((s.charAt(j) === '代' || s.charAt(j) === '朝') && s.charAt(j + 1) !== '鲜') j += 1;
    const era = matchEra(s, j);
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
    state.warnings.push(
      `“${span.dynasty}${ganzhi.text}”未注年号，干支年份无法确定 / ${span.dynasty} ${ganzhi.text} names no era, so the 干支 does not fix a year`,
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
    const entry = resolveEra(state, era, dynasty, hint, { year: n });
    const gregorian = yearOfEra(state, entry, `${era.token}${year.numeral}`, n);
    let next = year.next;
    const trailing = ganzhi ?? matchGanzhi(s, next);
    if (!ganzhi && trailing) next = trailing.next;
    if (trailing && trailing.index !== ganzhiIndexOfYear(gregorian)) {
      state.warnings.push(
        `${era.token}${year.numeral}年为${ganzhiOfYear(gregorian)}年，与所记干支“${trailing.text}”不符 / ${era.token} year ${n} (${gregorian}) is ${ganzhiOfYear(gregorian)}, not ${trailing.text}`,
      );
    }
    const date = makeDate(entry.dynasty, entry.era, n, gregorian, gregorian, 'year');
    next = parseYearRange(state, next, entry, date);
    return { date, part: null, next: checkBracket(state, next, date) };
  }

  if (ganzhi) {
    const entry = resolveEra(state, era, dynasty, hint, { ganzhi: ganzhi.index });
    const years = yearsWithGanzhi(entry, ganzhi.index);
    const [from, to] = validYears(entry);
    if (years.length === 0) {
      fail(
        state,
        'ERA_GANZHI_NOT_IN_ERA',
        `${entry.dynasty}${entry.era}年间（${from}–${to}）没有${ganzhi.text}年`,
        `No ${ganzhi.text} year falls within the ${entry.dynasty} ${entry.era} era (${from}–${to})`,
      );
    }
    if (years.length > 1) {
      fail(
        state,
        'ERA_GANZHI_AMBIGUOUS',
        `${entry.era}年间有不止一个${ganzhi.text}年（${years.join('、')}），请注明年数`,
        `The ${entry.era} era contains more than one ${ganzhi.text} year (${years.join(', ')}); give the era year`,
      );
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

/** 康熙四十五年至四十七年, 康熙五十五年至雍正二年: widens yearTo; returns the index after the range. */
function parseYearRange(state: ParseState, k: number, entry: EraEntry, date: EditionDate): number {
  const { s } = state;
  const connector = /[至到\-—–~]/y;
  connector.lastIndex = k;
  if (!connector.test(s)) return k;
  let j = connector.lastIndex;
  let target = entry;
  let token = entry.era;
  const era = matchEra(s, j);
  if (era) {
    const year = matchYear(s, era.next);
    const n = year ? parseChineseNumber(year.numeral) : null;
    if (n === null) return k;
    target = resolveEra(state, era, null, [entry.dynasty], { year: n });
    token = era.token;
    j = era.next;
  }
  const year = matchYear(s, j);
  const n = year ? parseChineseNumber(year.numeral) : null;
  if (!year || n === null) return k;
  const to = yearOfEra(state, target, `${token}${year.numeral}`, n);
  if (date.yearFrom !== null && to < date.yearFrom) {
    state.warnings.push(
      `年代区间倒置（${date.yearFrom}–${to}），只取起年 / the range ends (${to}) before it starts (${date.yearFrom}); kept the start year`,
    );
  } else date.yearTo = to;
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
  // 隆庆、万历递修: two separate repairs, not one range.
  if (!era || !second || REPAIR_WORDS.some((w) => s.startsWith(w, era.next))) return k;
  date.yearTo = second.end;
  state.warnings.push(
    `年代跨${entry.era}、${second.era}两朝，年号字段只记前者 / the date spans the ${entry.era} and ${second.era} eras; the era field keeps the first`,
  );
  return era.next;
}

// ---------------------------------------------------------------------------------------------
// Eras: choosing among shared names, year arithmetic

function resolveEra(
  state: ParseState,
  era: EraMatch,
  dynasty: DynastySpan | null,
  hint: readonly string[] | null,
  clue: { year?: number; ganzhi?: number },
): EraEntry {
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
      clue.year !== undefined ? eraYearFits(e, clue.year) : yearsWithGanzhi(e, clue.ganzhi ?? -1).length > 0,
    );
    if (fitting.length === 1 && fitting[0]) {
      const only = fitting[0];
      state.warnings.push(
        `同名年号“${era.token}”按年数判定为${only.dynasty}${only.era} / ${era.token} is a shared era name; only ${only.dynasty} ${only.era} fits the year`,
      );
      return only;
    }
    if (fitting.length > 1) candidates = fitting;
  }
  const [chosen, ...others] = candidates;
  if (!chosen || others.length > 0) {
    const zh = candidates.map((e) => `${e.dynasty}${e.era}（${e.start}–${e.end}）`);
    const en = candidates.map((e) => `${e.dynasty} ${e.era} (${e.start}–${e.end})`);
    fail(
      state,
      'ERA_AMBIGUOUS',
      `年号“${era.token}”为多个朝代所用：${zh.join('、')}；请注明朝代`,
      `The era name ${era.token} was used by several regimes: ${en.join(', ')}; state the dynasty`,
    );
  }
  if (chosen.era === '至元' && clue.year !== undefined && clue.year <= 6) {
    state.warnings.push(
      `至元${clue.year}年按元世祖至元计；若指顺帝后至元请写“后至元” / read as 世祖's 至元; write 后至元 for 顺帝's (1335–1340)`,
    );
  }
  return chosen;
}

/** Gregorian year of year N of an era (`written` is e.g. 乾隆六十一); rejects years the era never reached. */
function yearOfEra(state: ParseState, entry: EraEntry, written: string, n: number): number {
  if (!eraYearFits(entry, n)) {
    const length = entry.end - entry.start + 1;
    const first = entry.firstYear ?? 1;
    const [from, to] = validYears(entry);
    const zh = first > 1 ? `仅有第 ${first}–${length} 年` : `共 ${length} 年`;
    const en =
      first > 1 ? `only has years ${first}–${length}` : `lasted ${length} year${length > 1 ? 's' : ''}`;
    fail(
      state,
      'ERA_YEAR_OUT_OF_RANGE',
      `${entry.dynasty}${entry.era}${zh}（${from}–${to}），不存在“${written}年”`,
      `The ${entry.dynasty} ${entry.era} era ${en} (${from}–${to}); ${written}年 (year ${n}) does not exist`,
    );
  }
  return entry.start + n - 1;
}

function eraYearFits(entry: EraEntry, n: number): boolean {
  return n >= (entry.firstYear ?? 1) && n <= entry.end - entry.start + 1;
}

function validYears(entry: EraEntry): [number, number] {
  return [entry.start + (entry.firstYear ?? 1) - 1, entry.end];
}

function yearsWithGanzhi(entry: EraEntry, index: number): number[] {
  const [from, to] = validYears(entry);
  const years: number[] = [];
  for (let y = from; y <= to; y += 1) if (ganzhiIndexOfYear(y) === index) years.push(y);
  return years;
}

// ---------------------------------------------------------------------------------------------
// Token matchers (all anchored at index i of the normalised text)

function matchDynasty(s: string, i: number): { token: string; span: DynastySpan } | null {
  if (NOT_A_DYNASTY.some((w) => s.startsWith(w, i))) return null;
  for (let len = Math.min(MAX_DYNASTY_LENGTH, s.length - i); len >= 1; len -= 1) {
    const token = s.slice(i, i + len);
    const span = DYNASTY_TOKENS.get(token);
    // 宋氏, 金氏 are families, not dynasties.
    if (span && s.charAt(i + len) !== '氏') return { token, span };
  }
  return null;
}

function matchEra(s: string, i: number): EraMatch | null {
  for (let len = Math.min(MAX_ERA_LENGTH, s.length - i); len >= 2; len -= 1) {
    const token = s.slice(i, i + len);
    const entries = ERA_INDEX.get(token);
    if (entries) return { token, entries, next: i + len };
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
  return found ? { part: found[1], next: i + found[0].length } : null;
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

/** Checks a bracketed year right after a date (（1605）, （三十九年）): a mismatch is a warning, not an error. */
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
      state.warnings.push(
        `括注公元纪年“${inner}”与推算的 ${computed} 年不符 / bracketed year ${inner} does not match the computed ${computed}`,
      );
    }
  } else if (date.eraYear !== null && inner.endsWith('年')) {
    const n = parseChineseNumber(inner.slice(0, -1));
    if (n !== null && n !== date.eraYear) {
      state.warnings.push(
        `括注“${inner}”与推算的${date.era ?? ''}${date.eraYear}年不符 / bracketed ${inner} does not match era year ${date.eraYear}`,
      );
    }
  }
  return close + 1;
}

// ---------------------------------------------------------------------------------------------
// Dynasty families and errors

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

function fail(state: ParseState, code: EditionDateErrorCode, messageZh: string, messageEn: string): never {
  throw new DateFailure({ code, messageZh, messageEn, value: state.original });
}
