import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CensusRecordSchema, type RecordBody } from './census-record.entity.js';

/** One saved state of a record: who changed what, when and why (field-level diff + full snapshot). */
export const RecordVersionSchema = defineEntity({
  name: 'RecordVersion',
  tableName: 'record_version',
  uniques: [{ properties: ['record', 'version'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    record: () => p.manyToOne(CensusRecordSchema).deleteRule('cascade'),
    version: p.integer(),
    at: p.datetime().onCreate(() => new Date()),
    actorId: p.uuid().nullable(),
    actorEmail: p.string().length(254).nullable(),
    reason: p.text().nullable(),
    status: p.string().length(16),
    changes: p.json<Array<{ field: string; before: unknown; after: unknown }>>(),
    snapshot: p.json<RecordBody>(),
  },
});
export type RecordVersion = InferEntity<typeof RecordVersionSchema>;
