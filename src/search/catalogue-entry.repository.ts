// SQL of the catalogue's writes: one entry per published record (an upsert that says whether it
// created the row), its removal, and the change feed that harvesters read.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeType } from './catalogue-entry.entity.js';
import type { EntryTokens } from './catalogue-token.repository.js';
import { arrayLiteral } from '../kernel/sql-literal.js';

/** Every column of one catalogue entry, as the sync computes it from the record. */
export interface CatalogueEntryRow {
  recordId: string;
  censusNumber: string;
  type: string;
  institutionId: string;
  provinceCode: string;
  title: string;
  authors: string;
  edition: string;
  titleKey: string;
  searchKey: string;
  tokens: readonly string[];
  titleTokens: readonly string[];
  documentType: string;
  classification: string | null;
  dynasty: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  editionType: string | null;
  binding: string | null;
  grade: string | null;
  damageGrade: string | null;
  precious: boolean;
  editionKey: string;
  publishedAt: Date;
  updatedAt: Date;
}

/** The entry's tokens before a change, locking the entry for the rest of the transaction. */
export async function lockedEntryTokens(
  em: EntityManager,
  recordId: string,
): Promise<EntryTokens | undefined> {
  const [row] = await em.execute<Array<{ tokens: string[]; title_tokens: string[] }>>(
    'select tokens, title_tokens from catalogue_entry where record_id = ? for update',
    [recordId],
  );
  return row ? { tokens: row.tokens, titleTokens: row.title_tokens } : undefined;
}

/** Writes the entry; true when it was created, false when an existing one was replaced. */
export async function upsertCatalogueEntry(em: EntityManager, e: CatalogueEntryRow): Promise<boolean> {
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
      e.recordId,
      e.censusNumber,
      e.type,
      e.institutionId,
      e.provinceCode,
      e.title,
      e.authors,
      e.edition,
      e.titleKey,
      e.searchKey,
      arrayLiteral(e.tokens),
      arrayLiteral(e.titleTokens),
      e.documentType,
      e.classification,
      e.dynasty,
      e.yearFrom,
      e.yearTo,
      e.editionType,
      e.binding,
      e.grade,
      e.damageGrade,
      e.precious,
      e.editionKey,
      e.publishedAt,
      e.updatedAt,
    ],
  );
  return Boolean(rows[0]?.created);
}

/** Removes the record's entry; true when there was one. */
export async function deleteCatalogueEntry(em: EntityManager, recordId: string): Promise<boolean> {
  const removed = await em.execute<Array<{ record_id: string }>>(
    'delete from catalogue_entry where record_id = ? returning record_id',
    [recordId],
  );
  return removed.length > 0;
}

/** Adds one change to the feed harvesters read (Create, Update, Delete). */
export async function logPublishedChange(
  em: EntityManager,
  change: { recordId: string; censusNumber: string; type: ChangeType; at: Date },
): Promise<void> {
  await em.execute('insert into published_change (record_id, census_number, type, at) values (?, ?, ?, ?)', [
    change.recordId,
    change.censusNumber,
    change.type,
    change.at,
  ]);
}

/** The catalogue's version: the id of the newest change in the feed (0 before the first). */
export async function catalogueVersion(em: EntityManager): Promise<number> {
  const [row] = await em.execute<Array<{ version: string }>>(
    'select coalesce(max(id), 0) as version from published_change',
  );
  return Number(row?.version ?? 0);
}
