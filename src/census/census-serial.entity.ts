import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RECORD_TYPES } from '../domain/record.types.js';

/**
 * The last serial issued per institution and series. Incremented with UPDATE … RETURNING inside
 * the record's own transaction: the row lock serialises concurrent creations for one institution,
 * so numbers are never duplicated; a rolled-back creation may leave a gap, which is allowed.
 */
export const CensusSerialSchema = defineEntity({
  name: 'CensusSerial',
  tableName: 'census_serial',
  properties: {
    institutionId: p.uuid().primary(),
    series: p.enum([...RECORD_TYPES]).primary(),
    lastSerial: p.integer(),
  },
});
export type CensusSerial = InferEntity<typeof CensusSerialSchema>;
