import { z } from 'zod';
import { PassThrough } from 'node:stream';
import { defineRoute, type HandlerResult } from '../../kernel/route.js';
import { institutionIdParams } from '../../institutions/institution.schemas.js';
import { exportableInstitution, recordsInNumberOrder } from './record-export.service.js';
import { writeCsv, writeXlsx } from '../spreadsheet/writers.js';
import { TEMPLATE_HEADER } from '../spreadsheet/template.js';
import { CATALOGUE_HEADER } from '../spreadsheet/catalogue.js';
import { catalogueExportRows, templateExportRows } from '../spreadsheet/export-rows.js';
import { catalogueHtmlHead, catalogueHtmlRow, catalogueHtmlTail } from './catalogue-html.js';
import { RECORD_STATUSES, type RecordStatus } from '../../domain/record.types.js';
import { ASSESSMENT_COLUMNS } from '../../condition/assessment-import-row.rules.js';
import { TEMPLATE_COLUMNS } from '../spreadsheet/template.js';

const tag = 'Export 导出';
const statusList = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',') : undefined))
  .pipe(z.array(z.enum(RECORD_STATUSES)).optional());

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function streamSheet(
  format: 'csv' | 'xlsx',
  header: readonly string[],
  rows: AsyncIterable<string[]>,
  sheetName: string,
): PassThrough {
  const out = new PassThrough();
  const writing =
    format === 'csv' ? writeCsv(out, header, rows) : writeXlsx(out, header, rows, { sheetName });
  writing.catch((err: Error) => out.destroy(err));
  return out;
}

// Blank import templates: the header rows the importers read (Chinese by default; the records
// importer also accepts the English headers). Headers only — an example row would be imported.
const BLANK_TEMPLATES = {
  records: {
    zh: TEMPLATE_COLUMNS.map((c) => c.zh),
    en: TEMPLATE_COLUMNS.map((c) => c.key),
    sheet: '普查数据',
  },
  assessments: { zh: ASSESSMENT_COLUMNS.map((c) => c.zh), en: null, sheet: '破损评估' },
} as const;

export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/import-templates/:kind',
    summary:
      'A blank import template (header row only) for records or condition assessments, as CSV or XLSX; `headers=en` gives the English record header keys (call_number, title, …)',
    tag,
    auth: 'public',
    params: z.strictObject({ kind: z.enum(['records', 'assessments']) }),
    query: z.strictObject({
      format: z.enum(['csv', 'xlsx']).default('xlsx'),
      headers: z.enum(['zh', 'en']).default('zh'),
    }),
    handler: async ({ params, query }) => {
      const template = BLANK_TEMPLATES[params.kind];
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
  }),
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
