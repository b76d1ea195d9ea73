import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { queryAudit } from './audit-query.service.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { auditActionLabel, entityTypeLabel, ENTITY_TYPE_LABELS } from './audit-labels.data.js';
import { displayNames } from '../users/display-names.repository.js';

const auditQuery = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

function presentAuditEntry(e: AuditEntry, names: Map<string, string>) {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId ?? null,
    actorEmail: e.actorEmail ?? null,
    // People by name; no actor means the service itself (start-up, background jobs).
    actorName: e.actorId ? (names.get(e.actorId) ?? e.actorEmail ?? null) : null,
    action: e.action,
    actionLabel: auditActionLabel(e.action),
    entityType: e.entityType,
    entityTypeLabel: entityTypeLabel(e.entityType),
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
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
    handler: async ({ scope, query }) => {
      const { items, total } = await queryAudit(scope, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
      const names = await displayNames(
        scope.em,
        items.map((e) => e.actorId ?? null),
      );
      return {
        body: {
          items: items.map((e) => presentAuditEntry(e, names)),
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
