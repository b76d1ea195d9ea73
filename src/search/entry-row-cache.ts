// The result rows of entries read ahead of a reader (catalogue-read-ahead.service.ts), by census
// number, so that the pages a reader turns to next are rendered without reading the database.
// Kept like the result sets: any change to what a row shows (an entry, its institution, its
// images, a setting) forgets them all, and a row read before a change is never kept. Rows are
// frozen: every page that shows one shares it.

import { ChangeFollowingCache } from '../http-cache/change-following-cache.js';
import type { EntryRow } from './catalogue.repository.js';
import { entryTextKeyBytes } from './entry-text-keys.js';

/** Default bound of the kept rows (some 12,000 rows of published catalogue data with their keys). */
export const DEFAULT_ENTRY_ROW_BYTES = 24 * 1024 * 1024;

/**
 * About how many bytes a row holds in memory: its strings, a word for anything else, and the keys
 * its marked fields are searched in (made when it is kept).
 */
export function entryRowBytes(row: EntryRow): number {
  let bytes = 64 + entryTextKeyBytes(row);
  for (const value of Object.values(row) as unknown[]) {
    if (typeof value === 'string') bytes += 32 + 2 * value.length;
    else if (Array.isArray(value)) for (const item of value) bytes += 32 + 2 * String(item).length;
    else bytes += 16;
  }
  return bytes;
}

export class EntryRowCache extends ChangeFollowingCache<Readonly<EntryRow>> {
  constructor(maxBytes = DEFAULT_ENTRY_ROW_BYTES) {
    super(maxBytes, entryRowBytes);
  }
}
