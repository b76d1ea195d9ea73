import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { queryAudit } from './audit-query.service.js';
import type { AuditEntry } from './audit-entry.entity.js';

const auditQuery = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

function presentAuditEntry(e: AuditEntry) {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId ?? null,
    actorEmail: e.actorEmail ?? null,
    action: e.action,
    entityType: e.entityType,
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
      return {
        body: { items: items.map(presentAuditEntry), total, page: query.page, pageSize: query.pageSize },
      };
    },
  }),
];
