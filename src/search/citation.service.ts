import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../http/app-error.js';
import { chicago, gbt7714 } from './citation.rules.js';
import { citableRow } from './citation.repository.js';
import { recordPermalink } from './permalink.js';

/** Ready-to-copy citations of a published record, dated today, pointing at its permalink. */
export async function recordCitations(em: EntityManager, censusNumber: string, publicUrl: string) {
  const row = await citableRow(em, censusNumber);
  if (!row) throw AppError.notFound(`Published record ${censusNumber}`, `已发布记录 ${censusNumber} `);
  const url = recordPermalink(publicUrl, censusNumber);
  const record = {
    censusNumber,
    title: row.body.title,
    authors: row.body.authors,
    edition: row.body.edition,
    publisher: row.body.publisher,
    place: row.body.place,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    institutionName: row.institution_name,
    url,
  };
  const today = new Date();
  return {
    censusNumber,
    url,
    citedOn: today.toISOString().slice(0, 10),
    gbt7714: gbt7714(record, today),
    chicago: chicago(record, today),
  };
}
