// One template row ⇄ one RecordInput. Only the cells are read here (numbers, lists, defaults);
// whether the values are allowed (code lists, dates, grades) is the record validator's job.
//
// Every field of the record has a column, so an export re-imports unchanged. A column the file
// lacks is absent from `present`: the import then leaves that field of an existing record as it
// is (it never blanks it). Known limits of the text forms, all shared with printed catalogues: a
// role-less author whose name ends in a role word (王修) reads back as name + role; a seal owner,
// annotation note or other title containing `；` splits the entry; a pH method containing `，`
// splits the reading; a 民国 row's 文献类型 is its minguoDocumentType (its documentType keeps
// the default).

import type { ErrorDetail } from '../../kernel/app-error.js';
import type { PhReading, RecordInput, RecordType, SizeCm } from '../../domain/record.types.js';
import type { RecordBody } from '../census-record.entity.js';
import { parseAnnotationsCell, formatAnnotationsCell } from './annotation-cell.js';
import { cleanCell, splitCell, textOrNull } from './cell-text.js';
import { formatAuthorsCell, parseAuthorsCell } from './responsibility-cell.js';
import { formatSealsCell, parseSealsCell } from './seal-cell.js';
import { detail } from './sheet-errors.js';
import type { TemplateCells, TemplateKey } from './template.js';

/** The 文献类型 of a row that leaves it empty (records.md). */
export const DEFAULT_DOCUMENT_TYPE = '汉文古籍';
/** The 文种 of a row that leaves it empty (records.md). */
export const DEFAULT_SCRIPT = '汉文';

const RECORD_TYPE_WORDS: ReadonlyMap<string, RecordType> = new Map([
  ['古籍', 'guji'],
  ['guji', 'guji'],
  ['民国', 'minguo'],
  ['民國', 'minguo'],
  ['民国文献', 'minguo'],
  ['民國文獻', 'minguo'],
  ['minguo', 'minguo'],
]);
const RECORD_TYPE_LABEL: Record<RecordType, string> = { guji: '古籍', minguo: '民国' };

type CellResult<T> = { value: T } | { error: ErrorDetail };

function parseRecordType(raw: string | undefined): CellResult<RecordType> {
  const text = cleanCell(raw).normalize('NFKC').toLowerCase();
  if (text === '') return { value: 'guji' };
  const type = RECORD_TYPE_WORDS.get(text);
  if (type) return { value: type };
  return {
    error: detail(
      'type',
      cleanCell(raw),
      'record_type',
      `记录类型“${cleanCell(raw)}”无法识别，应为“古籍”或“民国”（guji / minguo），留空为古籍`,
      `Record type "${cleanCell(raw)}" is not known: use 古籍 or 民国 (guji / minguo); empty means 古籍`,
    ),
  };
}

/** 册数: a whole number ≥ 1 written in digits (full-width digits are read too); empty is null. */
export function parseVolumes(raw: string | undefined): CellResult<number | null> {
  const text = cleanCell(raw).normalize('NFKC');
  if (text === '') return { value: null };
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= 1) return { value: n };
  return {
    error: detail(
      'volumes',
      cleanCell(raw),
      'integer_min_1',
      `册数“${cleanCell(raw)}”应为不小于 1 的整数（只写阿拉伯数字，如 4）`,
      `Volumes "${cleanCell(raw)}" must be a whole number of at least 1, in digits (e.g. 4)`,
    ),
  };
}

/**
 * 名录号 as text. A spreadsheet stores 00940 as the number 940 (and 00940.1 as 940.1), so a cell of
 * one to four digits, with or without a sub-number, is left-padded to the five digits the list
 * uses. Anything else is kept as written for the validator to judge.
 */
export function normalisePreciousListNumber(raw: string | undefined): string | null {
  const text = cleanCell(raw).normalize('NFKC');
  if (text === '') return null;
  const match = /^(\d{1,4})(\.\d+)?$/.exec(text);
  return match ? `${match[1]!.padStart(5, '0')}${match[2] ?? ''}` : text;
}

/** A whole number ≥ 0 in digits (full-width digits read too); empty is null. The validator checks the minimum. */
function parseWholeNumber(
  raw: string | undefined,
  path: string,
  zh: string,
  en: string,
): CellResult<number | null> {
  const text = cleanCell(raw).normalize('NFKC');
  if (text === '') return { value: null };
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n)) return { value: n };
  return {
    error: detail(
      path,
      cleanCell(raw),
      'whole_number',
      `${zh}“${cleanCell(raw)}”应为整数（只写阿拉伯数字）`,
      `${en} "${cleanCell(raw)}" must be a whole number, in digits`,
    ),
  };
}

const SIZE = /^(\d+(?:\.\d+)?)\s*[×xX*]\s*(\d+(?:\.\d+)?)\s*(?:cm|厘米|公分)?$/i;

