import type { GradingAssessment } from './grading-assessment.entity.js';
import { heritageLevelFor } from '../domain/grade.rules.js';
import { isoDay } from '../domain/dates.js';

/**
 * A grading assessment as JSON, with the mapped 文物级别 beside the grade. Without `workflow` (the
 * public, on a published record) the staff member who entered it is left out.
 */
export function presentGrading(g: GradingAssessment, censusNumber: string, workflow = true) {
  return {
    id: g.id,
    censusNumber,
    grade: g.grade,
    rank: g.rank ?? null,
    label: g.label,
    heritageLevel: heritageLevelFor(g.grade),
    basisHistorical: g.basisHistorical ?? null,
    basisScholarly: g.basisScholarly ?? null,
    basisArtistic: g.basisArtistic ?? null,
    assessor: g.assessor,
    assessedOn: isoDay(g.assessedOn),
    warnings: g.warnings.map((w) => ({
      path: w.field,
      value: w.value,
      rule: w.code.toLowerCase(),
      messageZh: w.messageZh,
      messageEn: w.messageEn,
    })),
    createdByEmail: workflow ? (g.createdByEmail ?? null) : null,
    createdAt: g.createdAt.toISOString(),
  };
}
