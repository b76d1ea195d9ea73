// Grading (古籍定级, WH/T 20-2006 / GB/T 31076.1-2014): grade labels, consistency of grade and 等次,
// the heritage mapping, and plausibility warnings from the edition date. The system records the grade
// and its basis; it never decides it, so date-based checks are warnings and suggestions only.

import type { NamedRuleIssue } from './rule-issue.js';

export const GRADES = ['一级', '二级', '三级', '四级', '未定级'] as const;
export type Grade = (typeof GRADES)[number];
export const RANKS = ['甲', '乙', '丙'] as const;
export type Rank = (typeof RANKS)[number];
/** Grades that are 善本 and may carry a 等次. */
export const RANKED_GRADES: readonly Grade[] = ['一级', '二级', '三级'];

export interface GradeValue {
  grade: Grade;
  /** 等次; optional even for 一–三级, which may be graded before the 等次 is settled. */
  rank: Rank | null;
}

export type ParseGradeResult = ({ ok: true } & GradeValue) | { ok: false; error: NamedRuleIssue };

const GRADE_EN: Record<Grade, string> = {
  一级: 'grade 1',
  二级: 'grade 2',
  三级: 'grade 3',
  四级: 'grade 4',
  未定级: 'ungraded',
};
const RANK_EN: Record<Rank, string> = { 甲: 'A', 乙: 'B', 丙: 'C' };

// Catalogues use traditional characters as often as simplified; these are the only ones a grade uses.
const TRADITIONAL: Record<string, string> = { 級: '级', 壹: '一', 貳: '二', 參: '三', 肆: '四' };

function normalise(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/./gu, (ch) => TRADITIONAL[ch] ?? ch);
}

function isGrade(v: unknown): v is Grade {
  return typeof v === 'string' && (GRADES as readonly string[]).includes(v);
}

function isRank(v: unknown): v is Rank {
  return typeof v === 'string' && (RANKS as readonly string[]).includes(v);
}

/** Reads a grade written any accepted way (一级, 一級); undefined when it is not a grade. */
export function normaliseGrade(input: unknown): Grade | undefined {
  if (typeof input !== 'string') return undefined;
  const g = normalise(input);
  return isGrade(g) ? g : undefined;
}

/** Reads a 等次 written as 甲 or 甲等; undefined when it is not one. */
export function normaliseRank(input: unknown): Rank | undefined {
  if (typeof input !== 'string') return undefined;
  const r = normalise(input).replace(/等$/, '');
  return isRank(r) ? r : undefined;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  // JSON would print NaN and Infinity as null, hiding the value that was refused.
  if (typeof v === 'number' || v === undefined) return String(v);
  return JSON.stringify(v) ?? String(v);
}

const LABEL_FORMS = '一级甲等、一级乙等、一级丙等、一级、二级甲等 … 三级丙等、四级、未定级';

/** Parses a catalogue grade label (一级甲等, 二级, 四级, 未定级; traditional forms too) into grade and 等次. */
export function parseGradeLabel(label: unknown): ParseGradeResult {
  // Spreadsheet cells arrive as numbers or nulls as well as text.
  const text =
    label === null || label === undefined ? '' : typeof label === 'string' ? normalise(label) : '?';
  if (text === '') {
    return {
      ok: false,
      error: {
        code: 'GRADE_LABEL_EMPTY',
        field: 'label',
        value: label,
        messageZh: `古籍级别为空；应写作：${LABEL_FORMS}`,
        messageEn: `the grade label is empty; write it as one of: ${LABEL_FORMS}`,
      },
    };
  }
  if (text === '未定级') return { ok: true, grade: '未定级', rank: null };
  const m = /^([一二三四])级(?:([甲乙丙])等?)?$/u.exec(text);
  if (!m) {
    return {
      ok: false,
      error: {
        code: 'GRADE_LABEL_UNKNOWN',
        field: 'label',
        value: label,
        messageZh: `古籍级别 ${show(label)} 无法识别；应写作：${LABEL_FORMS}`,
        messageEn: `grade label ${show(label)} is not recognised; write it as one of: ${LABEL_FORMS}`,
      },
    };
  }
  const grade = `${m[1]}级` as Grade;
  const rank = (m[2] ?? null) as Rank | null;
  if (rank !== null && !RANKED_GRADES.includes(grade)) {
    return { ok: false, error: rankNotAllowed(grade, rank, 'label', label) };
  }
  return { ok: true, grade, rank };
}

