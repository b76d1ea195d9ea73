import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import { CatalogueEntrySchema } from './catalogue-entry.entity.js';
import { syncCatalogueEntry } from './catalogue-sync.service.js';

/**
 * The public catalogue's listener for changed records (wired in src/app/app-deps.ts): each record
 * that is published, or still has an entry (it was just withdrawn), is brought in step, in the
 * transaction that changed it. Drafts and records under review cost one look for the whole set —
 * an import batch of drafts touches nothing here.
 */
export async function followChangedRecords(em: EntityManager, recordIds: readonly string[]): Promise<void> {
  if (!recordIds.length) return;
  const ids = [...recordIds];
  const entries = await em.find(CatalogueEntrySchema, { recordId: { $in: ids } }, { fields: ['recordId'] });
  const records = await em.find(
    CensusRecordSchema,
    { id: { $in: ids }, $or: [{ status: 'published' }, { id: { $in: entries.map((e) => e.recordId) } }] },
    { populate: ['institution'] },
  );
  for (const record of records) await syncCatalogueEntry(em, record);
}
