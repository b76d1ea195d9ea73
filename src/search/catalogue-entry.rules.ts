// What the public catalogue indexes of a record: the folded keys of the fields scholars search by
// (title, other titles, responsibilities, edition statement, publisher, seals, annotations) and the
// facet columns. Pure, so the index row can never disagree with the record it came from.

import type { RecordInput, Responsibility } from '../domain/record.types.js';
import { fieldsKey, indexTokens } from './search-key.rules.js';

/** A responsibility as catalogues print it: （宋）朱熹撰. */
export function formatResponsibility(a: Responsibility): string {
  return `${a.dynasty ? `（${a.dynasty}）` : ''}${a.name}${a.role ?? ''}`;
}

/** All responsibilities of a record in catalogue form, separated by a full-width space. */
export function formatAuthors(authors: readonly Responsibility[]): string {
  return authors.map(formatResponsibility).join('\u3000');
}

/**
 * The searchable keys of a record: title key (for ranking), full key, and the index tokens of both.
 * The full key ends with the census number and the call number, so both find the record
 * (350000-2001-0000001, 2001-0000001, 善本 00123, T5612/4432).
 */
export function catalogueKeys(
  input: RecordInput,
  censusNumber: string,
): {
  titleKey: string;
  searchKey: string;
  tokens: string[];
  titleTokens: string[];
} {
  const titles = [input.title, ...input.otherTitles];
  const titleKey = fieldsKey(titles);
  const searchKey = fieldsKey([
    ...titles,
    ...input.authors.map((a) => a.name),
    input.edition,
    input.editionStatement,
    input.publisher,
    ...input.seals.flatMap((s) => [s.text, s.owner]),
    ...input.annotations.flatMap((a) => [a.person, a.note]),
    censusNumber,
    input.callNumber,
  ]);
  return { titleKey, searchKey, tokens: indexTokens(searchKey), titleTokens: indexTokens(titleKey) };
}
