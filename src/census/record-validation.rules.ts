// Validation of a census record (records.md "Validation"): every problem is reported at once, each
// naming the field (path), the value and the rule, in Chinese and English; alongside, the record
// normalised (code-list values in their canonical spelling, grade labels in catalogue form) and the
// date derived from its edition statement. Pure: the caller loads the code lists and stores.
//
// The text is kept as catalogued (records.md): matching a value against a code list never rewrites
// it (（梁）蕭統輯 stays 輯, 綫裝 stays 綫裝). The canonical values it matched are returned beside it
// as `keys`, which fill the list, facet and statistics columns. 著作方式, 批校题跋方式 and 版本类型 are
// open lists: a value outside them is kept and flagged with a warning for the reviewer.
//
// Rules chosen here (beyond records.md):
// - Type-specific fields. On a 古籍 record the 民国 fields (document type, 版次, 印次, pages, serial
//   holdings, paper, brittleness, pH readings, collection history) are errors. On a 民国 record the
//   古籍 fields are errors: grade (古籍定级 applies to 古籍 only), precious-list number (the list is
//   of 古籍), and the 卷 fields (extant, totalJuan, extantJuan: 民国 has no 卷数 conventions).
//   Classification, layout, seals, annotations … are allowed on both. documentType and script are
//   checked on both (a new record carries their 古籍 defaults whatever its type).
// - Submission needs, for 古籍: 册数, grade and damage grade; for 民国: an extent (册数, pages or
//   serial holdings) and damage grade. 未定级 and 未评估 are placeholders and do not count as given.
// - 民国 dates: the statement's year (民国二十年, or a Gregorian 1931 / 1931年5月 when no era is
//   written) must overlap the configured range; a date entirely before it is an error hinting at
//   古籍, entirely after it an error. A range straddling a bound (清末民初) cannot be ruled out.
// - 古籍 dates: a statement with no traditional date but a Gregorian year is dated by that year, so
//   1920年石印本 is caught as 1912+ too.
// - Retired code-list values are accepted only where the record already held them (ctx.previous).
// - "Not in the future" allows for time zones: a date is future only once it has begun nowhere on
//   Earth (today + 14 h, UTC).

import type { ErrorDetail } from '../kernel/app-error.js';
import { DAMAGE_LEVELS } from '../domain/damage.rules.js';
import { formatGradeLabel, gradeWarnings, parseGradeLabel, type GradeValue } from '../domain/grade.rules.js';
import { codeListsFromSeed, resolveCodeValue, type CodeListValues } from './code-list.rules.js';
import { CODE_LIST_SEED } from './code-lists.data.js';
import { checkGujiDate, normaliseEditionDate, type EditionDate } from './dates/edition-date.rules.js';
import {
  CODE_LIST_FIELDS,
  RECORD_TYPES,
  type CodeListName,
  type DerivedEditionDate,
  type RecordInput,
  type RecordType,
} from '../domain/record.types.js';
import { foldTerm } from './term-folding.rules.js';

/** An ISO date range (YYYY-MM-DD, inclusive). */
export interface DateRange {
  from: string;
  to: string;
}

/** The default date range of 民国文献 (records.md; configurable). */
export const DEFAULT_MINGUO_RANGE: DateRange = { from: '1912-01-01', to: '1949-09-30' };

/** The damage grades a record may carry (grading-condition.md), plus the placeholder 未评估. */
export const DAMAGE_GRADE_VALUES: readonly string[] = [...DAMAGE_LEVELS, '完好', '未评估'];

export interface RecordValidationContext {
  codeLists: ReadonlyMap<CodeListName, CodeListValues>;
  intent: 'save' | 'submit';
  today: Date;
  /** Date range a 民国 record's date must fall in; DEFAULT_MINGUO_RANGE when absent. */
  minguoRange?: DateRange;
  /** The stored version of the record being changed: values it holds stay valid after retirement. */
  previous?: RecordInput | null;
  /** Years past an era's end accepted with a warning (config ERA_YEAR_MARGIN; default 10, dates.md). */
  eraYearMargin?: number;
}

