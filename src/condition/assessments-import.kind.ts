// The `assessments` kind of import (registered in src/app/import-kinds.ts): condition assessments
// (and gradings) of existing records from the assessment template. Consecutive rows of one call
// number, date and assessor form one assessment; each is stored through the same use cases as the
// forms (storeAssessment, storeGrading), idempotent by a key of its content.
import { createHash } from 'node:crypto';
import type { DriverException } from '@mikro-orm/core';
import {
  ASSESSMENT_COLUMNS,
  checkAssessmentRow,
  groupKeyOf,
  mapAssessmentHeader,
  type AssessmentHeader,
  type AssessmentRow,
} from './assessment-import-row.rules.js';
import { draftAssessment, draftFingerprint, type AssessmentDraft } from './assessment-import-group.rules.js';
import { AssessmentImportKeySchema } from './assessment-import-key.entity.js';
import { storeAssessment } from './condition-assessment.service.js';
import { activeRuleSet } from './rule-set.repository.js';
import { storeGrading } from '../grading/grading.service.js';
import { CensusRecordSchema, type CensusRecord } from '../census/census-record.entity.js';
import { canAssess } from '../domain/assessment-access.rules.js';
import { formatGradeLabel } from '../domain/grade.rules.js';
import { today } from '../domain/dates.js';
import type { ErrorDetail } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import type {
  ImportKindHandler,
  ImportKindRun,
  ImportRunSettings,
  RowOutcome,
  StoreOutcome,
} from '../imports/import-kind.js';
import type { RowProblem } from '../imports/import-job-log.js';

/** The idempotency key of a draft (sha256 hex). */
export function draftKey(institutionId: string, draft: AssessmentDraft): string {
  return createHash('sha256').update(draftFingerprint(institutionId, draft)).digest('hex');
}

/** The assessments kind: who may import assessments, how rows form one and how it is stored. */
export const assessmentsImportKind: ImportKindHandler<AssessmentDraft> = {
  kind: 'assessments',
  upload: {
    path: '/api/institutions/:id/assessment-imports',
    summary:
      'Import condition assessments from CSV/XLSX (索书号, 评估日期, 评估人, 破损类型, 破损面积%, 受损叶数, 部位, pH, pH测量方法, 测量部位, 古籍级别, 改定等级, 改定理由; consecutive rows of one call number, date and assessor form one assessment; `mode=skip|atomic`) → 202 {id}; status and errors at /api/imports/:id',
    tag: 'Condition 破损定级',
  },
  // Assessments are written by whoever may assess (conservators too).
  mayImport: (actor, place) => canAssess(actor, place),
  forbidden: { zh: '无权为该单位导入评估', en: 'You may not import assessments for this institution' },
  // Assessments are never updated in place or in conflict.
  counters: ['created', 'unchanged', 'failed'],
  templateName: { zh: '评估导入模板', en: 'the assessment template' },
  blankTemplate: { zh: ASSESSMENT_COLUMNS.map((c) => c.zh), en: null, sheet: '破损评估' },
  fieldLabel: (field) => ({ zh: field, en: field }),
  batchSize: 200,
  open: async (_scope, job, settings) => assessmentRun(job.id, job.institution.id, settings),
};

/** One run: the header, the rows of the assessment being gathered, and how a batch is stored. */
function assessmentRun(
  jobId: string,
  institutionId: string,
  settings: ImportRunSettings,
): ImportKindRun<AssessmentDraft> {
  let header: AssessmentHeader | null = null;
  let group: AssessmentRow[] = [];
  // Rows of the current group already reported (cell errors of an otherwise readable row).
  const badRows = new Set<number>();
  const closeGroup = (): RowOutcome<AssessmentDraft> => {
    if (!group.length) return {};
    const rows = group;
    const drafted = badRows.size ? null : draftAssessment(rows);
    group = [];
    if (drafted && 'draft' in drafted) {
      badRows.clear();
      return { ready: [drafted.draft] };
    }
    // A bad row spoils its whole assessment: the other rows are reported so nothing goes missing silently.
    const failedRows = new Set([...badRows, ...(drafted?.problems.map((p) => p.row) ?? [])]);
    badRows.clear();
    return {
      problems: [
        ...(drafted?.problems ?? []),
        ...rows.filter((r) => !failedRows.has(r.rowNumber)).map(incomplete),
      ],
      failedRows: rows.length,
    };
  };
  return {
    header(row) {
      const mapped = mapAssessmentHeader(row.cells);
      if ('errors' in mapped) return mapped.errors;
      header = mapped.header;
      return [];
    },
    row(row) {
      const checked = checkAssessmentRow(header!, row.rowNumber, row.cells);
      const errors = [...row.cellErrors, ...('errors' in checked ? checked.errors : [])];
      const valid = 'row' in checked ? checked.row : null;
      const closed = valid && group.length && groupKeyOf(group[0]!) !== groupKeyOf(valid) ? closeGroup() : {};
      const problems = errors.map((detail) => ({ row: row.rowNumber, detail }));
      if (!valid) {
        // An unreadable row closes the assessment before it (its key is unknown) and counts alone.
        const before = merge(closed, closeGroup());
        return merge(before, { problems, failedRows: 1 });
      }
      group.push(valid);
      if (errors.length) badRows.add(valid.rowNumber);
      return merge(closed, { problems });
    },
    end: () => closeGroup(),
    store: (scope, drafts) => storeDrafts(scope, settings, jobId, institutionId, drafts),
    rowsOf: (draft) => draft.rows,
    refused: (draft, error) => refusedDraft(draft, error),
  };
}

