import { randomUUID } from 'node:crypto';
import {
  IMPORT_KINDS,
  IMPORT_MODES,
  ImportJobSchema,
  ImportRowErrorSchema,
  type ImportJob,
  type ImportKind,
  type ImportMode,
  type ImportStatus,
} from './import-job.entity.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import type { SpooledFile } from '../kernel/multipart.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { storeCall } from '../object-store/object-store-errors.js';
import { enqueueImport } from './import-queue.js';
import {
  IMPORT_KIND_LABELS,
  IMPORT_MODE_LABELS,
  IMPORT_STATUS_LABELS,
  importCounters,
  importRunning,
  problemFieldLabel,
  PROBLEM_KIND_LABELS,
} from './import-labels.rules.js';
import type { ImportKindHandler, ImportKinds } from './import-kind.js';

/** Import job → API JSON, with the labels of its codes and what the caller may do with it now. */
export function presentImportJob(kinds: ImportKinds, job: ImportJob) {
  // Both have defaults in the entity, so a loaded job always carries them.
  const kind = job.kind as ImportKind;
  const status = job.status as ImportStatus;
  const running = importRunning(status);
  return {
    id: job.id,
    kind: job.kind,
    kindLabel: IMPORT_KIND_LABELS[kind],
    institutionId: job.institution.id,
    status: job.status,
    statusLabel: IMPORT_STATUS_LABELS[status],
    running,
    mode: job.mode,
    modeLabel: IMPORT_MODE_LABELS[job.mode],
    format: job.format,
    fileName: job.fileName,
    sha256: job.sha256,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    conflicts: job.conflicts,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage } : null,
    /** The text encoding the CSV was read in (null for XLSX, or before the job ran). */
    encoding: job.encoding ?? null,
    cancelRequested: job.cancelRequestedAt != null,
    counts: importCounters(kinds[kind].counters).map((c) => ({ ...c, value: job[c.key] ?? 0 })),
    /** An all-or-nothing import that found problems stored no row at all. */
    storedNothing: job.mode === 'atomic' && job.status === 'done' && job.failed + job.conflicts > 0,
    /**
     * What the caller may do with the job now (they may see it, so they may start and cancel imports):
     * cancel while it runs, download the full report of its problems once it has ended with some.
     */
    actions: {
      cancel: running && !job.cancelRequestedAt,
      downloadReport: !running && job.failed + job.conflicts > 0,
    },
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

function formatOf(file: SpooledFile): 'csv' | 'xlsx' {
  const name = file.fileName.toLowerCase();
  if (name.endsWith('.csv') || file.mimeType === 'text/csv') return 'csv';
  if (
    name.endsWith('.xlsx') ||
    file.mimeType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  )
    return 'xlsx';
  throw AppError.badRequest(
    'UNSUPPORTED_FILE_TYPE',
    `不支持的文件类型：${file.fileName}（请上传 .csv 或 .xlsx）`,
    `Unsupported file type: ${file.fileName} (upload .csv or .xlsx)`,
    [
      {
        path: 'file',
        value: file.fileName,
        rule: 'csv_or_xlsx',
        messageZh: '只接受 .csv 或 .xlsx',
        messageEn: 'only .csv or .xlsx',
      },
    ],
  );
}

/**
 * The institution, when the caller may import this kind for it (404 or 403 otherwise). The import
 * history is shown to those who may import records (the cataloguers), as are the exports.
 */
async function loadEditableInstitution(scope: Context, institutionId: string, kind: ImportKindHandler) {
  const actor = requireActor(scope);
  const institution = await scope.em.findOne(InstitutionSchema, { id: institutionId });
  if (!institution) throw AppError.notFound(`Institution ${institutionId}`, `收藏单位 ${institutionId} `);
  if (!kind.mayImport(actor, { institutionId: institution.id, provinceCode: institution.province.code }))
    throw AppError.forbidden(kind.forbidden.zh, kind.forbidden.en);
  return { actor, institution };
}

/** Queues an import of an uploaded spreadsheet: the file goes to the object store, the job to the database. */
export async function queueImport(
  scope: Context,
  kinds: ImportKinds,
  store: ObjectStore,
  institutionId: string,
  file: SpooledFile | undefined,
  mode: ImportMode,
  kind: ImportKind,
) {
  const { actor, institution } = await loadEditableInstitution(scope, institutionId, kinds[kind]);
  if (!file) {
    throw AppError.badRequest(
      'VALIDATION_FAILED',
      '缺少上传文件（字段 file）',
      'No file uploaded (field "file")',
      [
        {
          path: 'file',
          rule: 'required',
          messageZh: '请选择要导入的文件',
          messageEn: 'choose a file to import',
        },
      ],
    );
  }
  const format = formatOf(file);
  const id = randomUUID();
  const objectKey = `imports/${id}.${format}`;
  // A store that is down is a 503 (not a 500); a failed upload leaves nothing (the store aborts it).
  const stored = await storeCall('保存导入文件 / storing the import file', () =>
    store.putFile(
      objectKey,
      file.path,
      { 'Content-Type': format === 'csv' ? 'text/csv' : 'application/octet-stream' },
      { sha256: file.sha256 },
    ),
  );
  try {
    return await scope.em.transactional(async (em) => {
      const job = em.create(ImportJobSchema, {
        id,
        institution,
        createdBy: actor.userId,
        createdByEmail: actor.email,
        kind,
        status: 'queued',
        mode,
        format,
        fileName: file.fileName.slice(0, 300),
        sha256: file.sha256,
        sizeBytes: stored.size,
        objectKey,
      });
      await em.flush();
      await enqueueImport(em, id);
      recordAudit(em, scope, {
        action: 'import.queue',
        entityType: 'import_job',
        entityId: id,
        after: { fileName: job.fileName, sha256: file.sha256, mode, format, kind },
        provinceCode: institution.province.code,
        institutionId: institution.id,
      });
      return presentImportJob(kinds, job);
    });
  } catch (error) {
    await store.remove([objectKey]).catch(() => undefined);
    throw error;
  }
}

/** The job, when the caller may start imports of its kind for its institution (404 or 403 otherwise). */
export async function loadVisibleJob(scope: Context, kinds: ImportKinds, id: string): Promise<ImportJob> {
  const job = await scope.em.findOne(ImportJobSchema, { id }, { populate: ['institution'] });
  if (!job) throw AppError.notFound(`Import ${id}`, `导入任务 ${id} `);
  await loadEditableInstitution(scope, job.institution.id, kinds[job.kind as ImportKind]);
  return job;
}

/** Status and counters of an import, with its first errors. */
export async function getImport(scope: Context, kinds: ImportKinds, id: string) {
  const job = await loadVisibleJob(scope, kinds, id);
  const errors = await scope.em.find(
    ImportRowErrorSchema,
    { job },
    { orderBy: { row: 'asc', id: 'asc' }, limit: 200 },
  );
  const presented = presentImportJob(kinds, job);
  return {
    ...presented,
    // Warnings alone also make a report worth downloading.
    actions: { ...presented.actions, downloadReport: !presented.running && errors.length > 0 },
    errors: errors.map((e) => ({
      row: e.row,
      column: e.columnLabel ?? null,
      field: e.field,
      fieldLabel: problemFieldLabel(e.columnLabel ?? null, e.field, kinds[job.kind as ImportKind].fieldLabel),
      kindLabel: PROBLEM_KIND_LABELS[e.kind as keyof typeof PROBLEM_KIND_LABELS] ?? PROBLEM_KIND_LABELS.error,
      value: e.value ?? null,
      kind: e.kind,
      code: e.code,
      message: `${e.messageZh} / ${e.messageEn}`,
      messageZh: e.messageZh,
      messageEn: e.messageEn,
    })),
  };
}

/** Every reported problem of an import, for the downloadable error report (streamed by the caller). */
export async function* importErrorRows(
  scope: Context,
  kinds: ImportKinds,
  id: string,
): AsyncGenerator<string[]> {
  const job = await loadVisibleJob(scope, kinds, id);
  const pageSize = 5000;
  for (let offset = 0; ; offset += pageSize) {
    const page = await scope.em.find(
      ImportRowErrorSchema,
      { job },
      { orderBy: { row: 'asc', id: 'asc' }, limit: pageSize, offset },
    );
    for (const e of page)
      yield [
        String(e.row),
        e.columnLabel ?? '',
        e.field,
        e.value ?? '',
        e.kind,
        e.code,
        e.messageZh,
        e.messageEn,
      ];
    if (page.length < pageSize) return;
  }
}

/** The institution's imports, newest first. */
export async function listImports(scope: Context, kinds: ImportKinds, institutionId: string) {
  await loadEditableInstitution(scope, institutionId, kinds.records);
  const jobs = await scope.em.find(
    ImportJobSchema,
    { institution: institutionId },
    { orderBy: { createdAt: 'desc' }, limit: 100 },
  );
  return { items: jobs.map((job) => presentImportJob(kinds, job)) };
}

/**
 * What the caller may do with an institution's imports and exports: the kinds they may import (records
 * for those who catalogue, assessments for those who assess), the modes, and whether they see the
 * records' exports and the import history. Every request is checked again when it comes.
 */
export async function importOptions(scope: Context, handlers: ImportKinds, institutionId: string) {
  const actor = requireActor(scope);
  const institution = await scope.em.findOne(InstitutionSchema, { id: institutionId });
  if (!institution) throw AppError.notFound(`Institution ${institutionId}`, `收藏单位 ${institutionId} `);
  const place = { institutionId: institution.id, provinceCode: institution.province.code };
  const catalogues = handlers.records.mayImport(actor, place);
  const kinds = IMPORT_KINDS.filter((kind) => handlers[kind].mayImport(actor, place));
  return {
    institution: {
      id: institution.id,
      name: institution.name,
      fullCode: `${place.provinceCode}-${institution.code}`,
    },
    kinds: kinds.map((kind) => ({ kind, label: IMPORT_KIND_LABELS[kind] })),
    modes: IMPORT_MODES.map((mode) => ({ mode, label: IMPORT_MODE_LABELS[mode] })),
    mayExport: catalogues,
    mayViewHistory: catalogues,
  };
}
