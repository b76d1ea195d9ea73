import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { InstitutionSchema } from '../institutions/institution.entity.js';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_MODES = ['skip', 'atomic'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
/** What an import brings in: catalogue records, or condition assessments of existing records. */
export const IMPORT_KINDS = ['records', 'assessments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A spreadsheet import, persisted so it survives restarts: the uploaded file lives in the object
 * store, a worker picks queued jobs up, and the counters show progress while it runs.
 */
export const ImportJobSchema = defineEntity({
  name: 'ImportJob',
  tableName: 'import_job',
  indexes: [{ properties: ['status', 'createdAt'] }, { properties: ['institution', 'createdAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    institution: () => p.manyToOne(InstitutionSchema),
    createdBy: p.uuid().nullable(),
    createdByEmail: p.string().length(254).nullable(),
    kind: p.enum([...IMPORT_KINDS]).default('records'),
    status: p.enum([...IMPORT_STATUSES]).default('queued'),
    mode: p.enum([...IMPORT_MODES]),
    format: p.enum(['csv', 'xlsx']),
    fileName: p.string().length(300),
    sha256: p.string().length(64),
    sizeBytes: p.bigint('number'),
    /** The uploaded file: one object, `imports/{id}.{csv|xlsx}`. */
    objectKey: p.string().length(200),
    total: p.integer().default(0),
    processed: p.integer().default(0),
    created: p.integer().default(0),
    updated: p.integer().default(0),
    unchanged: p.integer().default(0),
    failed: p.integer().default(0),
    conflicts: p.integer().default(0),
    errorCode: p.string().length(64).nullable(),
    errorMessage: p.text().nullable(),
    attempts: p.integer().default(0),
    /** Set by POST /api/imports/:id/cancel; the worker running the job stops at its next row. */
    cancelRequestedAt: p.datetime().nullable(),
    /** The text encoding a CSV was read in (utf-8, gb18030, utf-16le, utf-16be); null for XLSX. */
    encoding: p.string().length(16).nullable(),
    heartbeatAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type ImportJob = InferEntity<typeof ImportJobSchema>;

/** One reported problem of an import: the spreadsheet row, the field, the value and the rule. */
export const ImportRowErrorSchema = defineEntity({
  name: 'ImportRowError',
  tableName: 'import_row_error',
  indexes: [{ properties: ['job', 'row'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    job: () => p.manyToOne(ImportJobSchema).deleteRule('cascade'),
    row: p.integer(),
    field: p.string().length(64),
    /** The file's header of the column concerned (as written there: Chinese or English). */
    columnLabel: p.string().length(100).nullable(),
    value: p.text().nullable(),
    code: p.string().length(64),
    // Warnings (a new 著作方式, an era overrun …) are reported but never stop a row.
    kind: p.enum(['error', 'conflict', 'warning']),
    messageZh: p.text(),
    messageEn: p.text(),
  },
});
export type ImportRowError = InferEntity<typeof ImportRowErrorSchema>;
