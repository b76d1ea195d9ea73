import type { EntityManager } from '@mikro-orm/postgresql';
import { RecordImageSchema, type RecordImage } from './record-image.entity.js';

/** The images of one record (by record id) in reading order. */
export async function listRecordImages(em: EntityManager, recordId: string): Promise<RecordImage[]> {
  return em.find(RecordImageSchema, { record: recordId }, { orderBy: { sequence: 'asc' } });
}
