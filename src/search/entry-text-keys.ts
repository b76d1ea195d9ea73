// The mapped search keys (search-key.rules.ts) of the fields a result shows with its matches marked:
// title, responsibilities, edition. Folding them is most of the work of marking a page's results,
// and a row read ahead is kept (entry-row-cache.ts) and shown again — on the next page a reader
// turns to, to the next readers, in other queries that find it — so a row's keys are made once per
// row object and forgotten with it. Rows read ahead have them made in spare time, when they are
// kept (catalogue-entry-rows.service.ts), so the page that shows them only looks for the terms.

import { mappedSearchKey, type MappedKey } from './search-key.rules.js';
import type { EntryRow } from './catalogue.repository.js';

/** The marked fields' keys of one row. */
export interface EntryTextKeys {
  readonly title: MappedKey;
  readonly authors: MappedKey;
  readonly edition: MappedKey;
}

type MarkedFields = Pick<EntryRow, 'title' | 'authors' | 'edition'>;

const keysOfRow = new WeakMap<MarkedFields, EntryTextKeys>();

/** The row's keys, made on first use and kept while the row object lives. */
export function entryTextKeys(row: MarkedFields): EntryTextKeys {
  let keys = keysOfRow.get(row);
  if (!keys) {
    keys = {
      title: mappedSearchKey(row.title),
      authors: mappedSearchKey(row.authors),
      edition: mappedSearchKey(row.edition),
    };
    keysOfRow.set(row, keys);
  }
  return keys;
}

/**
 * About how many bytes a row's keys hold once made: per character of the three fields, a key
 * character (2 bytes) and its place in the text (8). For the bound of the kept rows.
 */
export function entryTextKeyBytes(row: MarkedFields): number {
  const chars = row.title.length + row.authors.length + row.edition.length;
  return 3 * 200 + 10 * chars;
}
