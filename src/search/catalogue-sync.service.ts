import type { EntityManager } from '@mikro-orm/postgresql';
import type { CensusRecord } from '../census/census-record.entity.js';
import { toRecordInput } from '../census/record-body.js';
import type { ChangeType } from './catalogue-entry.entity.js';
import { catalogueKeys, formatAuthors, pgTextArray } from './catalogue-entry.rules.js';
import { editionGroupKey } from './edition-group.rules.js';
import { createHash } from 'node:crypto';
import { forgetCachedFacets } from './facet-cache.js';
import { shiftTokenCounts, type EntryTokens } from './catalogue-token.repository.js';

// The entry's tokens before the change (locked), so that the token statistics can be moved.
async function currentTokens(em: EntityManager, recordId: string): Promise<EntryTokens | undefined> {
  const [row] = await em.execute<Array<{ tokens: string[]; title_tokens: string[] }>>(
    'select tokens, title_tokens from catalogue_entry where record_id = ? for update',
    [recordId],
  );
  return row ? { tokens: row.tokens, titleTokens: row.title_tokens } : undefined;
}

/** The stored form of a record's 同版 group key: its SHA-1, or '' when it forms no group. */
export function hashedEditionKey(input: Parameters<typeof editionGroupKey>[0]): string {
  const key = editionGroupKey(input);
  return key === null ? '' : createHash('sha1').update(key).digest('hex');
}

/**
 * Brings the public catalogue in step with one record, inside the caller's transaction (call it
 * after the record is flushed): a published record gets its entry written (Create the first time,
 * Update after), any other status removes the entry (Delete if there was one). Each change is
 * logged for the harvesting feed, and the token statistics follow.
 */
export async function syncCatalogueEntry(em: EntityManager, record: CensusRecord): Promise<void> {
  let change: ChangeType | null = null;
  const now = new Date();
  const before = await currentTokens(em, record.id);
  if (record.status === 'published') {
    const input = toRecordInput(record.type, record.institution.id, record.body);
    const keys = catalogueKeys(input, record.censusNumber);
    const rows = await em.execute<Array<{ created: boolean }>>(
      `insert into catalogue_entry (record_id, census_number, type, institution_id, province_code, title,
         authors, edition, title_key, search_key, tokens, title_tokens, document_type, classification, dynasty, year_from, year_to,
         edition_type, binding, grade, damage_grade, precious, edition_key, published_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (record_id) do update set census_number = excluded.census_number, type = excluded.type,
         institution_id = excluded.institution_id, province_code = excluded.province_code,
         title = excluded.title, authors = excluded.authors, edition = excluded.edition,
         title_key = excluded.title_key, search_key = excluded.search_key,
         tokens = excluded.tokens, title_tokens = excluded.title_tokens, document_type = excluded.document_type,
         classification = excluded.classification, dynasty = excluded.dynasty,
         year_from = excluded.year_from, year_to = excluded.year_to, edition_type = excluded.edition_type,
         binding = excluded.binding, grade = excluded.grade, damage_grade = excluded.damage_grade,
         precious = excluded.precious, edition_key = excluded.edition_key, updated_at = excluded.updated_at
       returning (xmax = 0) as created`,
      [
        record.id,
        record.censusNumber,
        record.type,
        record.institution.id,
        record.provinceCode,
        record.title,
        formatAuthors(input.authors),
        input.edition,
        keys.titleKey,
        keys.searchKey,
        pgTextArray(keys.tokens),
        pgTextArray(keys.titleTokens),
        record.documentType,
        record.classification ?? null,
        record.dynasty ?? null,
        record.yearFrom ?? null,
        record.yearTo ?? null,
        record.editionType ?? null,
        record.binding ?? null,
        record.grade ?? null,
        record.damageGrade ?? null,
        Boolean(record.preciousListNumber),
        hashedEditionKey(input),
        record.publishedAt ?? now,
        now,
      ],
    );
    change = rows[0]?.created ? 'Create' : 'Update';
    await shiftTokenCounts(em, before, keys);
  } else if (before) {
    const removed = await em.execute<Array<{ record_id: string }>>(
      'delete from catalogue_entry where record_id = ? returning record_id',
      [record.id],
    );
    if (removed.length > 0) change = 'Delete';
    await shiftTokenCounts(em, before, undefined);
  }
  if (!change) return;
  await em.execute('insert into published_change (record_id, census_number, type, at) values (?, ?, ?, ?)', [
    record.id,
    record.censusNumber,
    change,
    now,
  ]);
  forgetCachedFacets();
}