function rankNotAllowed(grade: Grade, rank: string, field: 'label' | 'rank', value: unknown): NamedRuleIssue {
  return {
    code: 'GRADE_RANK_NOT_ALLOWED',
    field,
    value,
    messageZh: `${grade}不分等次，不能标为“${rank}等”；等次（甲、乙、丙）只用于一级、二级、三级`,
    messageEn: `${grade} (${GRADE_EN[grade]}) has no 等次, so "${rank}等" is not allowed; 等次 甲/乙/丙 apply to 一级, 二级 and 三级 only`,
  };
}

/** Writes a grade the way catalogues do: 一级甲等, 二级, 四级, 未定级. */
export function formatGradeLabel(value: GradeValue): string {
  // A 等次 on 四级/未定级 is invalid (validateGrade says so); it is left out so the label still parses.
  return value.rank !== null && RANKED_GRADES.includes(value.grade)
    ? `${value.grade}${value.rank}等`
    : value.grade;
}

/** English rendering of a grade for messages: "grade 1, class A". */
export function formatGradeLabelEn(value: GradeValue): string {
  const base = GRADE_EN[value.grade];
  return value.rank !== null && RANKED_GRADES.includes(value.grade)
    ? `${base}, class ${RANK_EN[value.rank]}`
    : base;
}

