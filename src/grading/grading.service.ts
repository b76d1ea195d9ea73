import { GradingAssessmentSchema } from './grading-assessment.entity.js';
import type { CreateGradingBody } from './grading.schemas.js';
import {
  formatGradeLabel,
  gradeWarnings,
  normaliseGrade,
  normaliseRank,
  validateGrade,
} from '../domain/grade.rules.js';
import { presentGrading } from './grading.presenter.js';
import { PreciousListEntrySchema } from './precious-list-entry.entity.js';
import { throwIfIssues } from '../kernel/issues.js';
import { loadAssessableRecord, setCurrentAssessment } from '../condition/assessment-record.service.js';
import { today } from '../domain/dates.js';
import { loadVisibleRecord } from '../census/record-query.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireActor, type Context } from '../kernel/context.js';
import { GRADE_OPTIONS, RANK_OPTIONS } from '../domain/condition-labels.rules.js';

/** Grades a 古籍 record; contradictions with the edition date or the precious list come back as warnings. */
export async function createGrading(scope: Context, censusNumber: string, body: CreateGradingBody) {
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
    const warnings = gradeWarnings({
      grade,
      rank,
      editionYearTo: record.yearTo ?? null,
      editionDynasty: record.dynasty ?? null,
      onPreciousList: record.preciousListNumber != null,
    });
    const grading = em.create(GradingAssessmentSchema, {
      record,
      grade,
      rank,
      label: formatGradeLabel({ grade, rank }),
      basisHistorical: body.basisHistorical ?? null,
      basisScholarly: body.basisScholarly ?? null,
      basisArtistic: body.basisArtistic ?? null,
      assessor: body.assessor ?? actor.displayName,
      assessedOn: body.assessedOn ?? today(),
      warnings,
      createdBy: actor.userId,
      createdByEmail: actor.email,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: 'grading_assessment.create',
      entityType: 'grading_assessment',
      entityId: grading.id,
      after: { censusNumber, label: grading.label, warnings: warnings.map((w) => w.code) },
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
    const [current] = await em.find(
      GradingAssessmentSchema,
      { record },
      { orderBy: { assessedOn: 'desc', createdAt: 'desc' }, limit: 1 },
    );
    const latest = current ?? grading;
    await setCurrentAssessment(em, scope, record, 'grade', latest.label, { kind: 'grading', id: latest.id });
    return { ...presentGrading(grading, censusNumber), current: latest.id === grading.id };
  });
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
