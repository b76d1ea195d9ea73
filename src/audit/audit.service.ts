import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntrySchema } from './audit-entry.entity.js';
import type { Context } from '../kernel/context.js';

export interface AuditInput {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  readonly provinceCode?: string | null;
  readonly institutionId?: string | null;
}

/**
 * Records a write in the audit log. Called with the transaction's EntityManager so the entry is
 * committed together with the change, or not at all.
 */
export function recordAudit(em: EntityManager, scope: Context, input: AuditInput): void {
  em.create(AuditEntrySchema, {
    at: new Date(),
    actorId: scope.actor?.userId ?? null,
    actorEmail: scope.actor?.email ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
    scopeProvinceCode: input.provinceCode ?? null,
    scopeInstitutionId: input.institutionId ?? null,
    requestId: scope.requestId,
  });
}

/** Only the fields that differ, as {before, after}; used so audit entries show the change itself. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
