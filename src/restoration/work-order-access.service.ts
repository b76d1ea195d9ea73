import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { RestorationGrantSchema } from './restoration-grant.entity.js';
import { RestorationRoleSchema } from './restoration-role.entity.js';
import { WorkOrderSchema, type WorkOrder } from './work-order.entity.js';
import { lockWorkOrder } from './work-order.repository.js';
import { actorRolesFor, canViewWorkOrder, type WorkOrderScope } from './work-order-access.rules.js';
import type { ActorRoles } from './work-order-state.rules.js';
import type { RestorationRoleName } from './work-order.schemas.js';

/** The restoration capabilities (studio head, inspector) an account holds. */
export async function capabilitiesOf(em: EntityManager, userId: string): Promise<Set<RestorationRoleName>> {
  const rows = await em.find(RestorationRoleSchema, { user: userId });
  return new Set(rows.map((r) => r.role));
}

/** Centres holding an active (unrevoked) grant for a record. */
export async function grantedCentres(em: EntityManager, recordId: string): Promise<string[]> {
  const grants = await em.find(RestorationGrantSchema, { record: recordId, revokedAt: null });
  return grants.map((g) => g.centre.id);
}

/** The access scope of an order: its centre counts only while the centre's grant is active. */
export async function orderScope(em: EntityManager, order: WorkOrder): Promise<WorkOrderScope> {
  const centreId = order.centre?.id ?? null;
  const active = centreId ? (await grantedCentres(em, order.record.id)).includes(centreId) : false;
  return {
    institutionId: order.institution.id,
    provinceCode: order.provinceCode,
    grantedCentreId: active ? centreId : null,
  };
}

export interface LoadedOrder {
  readonly actor: Actor;
  readonly order: WorkOrder;
  readonly scope: WorkOrderScope;
  readonly roles: ActorRoles;
}

/**
 * Loads an order the actor may see (404 unknown, 403 otherwise) with the actor's roles on it. With
 * `lock`, the row is locked for the rest of the transaction so version checks cannot race.
 */
export async function loadOrder(
  em: EntityManager,
  actor: Actor,
  id: string,
  lock = false,
): Promise<LoadedOrder> {
  // The row lock comes first so the entity read below already sees the winner's committed version.
  if (lock) await lockWorkOrder(em, id);
  const order = await em.findOne(
    WorkOrderSchema,
    { id },
    { populate: ['record', 'institution', 'centre'], ...(lock ? { refresh: true } : {}) },
  );
  if (!order) throw AppError.notFound(`Work order ${id}`, `修复工单 ${id} `);
  const scope = await orderScope(em, order);
  if (!canViewWorkOrder(actor, scope)) {
    throw AppError.forbidden('无权查看该修复工单', 'You may not see this work order');
  }
  const roles = actorRolesFor(actor, await capabilitiesOf(em, actor.userId), scope);
  return { actor, order, scope, roles };
}

/** A 403 naming what the actor would need. */
export function cannotWork(): AppError {
  return AppError.forbidden(
    '只有承担该工单的修复师或修复室负责人可以修改工单（持有单位或获授权的修复中心）',
    'Only conservators or studio heads of the holding institution or of the granted restoration centre may change this work order',
  );
}
