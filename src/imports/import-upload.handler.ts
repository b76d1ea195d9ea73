import { z } from 'zod';
import type { HandlerInput, HandlerResult } from '../kernel/route.js';
import { receiveMultipart } from '../kernel/multipart.js';
import { queueImport } from './import.service.js';
import { IMPORT_MODES, type ImportKind } from './import-job.entity.js';
import type { ImportKinds } from './import-kind.js';

/** Query of an import upload: `mode` may also come as a multipart field. */
export const importUploadQuery = z.strictObject({ mode: z.enum(IMPORT_MODES).optional() });

/**
 * The upload half every spreadsheet import shares (records, condition assessments): receive the
 * file, queue a job of the given kind, wake the worker, answer 202 with where to follow it.
 */
export function queueUploadedImport(kinds: ImportKinds, kind: ImportKind) {
  return async ({
    scope,
    params,
    query,
    koa,
    deps,
  }: HandlerInput<undefined, z.infer<typeof importUploadQuery>, { id: string }>): Promise<HandlerResult> => {
    const maxFileBytes = Math.min(deps.config.maxUploadBytes, deps.config.imports.maxBytes);
    const upload = await receiveMultipart(koa, { maxFileBytes, maxFiles: 1 });
    try {
      const mode = z
        .enum(IMPORT_MODES)
        .default('skip')
        .parse(query.mode ?? upload.fields.mode ?? 'skip');
      const file = upload.files.find((f) => f.field === 'file');
      const job = await queueImport(scope, kinds, deps.objectStore, params.id, file, mode, kind);
      deps.importWorker?.kick();
      return { status: 202, body: job, headers: { Location: `/api/imports/${job.id}` } };
    } finally {
      await upload.discard();
    }
  };
}
