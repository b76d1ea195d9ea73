import type { RecordInput } from '../domain/record.types.js';
import type { RecordBody } from './census-record.entity.js';

/** A new record's body before the client's fields are applied: the defaults of records.md. */
export const EMPTY_RECORD_BODY: RecordBody = {
  callNumber: '',
  title: '',
  otherTitles: [],
  titleSource: null,
  authors: [],
  edition: '',
  editionType: null,
  publisher: null,
  place: null,
  mixedCopies: null,
  printingState: null,
  volumes: null,
  cases: null,
  extant: null,
  totalJuan: null,
  extantJuan: null,
  binding: null,
  size: null,
  frame: null,
  layout: null,
  classification: null,
  subclass: null,
  annotations: [],
  seals: [],
  grade: null,
  damageGrade: null,
  documentType: '汉文古籍',
  script: '汉文',
  notes: null,
  abstract: null,
  preciousListNumber: null,
  minguoDocumentType: null,
  editionStatement: null,
  printing: null,
  pages: null,
  serialHoldings: null,
  paper: null,
  brittleness: null,
  phReadings: [],
  collectionHistory: null,
};

type Loose<T> = { [K in keyof T]?: unknown };

/**
 * Applies the fields a client sent onto a body: absent fields keep their value, empty strings
 * become null, list items get their optional members filled, so the rules always see a full record.
 */
export function applyFields(base: RecordBody, sent: Loose<RecordBody>): RecordBody {
  const next: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined || !(key in EMPTY_RECORD_BODY)) continue;
    next[key] = value === '' && key !== 'edition' && key !== 'title' && key !== 'callNumber' ? null : value;
  }
  const body = next as RecordBody;
  body.authors = body.authors.map((a) => ({
    dynasty: a.dynasty ?? null,
    name: a.name,
    role: a.role ?? null,
  }));
  body.annotations = body.annotations.map((a) => ({
    person: a.person ?? null,
    mode: a.mode,
    note: a.note ?? null,
  }));
  body.seals = body.seals.map((s) => ({
    text: s.text,
    owner: s.owner ?? null,
    ownerUnknown: s.ownerUnknown ?? !s.owner,
    position: s.position ?? null,
  }));
  body.phReadings = body.phReadings.map((r) => ({
    value: r.value,
    method: r.method ?? null,
    point: r.point ?? null,
    measuredAt: r.measuredAt ?? null,
  }));
  return body;
}

/** The full RecordInput the rules validate. */
export function toRecordInput(
  type: RecordInput['type'],
  institutionId: string,
  body: RecordBody,
): RecordInput {
  return { type, institutionId, ...body };
}

/** The body part of a validated RecordInput. */
export function toBody(input: RecordInput): RecordBody {
  const { type: _type, institutionId: _institutionId, ...body } = input;
  return body;
}
