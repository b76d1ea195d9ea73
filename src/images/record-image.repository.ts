import type { EntityManager } from '@mikro-orm/postgresql';

/** Locks the record row so concurrent changes to its images take sequence numbers one after the other. */
export async function lockRecordAndNextSequence(em: EntityManager, recordId: string): Promise<number> {
  await em.execute('select id from census_record where id = ? for update', [recordId]);
  const rows = await em.execute<Array<{ max: number | null }>>(
    'select max(sequence) as max from record_image where record_id = ?',
    [recordId],
  );
  return (rows[0]?.max ?? 0) + 1;
}

/** Moves the record's images after `sequence` up one place (the image there was deleted). */
export async function closeSequenceGap(em: EntityManager, recordId: string, sequence: number): Promise<void> {
  await em.execute(
    'update record_image set sequence = sequence - 1, version = version + 1, updated_at = now() where record_id = ? and sequence > ?',
    [recordId, sequence],
  );
}

/** Every stored master with what a fixity report names it by: census number, sequence, label. */
export function mastersInCensusOrder(em: EntityManager) {
  return em.execute<
    Array<{
      id: string;
      master_key: string;
      sha256: string;
      census_number: string;
      sequence: number;
      label: string;
    }>
  >(
    `select i.id, i.master_key, i.sha256, r.census_number, i.sequence, i.label
       from record_image i join census_record r on r.id = i.record_id order by r.census_number, i.sequence`,
  );
}
