// SQL of a citation: the published record's body and its holding institution's name.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordBody } from '../census/census-record.entity.js';

/** The published record's body, years and institution name, or undefined when not published. */
export async function citableRow(em: EntityManager, censusNumber: string) {
  const [row] = await em.execute<
    Array<{ body: RecordBody; year_from: number | null; year_to: number | null; institution_name: string }>
  >(
    `select r.body, e.year_from, e.year_to, i.name as institution_name
       from catalogue_entry e
       join census_record r on r.id = e.record_id
       join institution i on i.id = e.institution_id
      where e.census_number = ?`,
    [censusNumber],
  );
  return row;
}
