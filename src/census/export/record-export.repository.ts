import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordBody } from '../census-record.entity.js';
import type { RecordStatus, RecordType } from '../../domain/record.types.js';

/** The next `limit` records of an institution in these states after census number `after` (keyset page). */
export function recordPageAfter(
  em: EntityManager,
  institutionId: string,
  statuses: readonly RecordStatus[],
  after: string,
  limit: number,
): Promise<Array<{ census_number: string; type: RecordType; body: RecordBody }>> {
  return em.execute(
    `select census_number, type, body from census_record
      where institution_id = ? and status in (?) and census_number > ?
      order by census_number limit ${Math.trunc(limit)}`,
    [institutionId, statuses, after],
  );
}
