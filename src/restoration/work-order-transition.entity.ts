import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATES } from './work-order-state.rules.js';
import { WorkOrderSchema } from './work-order.entity.js';

/** The state history of a work order: each move with its time, so time spent in each state can be measured. */
export const WorkOrderTransitionSchema = defineEntity({
  name: 'WorkOrderTransition',
  tableName: 'work_order_transition',
  indexes: [{ properties: ['workOrder', 'at'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    workOrder: () => p.manyToOne(WorkOrderSchema).deleteRule('cascade'),
    /** null for the creation (into `proposed`). */
    action: p.enum([...WORK_ORDER_ACTIONS]).nullable(),
    fromState: p.enum([...WORK_ORDER_STATES]).nullable(),
    toState: p.enum([...WORK_ORDER_STATES]),
    actorId: p.uuid(),
    actorName: p.string().length(100),
    reason: p.text().nullable(),
    at: p.datetime(),
  },
});
export type WorkOrderTransition = InferEntity<typeof WorkOrderTransitionSchema>;