/** 开本 / 版框 as `高×宽` in centimetres (24.5×15.2; x and * accepted, cm optional); empty is null. */
export function parseSize(raw: string | undefined, path: 'size' | 'frame'): CellResult<SizeCm | null> {
  const text = cleanCell(raw).normalize('NFKC');
  if (text === '') return { value: null };
  const m = SIZE.exec(text);
  if (m) return { value: { height: Number(m[1]), width: Number(m[2]) } };
  const [zh, en] = path === 'size' ? ['开本', 'Size'] : ['版框', 'Frame'];
  return {
    error: detail(
      path,
      cleanCell(raw),
      'size_format',
      `${zh}“${cleanCell(raw)}”应写作“高×宽”（厘米），如 24.5×15.2`,
      `${en} "${cleanCell(raw)}" must be height×width in centimetres, e.g. 24.5×15.2`,
    ),
  };
}

/** The cell form of a size: 24.5×15.2. */
export function formatSize(size: SizeCm | null): string {
  return size ? `${size.height}×${size.width}` : '';
}

const PH_SEPARATORS = /[；;\r\n]+/;

/** 酸度: readings split at `；`, each `pH值，方法，测点，日期` (trailing parts may be left out). */
export function parsePhReadings(raw: string | undefined): CellResult<PhReading[]> {
  const readings: PhReading[] = [];
  for (const [i, part] of splitCell(raw, PH_SEPARATORS).entries()) {
    const [value = '', method = '', point = '', measuredAt = '', ...extra] = part
      .split(/[，,]/)
      .map((p) => cleanCell(p));
    const n = Number(value.normalize('NFKC'));
    if (value === '' || !Number.isFinite(n) || extra.length > 0) {
      return {
        error: detail(
          `phReadings[${i}]`,
          part,
          'ph_reading_format',
          `酸度“${part}”应写作“pH值，方法，测点，日期”，如“4.2，冷抽提法，书口，2020-05-01”`,
          `pH reading "${part}" must be written "value，method，point，date", e.g. 4.2，冷抽提法，书口，2020-05-01`,
        ),
      };
    }
    readings.push({ value: n, method: method || null, point: point || null, measuredAt: measuredAt || null });
  }
  return { value: readings };
}

/** The cell form of pH readings. */
export function formatPhReadings(readings: readonly PhReading[]): string {
  return readings
    .map((r) =>
      [String(r.value), r.method ?? '', r.point ?? '', r.measuredAt ?? ''].join('，').replace(/，+$/, ''),
    )
    .join('；');
}

const LIST_SEPARATORS = /[；;\r\n]+/;

/** Which body fields each column fills (文献类型 depends on the record type; 记录类型 is no body field). */
const FIELDS_OF_COLUMN: Partial<Record<TemplateKey, ReadonlyArray<keyof RecordBody>>> = {
  call_number: ['callNumber'],
  title: ['title'],
  authors: ['authors'],
  edition: ['edition'],
  edition_type: ['editionType'],
  volumes: ['volumes'],
  extant: ['extant'],
  binding: ['binding'],
  classification: ['classification'],
  annotations: ['annotations'],
  seals: ['seals'],
  grade: ['grade'],
  damage_grade: ['damageGrade'],
  script: ['script'],
  notes: ['notes'],
  precious_list_number: ['preciousListNumber'],
  other_titles: ['otherTitles'],
  title_source: ['titleSource'],
  publisher: ['publisher'],
  place: ['place'],
  mixed_copies: ['mixedCopies'],
  printing_state: ['printingState'],
  cases: ['cases'],
  total_juan: ['totalJuan'],
  extant_juan: ['extantJuan'],
  size: ['size'],
  frame: ['frame'],
  layout: ['layout'],
  subclass: ['subclass'],
  abstract: ['abstract'],
  edition_statement: ['editionStatement'],
  printing: ['printing'],
  pages: ['pages'],
  serial_holdings: ['serialHoldings'],
  paper: ['paper'],
  brittleness: ['brittleness'],
  ph_readings: ['phReadings'],
  collection_history: ['collectionHistory'],
};

/** One row read: the record (defaults where the file has no column), the fields the file gives, and whether it gave the type. */
export interface ParsedRow {
  input: RecordInput;
  present: ReadonlySet<keyof RecordBody>;
  typeGiven: boolean;
}

/**
 * Reads one template row into a RecordInput. With cell problems, every one of them is returned
 * together with the record read so far (bad cells left at their defaults), so the validator can
 * still report the row's other problems in the same round.
 */