/** The canonical code-list values a record's text matched (or the text itself where the list is open). */
export interface RecordKeys {
  editionType: string | null;
  binding: string | null;
  classification: string | null;
  documentType: string | null;
  minguoDocumentType: string | null;
  grade: string | null;
  damageGrade: string | null;
}

/** Lists that take new values with a warning (records.md "Code lists"); every other list is closed. */
export const OPEN_CODE_LISTS: ReadonlySet<CodeListName> = new Set([
  'authorship_mode',
  'annotation_mode',
  'edition_type',
]);

export interface RecordValidationResult {
  errors: ErrorDetail[];
  warnings: ErrorDetail[];
  /** The record as catalogued (trimmed; blanks as null): never rewritten into canonical spellings. */
  normalised: RecordInput;
  keys: RecordKeys;
  derivedDate: DerivedEditionDate;
  laterDates: DerivedEditionDate[];
}

const MINGUO_ONLY = [
  'minguoDocumentType',
  'editionStatement',
  'printing',
  'pages',
  'serialHoldings',
  'paper',
  'brittleness',
  'phReadings',
  'collectionHistory',
] as const satisfies readonly (keyof RecordInput)[];
const GUJI_ONLY = [
  'grade',
  'preciousListNumber',
  'extant',
  'totalJuan',
  'extantJuan',
] as const satisfies readonly (keyof RecordInput)[];

