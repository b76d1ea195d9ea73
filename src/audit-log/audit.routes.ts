import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import { queryAudit } from './audit-query.service.js';
import type { AuditEntry } from '../audit/audit-entry.entity.js';
import {
  auditActionLabel,
  auditActorLabel,
  entityTypeLabel,
  ENTITY_TYPE_LABELS,
} from './audit-labels.rules.js';
import { auditChanges, referencedIds, type AuditNames } from './audit-changes.rules.js';
import { displayNames } from '../users/display-names.repository.js';
import { institutionNames } from '../institutions/institution-names.repository.js';

const auditQuery = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

const label = z.object({ zh: z.string(), en: z.string() });
const auditEntryResponse = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The person by name, or the service itself said as such. */
  actorLabel: label,
  action: z.string(),
  actionLabel: label,
  entityType: z.string(),
  entityTypeLabel: label,
  entityId: z.string(),
  /** What the entity is called (an account's person, an institution's name), when it has a name. */
  entityName: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** What changed, as a person reads it: each field by its name, before and after by their labels. */
  changes: z.array(z.object({ field: z.string(), label, before: label.nullable(), after: label.nullable() })),
  provinceCode: z.string().nullable(),
  institutionId: z.string().nullable(),
  requestId: z.string().nullable(),
});

function presentAuditEntry(e: AuditEntry, names: AuditNames) {
  const { people, institutions } = names;
  // People by name; no actor means the service itself (start-up, background jobs).
  const actorName = e.actorId ? (people.get(e.actorId) ?? e.actorEmail ?? null) : null;
  const entityName =
    e.entityType === 'user'
      ? (people.get(e.entityId) ?? null)
      : e.entityType === 'institution'
        ? (institutions.get(e.entityId) ?? null)
        : null;
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId ?? null,
    actorEmail: e.actorEmail ?? null,
    actorName,
    actorLabel: auditActorLabel(actorName),
    action: e.action,
    actionLabel: auditActionLabel(e.action),
    entityType: e.entityType,
    entityTypeLabel: entityTypeLabel(e.entityType),
    entityId: e.entityId,
    entityName,
    before: e.before ?? null,
    after: e.after ?? null,
    changes: auditChanges(e, names),
    provinceCode: e.scopeProvinceCode ?? null,
    institutionId: e.scopeInstitutionId ?? null,
    requestId: e.requestId ?? null,
  };
}

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    summary: 'Query the audit log by entity, user and time (administrators)',
    tag: 'Audit 审计',
    auth: 'user',
    query: auditQuery,
    response: z.object({
      items: z.array(auditEntryResponse),
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      entityTypes: z.array(z.object({ value: z.string(), label })),
    }),
    handler: async ({ scope, query }) => {
      const { items, total } = await queryAudit(scope, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
      // People and institutions by name: the actors, the things, and those the changes refer to.
      const referenced = referencedIds(items);
      const people = await displayNames(scope.em, [
        ...items.map((e) => e.actorId ?? null),
        ...items.filter((e) => e.entityType === 'user').map((e) => e.entityId),
        ...referenced.people,
      ]);
      const institutions = await institutionNames(scope.em, [
        ...items.filter((e) => e.entityType === 'institution').map((e) => e.entityId),
        ...referenced.institutions,
      ]);
      return {
        body: {
          items: items.map((e) => presentAuditEntry(e, { people, institutions })),
          total,
          page: query.page,
          pageSize: query.pageSize,
          // The filter's choices, labelled.
          entityTypes: Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label })),
        },
      };
    },
  }),
];
