import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CensusRecordSchema } from './census-record.entity.js';

/** One step of the review workflow (submit, review, return, approve, publish, withdraw): every round stays visible. */
export const ReviewEventSchema = defineEntity({
  name: 'ReviewEvent',
  tableName: 'review_event',
  indexes: [{ properties: ['record', 'at'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    record: () => p.manyToOne(CensusRecordSchema).deleteRule('cascade'),
    round: p.integer(),
    action: p.string().length(32),
    fromStatus: p.string().length(16),
    toStatus: p.string().length(16),
    actorId: p.uuid().nullable(),
    actorEmail: p.string().length(254).nullable(),
    note: p.text().nullable(),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type ReviewEvent = InferEntity<typeof ReviewEventSchema>;

/** A reviewer's comment on one field of a record, in a given review round. */
export const ReviewCommentSchema = defineEntity({
  name: 'ReviewComment',
  tableName: 'review_comment',
  indexes: [{ properties: ['record', 'round'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    record: () => p.manyToOne(CensusRecordSchema).deleteRule('cascade'),
    round: p.integer(),
    field: p.string().length(64),
    text: p.text(),
    actorId: p.uuid().nullable(),
    actorEmail: p.string().length(254).nullable(),
    resolved: p.boolean().default(false),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type ReviewComment = InferEntity<typeof ReviewCommentSchema>;
