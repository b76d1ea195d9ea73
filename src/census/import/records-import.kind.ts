// The `records` kind of import (registered in src/app/import-kinds.ts): catalogue records from the
// records template. Rows are checked by ImportRowChecker and stored in batches by the import-batch
// use case; the machinery (src/imports/) streams, batches, stops and reports.
import type { DriverException } from '@mikro-orm/core';
import { applyImportBatch, type ValidRow } from './import-batch.service.js';
import { ImportRowChecker } from './import-row-checker.js';
import { loadCodeLists } from '../code-list.service.js';
import { canCatalogue } from '../record-access.rules.js';
import { recordFieldLabel } from '../record-fields.rules.js';
import { TEMPLATE_COLUMNS } from '../spreadsheet/template.js';
import { InstitutionSchema } from '../../institutions/institution.entity.js';
import { STATUS_ZH } from '../../domain/record-workflow.rules.js';
import type { RecordStatus } from '../../domain/record.types.js';
import type { ErrorDetail } from '../../kernel/app-error.js';
import type { ImportKindHandler, ImportKindRun } from '../../imports/import-kind.js';
import type { RowProblem } from '../../imports/import-job-log.js';

/** The records kind: who may import records, how a row is checked and a batch stored. */
export const recordsImportKind: ImportKindHandler<ValidRow> = {
  kind: 'records',
  upload: {
    path: '/api/institutions/:id/imports',
    summary:
      'Import a CSV or XLSX spreadsheet (multipart field `file`; `mode=skip` keeps good rows, `mode=atomic` all or nothing) → 202 {id}',
    tag: 'Import 导入',
  },
  mayImport: (actor, place) =>
    canCatalogue(actor, { id: place.institutionId, provinceCode: place.provinceCode }),
  forbidden: { zh: '无权为该单位导入记录', en: 'You may not import records for this institution' },
  counters: ['created', 'updated', 'unchanged', 'failed', 'conflicts'],
  templateName: { zh: '模板', en: 'the template' },
  blankTemplate: {
    zh: TEMPLATE_COLUMNS.map((c) => c.zh),
    en: TEMPLATE_COLUMNS.map((c) => c.key),
    sheet: '普查数据',
  },
  fieldLabel: (field) => recordFieldLabel(field, 'guji'),
  batchSize: 500,

  async open(scope, job, settings): Promise<ImportKindRun<ValidRow>> {
    const institution = await scope.em.findOneOrFail(InstitutionSchema, { id: job.institution.id });
    const checker = new ImportRowChecker(institution.id, await loadCodeLists(scope.em), new Date(), {
      eraYearMargin: settings.eraYearMargin,
    });
    const problems = (rowNumber: number, kind: 'error' | 'warning', details: readonly ErrorDetail[]) =>
      details.map((detail) => ({ row: rowNumber, kind, column: checker.columnOf(detail.path), detail }));
    return {
      header: (row) => checker.header(row),
      row(row) {
        const checked = checker.check(row);
        const warnings = problems(row.rowNumber, 'warning', checked.warnings);
        if ('errors' in checked)
          return {
            problems: [...warnings, ...problems(row.rowNumber, 'error', checked.errors)],
            failedRows: 1,
          };
        return { problems: warnings, ready: [checked.valid] };
      },
      end: () => ({}),
      async store(batchScope, rows) {
        const outcome = await applyImportBatch(
          batchScope,
          {
            institution: {
              id: institution.id,
              code: institution.code,
              provinceCode: institution.province.code,
            },
            job: { id: job.id, fileName: job.fileName },
            revalidate: (input, previous) => checker.revalidate(input, previous),
            afterRecordsChanged: settings.afterRecordsChanged,
          },
          rows,
        );
        const conflicts: RowProblem[] = outcome.conflicts.map((c) => {
          const status = STATUS_ZH[c.status as RecordStatus] ?? c.status;
          return {
            row: c.rowNumber,
            kind: 'conflict',
            column: checker.columnOf('callNumber'),
            detail: {
              path: 'callNumber',
              value: c.callNumber,
              rule: 'record_not_editable',
              messageZh: `索书号 ${c.callNumber} 对应的记录 ${c.censusNumber} 状态为“${status}”，只有草稿和已退回的记录可由导入修改，本行未导入`,
              messageEn: `Record ${c.censusNumber} (call number ${c.callNumber}) is ${c.status.replace('_', ' ')}; an import only changes drafts and returned records, so this row was not imported`,
            },
          };
        });
        return {
          created: outcome.created.length,
          updated: outcome.updated.length,
          unchanged: outcome.unchanged,
          conflicts: outcome.conflicts.length,
          failedRows: new Set(outcome.rejected.map((r) => r.rowNumber)).size,
          problems: [
            ...conflicts,
            ...outcome.rejected.map((r) => ({
              row: r.rowNumber,
              kind: 'error' as const,
              column: checker.columnOf(r.detail.path),
              detail: r.detail,
            })),
          ],
        };
      },
      rowsOf: (row) => [row.rowNumber],
      refused: (row, error) => refusedRow(row, error),
    };
  },
};

/** A row the database refused on its own: pg's own fields name the constraint and the key. */
function refusedRow(row: ValidRow, error: DriverException): RowProblem {
  // The message would also carry the SQL.
  const { constraint, detail } = error as DriverException & { constraint?: string; detail?: string };
  const why = [constraint, detail].filter(Boolean).join(': ') || (error.sqlState ?? error.name);
  return {
    row: row.rowNumber,
    kind: 'error',
    detail: {
      path: 'row',
      value: row.input.callNumber,
      rule: 'database_constraint',
      messageZh: `数据库拒绝保存此行（${why}）`,
      messageEn: `The database refused this row (${why})`,
    },
  };
}
