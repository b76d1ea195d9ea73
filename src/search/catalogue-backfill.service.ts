import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import { hashedEditionKey, syncCatalogueEntry } from './catalogue-sync.service.js';
import { rebuildTokenCounts, tokenCountsInStep } from './catalogue-token.repository.js';
import {
  entriesWithoutEditionKey,
  publishedAndEntryCounts,
  publishedWithoutEntry,
  setEditionKeys,
} from './catalogue-backfill.repository.js';

const BATCH = 500;

/**
 * Brings the catalogue up to date with records published before it existed (or while it was being
 * rebuilt): every published record without an entry is synced — entry, token counts and a Create in
 * the change feed — and the token statistics are rebuilt if they disagree with the entries.
 * Idempotent and cheap when nothing is missing (two counts), so it runs at every start-up.
 */
export async function backfillCatalogue(
  em: EntityManager,
  /** Asked before each batch; false stops early (the service is shutting down; the next start resumes). */
  keepGoing: () => boolean = () => true,
): Promise<{ entries: number; tokensRebuilt: boolean }> {
  let entries = 0;
  const counts = await publishedAndEntryCounts(em);
  if (counts && counts.published !== counts.entries) {
    while (keepGoing()) {
      const missing = await publishedWithoutEntry(em, BATCH);
      if (!missing.length) break;
      const synced = await em.transactional(async (tx) => {
        const records = await tx.find(
          CensusRecordSchema,
          { id: { $in: missing }, status: 'published' },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        for (const record of records) await syncCatalogueEntry(tx, record);
        return records.length;
      });
      em.clear();
      entries += synced;
      // Every id found was withdrawn meanwhile; the next round would find the same nothing.
      if (!synced) break;
    }
  }
  while (keepGoing() && (await fillEditionKeys(em)) > 0);
  if (!keepGoing()) return { entries, tokensRebuilt: false };
  const tokensRebuilt = !(await tokenCountsInStep(em));
  if (tokensRebuilt) await rebuildTokenCounts(em);
  return { entries, tokensRebuilt };
}

/** Computes the 同版 key of one batch of entries that have none yet; returns how many it filled. */
async function fillEditionKeys(em: EntityManager): Promise<number> {
  const rows = await entriesWithoutEditionKey(em, BATCH);
  if (!rows.length) return 0;
  await setEditionKeys(
    em,
    rows.map((r) => ({ recordId: r.record_id, key: hashedEditionKey(r.body) })),
  );
  return rows.length;
}
