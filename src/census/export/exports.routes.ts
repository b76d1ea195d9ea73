import { z } from 'zod';
import { PassThrough } from 'node:stream';
import { defineRoute, type HandlerResult } from '../../kernel/route.js';
import { institutionIdParams } from '../../institutions/institution.schemas.js';
import { exportableInstitution, recordsInNumberOrder } from './record-export.service.js';
import { CONTENT_TYPES, streamSheet } from '../spreadsheet/writers.js';
import { TEMPLATE_HEADER } from '../spreadsheet/template.js';
import { CATALOGUE_HEADER } from '../spreadsheet/catalogue.js';
import { catalogueExportRows, templateExportRows } from '../spreadsheet/export-rows.js';
import { catalogueHtmlHead, catalogueHtmlRow, catalogueHtmlTail } from './catalogue-html.js';
import { RECORD_STATUSES, type RecordStatus } from '../../domain/record.types.js';

const tag = 'Export 导出';
const statusList = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',') : undefined))
  .pipe(z.array(z.enum(RECORD_STATUSES)).optional());

export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/institutions/:id/export',
    summary: 'Export records in the import template (CSV or XLSX); an export re-imports unchanged',
    tag,
    auth: 'user',
    params: institutionIdParams,
    query: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv'), status: statusList }),
    handler: async ({ scope, params, query }) => {
      const institution = await exportableInstitution(scope, params.id);
      const statuses: RecordStatus[] = query.status ?? RECORD_STATUSES.filter((s) => s !== 'withdrawn');
      const rows = templateExportRows(recordsInNumberOrder(scope, institution.id, statuses));
      return {
        body: streamSheet(query.format, TEMPLATE_HEADER, rows, '普查登记'),
        headers: {
          'Content-Type': CONTENT_TYPES[query.format],
          'Content-Disposition': `attachment; filename="${institution.fullCode}-records.${query.format}"`,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/institutions/:id/catalogue',
    summary: 'The census catalogue (普查登记目录) in census-number order: CSV, XLSX or a printable HTML page',
    tag,
    auth: 'user',
    params: institutionIdParams,
    query: z.strictObject({ format: z.enum(['csv', 'xlsx', 'html']).default('html'), status: statusList }),
    handler: async ({ scope, params, query }): Promise<HandlerResult> => {
      const institution = await exportableInstitution(scope, params.id);
      const statuses: RecordStatus[] = query.status ?? ['approved', 'published'];
      const rows = catalogueExportRows(recordsInNumberOrder(scope, institution.id, statuses));
      if (query.format !== 'html') {
        return {
          body: streamSheet(query.format, CATALOGUE_HEADER, rows, '普查登记目录'),
          headers: {
            'Content-Type': CONTENT_TYPES[query.format],
            'Content-Disposition': `attachment; filename="${institution.fullCode}-catalogue.${query.format}"`,
          },
        };
      }
      const out = new PassThrough();
      void (async () => {
        out.write(catalogueHtmlHead(institution, new Date()));
        let count = 0;
        for await (const row of rows) {
          count += 1;
          if (!out.write(catalogueHtmlRow(row))) await new Promise((r) => out.once('drain', r));
        }
        out.end(catalogueHtmlTail(count));
      })().catch((err: Error) => out.destroy(err));
      return { body: out, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
    },
  }),
];
