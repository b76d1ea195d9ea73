import { z } from 'zod';
import { PassThrough } from 'node:stream';
import { defineRoute } from '../../kernel/route.js';
import { institutionIdParams } from '../../institutions/institution.schemas.js';
import { getImport, importErrorRows, importOptions, listImports } from './import.service.js';
import { importJobDetailResponse, importJobResponse, importOptionsResponse } from './import.schemas.js';
import { importUploadQuery, queueUploadedImport } from './import-upload.handler.js';
import { cancelImport } from './import-cancel.service.js';
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
    query: importUploadQuery,
    handler: queueUploadedImport('records'),
  }),
  defineRoute({
    method: 'get',
    path: '/api/institutions/:id/imports',
    summary: "An institution's imports, newest first",
    tag,
    auth: 'user',
    params: institutionIdParams,
    response: z.object({ items: z.array(importJobResponse) }),
    handler: async ({ scope, params }) => ({ body: await listImports(scope, params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/institutions/:id/import-options',
    summary:
      'What I may import for an institution (kinds, modes, labelled) and whether I see its exports and import history',
    tag,
    auth: 'user',
    params: institutionIdParams,
    response: importOptionsResponse,
    handler: async ({ scope, params }) => ({ body: await importOptions(scope, params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/imports/:id',
    summary:
      'Import status: {status: queued|running|done|failed, total, processed, created, updated, failed, errors:[{row, field, value, message}]}',
    tag,
    auth: 'user',
    params: jobParams,
    response: importJobDetailResponse,
    handler: async ({ scope, params }) => ({
      body: await getImport(scope, params.id),
      headers: { 'Cache-Control': 'no-store' },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/imports/:id/cancel',
    summary:
      'Cancel an import (authorised like starting one; audited): a queued job ends at once, a running one stops at its next row → 202 the job',
    tag,
    auth: 'user',
    successStatus: 202,
    params: jobParams,
    response: importJobResponse,
    handler: async ({ scope, params }) => ({ status: 202, body: await cancelImport(scope, params.id) }),
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
        ['行 row', '列 column', '字段 field', '值 value', '类别 kind', '规则 code', '说明', 'message'],
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
