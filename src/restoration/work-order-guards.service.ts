import type { EntityManager } from '@mikro-orm/postgresql';
import { ConditionAssessmentSchema } from '../condition/condition-assessment.entity.js';
import { needsIndependentApproval } from './work-order-access.rules.js';
import { WorkOrderLogEntrySchema } from './work-order-log.entity.js';
import { WorkOrderPhotoSchema } from './work-order-photo.entity.js';
import { WorkOrderTransitionSchema } from './work-order-transition.entity.js';
import { workerIds } from './work-order-totals.rules.js';
import type { ActorRoles, TransitionContext } from './work-order-state.rules.js';
import type { WorkOrder } from './work-order.entity.js';

/** Completing needs an after-treatment assessment: the linked one, else the newest made since work started. */
export async function afterAssessment(em: EntityManager, order: WorkOrder) {
  if (order.afterAssessment) return order.afterAssessment;
  const started = await em.findOne(
    WorkOrderTransitionSchema,
    { workOrder: order.id, action: 'start' },
    { orderBy: { at: 'asc' } },
  );
  if (!started) return null;
  const [newest] = await em.find(
    ConditionAssessmentSchema,
    { record: order.record.id, createdAt: { $gte: started.at } },
    { orderBy: { createdAt: 'desc' }, limit: 1 },
  );
  return newest && newest.id !== order.beforeAssessment?.id ? newest : null;
}

/**
 * What the state machine's guards need to know about an order and the caller — one function for the
 * transition itself and for the actions the order's page offers, so the two never disagree.
 * The after-treatment evidence is looked up only where `complete` is possible (in progress).
 */
export async function guardContext(
  em: EntityManager,
  order: WorkOrder,
  actor: { userId: string },
  roles: ActorRoles,
): Promise<Omit<TransitionContext, 'reason'>> {
  const log = await em.find(WorkOrderLogEntrySchema, { workOrder: order.id });
  const history = await em.find(WorkOrderTransitionSchema, { workOrder: order.id });
  const completing = order.state === 'in_progress';
  return {
    actorId: actor.userId,
    actorRoles: roles,
    plannerId: order.plannedBy?.id ?? null,
    workerIds: workerIds(
      log.map((e) => e.conservator.id),
      history.map((t) => ({ action: t.action ?? null, actorId: t.actorId })),
    ),
    needsIndependentApproval: needsIndependentApproval({
      grade: order.record.grade ?? null,
      preciousListNumber: order.record.preciousListNumber ?? null,
    }),
    hasPlan: (order.plan?.techniques.length ?? 0) > 0,
    hasAfterAssessment: completing ? !!(await afterAssessment(em, order)) : !!order.afterAssessment,
    hasAfterPhotos: completing
      ? (await em.count(WorkOrderPhotoSchema, { workOrder: order.id, phase: 'after' })) > 0
      : false,
  };
}
