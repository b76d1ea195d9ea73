import type { EntityManager } from '@mikro-orm/postgresql';
import type { CensusRecord } from '../census/census-record.entity.js';
import { toRecordInput } from '../census/record-body.js';
import type { ChangeType } from './catalogue-entry.entity.js';
import { catalogueKeys, formatAuthors } from './catalogue-entry.rules.js';
import { editionGroupKey } from './edition-group.rules.js';
import { createHash } from 'node:crypto';
import { shiftTokenCounts } from './catalogue-token.repository.js';
import {
  deleteCatalogueEntry,
  lockedEntryTokens,
  logPublishedChange,
  upsertCatalogueEntry,
} from './catalogue-entry.repository.js';

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
  const before = await lockedEntryTokens(em, record.id);
  if (record.status === 'published') {
    const input = toRecordInput(record.type, record.institution.id, record.body);
    const keys = catalogueKeys(input, record.censusNumber);
    const created = await upsertCatalogueEntry(em, {
      recordId: record.id,
      censusNumber: record.censusNumber,
      type: record.type,
      institutionId: record.institution.id,
      provinceCode: record.provinceCode,
      title: record.title,
      authors: formatAuthors(input.authors),
      edition: input.edition,
      titleKey: keys.titleKey,
      searchKey: keys.searchKey,
      tokens: keys.tokens,
      titleTokens: keys.titleTokens,
      documentType: record.documentType,
      classification: record.classification ?? null,
      dynasty: record.dynasty ?? null,
      yearFrom: record.yearFrom ?? null,
      yearTo: record.yearTo ?? null,
      editionType: record.editionType ?? null,
      binding: record.binding ?? null,
      grade: record.grade ?? null,
      damageGrade: record.damageGrade ?? null,
      precious: Boolean(record.preciousListNumber),
      editionKey: hashedEditionKey(input),
      publishedAt: record.publishedAt ?? now,
      updatedAt: now,
    });
    change = created ? 'Create' : 'Update';
    await shiftTokenCounts(em, before, keys);
  } else if (before) {
    if (await deleteCatalogueEntry(em, record.id)) change = 'Delete';
    await shiftTokenCounts(em, before, undefined);
  }
  if (!change) return;
  await logPublishedChange(em, {
    recordId: record.id,
    censusNumber: record.censusNumber,
    type: change,
    at: now,
  });
}
