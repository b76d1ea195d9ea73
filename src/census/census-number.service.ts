import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_NUMBERING_SCHEME, formatCensusNumber, type NumberingScheme } from './census-number.rules.js';
import { readSetting } from '../settings/settings.service.js';
import type { RecordType } from '../domain/record.types.js';
import { reserveSerials } from './census-serial.repository.js';

/** Issues the next census number of an institution's series (inside the record's transaction: reserveSerials). */
export async function issueCensusNumber(
  em: EntityManager,
  institution: { id: string; code: string; provinceCode: string },
  type: RecordType,
): Promise<string> {
  const serial = await reserveSerials(em, institution.id, type, 1);
  const scheme = await readSetting<NumberingScheme>(em, 'numbering_scheme', DEFAULT_NUMBERING_SCHEME);
  return formatCensusNumber(scheme, {
    provinceCode: institution.provinceCode,
    institutionCode: institution.code,
    type,
    serial,
  });
}