/** Checks a grade and its 等次: 等次 is optional for 一–三级 and forbidden for 四级 and 未定级. */
export function validateGrade(value: { grade: unknown; rank?: unknown }): NamedRuleIssue[] {
  const grade = normaliseGrade(value.grade);
  const rankGiven =
    value.rank !== undefined &&
    value.rank !== null &&
    !(typeof value.rank === 'string' && value.rank.trim() === '');
  const issues: NamedRuleIssue[] = [];
  if (grade === undefined) {
    issues.push({
      code: 'GRADE_UNKNOWN',
      field: 'grade',
      value: value.grade,
      messageZh: `古籍级别 ${show(value.grade)} 不在允许值内；可选：${GRADES.join('、')}`,
      messageEn: `grade ${show(value.grade)} is not an allowed value; allowed: ${GRADES.join(', ')}`,
    });
  }
  if (!rankGiven) return issues;
  const rank = normaliseRank(value.rank);
  if (rank === undefined) {
    issues.push({
      code: 'GRADE_RANK_UNKNOWN',
      field: 'rank',
      value: value.rank,
      messageZh: `等次 ${show(value.rank)} 不在允许值内；可选：${RANKS.join('、')}（或不填）`,
      messageEn: `等次 ${show(value.rank)} is not an allowed value; allowed: ${RANKS.join(', ')} (or none)`,
    });
  } else if (grade !== undefined && !RANKED_GRADES.includes(grade)) {
    issues.push(rankNotAllowed(grade, rank, 'rank', value.rank));
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// Heritage mapping and ordering

export type HeritageLevel = '一级珍贵文物' | '二级珍贵文物' | '三级珍贵文物' | '一般文物';

const HERITAGE: Partial<Record<Grade, HeritageLevel>> = {
  一级: '一级珍贵文物',
  二级: '二级珍贵文物',
  三级: '三级珍贵文物',
  四级: '一般文物',
};

/** The 文物级别 a grade maps to (2022 guidance); null for 未定级 or an unknown grade. */
export function heritageLevelFor(grade: Grade | string): HeritageLevel | null {
  const g = normaliseGrade(grade);
  return g === undefined ? null : (HERITAGE[g] ?? null);
}

/** Sort key for ranking by grade: ascending order puts 一级甲等 first and 未定级 last. */
export function gradeSortKey(value: { grade: Grade | string; rank?: Rank | string | null }): number {
  const grade = normaliseGrade(value.grade);
  if (grade === undefined) return 99;
  if (grade === '未定级') return 90;
  const base = (GRADES.indexOf(grade) + 1) * 10;
  if (!RANKED_GRADES.includes(grade)) return base;
  // A grade whose 等次 is not settled sorts after its 丙等: nothing says it is better than that.
  const rank = normaliseRank(value.rank);
  return base + (rank === undefined ? 3 : RANKS.indexOf(rank));
}

// ---------------------------------------------------------------------------------------------------
// Period floors

// Dynasties up to and including Yuan: every edition of these is 一级. Includes the parallel regimes the
// standard names (辽, 西夏, 金, 蒙古), the 五代十国 and 南北朝 states and earlier dynasties, so a
// catalogue's dynasty prefix ((宋), (後秦), (遼)) is recognised as written.
const YUAN_OR_EARLIER = new Set([
  '元',
  '蒙古',
  '大蒙古国',
  '金',
  '西夏',
  '辽',
  '契丹',
  '宋',
  '北宋',
  '南宋',
  '五代',
  '后梁',
  '后唐',
  '后晋',
  '后汉',
  '后周',
  '吴',
  '南唐',
  '吴越',
  '闽',
  '楚',
  '南汉',
  '前蜀',
  '后蜀',
  '荆南',
  '南平',
  '北汉',
  '唐',
  '武周',
  '隋',
  '南北朝',
  '南朝',
  '北朝',
  '刘宋',
  '南齐',
  '齐',
  '梁',
  '陈',
  '北魏',
  '东魏',
  '西魏',
  '北齐',
  '北周',
  '晋',
  '西晋',
  '东晋',
  '十六国',
  '前秦',
  '后秦',
  '西秦',
  '前凉',
  '后凉',
  '北凉',
  '西凉',
  '南凉',
  '前燕',
  '后燕',
  '南燕',
  '北燕',
  '成汉',
  '夏',
  '高昌',
  '三国',
  '魏',
  '蜀',
  '蜀汉',
  '汉',
  '西汉',
  '东汉',
  '新',
  '秦',
  '战国',
  '春秋',
  '周',
  '东周',
  '西周',
  '商',
]);
const MING = new Set(['明', '大明']);
// Regimes after 1572 whose editions a stray early year must not pull up (the dynasty wins a conflict).
const LATER = new Set(['南明', '清', '大清', '后金', '太平天国', '民国', '中华民国']);

const DYNASTY_TRADITIONAL: Record<string, string> = {
  遼: '辽',
  後: '后',
  東: '东',
  漢: '汉',
  晉: '晋',
  齊: '齐',
  陳: '陈',
  吳: '吴',
  閩: '闽',
  荊: '荆',
  涼: '凉',
  國: '国',
  劉: '刘',
};

function normaliseDynasty(dynasty: string): string {
  return dynasty
    .replace(/[\s\u3000()（）[\]【】〔〕]/g, '')
    .replace(/./gu, (ch) => DYNASTY_TRADITIONAL[ch] ?? ch);
}

// Yuan fell and Ming began in 1368 (洪武元年), so a year alone cannot place 1368; the floor is a lower
// bound, so 1368 without a dynasty takes the milder (Ming) floor.
const LAST_YEAR_SURELY_YUAN = 1367;
const LAST_YEAR_EARLY_MING = 1572; // 隆庆六年

export interface GradeFloor {
  grade: Grade;
  code: 'FLOOR_YUAN_OR_EARLIER' | 'FLOOR_EARLY_MING';
  reasonZh: string;
  reasonEn: string;
}

/** The lowest plausible grade for an edition from its date (Yuan and earlier → 一级; Ming 1368–1572 → 二级); undefined when the date implies none. */
export function suggestGradeFloor(edition: {
  editionYearTo?: number | null;
  editionDynasty?: string | null;
}): GradeFloor | undefined {
  const year =
    typeof edition.editionYearTo === 'number' && Number.isFinite(edition.editionYearTo)
      ? edition.editionYearTo
      : undefined;
  const dynasty = typeof edition.editionDynasty === 'string' ? normaliseDynasty(edition.editionDynasty) : '';

  const period = YUAN_OR_EARLIER.has(dynasty)
    ? 'yuan'
    : MING.has(dynasty)
      ? 'ming'
      : LATER.has(dynasty)
        ? 'later'
        : 'unknown';

  if (period === 'yuan') {
    return {
      grade: '一级',
      code: 'FLOOR_YUAN_OR_EARLIER',
      reasonZh: `版本朝代为“${edition.editionDynasty}”：元代及以前（含辽、西夏、金、蒙古）刻本、写本定为一级`,
      reasonEn: `the edition's dynasty is ${edition.editionDynasty}: prints and manuscripts of Yuan and earlier (incl. Liao, Western Xia, Jin, Mongol) are 一级`,
    };
  }
  // When a known dynasty and the year disagree the dynasty wins, as it must for 1368; an unrecognised
  // dynasty text (元末明初, 不详) leaves the year to decide.
  if (year !== undefined && year <= LAST_YEAR_SURELY_YUAN && period === 'unknown') {
    return {
      grade: '一级',
      code: 'FLOOR_YUAN_OR_EARLIER',
      reasonZh: `版本年代不晚于 ${year} 年，属元代及以前：元代及以前刻本、写本定为一级`,
      reasonEn: `the edition dates from ${year} or earlier, i.e. Yuan or earlier: such prints and manuscripts are 一级`,
    };
  }
  // Without a year a Ming edition may be after 1572, so the Ming floor needs the year.
  if (year !== undefined && year <= LAST_YEAR_EARLY_MING && (period === 'ming' || period === 'unknown')) {
    return {
      grade: '二级',
      code: 'FLOOR_EARLY_MING',
      reasonZh: `版本年代不晚于 ${year} 年，在洪武元年（1368）至隆庆六年（1572）之间：明代前期刻本、写本定为二级`,
      reasonEn: `the edition dates from ${year} or earlier, within 1368 (洪武元年) to 1572 (隆庆六年): early Ming prints and manuscripts are 二级`,
    };
  }
  return undefined;
}

export interface GradeWarningInput {
  grade: Grade | string;
  rank?: Rank | string | null;
  /** Latest year the edition can date from (the end of its derived range). */
  editionYearTo?: number | null;
  editionDynasty?: string | null;
  onPreciousList: boolean;
}

/** Short names of the warnings gradeWarnings gives, for where only the code is kept (the audit log). */
export const GRADE_WARNING_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  GRADE_BELOW_PERIOD_FLOOR: { zh: '低于版本年代所示下限', en: 'below the floor implied by the edition date' },
  PRECIOUS_LIST_BELOW_GRADE_2: {
    zh: '名录古籍定级低于二级',
    en: 'on the precious list but graded below 二级',
  },
};

/** Contradictions between a grade and what else is known of the book; warnings, never refusals. */
export function gradeWarnings(input: GradeWarningInput): NamedRuleIssue[] {
  const grade = normaliseGrade(input.grade);
  // An unknown grade is validateGrade's error; an ungraded draft contradicts nothing yet.
  if (grade === undefined || grade === '未定级') return [];
  const warnings: NamedRuleIssue[] = [];
  const level = GRADES.indexOf(grade);

  const floor = suggestGradeFloor(input);
  if (floor && level > GRADES.indexOf(floor.grade)) {
    warnings.push({
      code: 'GRADE_BELOW_PERIOD_FLOOR',
      field: 'grade',
      value: input.grade,
      messageZh: `古籍级别“${grade}”低于版本年代所示下限“${floor.grade}”：${floor.reasonZh}`,
      messageEn: `grade ${grade} is below the floor ${floor.grade} implied by the edition date: ${floor.reasonEn}`,
    });
  }
  if (input.onPreciousList && level > GRADES.indexOf('二级')) {
    warnings.push({
      code: 'PRECIOUS_LIST_BELOW_GRADE_2',
      field: 'grade',
      value: input.grade,
      messageZh: `该书入选《国家珍贵古籍名录》，却定为“${grade}”：名录古籍通常为一级或二级`,
      messageEn: `the book is on the national precious list but graded ${grade}: listed books are normally 一级 or 二级`,
    });
  }
  return warnings;
}
