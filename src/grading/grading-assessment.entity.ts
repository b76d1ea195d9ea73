import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import type { NamedRuleIssue } from '../kernel/issues.js';

/**
 * One grading (古籍定级) of a record: the grade, its 等次 and the basis for each of the three values.
 * Regrading adds a row; the newest row is the record's current grade.
 */
export const GradingAssessmentSchema = defineEntity({
  name: 'GradingAssessment',
  tableName: 'grading_assessment',
  indexes: [{ properties: ['record', 'assessedOn', 'createdAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    record: () => p.manyToOne(CensusRecordSchema).deleteRule('cascade'),
    grade: p.string().length(8),
    rank: p.string().length(2).nullable(),
    label: p.string().length(16),
    basisHistorical: p.text().nullable(),
    basisScholarly: p.text().nullable(),
    basisArtistic: p.text().nullable(),
    assessor: p.string().length(200),
    assessedOn: p.date(),
    warnings: p.json<NamedRuleIssue[]>(),
    createdBy: p.uuid().nullable(),
    createdByEmail: p.string().length(254).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type GradingAssessment = InferEntity<typeof GradingAssessmentSchema>;
