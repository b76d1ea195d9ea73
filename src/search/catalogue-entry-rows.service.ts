// A results page's rows: the rows read ahead of the reader when every one of the page's is kept
// (entry-row-cache.ts), else read from the catalogue (catalogue-page.repository.ts).

import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntryRow } from './catalogue.repository.js';
import { entriesInOrder } from './catalogue-page.repository.js';
import type { EntryRowCache } from './entry-row-cache.js';
import { entryTextKeys } from './entry-text-keys.js';

/** The rows of these census numbers in the order given (numbers not in the catalogue are left out). */
export async function pageEntries(
  em: EntityManager,
  kept: EntryRowCache | undefined,
  numbers: readonly string[],
): Promise<readonly EntryRow[]> {
  const rows = kept && numbers.length ? numbers.map((n) => kept.get(n)) : [];
  if (rows.length && rows.every((row) => row !== undefined)) return rows;
  return entriesInOrder(em, numbers);
}

/**
 * Reads, in one statement, the rows of those numbers that are not kept yet, and keeps them with the
 * keys their matches are marked in (entry-text-keys.ts): this runs in spare time, the pages later.
 */
export async function keepEntries(
  em: EntityManager,
  kept: EntryRowCache,
  numbers: readonly string[],
): Promise<void> {
  // Taken before the read: a row read while the catalogue changed is not kept.
  const ticket = kept.begin();
  if (ticket === undefined) return;
  const missing = numbers.filter((n) => !kept.has(n));
  if (!missing.length) return;
  for (const row of await entriesInOrder(em, missing)) {
    const frozen = Object.freeze(row);
    entryTextKeys(frozen);
    kept.keep(row.census_number, ticket, frozen);
  }
}
