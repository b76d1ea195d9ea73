import { AuditEntrySchema, type AuditEntry } from '../audit/audit-entry.entity.js';
import { auditScope } from '../domain/permissions.rules.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { FilterQuery } from '@mikro-orm/core';

export interface AuditQuery {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

/** Audit entries for admins: national admins see everything, provincial admins their province. */
export async function queryAudit(
  scope: Context,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  const actor = requireActor(scope);
  const allowed = auditScope(actor);
  if (!allowed.allowed)
    throw AppError.forbidden('只有管理员可以查看审计日志', 'Only administrators may read the audit log');
  const where: FilterQuery<AuditEntry> = {};
  if (q.entityType) where.entityType = q.entityType;
  if (q.entityId) where.entityId = q.entityId;
  if (q.actorId) where.actorId = q.actorId;
  if (q.from || q.to) where.at = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lte: q.to } : {}) };
  if (allowed.provinceCode) where.scopeProvinceCode = allowed.provinceCode;
  const [items, total] = await scope.em.findAndCount(AuditEntrySchema, where, {
    orderBy: { at: 'desc', id: 'desc' },
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total };
}
