import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordType } from '../domain/record.types.js';

/**
 * Takes the next `count` serials of an institution's series and returns the last of them (the
 * first is `last - count + 1`). Run inside the transaction that inserts the records: the counter
 * row stays locked until commit, so concurrent creations for one institution queue here and can
 * never receive the same serial.
 */
export async function reserveSerials(
  em: EntityManager,
  institutionId: string,
  series: RecordType,
  count: number,
): Promise<number> {
  const rows = await em.execute<Array<{ last_serial: number }>>(
    `insert into census_serial (institution_id, series, last_serial) values (?, ?, ?)
     on conflict (institution_id, series) do update set last_serial = census_serial.last_serial + ?
     returning last_serial`,
    [institutionId, series, count, count],
  );
  return rows[0]!.last_serial;
}
