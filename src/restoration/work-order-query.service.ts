import type { FilterQuery } from '@mikro-orm/core';
import { requireActor, type Context } from '../kernel/context.js';
import { AppError } from '../kernel/app-error.js';
import { WorkOrderSchema, type WorkOrder } from './work-order.entity.js';
import { loadOrder } from './work-order-access.service.js';
import { mayRaiseWorkOrders } from './work-order-access.rules.js';
import { BOARD_STATES, STATE_LABELS } from './work-order-state.rules.js';
import { workOrderDetail } from './work-order-detail.service.js';
import { logTotalsOf } from './work-order.repository.js';
import { presentWorkOrderSummary } from './work-order.presenter.js';
import type { ListWorkOrdersQuery } from './work-order.schemas.js';

/** One work order the caller may see, with log, photos and history. */
export async function getWorkOrder(scope: Context, publicUrl: string, id: string) {
  const actor = requireActor(scope);
  const { order, roles } = await loadOrder(scope.em, actor, id);
  return workOrderDetail(scope.em, order, roles, publicUrl, actor);
}

/** Work orders the caller may see (their institution's, their centre's, their province's), newest first. */
export async function listWorkOrders(scope: Context, query: ListWorkOrdersQuery) {
  const actor = requireActor(scope);
  const where: FilterQuery<WorkOrder> & Record<string, unknown> = {};
  if (actor.role === 'provincial_admin') where.provinceCode = actor.provinceCode;
  else if (actor.role !== 'national_admin') {
    if (!actor.institutionId) {
      throw AppError.forbidden(
        '只有单位人员和管理员可以查看修复工单',
        'Only institution staff and admins see work orders',
      );
    }
    where.$or = [{ institution: actor.institutionId }, { centre: actor.institutionId }];
  }
  if (query.state) where.state = query.state;
  if (query.institutionId) where.institution = query.institutionId;
  if (query.censusNumber) where.record = { censusNumber: query.censusNumber };
  const [orders, total] = await scope.em.findAndCount(WorkOrderSchema, where, {
    populate: ['record', 'institution', 'centre'],
    orderBy: { updatedAt: 'desc' },
    limit: query.limit,
    offset: query.offset,
  });
  const byId = await logTotalsOf(
    scope.em,
    orders.map((o) => o.id),
  );
  return {
    items: orders.map((o) => presentWorkOrderSummary(o, byId.get(o.id) ?? { leaves: 0, hours: 0 })),
    total,
    /** The board's columns in order, each labelled (the page lists no states of its own). */
    columns: BOARD_STATES.map((state) => ({ state, label: STATE_LABELS[state] })),
    abilities: { raise: mayRaiseWorkOrders(actor) },
  };
}
