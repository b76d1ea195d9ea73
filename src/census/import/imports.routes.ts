import { z } from 'zod';
import { PassThrough } from 'node:stream';
import { defineRoute } from '../../http/route.js';
import { receiveMultipart } from '../../http/multipart.js';
import { institutionIdParams } from '../../institutions/institution.schemas.js';
import { getImport, importErrorRows, listImports, queueImport } from './import.service.js';
import { IMPORT_MODES } from './import-job.entity.js';
import { writeCsv } from '../spreadsheet/writers.js';

const tag = 'Import 导入';
const jobParams = z.strictObject({ id: z.uuid() });

export const importRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/institutions/:id/imports',
    summary:
      'Import a CSV or XLSX spreadsheet (multipart field `file`; `mode=skip` keeps good rows, `mode=atomic` all or nothing) → 202 {id}',
    tag,
    auth: 'user',
    successStatus: 202,
    params: institutionIdParams,
    query: z.strictObject({ mode: z.enum(IMPORT_MODES).optional() }),
    handler: async ({ scope, params, query, koa, deps }) => {
      const upload = await receiveMultipart(koa, { maxFileBytes: deps.config.maxUploadBytes, maxFiles: 1 });
      try {
        const mode = z
          .enum(IMPORT_MODES)
          .default('skip')
          .parse(query.mode ?? upload.fields.mode ?? 'skip');
        const job = await queueImport(
          scope,
          deps.objectStore,
          params.id,
          upload.files.find((f) => f.field === 'file'),
          mode,
        );
        deps.importWorker?.kick();
        return { status: 202, body: job, headers: { Location: `/api/imports/${job.id}` } };
      } finally {
        await upload.discard();
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/institutions/:id/imports',
    summary: "An institution's imports, newest first",
    tag,
    auth: 'user',
    params: institutionIdParams,
    handler: async ({ scope, params }) => ({ body: await listImports(scope, params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/imports/:id',
    summary:
      'Import status: {status: queued|running|done|failed, total, processed, created, updated, failed, errors:[{row, field, value, message}]}',
    tag,
    auth: 'user',
    params: jobParams,
    handler: async ({ scope, params }) => ({
      body: await getImport(scope, params.id),
      headers: { 'Cache-Control': 'no-store' },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/imports/:id/errors.csv',
    summary: 'The full error report of an import as CSV (row, field, value, kind, code, messages)',
    tag,
    auth: 'user',
    params: jobParams,
    handler: async ({ scope, params }) => {
      const rows = importErrorRows(scope, params.id);
      const first = await rows.next(); // checks access before the response starts
      const out = new PassThrough();
      const all = (async function* () {
        if (!first.done) yield first.value;
        yield* rows;
      })();
      writeCsv(
        out,
        ['行 row', '字段 field', '值 value', '类别 kind', '规则 code', '说明', 'message'],
        all,
      ).catch((err: Error) => out.destroy(err));
      return {
        body: out,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="import-${params.id}-errors.csv"`,
        },
      };
    },
  }),
];
