// GET /api/me/todo: the counts of each to-do item of the caller (todo.rules.ts), each within what
// the caller may see — their institution's records, the records assigned to them for review, their
// province's or the whole country's, and the work orders of their institution or centre.
import { z } from 'zod';
import type { FilterQuery } from '@mikro-orm/core';
import { visibleRecordsPerStatus } from '../census/record-list.repository.js';
import { actorContext } from '../census/record-access.service.js';
import { AWAITING_REVIEW } from '../census/review-queue.service.js';
import type { RecordStatus } from '../domain/record.types.js';
import { RestorationRoleSchema } from '../restoration/restoration-role.entity.js';
import { WorkOrderSchema, type WorkOrder } from '../restoration/work-order.entity.js';
import { statesAwaiting, type WorkOrderState } from '../restoration/work-order-state.rules.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { Actor } from '../kernel/actor.js';
import { TODO_ITEMS, TODO_KINDS, todoKindsOf, type TodoKind } from './todo.rules.js';

export const todoResponse = z.object({
  items: z.array(
    z.object({
      kind: z.enum(TODO_KINDS),
      label: z.object({ zh: z.string(), en: z.string() }),
      count: z.number().int(),
      href: z.string(),
    }),
  ),
});

/** The records statuses each record item counts. */
const RECORD_STATUSES: Partial<Record<TodoKind, readonly RecordStatus[]>> = {
  returnedRecords: ['returned'],
  draftRecords: ['draft'],
  awaitingReview: AWAITING_REVIEW,
  awaitingPublication: ['approved'],
};

/** The work-order states each order item counts. */
const ORDER_STATES: Partial<Record<TodoKind, readonly WorkOrderState[]>> = {
  ordersToWork: statesAwaiting('isConservator'),
  plansToApprove: statesAwaiting('isStudioHead'),
  ordersToAccept: statesAwaiting('isInspector'),
};

async function recordCounts(scope: Context, actor: Actor, kinds: TodoKind[]) {
  const statuses = [...new Set(kinds.flatMap((k) => RECORD_STATUSES[k] ?? []))];
  if (!statuses.length) return new Map<string, number>();
  // An institution's staff count their own institution's records only (not everyone's published ones).
  return visibleRecordsPerStatus(
    scope.em,
    await actorContext(scope.em, actor),
    statuses,
    actor.institutionId,
  );
}

async function orderCount(scope: Context, actor: Actor, states: readonly WorkOrderState[]) {
  const where: FilterQuery<WorkOrder> & Record<string, unknown> = { state: { $in: [...states] } };
  if (actor.role === 'provincial_admin') where.provinceCode = actor.provinceCode;
  else if (actor.role !== 'national_admin') {
    if (!actor.institutionId) return 0;
    where.$or = [{ institution: actor.institutionId }, { centre: actor.institutionId }];
  }
  return scope.em.count(WorkOrderSchema, where);
}

/** The caller's to-do items with their counts. */
export async function myTodo(scope: Context): Promise<z.infer<typeof todoResponse>> {
  const actor = requireActor(scope);
  const capabilities = new Set(
    (await scope.em.find(RestorationRoleSchema, { user: actor.userId })).map((r) => r.role),
  );
  const kinds = todoKindsOf(actor.role, capabilities);
  const byStatus = await recordCounts(scope, actor, kinds);
  const items = [];
  for (const kind of kinds) {
    const statuses = RECORD_STATUSES[kind];
    const states = ORDER_STATES[kind];
    const count = statuses
      ? statuses.reduce((n, s) => n + (byStatus.get(s) ?? 0), 0)
      : await orderCount(scope, actor, states ?? []);
    items.push({ kind, ...TODO_ITEMS[kind], count });
  }
  return { items };
}
