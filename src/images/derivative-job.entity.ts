import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { RecordImageSchema } from './record-image.entity.js';

export const DERIVATIVE_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type DerivativeJobStatus = (typeof DERIVATIVE_JOB_STATUSES)[number];

/**
 * Work to build an image's derivatives, persisted so it survives restarts, and what the pages show
 * of it; the job queue runs it (README "Background jobs"). A failed attempt is retried after a
 * growing delay (`runAfter`, the time of the queue's next try).
 */
export const DerivativeJobSchema = defineEntity({
  name: 'DerivativeJob',
  tableName: 'derivative_job',
  indexes: [{ properties: ['status', 'runAfter'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    image: () => p.manyToOne(RecordImageSchema).deleteRule('cascade').index(),
    // Which master the job was made for: a replaced master makes older jobs obsolete.
    sha256: p.string().length(64),
    status: p.enum([...DERIVATIVE_JOB_STATUSES]).default('queued'),
    attempts: p.integer().default(0),
    runAfter: p.datetime().onCreate(() => new Date()),
    heartbeatAt: p.datetime().nullable(),
    errorMessage: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type DerivativeJob = InferEntity<typeof DerivativeJobSchema>;
