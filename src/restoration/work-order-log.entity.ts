import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UserSchema } from '../users/user.entity.js';
import { WorkOrderSchema } from './work-order.entity.js';

/** One treatment log entry: who did which step on which day, how many leaves (叶) and hours. */
export const WorkOrderLogEntrySchema = defineEntity({
  name: 'WorkOrderLogEntry',
  tableName: 'work_order_log_entry',
  indexes: [{ properties: ['workOrder', 'workDate'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    workOrder: () => p.manyToOne(WorkOrderSchema).deleteRule('cascade'),
    workDate: p.date(),
    conservator: () => p.manyToOne(UserSchema),
    step: p.string().length(64),
    leavesTreated: p.integer(),
    hours: p.decimal('number').precision(6).scale(2),
    notes: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type WorkOrderLogEntry = InferEntity<typeof WorkOrderLogEntrySchema>;