export function rowToRecordInput(
  cells: Partial<TemplateCells>,
  ctx: { institutionId: string },
): ParsedRow | (ParsedRow & { errors: ErrorDetail[] }) {
  const errors: ErrorDetail[] = [];
  const take = <T>(result: CellResult<T>, fallback: T): T => {
    if ('error' in result) {
      errors.push(result.error);
      return fallback;
    }
    return result.value;
  };
  const list = <K extends string, T>(
    result: { [key in K]: T[] } | { errors: ErrorDetail[] },
    key: K,
  ): T[] => {
    if ('errors' in result) {
      errors.push(...result.errors);
      return [];
    }
    return (result as { [key in K]: T[] })[key];
  };
  const whole = (key: TemplateKey, path: string, zh: string, en: string) =>
    take(parseWholeNumber(cells[key], path, zh, en), null);
  const type = take(parseRecordType(cells.record_type), 'guji');
  const documentType = textOrNull(cells.document_type);
  const input: RecordInput = {
    type,
    institutionId: ctx.institutionId,
    callNumber: cleanCell(cells.call_number),
    title: cleanCell(cells.title),
    otherTitles: splitCell(cells.other_titles, LIST_SEPARATORS),
    titleSource: textOrNull(cells.title_source),
    authors: list(parseAuthorsCell(cells.authors), 'authors'),
    edition: cleanCell(cells.edition),
    editionType: textOrNull(cells.edition_type),
    publisher: textOrNull(cells.publisher),
    place: textOrNull(cells.place),
    mixedCopies: textOrNull(cells.mixed_copies),
    printingState: textOrNull(cells.printing_state),
    volumes: take(parseVolumes(cells.volumes), null),
    cases: whole('cases', 'cases', '函数', 'Cases'),
    extant: textOrNull(cells.extant),
    totalJuan: whole('total_juan', 'totalJuan', '总卷数', 'Total juan'),
    extantJuan: whole('extant_juan', 'extantJuan', '存卷数', 'Extant juan count'),
    binding: textOrNull(cells.binding),
    size: take(parseSize(cells.size, 'size'), null),
    frame: take(parseSize(cells.frame, 'frame'), null),
    layout: textOrNull(cells.layout),
    classification: textOrNull(cells.classification),
    subclass: textOrNull(cells.subclass),
    annotations: list(parseAnnotationsCell(cells.annotations), 'annotations'),
    seals: list(parseSealsCell(cells.seals), 'seals'),
    grade: textOrNull(cells.grade),
    damageGrade: textOrNull(cells.damage_grade),
    documentType: (type === 'guji' ? documentType : null) ?? DEFAULT_DOCUMENT_TYPE,
    script: textOrNull(cells.script) ?? DEFAULT_SCRIPT,
    notes: textOrNull(cells.notes),
    abstract: textOrNull(cells.abstract),
    preciousListNumber: normalisePreciousListNumber(cells.precious_list_number),
    minguoDocumentType: type === 'minguo' ? documentType : null,
    editionStatement: textOrNull(cells.edition_statement),
    printing: textOrNull(cells.printing),
    pages: whole('pages', 'pages', '页数', 'Pages'),
    serialHoldings: textOrNull(cells.serial_holdings),
    paper: textOrNull(cells.paper),
    brittleness: textOrNull(cells.brittleness),
    phReadings: take(parsePhReadings(cells.ph_readings), []),
    collectionHistory: textOrNull(cells.collection_history),
  };
  const present = new Set<keyof RecordBody>();
  for (const [key, fields] of Object.entries(FIELDS_OF_COLUMN) as Array<
    [TemplateKey, Array<keyof RecordBody>]
  >) {
    if (cells[key] !== undefined) for (const field of fields) present.add(field);
  }
  if (cells.document_type !== undefined)
    present.add(type === 'minguo' ? 'minguoDocumentType' : 'documentType');
  const parsed: ParsedRow = { input, present, typeGiven: cells.record_type !== undefined };
  return errors.length ? { ...parsed, errors } : parsed;
}

/**
 * Writes a record as a template row, in the forms rowToRecordInput reads back. The census number,
 * if given, is not part of the template (clients never supply it); the catalogue export carries it.
 */
export function recordToRow(record: RecordInput & { censusNumber?: string | null }): TemplateCells {
  const text = (value: string | null | undefined) => value ?? '';
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return {
    call_number: record.callNumber,
    title: record.title,
    authors: formatAuthorsCell(record.authors),
    edition: record.edition,
    edition_type: text(record.editionType),
    volumes: number(record.volumes),
    extant: text(record.extant),
    binding: text(record.binding),
    classification: text(record.classification),
    annotations: formatAnnotationsCell(record.annotations),
    seals: formatSealsCell(record.seals),
    grade: text(record.grade),
    damage_grade: text(record.damageGrade),
    document_type: text(record.type === 'minguo' ? record.minguoDocumentType : record.documentType),
    script: record.script,
    notes: text(record.notes),
    precious_list_number: text(record.preciousListNumber),
    other_titles: (record.otherTitles ?? []).join('；'),
    title_source: text(record.titleSource),
    publisher: text(record.publisher),
    place: text(record.place),
    mixed_copies: text(record.mixedCopies),
    printing_state: text(record.printingState),
    cases: number(record.cases),
    total_juan: number(record.totalJuan),
    extant_juan: number(record.extantJuan),
    size: formatSize(record.size ?? null),
    frame: formatSize(record.frame ?? null),
    layout: text(record.layout),
    subclass: text(record.subclass),
    abstract: text(record.abstract),
    edition_statement: text(record.editionStatement),
    printing: text(record.printing),
    pages: number(record.pages),
    serial_holdings: text(record.serialHoldings),
    paper: text(record.paper),
    brittleness: text(record.brittleness),
    ph_readings: formatPhReadings(record.phReadings ?? []),
    collection_history: text(record.collectionHistory),
    record_type: RECORD_TYPE_LABEL[record.type],
  };
}
