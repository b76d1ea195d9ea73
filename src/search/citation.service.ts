import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordBody } from '../census/census-record.entity.js';
import { AppError } from '../kernel/app-error.js';
import { chicago, gbt7714 } from './citation.rules.js';
import { citableRow } from './citation.repository.js';
import { recordPermalink } from '../domain/permalink.js';

/** The two citations of a published record already loaded (the record page has it at hand). */
export function citationsOf(
  censusNumber: string,
  source: {
    body: RecordBody;
    yearFrom: number | null;
    yearTo: number | null;
    institutionName: string;
    url: string;
  },
  today: Date,
) {
  const record = {
    censusNumber,
    title: source.body.title,
    authors: source.body.authors,
    edition: source.body.edition,
    publisher: source.body.publisher,
    place: source.body.place,
    yearFrom: source.yearFrom,
    yearTo: source.yearTo,
    institutionName: source.institutionName,
    url: source.url,
  };
  return { gbt7714: gbt7714(record, today), chicago: chicago(record, today) };
}

/** Ready-to-copy citations of a published record, dated today, pointing at its permalink. */
export async function recordCitations(em: EntityManager, censusNumber: string, publicUrl: string) {
  const row = await citableRow(em, censusNumber);
  if (!row) throw AppError.notFound(`Published record ${censusNumber}`, `已发布记录 ${censusNumber} `);
  const url = recordPermalink(publicUrl, censusNumber);
  const today = new Date();
  return {
    censusNumber,
    url,
    citedOn: today.toISOString().slice(0, 10),
    ...citationsOf(
      censusNumber,
      {
        body: row.body,
        yearFrom: row.year_from,
        yearTo: row.year_to,
        institutionName: row.institution_name,
        url,
      },
      today,
    ),
  };
}
