import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Who changed what, when: one row per write, written in the write's own transaction. */
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  indexes: [
    { properties: ['entityType', 'entityId', 'at'] },
    { properties: ['actorId', 'at'] },
    { properties: ['scopeProvinceCode', 'at'] },
    { properties: ['at'] },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    at: p.datetime().onCreate(() => new Date()),
    actorId: p.uuid().nullable(),
    actorEmail: p.string().length(254).nullable(),
    action: p.string().length(64),
    entityType: p.string().length(64),
    entityId: p.string().length(64),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    scopeProvinceCode: p.string().length(6).nullable(),
    scopeInstitutionId: p.uuid().nullable(),
    requestId: p.string().length(64).nullable(),
  },
});
export type AuditEntry = InferEntity<typeof AuditEntrySchema>;
