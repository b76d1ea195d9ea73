// A record's fields as a reviewer reads them: in catalogue order, only those of the record's type,
// each with its label in both languages and its value in the text form of the import template
// （（宋）司馬光撰, 27.5 × 17.2 …). The review page shows these as they are, so no page keeps its own
// list of fields, labels or formats.
import type { Label } from '../domain/record-labels.rules.js';
import { recordFieldLabel as labelOfField } from './record-fields.rules.js';
import type { RecordInput, RecordType } from '../domain/record.types.js';
import { isFieldOfType } from './record-validation.rules.js';
import { recordToRow } from './spreadsheet/row-codec.js';
import type { TemplateKey } from './spreadsheet/template.js';

/** The record fields in the order a catalogue card reads, with the template column holding each as text. */
const FIELD_COLUMNS: ReadonlyArray<readonly [keyof RecordInput, TemplateKey]> = [
  ['callNumber', 'call_number'],
  ['title', 'title'],
  ['otherTitles', 'other_titles'],
  ['titleSource', 'title_source'],
  ['authors', 'authors'],
  ['edition', 'edition'],
  ['editionType', 'edition_type'],
  ['publisher', 'publisher'],
  ['place', 'place'],
  ['editionStatement', 'edition_statement'],
  ['printing', 'printing'],
  ['mixedCopies', 'mixed_copies'],
  ['printingState', 'printing_state'],
  ['volumes', 'volumes'],
  ['cases', 'cases'],
  ['extant', 'extant'],
  ['totalJuan', 'total_juan'],
  ['extantJuan', 'extant_juan'],
  ['pages', 'pages'],
  ['serialHoldings', 'serial_holdings'],
  ['binding', 'binding'],
  ['size', 'size'],
  ['frame', 'frame'],
  ['layout', 'layout'],
  ['classification', 'classification'],
  ['subclass', 'subclass'],
  ['documentType', 'document_type'],
  ['minguoDocumentType', 'document_type'],
  ['script', 'script'],
  ['annotations', 'annotations'],
  ['seals', 'seals'],
  ['grade', 'grade'],
  ['damageGrade', 'damage_grade'],
  ['preciousListNumber', 'precious_list_number'],
  ['paper', 'paper'],
  ['brittleness', 'brittleness'],
  ['phReadings', 'ph_readings'],
  ['notes', 'notes'],
  ['abstract', 'abstract'],
  ['collectionHistory', 'collection_history'],
];
const COLUMN_OF = new Map<string, TemplateKey>(FIELD_COLUMNS);

/** Whether a field is shown for a record of this type (民国 records file their type as minguoDocumentType). */
function shownFor(type: RecordType, field: keyof RecordInput): boolean {
  if (field === 'documentType') return type === 'guji';
  return isFieldOfType(type, field);
}

/** The label of a record field in both languages (the field layout's, record-fields.rules). */
export function recordFieldLabel(type: RecordType, field: string): Label {
  return labelOfField(field, type);
}

/** One value of a field as text, in the template's form ('' when empty). */
export function recordFieldText(record: RecordInput, field: string, value: unknown): string {
  const column = COLUMN_OF.get(field);
  if (!column) return value === null || value === undefined ? '' : JSON.stringify(value);
  return recordToRow({ ...record, [field]: value } as RecordInput)[column];
}

export interface RecordFieldView {
  field: string;
  label: Label;
  text: string;
}

/** Every field of the record's type, in catalogue order, with label and text (empty ones included). */
export function presentRecordFields(record: RecordInput): RecordFieldView[] {
  const row = recordToRow(record);
  return FIELD_COLUMNS.filter(([field]) => shownFor(record.type, field)).map(([field, column]) => ({
    field,
    label: recordFieldLabel(record.type, field),
    text: row[column],
  }));
}