/** Whether a catalogue field (the first segment of a path) belongs to records of this type. */
export function isFieldOfType(type: RecordInput['type'], field: string): boolean {
  const other: readonly string[] = type === 'guji' ? MINGUO_ONLY : GUJI_ONLY;
  return !other.includes(field.split(/[.[]/)[0]!);
}

const UNGRADED = '未定级';
const UNASSESSED = '未评估';
const CALL_NUMBER_MAX = 100;
const PRECIOUS_LIST_NUMBER = /^\d{5}(\.\d+)?$/;
const UNKNOWN_DATE: DerivedEditionDate = {
  dynasty: null,
  era: null,
  eraYear: null,
  yearFrom: null,
  yearTo: null,
  precision: 'unknown',
};

/** Validates and normalises a record; errors block saving, warnings are shown with the saved record. */
export function validateRecord(input: RecordInput, ctx: RecordValidationContext): RecordValidationResult {
  const record = structuredClone(input);
  const out = new Findings(record.type);
  const keys: RecordKeys = {
    editionType: null,
    binding: null,
    classification: null,
    documentType: null,
    minguoDocumentType: null,
    grade: null,
    damageGrade: null,
  };
  if (!(RECORD_TYPES as readonly string[]).includes(record.type)) {
    out.error(
      'type',
      record.type,
      'record_type_unknown',
      '应为 guji（古籍）或 minguo（民国文献）',
      'must be guji or minguo',
    );
  }
  const forbidden = checkTypeSpecificFields(record, out);
  checkIdentity(record, out);
  checkQuantities(record, ctx, out, forbidden);
  checkSizes(record, out);
  const grade = forbidden.has('grade') ? null : checkGrade(record, ctx, out);
  if (grade) keys.grade = formatGradeLabel(grade);
  else if (!forbidden.has('grade') && record.grade === UNGRADED) keys.grade = UNGRADED;
  keys.damageGrade = checkDamageGrade(record, ctx, out);
  if (!forbidden.has('preciousListNumber')) checkPreciousListNumber(record, out);
  checkCodeListFields(record, ctx, out, forbidden, keys);
  checkAuthors(record, ctx, out);
  checkAnnotations(record, ctx, out);
  checkSeals(record, out);
  if (!forbidden.has('phReadings')) checkPhReadings(record, ctx, out);
  const { date, later } = deriveDate(record, ctx, out);
  if (record.type === 'guji' && grade) addGradeWarnings(record, grade, date, out);
  return {
    errors: out.errors,
    warnings: out.warnings,
    normalised: record,
    keys,
    derivedDate: date,
    laterDates: later,
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

const LABELS: Record<string, readonly [zh: string, en: string]> = {
  type: ['记录类型', 'record type'],
  institutionId: ['收藏单位', 'institution'],
  callNumber: ['索书号', 'call number'],
  title: ['题名', 'title'],
  edition: ['版本', 'edition statement'],
  volumes: ['册数', 'number of volumes'],
  cases: ['函数', 'number of cases'],
  pages: ['页数', 'number of pages'],
  extant: ['存缺卷', 'extant 卷'],
  totalJuan: ['总卷数', 'total 卷'],
  extantJuan: ['存卷数', 'extant 卷 count'],
  size: ['开本', 'size'],
  'size.height': ['开本高', 'size height (cm)'],
  'size.width': ['开本宽', 'size width (cm)'],
  frame: ['版框', 'frame'],
  'frame.height': ['版框高', 'frame height (cm)'],
  'frame.width': ['版框宽', 'frame width (cm)'],
  grade: ['古籍级别', 'grade'],
  damageGrade: ['破损级别', 'damage grade'],
  preciousListNumber: ['名录号', 'precious-list number'],
  editionStatement: ['版次', 'edition number'],
  printing: ['印次', 'printing number'],
  serialHoldings: ['馆藏卷期', 'serial holdings'],
  phReadings: ['酸度（pH）记录', 'pH readings'],
  collectionHistory: ['典藏史', 'collection history'],
  'authors[].name': ['姓名', 'name'],
  'authors[].role': ['著作方式', 'mode of responsibility'],
  'annotations[].mode': ['批校题跋方式', 'annotation mode'],
  'seals[].text': ['印文', 'seal text'],
  'seals[].owner': ['印主', 'seal owner'],
  'phReadings[].value': ['pH 值', 'pH value'],
  'phReadings[].measuredAt': ['测量日期', 'measurement date'],
};
for (const { path, list } of CODE_LIST_FIELDS)
  LABELS[path] = [CODE_LIST_SEED[list].zh, CODE_LIST_SEED[list].en.toLowerCase()];
const LIST_LABELS: Record<string, readonly [zh: string, en: string]> = {
  authors: ['著者', 'author'],
  annotations: ['批校题跋', 'annotation'],
  seals: ['钤印', 'seal'],
  phReadings: ['pH 记录', 'pH reading'],
};

function fieldLabel(path: string, type: RecordType): { zh: string; en: string } {
  const item = /^(\w+)\[(\d+)\]\.(.+)$/.exec(path);
  if (item?.[1] && item[2] && item[3]) {
    const [listZh, listEn] = LIST_LABELS[item[1]] ?? [item[1], item[1]];
    const [leafZh, leafEn] = LABELS[`${item[1]}[].${item[3]}`] ?? [item[3], item[3]];
    const n = Number(item[2]) + 1;
    return { zh: `第 ${n} 条${listZh}的${leafZh}`, en: `${leafEn} of ${listEn} ${n} (${path})` };
  }
  if (path === 'edition' && type === 'minguo') return { zh: '出版项', en: 'publication statement (edition)' };
  const [zh, en] = LABELS[path] ?? [path, path];
  return { zh, en: en === path ? en : `${en} (${path})` };
}

function show(value: unknown, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return lang === 'zh' ? '（空）' : '(empty)';
  }
  // JSON would print NaN and Infinity as null, hiding the value that was refused.
  const text =
    typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : (JSON.stringify(value) ?? String(value));
  return lang === 'zh' ? `“${text}”` : typeof value === 'string' ? `"${text}"` : text;
}

/** Collects errors and warnings, writing each message as "field value: rule". */
class Findings {
  readonly errors: ErrorDetail[] = [];
  readonly warnings: ErrorDetail[] = [];
  constructor(private readonly type: RecordType) {}

  /** A rule broken: `zh`/`en` explain the rule; field and value are prefixed. */
  error(path: string, value: unknown, rule: string, zh: string, en: string): void {
    this.errors.push(this.detail(path, value, rule, zh, en));
  }

  warn(path: string, value: unknown, rule: string, zh: string, en: string): void {
    this.warnings.push(this.detail(path, value, rule, zh, en));
  }

  /** Like error/warn for messages written elsewhere (grading rules): prefixed only where they omit the value. */
  add(kind: 'error' | 'warning', path: string, value: unknown, rule: string, zh: string, en: string): void {
    const named = typeof value === 'string' && zh.includes(value) && en.includes(value);
    const detail: ErrorDetail = named
      ? { path, value, rule, messageZh: zh, messageEn: en }
      : this.detail(path, value, rule, zh, en);
    (kind === 'error' ? this.errors : this.warnings).push(detail);
  }

  private detail(path: string, value: unknown, rule: string, zh: string, en: string): ErrorDetail {
    const label = fieldLabel(path, this.type);
    return {
      path,
      value,
      rule,
      messageZh: `${label.zh}${show(value, 'zh')}：${zh}`,
      messageEn: `${label.en} ${show(value, 'en')}: ${en}`,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function isGiven(value: unknown): boolean {
  return !isBlank(value) && !(Array.isArray(value) && value.length === 0);
}

/** A nullable text field: blank becomes null, anything else is trimmed. */
function cleanText(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value as string).trim();
}

function snake(code: string): string {
  return code.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Fields

function checkTypeSpecificFields(record: RecordInput, out: Findings): Set<keyof RecordInput> {
  const forbidden = new Set<keyof RecordInput>(record.type === 'guji' ? MINGUO_ONLY : GUJI_ONLY);
  for (const field of forbidden) {
    const value: unknown = record[field];
    if (!isGiven(value)) continue;
    if (record.type === 'guji') {
      out.error(
        field,
        value,
        'minguo_only_field',
        '该字段只用于民国文献，古籍记录不能填写；若为 1912 年以后的文献，请登记为民国文献',
        'this field is for Republican-era documents (民国文献) only and must be empty on a 古籍 record',
      );
    } else {
      out.error(
        field,
        value,
        'guji_only_field',
        '该字段只用于古籍，民国文献记录不能填写；若为 1912 年以前的文献，请登记为古籍',
        'this field is for ancient books (古籍) only and must be empty on a Republican-era (民国) record',
      );
    }
  }
  return forbidden;
}

function checkIdentity(record: RecordInput, out: Findings): void {
  record.callNumber = (record.callNumber ?? '').trim();
  if (record.callNumber === '') {
    out.error('callNumber', record.callNumber, 'required', '必须填写', 'is required');
  } else if ([...record.callNumber].length > CALL_NUMBER_MAX) {
    out.error(
      'callNumber',
      record.callNumber,
      'max_length',
      `不能超过 ${CALL_NUMBER_MAX} 个字符`,
      `must be at most ${CALL_NUMBER_MAX} characters`,
    );
  }
  // The title is kept exactly as catalogued: only checked, never rewritten.
  if (isBlank(record.title)) out.error('title', record.title, 'required', '必须填写', 'is required');
}

function checkWholeNumber(
  record: RecordInput,
  field: keyof RecordInput,
  min: number,
  out: Findings,
): boolean {
  const value: unknown = record[field];
  if (value === null || value === undefined) return false;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    out.error(
      field,
      value,
      `whole_number_min_${min}`,
      `须为不小于 ${min} 的整数`,
      `must be a whole number ≥ ${min}`,
    );
    return false;
  }
  return true;
}

function checkQuantities(
  record: RecordInput,
  ctx: RecordValidationContext,
  out: Findings,
  forbidden: ReadonlySet<keyof RecordInput>,
): void {
  checkWholeNumber(record, 'volumes', 1, out);
  checkWholeNumber(record, 'cases', 1, out);
  if (!forbidden.has('pages')) checkWholeNumber(record, 'pages', 1, out);
  if (!forbidden.has('totalJuan')) {
    const total = checkWholeNumber(record, 'totalJuan', 1, out);
    const extant = checkWholeNumber(record, 'extantJuan', 0, out);
    if (total && extant && (record.extantJuan ?? 0) > (record.totalJuan ?? 0)) {
      out.error(
        'extantJuan',
        record.extantJuan,
        'extant_juan_exceeds_total',
        `存卷数不能超过总卷数 ${record.totalJuan}`,
        `extant 卷 cannot exceed the total of ${record.totalJuan}`,
      );
    }
  }
  if (ctx.intent !== 'submit') return;
  if (record.type === 'guji' && record.volumes === null) {
    out.error(
      'volumes',
      record.volumes,
      'required_for_submit',
      '提交审校时必须填写册数',
      'is required to submit',
    );
  }
  if (record.type === 'minguo' && ![record.volumes, record.pages, record.serialHoldings].some(isGiven)) {
    out.error(
      'volumes',
      record.volumes,
      'extent_required_for_submit',
      '提交审校时须填写册数、页数或馆藏卷期之一',
      'one of volumes, pages or serial holdings is required to submit',
    );
  }
}

function checkSizes(record: RecordInput, out: Findings): void {
  for (const field of ['size', 'frame'] as const) {
    const size = record[field];
    if (size === null || size === undefined) continue;
    for (const side of ['height', 'width'] as const) {
      const value: unknown = size[side];
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        out.error(
          `${field}.${side}`,
          value,
          'size_positive',
          '须为正数（厘米）',
          'must be a positive number of centimetres',
        );
      }
    }
  }
}

function checkGrade(record: RecordInput, ctx: RecordValidationContext, out: Findings): GradeValue | null {
  const given = cleanText(record.grade);
  record.grade = given;
  let parsed: GradeValue | null = null;
  if (given !== null) {
    const result = parseGradeLabel(given.normalize('NFKC'));
    if (result.ok) {
      parsed = { grade: result.grade, rank: result.rank };
    } else {
      out.add(
        'error',
        'grade',
        given,
        snake(result.error.code),
        result.error.messageZh,
        result.error.messageEn,
      );
    }
  }
  const ungraded = given !== null && foldTerm(given) === foldTerm(UNGRADED);
  if (ctx.intent === 'submit' && record.type === 'guji' && (given === null || ungraded)) {
    out.error(
      'grade',
      given,
      'required_for_submit',
      '提交审校时必须定级（“未定级”不算已定级）',
      'a grade is required to submit (未定级, "ungraded", does not count)',
    );
  }
  return parsed;
}

function checkDamageGrade(record: RecordInput, ctx: RecordValidationContext, out: Findings): string | null {
  const given = cleanText(record.damageGrade);
  record.damageGrade = given;
  let match: string | undefined;
  if (given !== null) {
    // 一级破损 is how the standard names the level; its key is 一级 (the text stays as written).
    const key = foldTerm(given).replace(/破损$/, '');
    match = DAMAGE_GRADE_VALUES.find((v) => foldTerm(v) === key);
    if (!match) {
      out.error(
        'damageGrade',
        given,
        'damage_grade_unknown',
        `不在允许值内；可选：${DAMAGE_GRADE_VALUES.join('、')}`,
        `is not an allowed value; allowed: ${DAMAGE_GRADE_VALUES.join(', ')}`,
      );
    }
  }
  if (ctx.intent === 'submit' && (given === null || match === UNASSESSED)) {
    out.error(
      'damageGrade',
      given,
      'required_for_submit',
      '提交审校时必须评定破损级别（“未评估”不算已评定）',
      'a damage grade is required to submit (未评估, "not assessed", does not count)',
    );
  }
  return match ?? null;
}

function checkPreciousListNumber(record: RecordInput, out: Findings): void {
  const given = cleanText(record.preciousListNumber);
  // Full-width digits from spreadsheets become ASCII before the pattern is applied.
  record.preciousListNumber = given === null ? null : given.normalize('NFKC');
  if (record.preciousListNumber !== null && !PRECIOUS_LIST_NUMBER.test(record.preciousListNumber)) {
    out.error(
      'preciousListNumber',
      given,
      'precious_list_number_format',
      '应为五位数字，可带分号，如 00001、00940.1',
      'must be five digits, optionally with a sub-number, e.g. 00001 or 00940.1',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Code lists

function listOf(ctx: RecordValidationContext, name: CodeListName): CodeListValues {
  // A deployment without a loaded list falls back to the seed rather than rejecting every value.
  return ctx.codeLists.get(name) ?? codeListsFromSeed().get(name) ?? { name, values: [] };
}

/** Folded values the stored record holds in fields checked against `name` (these may be retired). */
function previousValues(previous: RecordInput | null | undefined, name: CodeListName): Set<string> {
  const held = new Set<string>();
  if (!previous) return held;
  const add = (v: string | null | undefined) => {
    if (!isBlank(v)) held.add(foldTerm(v as string));
  };
  for (const { path, list } of CODE_LIST_FIELDS) {
    if (list === name) add((previous as unknown as Record<string, string | null>)[path]);
  }
  if (name === 'authorship_mode') for (const a of previous.authors ?? []) add(a.role);
  if (name === 'annotation_mode') for (const a of previous.annotations ?? []) add(a.mode);
  return held;
}

/** The canonical spelling of a code-list value, or null after reporting why it is refused. */
function resolveField(
  path: string,
  value: string,
  name: CodeListName,
  ctx: RecordValidationContext,
  out: Findings,
): string | null {
  const allowRetired = previousValues(ctx.previous, name).has(foldTerm(value));
  const result = resolveCodeValue(listOf(ctx, name), value, { allowRetired });
  if (result.ok) return result.value;
  const zh = CODE_LIST_SEED[name].zh;
  const en = CODE_LIST_SEED[name].en.toLowerCase();
  if (OPEN_CODE_LISTS.has(name)) {
    out.warn(
      path,
      value,
      'open_list_new_value',
      `不在代码表“${zh}”的常用值中，已按原文保存，请审校确认`,
      `is not among the usual values of the ${en} list; kept as written for the reviewer to confirm`,
    );
    return null;
  }
  if (result.retired !== undefined) {
    out.error(
      path,
      value,
      'code_value_retired',
      `代码表“${zh}”中的“${result.retired}”已停用，新登记不能再用；可选：${result.allowed.join('、')}`,
      `"${result.retired}" has been retired from the ${en} code list and cannot be used for new entries; allowed: ${result.allowed.join(', ')}`,
    );
  } else {
    out.error(
      path,
      value,
      'code_value_unknown',
      `不在代码表“${zh}”中（繁简体视为相同）；可选：${result.allowed.join('、')}`,
      `is not in the ${en} code list (simplified and traditional forms count as the same); allowed: ${result.allowed.join(', ')}`,
    );
  }
  return null;
}

// documentType and script are never null: a record always has them (defaults 汉文古籍 / 汉文).
const REQUIRED_CODE_FIELDS = new Set(['documentType', 'script']);

function checkCodeListFields(
  record: RecordInput,
  ctx: RecordValidationContext,
  out: Findings,
  forbidden: ReadonlySet<keyof RecordInput>,
  keys: RecordKeys,
): void {
  const fields = record as unknown as Record<string, string | null>;
  const keyed = keys as unknown as Record<string, string | null>;
  for (const { path, list } of CODE_LIST_FIELDS) {
    if (forbidden.has(path as keyof RecordInput)) continue;
    const value = fields[path];
    if (isBlank(value)) {
      if (REQUIRED_CODE_FIELDS.has(path)) out.error(path, value, 'required', '必须填写', 'is required');
      else fields[path] = null;
      continue;
    }
    fields[path] = (value as string).trim();
    const canonical = resolveField(path, fields[path], list, ctx, out);
    // An open list's new value is its own key (facets show it as written).
    if (path in keyed) keyed[path] = canonical ?? (OPEN_CODE_LISTS.has(list) ? fields[path] : null);
  }
}

function checkAuthors(record: RecordInput, ctx: RecordValidationContext, out: Findings): void {
  record.authors = (record.authors ?? []).map((author, i) => {
    const next = {
      dynasty: cleanText(author.dynasty),
      name: (author.name ?? '').trim(),
      role: cleanText(author.role),
    };
    if (next.name === '') out.error(`authors[${i}].name`, author.name, 'required', '必须填写', 'is required');
    if (next.role !== null) resolveField(`authors[${i}].role`, next.role, 'authorship_mode', ctx, out);
    return next;
  });
}

function checkAnnotations(record: RecordInput, ctx: RecordValidationContext, out: Findings): void {
  record.annotations = (record.annotations ?? []).map((annotation, i) => {
    const path = `annotations[${i}].mode`;
    const mode = (annotation.mode ?? '').trim();
    if (mode === '') out.error(path, annotation.mode, 'required', '必须填写', 'is required');
    else resolveField(path, mode, 'annotation_mode', ctx, out);
    return { ...annotation, mode };
  });
}

function checkSeals(record: RecordInput, out: Findings): void {
  record.seals = (record.seals ?? []).map((seal, i) => {
    if (isBlank(seal.text)) out.error(`seals[${i}].text`, seal.text, 'required', '必须填写', 'is required');
    const owner = cleanText(seal.owner);
    if (seal.ownerUnknown === true && owner !== null) {
      out.error(
        `seals[${i}].owner`,
        seal.owner,
        'seal_owner_unknown_conflict',
        '已标为“印主不详”，不能同时填写印主；请删去印主或取消“不详”',
        'the seal is flagged owner-unknown, so no owner may be given; remove the owner or clear the flag',
      );
    }
    // No owner means the owner is unknown: the flag follows, so lists of unidentified seals are complete.
    return { ...seal, owner, ownerUnknown: owner === null ? true : seal.ownerUnknown === true };
  });
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function latestDateOnEarth(today: Date): string {
  return new Date(today.getTime() + 14 * 3600 * 1000).toISOString().slice(0, 10);
}

function checkPhReadings(record: RecordInput, ctx: RecordValidationContext, out: Findings): void {
  const latest = latestDateOnEarth(ctx.today);
  (record.phReadings ?? []).forEach((reading, i) => {
    const value: unknown = reading.value;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 14) {
      out.error(
        `phReadings[${i}].value`,
        value,
        'ph_range',
        'pH 值须在 0 到 14 之间',
        'pH must be between 0 and 14',
      );
    }
    const at = reading.measuredAt;
    if (at === null || at === undefined) return;
    if (!isIsoDate(at)) {
      out.error(
        `phReadings[${i}].measuredAt`,
        at,
        'date_invalid',
        '日期格式应为 YYYY-MM-DD',
        'must be a date YYYY-MM-DD',
      );
    } else if (at > latest) {
      out.error(
        `phReadings[${i}].measuredAt`,
        at,
        'date_in_future',
        `不能晚于今天（${ctx.today.toISOString().slice(0, 10)}）`,
        `cannot be in the future (today is ${ctx.today.toISOString().slice(0, 10)})`,
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Day ordinals compare dates of any year (including BCE) without building Date objects. */
function ordinal(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

function ordinalOfIso(text: string, what: string): number {
  if (!isIsoDate(text)) throw new Error(`${what} must be an ISO date YYYY-MM-DD, got "${text}"`);
  const [y, m, d] = text.split('-').map(Number);
  return ordinal(y ?? 0, m ?? 1, d ?? 1);
}

interface GregorianDate {
  year: number;
  /** Earliest and latest day the text allows, as ordinals. */
  first: number;
  last: number;
  text: string;
}

// 1931, 1931年, 1931年5月, 1931年5月4日, 1931-05-04, 1931.5 — the first such date in the statement.
const GREGORIAN =
  /(?<!\d)(1\d{3}|20\d{2})(?!\d)(?:\s*(?:年|[-./])\s*(\d{1,2})(?!\d)(?:\s*(?:月|[-./])\s*(\d{1,2})(?!\d))?)?/;

function gregorianIn(text: string): GregorianDate | null {
  const m = GREGORIAN.exec(text.normalize('NFKC'));
  if (!m?.[1]) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && month >= 1 && month <= 12) {
    if (day !== null && day >= 1 && day <= 31) {
      return { year, first: ordinal(year, month, day), last: ordinal(year, month, day), text: m[0] };
    }
    return { year, first: ordinal(year, month, 1), last: ordinal(year, month, 31), text: m[0] };
  }
  return { year, first: ordinal(year, 1, 1), last: ordinal(year, 12, 31), text: String(year) };
}

function deriveDate(
  record: RecordInput,
  ctx: RecordValidationContext,
  out: Findings,
): { date: DerivedEditionDate; later: DerivedEditionDate[] } {
  const edition = record.edition ?? '';
  const hint = cleanText(record.authors[0]?.dynasty);
  const result = normaliseEditionDate(edition, {
    ...(hint === null ? {} : { dynastyHint: hint }),
    ...(ctx.eraYearMargin === undefined ? {} : { eraYearMargin: ctx.eraYearMargin }),
  });
  if (!result.ok) {
    out.error('edition', edition, snake(result.error.code), result.error.messageZh, result.error.messageEn);
    return { date: { ...UNKNOWN_DATE }, later: [] };
  }
  for (const warning of result.warnings) {
    out.warn('edition', edition, `edition_${snake(warning.code)}`, warning.messageZh, warning.messageEn);
  }
  let date: EditionDate = result.date;
  const gregorian = date.precision === 'unknown' ? gregorianIn(edition) : null;
  if (gregorian) {
    const minguo = gregorian.year >= 1912 && gregorian.year <= 1949;
    date = {
      dynasty: minguo ? '民国' : null,
      era: null,
      eraYear: null,
      yearFrom: gregorian.year,
      yearTo: gregorian.year,
      precision: 'year',
    };
  }
  if (record.type === 'guji') {
    const tooLate = checkGujiDate({ ...result, date }, edition);
    if (tooLate) out.error('edition', edition, snake(tooLate.code), tooLate.messageZh, tooLate.messageEn);
  } else {
    checkMinguoRange(edition, date, gregorian, ctx.minguoRange ?? DEFAULT_MINGUO_RANGE, out);
  }
  return { date, later: result.later };
}

function checkMinguoRange(
  edition: string,
  date: EditionDate,
  gregorian: GregorianDate | null,
  range: DateRange,
  out: Findings,
): void {
  if (date.yearFrom === null || date.yearTo === null) return;
  const from = ordinalOfIso(range.from, 'minguoRange.from');
  const to = ordinalOfIso(range.to, 'minguoRange.to');
  const first = gregorian?.first ?? ordinal(date.yearFrom, 1, 1);
  const last = gregorian?.last ?? ordinal(date.yearTo, 12, 31);
  const shown =
    gregorian?.text ??
    (date.yearFrom === date.yearTo ? `${date.yearFrom}` : `${date.yearFrom}–${date.yearTo}`);
  if (last < from) {
    const toGuji = date.yearTo < 1912;
    out.error(
      'edition',
      edition,
      'minguo_date_before_range',
      `年代 ${shown} 早于民国文献的起始日期 ${range.from}${toGuji ? '；1912 年以前的文献请登记为古籍' : ''}`,
      `the date ${shown} is before ${range.from}, the start of the Republican-era range${toGuji ? '; register documents from before 1912 as 古籍 (ancient books)' : ''}`,
    );
  } else if (first > to) {
    out.error(
      'edition',
      edition,
      'minguo_date_after_range',
      `年代 ${shown} 晚于民国文献的截止日期 ${range.to}`,
      `the date ${shown} is after ${range.to}, the end of the Republican-era range`,
    );
  }
}

function addGradeWarnings(record: RecordInput, grade: GradeValue, date: EditionDate, out: Findings): void {
  const issues = gradeWarnings({
    grade: grade.grade,
    rank: grade.rank,
    editionYearTo: date.yearTo,
    editionDynasty: date.dynasty,
    onPreciousList: record.preciousListNumber !== null,
  });
  for (const issue of issues) {
    out.add('warning', 'grade', record.grade, snake(issue.code), issue.messageZh, issue.messageEn);
  }
}
