import { z } from 'zod';
import { IMPORT_KINDS, IMPORT_MODES, IMPORT_STATUSES } from './import-job.entity.js';

const label = z.object({ zh: z.string(), en: z.string() });

export const importJobResponse = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  kindLabel: label,
  institutionId: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  statusLabel: label,
  /** Queued or running: the counters still move. */
  running: z.boolean(),
  mode: z.enum(IMPORT_MODES),
  modeLabel: label,
  format: z.string(),
  fileName: z.string(),
  sha256: z.string().nullable(),
  total: z.number(),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  conflicts: z.number(),
  error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
  encoding: z.string().nullable(),
  cancelRequested: z.boolean(),
  /** The counters this kind of import keeps, labelled, in reading order. */
  counts: z.array(z.object({ key: z.string(), label, hint: label.nullable(), value: z.number() })),
  storedNothing: z.boolean(),
  actions: z.object({ cancel: z.boolean(), downloadReport: z.boolean() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const importJobDetailResponse = importJobResponse.extend({
  errors: z.array(
    z.object({
      row: z.number(),
      column: z.string().nullable(),
      field: z.string(),
      /** The column as the file names it, else the field or part of the file concerned. */
      fieldLabel: label,
      value: z.string().nullable(),
      kind: z.string(),
      kindLabel: label,
      code: z.string(),
      message: z.string(),
      messageZh: z.string(),
      messageEn: z.string(),
    }),
  ),
});

export const importOptionsResponse = z.object({
  institution: z.object({ id: z.uuid(), name: z.string(), fullCode: z.string() }),
  kinds: z.array(z.object({ kind: z.enum(IMPORT_KINDS), label })),
  modes: z.array(z.object({ mode: z.enum(IMPORT_MODES), label })),
  mayExport: z.boolean(),
  mayViewHistory: z.boolean(),
});
