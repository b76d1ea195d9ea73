// One template row ⇄ one RecordInput. Only the cells are read here (numbers, lists, defaults);
// whether the values are allowed (code lists, dates, grades) is the record validator's job.
//
// Fields outside the template (publisher, sizes, pH readings …) get the defaults of a new record,
// so a record round-trips through the template exactly when those fields are at their defaults.
// Known limits of the text forms, all shared with printed catalogues: a role-less author whose
// name ends in a role word (王修) reads back as name + role; a seal owner or annotation note
// containing `；` splits the entry; a 民国 row's 文献类型 is its minguoDocumentType (its
// documentType stays the default).

import type { ErrorDetail } from '../../http/app-error.js';
import type { RecordInput, RecordType } from '../record.types.js';
import { parseAnnotationsCell, formatAnnotationsCell } from './annotation-cell.js';
import { cleanCell, textOrNull } from './cell-text.js';
import { formatAuthorsCell, parseAuthorsCell } from './responsibility-cell.js';
import { formatSealsCell, parseSealsCell } from './seal-cell.js';
import { detail } from './sheet-errors.js';
import type { TemplateCells } from './template.js';

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

/** Reads one template row into a RecordInput, or every cell problem of the row. */
export function rowToRecordInput(
  cells: Partial<TemplateCells>,
  ctx: { institutionId: string },
): { input: RecordInput } | { errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const type = parseRecordType(cells.record_type);
  const volumes = parseVolumes(cells.volumes);
  const authors = parseAuthorsCell(cells.authors);
  const annotations = parseAnnotationsCell(cells.annotations);
  const seals = parseSealsCell(cells.seals);
  if ('error' in type) errors.push(type.error);
  if ('error' in volumes) errors.push(volumes.error);
  if ('errors' in authors) errors.push(...authors.errors);
  if ('errors' in annotations) errors.push(...annotations.errors);
  if ('errors' in seals) errors.push(...seals.errors);
  if (
    'error' in type ||
    'error' in volumes ||
    'errors' in authors ||
    'errors' in annotations ||
    'errors' in seals
  ) {
    return { errors };
  }
  const documentType = textOrNull(cells.document_type);
  const input: RecordInput = {
    type: type.value,
    institutionId: ctx.institutionId,
    callNumber: cleanCell(cells.call_number),
    title: cleanCell(cells.title),
    otherTitles: [],
    titleSource: null,
    authors: authors.authors,
    edition: cleanCell(cells.edition),
    editionType: textOrNull(cells.edition_type),
    publisher: null,
    place: null,
    mixedCopies: null,
    printingState: null,
    volumes: volumes.value,
    cases: null,
    extant: textOrNull(cells.extant),
    totalJuan: null,
    extantJuan: null,
    binding: textOrNull(cells.binding),
    size: null,
    frame: null,
    layout: null,
    classification: textOrNull(cells.classification),
    subclass: null,
    annotations: annotations.annotations,
    seals: seals.seals,
    grade: textOrNull(cells.grade),
    damageGrade: textOrNull(cells.damage_grade),
    documentType: (type.value === 'guji' ? documentType : null) ?? DEFAULT_DOCUMENT_TYPE,
    script: textOrNull(cells.script) ?? DEFAULT_SCRIPT,
    notes: textOrNull(cells.notes),
    abstract: null,
    preciousListNumber: normalisePreciousListNumber(cells.precious_list_number),
    minguoDocumentType: type.value === 'minguo' ? documentType : null,
    editionStatement: null,
    printing: null,
    pages: null,
    serialHoldings: null,
    paper: null,
    brittleness: null,
    phReadings: [],
    collectionHistory: null,
  };
  return { input };
}

/**
 * Writes a record as a template row, in the forms rowToRecordInput reads back. The census number,
 * if given, is not part of the template (clients never supply it); the catalogue export carries it.
 */
export function recordToRow(record: RecordInput & { censusNumber?: string | null }): TemplateCells {
  return {
    call_number: record.callNumber,
    title: record.title,
    authors: formatAuthorsCell(record.authors),
    edition: record.edition,
    edition_type: record.editionType ?? '',
    volumes: record.volumes === null ? '' : String(record.volumes),
    extant: record.extant ?? '',
    binding: record.binding ?? '',
    classification: record.classification ?? '',
    annotations: formatAnnotationsCell(record.annotations),
    seals: formatSealsCell(record.seals),
    grade: record.grade ?? '',
    damage_grade: record.damageGrade ?? '',
    document_type: (record.type === 'minguo' ? record.minguoDocumentType : record.documentType) ?? '',
    script: record.script,
    notes: record.notes ?? '',
    precious_list_number: record.preciousListNumber ?? '',
    record_type: RECORD_TYPE_LABEL[record.type],
  };
}
