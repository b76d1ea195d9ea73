// Records → rows for the two exports (import template and census catalogue), lazily.

import type { RecordInput } from '../../domain/record.types.js';
import { recordToCatalogueRow } from './catalogue.js';
import { recordToRow } from './row-codec.js';
import { templateRowValues } from './template.js';

type Records<T> = AsyncIterable<T> | Iterable<T>;

/** Template rows (TEMPLATE_HEADER order) for records, one at a time; re-importable as they are. */
export async function* templateExportRows(records: Records<RecordInput>): AsyncGenerator<string[]> {
  for await (const record of records) yield templateRowValues(recordToRow(record));
}

/** Catalogue rows (CATALOGUE_HEADER order) for records with their census numbers, one at a time. */
export async function* catalogueExportRows(
  records: Records<RecordInput & { censusNumber: string }>,
): AsyncGenerator<string[]> {
  for await (const record of records) yield recordToCatalogueRow(record);
}