function merge<T>(a: RowOutcome<T>, b: RowOutcome<T>): RowOutcome<T> {
  return {
    ready: [...(a.ready ?? []), ...(b.ready ?? [])],
    problems: [...(a.problems ?? []), ...(b.problems ?? [])],
    failedRows: (a.failedRows ?? 0) + (b.failedRows ?? 0),
  };
}

function incomplete(r: AssessmentRow): RowProblem {
  return {
    row: r.rowNumber,
    detail: {
      path: 'row',
      value: r.callNumber,
      rule: 'assessment_has_bad_rows',
      messageZh: `同一次评估（索书号 ${r.callNumber}）的其他行有错误，此行未导入`,
      messageEn: `another row of the same assessment (call number ${r.callNumber}) is bad, so this row was not imported`,
    },
  };
}

function rejected(draft: AssessmentDraft, detail: ErrorDetail): RowProblem {
  return { row: draft.rows[0]!, detail };
}

function refusedDraft(draft: AssessmentDraft, error: DriverException): RowProblem {
  const { constraint } = error as DriverException & { constraint?: string };
  return rejected(draft, {
    path: 'row',
    value: draft.callNumber,
    rule: 'database_constraint',
    messageZh: `数据库拒绝保存此评估（${constraint ?? error.name}）`,
    messageEn: `The database refused this assessment (${constraint ?? error.name})`,
  });
}

/**
 * Stores a batch of drafted assessments inside the caller's transaction: unknown call numbers are
 * rejected, drafts whose key is already stored are counted unchanged, the others become assessments
 * (level computed with the active rule set; a grade becomes a grading) and update the record.
 */
async function storeDrafts(
  scope: Context,
  settings: ImportRunSettings,
  jobId: string,
  institutionId: string,
  drafts: readonly AssessmentDraft[],
): Promise<StoreOutcome> {
  const em = scope.em;
  let created = 0;
  let unchanged = 0;
  let failedRows = 0;
  const problems: RowProblem[] = [];
  const refuse = (draft: AssessmentDraft, detail: ErrorDetail) => {
    problems.push(rejected(draft, detail));
    failedRows += draft.rows.length;
  };
  const records = await em.find(
    CensusRecordSchema,
    { institution: institutionId, callNumber: { $in: [...new Set(drafts.map((d) => d.callNumber))] } },
    { populate: ['institution'] },
  );
  const byCall = new Map<string, CensusRecord>(records.map((r) => [r.callNumber as string, r]));
  const keys = drafts.map((d) => draftKey(institutionId, d));
  const seen = new Set(
    (await em.find(AssessmentImportKeySchema, { key: { $in: keys } }, { fields: ['key'] })).map((k) => k.key),
  );
  const ruleSet = await activeRuleSet(em);
  for (const [i, draft] of drafts.entries()) {
    const record = byCall.get(draft.callNumber);
    if (!record) {
      refuse(draft, {
        path: 'callNumber',
        value: draft.callNumber,
        rule: 'unknown_call_number',
        messageZh: `本单位没有索书号为“${draft.callNumber}”的记录`,
        messageEn: `this institution has no record with call number "${draft.callNumber}"`,
      });
      continue;
    }
    const key = keys[i]!;
    if (seen.has(key)) {
      unchanged += 1;
      continue;
    }
    if (draft.grade && record.type !== 'guji') {
      refuse(draft, {
        path: 'grade',
        value: formatGradeLabel(draft.grade),
        rule: 'grade_guji_only',
        messageZh: '古籍定级只适用于古籍；民国文献不定级',
        messageEn: 'grading applies to 古籍 only; Republican-era documents are not graded',
      });
      continue;
    }
    seen.add(key);
    const assessor = draft.assessor ?? scope.actor?.displayName ?? scope.actor?.email ?? '—';
    const assessedOn = draft.assessedOn ?? today();
    const { assessment } = await storeAssessment(
      scope,
      settings.afterRecordsChanged,
      record,
      ruleSet,
      {
        assessedOn,
        assessor,
        totalLeaves: draft.totalLeaves,
        observations: draft.observations,
        phReadings: draft.phReadings,
        overrideLevel: draft.overrideLevel,
        overrideReason: draft.overrideReason,
        notes: null,
      },
      { importJobId: jobId, rows: draft.rows },
    );
    em.create(AssessmentImportKeySchema, { key, assessment, importJobId: jobId });
    await em.flush();
    if (draft.grade)
      await storeGrading(
        scope,
        settings.afterRecordsChanged,
        record,
        {
          grade: draft.grade.grade,
          rank: draft.grade.rank,
          basisHistorical: null,
          basisScholarly: null,
          basisArtistic: null,
          assessor,
          assessedOn,
        },
        jobId,
      );
    created += 1;
  }
  return { created, updated: 0, unchanged, conflicts: 0, failedRows, problems };
}
