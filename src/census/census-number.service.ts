import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_NUMBERING_SCHEME, formatCensusNumber, type NumberingScheme } from './census-number.rules.js';
import { readSetting } from '../settings/settings.service.js';
import type { RecordType } from '../domain/record.types.js';

/**
 * Issues the next census number of an institution's series. Must run inside the transaction that
 * inserts the record: the counter row stays locked until commit, so concurrent creations for one
 * institution queue here and can never receive the same serial.
 */
export async function issueCensusNumber(
  em: EntityManager,
  institution: { id: string; code: string; provinceCode: string },
  type: RecordType,
): Promise<string> {
  const result = await em.execute<Array<{ last_serial: number }>>(
    `insert into census_serial (institution_id, series, last_serial) values (?, ?, 1)
     on conflict (institution_id, series) do update set last_serial = census_serial.last_serial + 1
     returning last_serial`,
    [institution.id, type],
  );
  const scheme = await readSetting<NumberingScheme>(em, 'numbering_scheme', DEFAULT_NUMBERING_SCHEME);
  return formatCensusNumber(scheme, {
    provinceCode: institution.provinceCode,
    institutionCode: institution.code,
    type,
    serial: result[0]!.last_serial,
  });
}
