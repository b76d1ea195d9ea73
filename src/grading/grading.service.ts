import { GradingAssessmentSchema } from './grading-assessment.entity.js';
import type { CreateGradingBody } from './grading.schemas.js';
import {
  formatGradeLabel,
  gradeWarnings,
  normaliseGrade,
  normaliseRank,
  validateGrade,
  type GradeValue,
} from '../domain/grade.rules.js';
import { presentGrading } from './grading.presenter.js';
import { PreciousListEntrySchema } from './precious-list-entry.entity.js';
import { throwIfIssues } from '../kernel/issues.js';
import { loadAssessableRecord, setCurrentAssessment } from '../census/record-assessment.service.js';
import { today } from '../domain/dates.js';
import { loadVisibleRecord } from '../census/record-query.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { RecordsChangedListener } from '../kernel/deps.js';
import type { CensusRecord } from '../census/census-record.entity.js';
import { GRADE_OPTIONS, RANK_OPTIONS } from '../domain/condition-labels.rules.js';

/** Grades a 古籍 record; contradictions with the edition date or the precious list come back as warnings. */
export async function createGrading(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  censusNumber: string,
  body: CreateGradingBody,
) {
  const actor = requireActor(scope);
  throwIfIssues('GRADE_INVALID', validateGrade({ grade: body.grade, rank: body.rank }));
  const grade = normaliseGrade(body.grade)!;
  const rank = body.rank ? (normaliseRank(body.rank) ?? null) : null;
  return scope.em.transactional(async (em) => {
    const record = await loadAssessableRecord(em, actor, censusNumber);
    if (record.type !== 'guji') {
      throwIfIssues('GRADE_GUJI_ONLY', [
        {
          code: 'GRADE_GUJI_ONLY',
          field: 'grade',
          value: body.grade,
          messageZh: '古籍定级只适用于古籍；民国文献不定级',
          messageEn: 'grading applies to 古籍 only; Republican-era documents are not graded',
        },
      ]);
    }
    const { grading, current } = await storeGrading({ ...scope, em }, afterRecordsChanged, record, {
      grade,
      rank,
      basisHistorical: body.basisHistorical ?? null,
      basisScholarly: body.basisScholarly ?? null,
      basisArtistic: body.basisArtistic ?? null,
      assessor: body.assessor ?? actor.displayName,
      assessedOn: body.assessedOn ?? today(),
    });
    return { ...presentGrading(grading, censusNumber), current };
  });
}

/** A grading as stored: the grade normalised, who assessed it and when. */
export interface GradingFields {
  readonly grade: GradeValue['grade'];
  readonly rank: GradeValue['rank'];
  readonly basisHistorical: string | null;
  readonly basisScholarly: string | null;
  readonly basisArtistic: string | null;
  readonly assessor: string;
  readonly assessedOn: string;
}

/**
 * Stores a grading of a loaded 古籍 record in the caller's transaction (`scope.em`), audited, and
 * makes the newest grading the record's grade: the one path of the grading form and of the
 * assessment import (`importJobId` given: audited as imported, with the job).
 */
export async function storeGrading(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  record: CensusRecord,
  fields: GradingFields,
  importJobId?: string,
) {
  const em = scope.em;
  const warnings = gradeWarnings({
    grade: fields.grade,
    rank: fields.rank,
    editionYearTo: record.yearTo ?? null,
    editionDynasty: record.dynasty ?? null,
    onPreciousList: record.preciousListNumber != null,
  });
  const grading = em.create(GradingAssessmentSchema, {
    record,
    ...fields,
    label: formatGradeLabel({ grade: fields.grade, rank: fields.rank }),
    warnings,
    createdBy: scope.actor?.userId ?? null,
    createdByEmail: scope.actor?.email ?? null,
  });
  await em.flush();
  recordAudit(em, scope, {
    action: importJobId ? 'grading_assessment.import' : 'grading_assessment.create',
    entityType: 'grading_assessment',
    entityId: grading.id,
    after: importJobId
      ? { censusNumber: record.censusNumber, label: grading.label, importJobId }
      : { censusNumber: record.censusNumber, label: grading.label, warnings: warnings.map((w) => w.code) },
    provinceCode: record.provinceCode,
    institutionId: record.institution.id,
  });
  // The newest by assessment date is current: back-entering an older grading leaves it alone.
  const [newest] = await em.find(
    GradingAssessmentSchema,
    { record },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' }, limit: 1 },
  );
  const latest = newest ?? grading;
  await setCurrentAssessment(scope, afterRecordsChanged, record, 'grade', latest.label, {
    kind: 'grading',
    id: latest.id,
  });
  return { grading, current: latest.id === grading.id };
}

/** A record's grading history, newest first, with its current grade and its precious-list entry. */
export async function listGradings(scope: Context, censusNumber: string) {
  const { record, workflow } = await loadVisibleRecord(scope, censusNumber);
  const rows = await scope.em.find(
    GradingAssessmentSchema,
    { record },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' } },
  );
  const entry = record.preciousListNumber
    ? await scope.em.findOne(PreciousListEntrySchema, { number: record.preciousListNumber })
    : null;
  const items = rows.map((g) => presentGrading(g, censusNumber, workflow));
  return {
    censusNumber,
    currentGrade: record.grade ?? null,
    current: items[0] ?? null,
    preciousListNumber: record.preciousListNumber ?? null,
    preciousListEntry: entry ? { number: entry.number, batch: entry.batch, year: entry.year } : null,
    items,
    /** The grading form's choices, labelled. */
    grades: GRADE_OPTIONS,
    ranks: RANK_OPTIONS,
  };
}
