import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { RecordImageSchema } from '../images/record-image.entity.js';
import { WorkOrderSchema } from './work-order.entity.js';
import { WorkOrderLogEntrySchema } from './work-order-log.entity.js';
import { PHOTO_PHASES } from './work-order.schemas.js';

/**
 * A restoration photo: a page image of the record (stored and served by the image pipeline) that
 * belongs to a work order's before / during / after documentation rather than to the book's pages.
 */
export const WorkOrderPhotoSchema = defineEntity({
  name: 'WorkOrderPhoto',
  tableName: 'work_order_photo',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    workOrder: () => p.manyToOne(WorkOrderSchema).index().deleteRule('cascade'),
    image: () => p.manyToOne(RecordImageSchema).unique().deleteRule('cascade'),
    phase: p.enum([...PHOTO_PHASES]),
    caption: p.string().length(300).nullable(),
    logEntry: () => p.manyToOne(WorkOrderLogEntrySchema).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type WorkOrderPhoto = InferEntity<typeof WorkOrderPhotoSchema>;
