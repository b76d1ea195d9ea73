// SQL of the 同版 lookup: the other published copies in the group of one published record.

import type { EntityManager } from '@mikro-orm/postgresql';
import { selectEntries } from './catalogue-page.repository.js';
import type { EntryRow } from './catalogue.repository.js';

/** Most copies listed; no edition is held by more institutions than this in any national list. */
export const SAME_EDITION_LIMIT = 100;

/** The record's group key ('' = no group), or undefined when the number is not a published record. */
export async function editionKeyOf(
  em: EntityManager,
  censusNumber: string,
): Promise<string | null | undefined> {
  const [row] = await em.execute<Array<{ edition_key: string | null }>>(
    'select edition_key from catalogue_entry where census_number = ?',
    [censusNumber],
  );
  return row ? row.edition_key : undefined;
}

/** The other entries with this group key, in census-number order. */
export function copiesInGroup(em: EntityManager, key: string, censusNumber: string): Promise<EntryRow[]> {
  return selectEntries(
    em,
    'select * from catalogue_entry where edition_key = ? and census_number <> ? order by census_number limit ?',
    [key, censusNumber, SAME_EDITION_LIMIT],
  );
}
