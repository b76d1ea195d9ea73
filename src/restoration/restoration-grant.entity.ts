import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';

/**
 * A holding institution's explicit grant of a record's restoration to a national restoration centre:
 * while active (not revoked) the centre's conservators may raise and work its orders.
 */
export const RestorationGrantSchema = defineEntity({
  name: 'RestorationGrant',
  tableName: 'restoration_grant',
  indexes: [{ properties: ['record', 'centre'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    record: () => p.manyToOne(CensusRecordSchema).deleteRule('cascade'),
    centre: () => p.manyToOne(InstitutionSchema),
    note: p.text().nullable(),
    grantedBy: p.uuid(),
    grantedAt: p.datetime().onCreate(() => new Date()),
    revokedBy: p.uuid().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type RestorationGrant = InferEntity<typeof RestorationGrantSchema>;
