import { z } from 'zod';
import { PassThrough } from 'node:stream';
import { defineRoute, type Route } from '../kernel/route.js';
import { institutionIdParams } from '../institutions/institution.schemas.js';
import { getImport, importErrorRows, importOptions, listImports } from './import.service.js';
import { importJobDetailResponse, importJobResponse, importOptionsResponse } from './import.schemas.js';
import { importUploadQuery, queueUploadedImport } from './import-upload.handler.js';
import { cancelImport } from './import-cancel.service.js';
import { IMPORT_KINDS, type ImportKind } from './import-job.entity.js';
import type { ImportKinds } from './import-kind.js';
import { writeCsv } from '../csv/csv-writer.js';
import { CONTENT_TYPES, streamSheet } from '../census/spreadsheet/writers.js';

const tag = 'Import 导入';
const jobParams = z.strictObject({ id: z.uuid() });

/** The upload route of one kind (its path, summary and tag are the kind's). */
function uploadRoute(kinds: ImportKinds, kind: ImportKind): Route {
  const { path, summary, tag } = kinds[kind].upload;
  return defineRoute({
    method: 'post',
    path,
    summary,
    tag,
    auth: 'user',
    successStatus: 202,
    params: institutionIdParams,
    query: importUploadQuery,
    handler: queueUploadedImport(kinds, kind),
  });
}

/** The routes of every kind's jobs: list, options, status, cancel, error report. */
function jobRoutes(kinds: ImportKinds): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/institutions/:id/imports',
      summary: "An institution's imports, newest first",
      tag,
      auth: 'user',
      params: institutionIdParams,
      response: z.object({ items: z.array(importJobResponse) }),
      handler: async ({ scope, params }) => ({ body: await listImports(scope, kinds, params.id) }),
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
      handler: async ({ scope, params }) => ({ body: await importOptions(scope, kinds, params.id) }),
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
        body: await getImport(scope, kinds, params.id),
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
      handler: async ({ scope, params }) => ({
        status: 202,
        body: await cancelImport(scope, kinds, params.id),
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
        const rows = importErrorRows(scope, kinds, params.id);
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
}

/**
 * A blank template of each kind (header row only: an example row would be imported). Chinese by
 * default; a kind with English headers (records) also offers those.
 */
function templateRoute(kinds: ImportKinds): Route {
  return defineRoute({
    method: 'get',
    path: '/api/import-templates/:kind',
    summary:
      'A blank import template (header row only) for records or condition assessments, as CSV or XLSX; `headers=en` gives the English record header keys (call_number, title, …)',
    tag: 'Export 导出',
    auth: 'public',
    params: z.strictObject({ kind: z.enum(IMPORT_KINDS) }),
    query: z.strictObject({
      format: z.enum(['csv', 'xlsx']).default('xlsx'),
      headers: z.enum(['zh', 'en']).default('zh'),
    }),
    handler: async ({ params, query }) => {
      const template = kinds[params.kind].blankTemplate;
      const header = query.headers === 'en' && template.en ? template.en : template.zh;
      return {
        body: streamSheet(query.format, header, (async function* () {})(), template.sheet),
        headers: {
          'Content-Type': CONTENT_TYPES[query.format],
          'Content-Disposition': `attachment; filename="${params.kind}-template.${query.format}"`,
          'Cache-Control': 'public, max-age=3600',
        },
      };
    },
  });
}

/**
 * The import API over a registry of kinds: one upload route per kind, the job routes every kind
 * shares, and the blank templates. The composition root places them in its route list.
 */
export function importRoutes(kinds: ImportKinds) {
  return {
    upload: (kind: ImportKind) => uploadRoute(kinds, kind),
    jobs: jobRoutes(kinds),
    template: templateRoute(kinds),
  };
}
