import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordImage } from '../images/record-image.entity.js';
import type { WorkOrder } from './work-order.entity.js';
import { WorkOrderLogEntrySchema } from './work-order-log.entity.js';
import { WorkOrderPhotoSchema, type WorkOrderPhoto } from './work-order-photo.entity.js';
import { WorkOrderTransitionSchema } from './work-order-transition.entity.js';
import { presentWorkOrder } from './work-order.presenter.js';
import { actionOffers, type ActorRoles, type WorkOrderState } from './work-order-state.rules.js';
import { guardContext } from './work-order-guards.service.js';

/** Loads an order's log, photos and history and presents the whole order. */
export async function workOrderDetail(
  em: EntityManager,
  order: WorkOrder,
  roles: ActorRoles,
  publicUrl: string,
  actor: { userId: string },
) {
  await em.populate(order, [
    'record',
    'institution',
    'centre',
    'plannedBy',
    'approvedBy',
    'acceptedBy',
    'createdBy',
    'beforeAssessment',
    'afterAssessment',
  ]);
  const log = await em.find(
    WorkOrderLogEntrySchema,
    { workOrder: order.id },
    { populate: ['conservator'], orderBy: { workDate: 'asc', createdAt: 'asc' } },
  );
  const photos = (await em.find(
    WorkOrderPhotoSchema,
    { workOrder: order.id },
    { populate: ['image'], orderBy: { createdAt: 'asc' } },
  )) as Array<WorkOrderPhoto & { image: RecordImage }>;
  const transitions = await em.find(
    WorkOrderTransitionSchema,
    { workOrder: order.id },
    { orderBy: { at: 'asc' } },
  );
  const offers = actionOffers(order.state as WorkOrderState, await guardContext(em, order, actor, roles));
  return presentWorkOrder(order, { log, photos, transitions, roles, offers, publicUrl });
}
