import type { DerivedEditionDate, RecordInput, CompletenessTier } from '../domain/record.types.js';
import type { RecordKeys } from './record-validation.rules.js';
import { foldTerm } from './term-folding.rules.js';

/**
 * The columns kept beside the JSON body for lists, filters and numbering: derived from a
 * validated record, the canonical code-list values its text matched (`keys`: 綫裝 is filed under
 * 线装 while the body keeps 綫裝) and its normalised edition date.
 */
export function recordColumns(
  input: RecordInput,
  date: DerivedEditionDate,
  tier: CompletenessTier,
  keys: RecordKeys,
  censusNumber: string,
) {
  return {
    callNumber: input.callNumber,
    title: input.title,
    searchText: searchTextOf(input, censusNumber),
    dynasty: date.dynasty,
    era: date.era,
    eraYear: date.eraYear,
    yearFrom: date.yearFrom,
    yearTo: date.yearTo,
    datePrecision: date.precision,
    classification: keys.classification,
    editionType: keys.editionType?.slice(0, 32) ?? null,
    binding: keys.binding,
    grade: keys.grade,
    damageGrade: keys.damageGrade,
    documentType:
      (input.type === 'minguo' ? (keys.minguoDocumentType ?? keys.documentType) : keys.documentType) ??
      input.documentType,
    preciousListNumber: input.preciousListNumber,
    tier,
  };
}

/**
 * Folded text of what people search a record by: its census number and call number (staff look
 * records up by them: 350000-2001-0000001, 善本 00123, T5612/4432), title, responsibilities,
 * edition, publisher, seals.
 */
export function searchTextOf(input: RecordInput, censusNumber: string): string {
  const parts = [
    censusNumber,
    input.callNumber,
    input.title,
    ...input.otherTitles,
    ...input.authors.map((a) => a.name),
    input.edition,
    input.publisher ?? '',
    ...input.seals.map((s) => `${s.text} ${s.owner ?? ''}`),
    ...input.annotations.map((a) => a.person ?? ''),
  ];
  return foldTerm(parts.join(' '));
}
