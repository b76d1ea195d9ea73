// The census catalogue export (普查登记目录): one line per record, led by its census number.

import type { RecordInput } from '../../domain/record.types.js';
import { formatAuthorsCell } from './responsibility-cell.js';

/** The catalogue columns, in order, with their Chinese headers (written) and English keys. */
export const CATALOGUE_COLUMNS = [
  { key: 'census_number', zh: '普查编号', en: 'Census number' },
  { key: 'call_number', zh: '索书号', en: 'Call number' },
  { key: 'title', zh: '题名卷数', en: 'Title and number of juan' },
  { key: 'authors', zh: '著者', en: 'Authors' },
  { key: 'edition', zh: '版本', en: 'Edition' },
  { key: 'volumes', zh: '册数', en: 'Volumes (ce)' },
  { key: 'extant', zh: '存缺卷数', en: 'Extant juan' },
] as const;

/** The Chinese header row of the catalogue export. */
export const CATALOGUE_HEADER: readonly string[] = CATALOGUE_COLUMNS.map((c) => c.zh);

/** One catalogue line, in CATALOGUE_COLUMNS order, in the same text forms as the import template. */
export function recordToCatalogueRow(record: RecordInput & { censusNumber: string }): string[] {
  return [
    record.censusNumber,
    record.callNumber,
    record.title,
    formatAuthorsCell(record.authors),
    record.edition,
    record.volumes === null ? '' : String(record.volumes),
    record.extant ?? '',
  ];
}
