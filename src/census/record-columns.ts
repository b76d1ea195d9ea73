import type { DerivedEditionDate, RecordInput, CompletenessTier } from './record.types.js';
import { foldTerm } from './term-folding.rules.js';

/**
 * The columns kept beside the JSON body for lists, filters and numbering: derived from a
 * validated record and its normalised edition date, so they can never disagree with the body.
 */
export function recordColumns(input: RecordInput, date: DerivedEditionDate, tier: CompletenessTier) {
  return {
    callNumber: input.callNumber,
    title: input.title,
    searchText: searchTextOf(input),
    dynasty: date.dynasty,
    era: date.era,
    eraYear: date.eraYear,
    yearFrom: date.yearFrom,
    yearTo: date.yearTo,
    datePrecision: date.precision,
    classification: input.classification,
    editionType: input.editionType,
    binding: input.binding,
    grade: input.grade,
    damageGrade: input.damageGrade,
    documentType:
      input.type === 'minguo' ? (input.minguoDocumentType ?? input.documentType) : input.documentType,
    preciousListNumber: input.preciousListNumber,
    tier,
  };
}

/** Folded text of what people search a record by (title, responsibilities, edition, publisher, seals). */
export function searchTextOf(input: RecordInput): string {
  const parts = [
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
