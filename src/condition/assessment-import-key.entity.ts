import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ConditionAssessmentSchema } from './condition-assessment.entity.js';

/**
 * The idempotency key of an imported condition assessment (sha256 of institution, call number, date,
 * assessor and the normalised observations, readings, grade and override). Re-importing a file finds
 * the key and stores nothing new; a separate table keeps the assessment entity untouched by imports.
 */
export const AssessmentImportKeySchema = defineEntity({
  name: 'AssessmentImportKey',
  tableName: 'assessment_import_key',
  properties: {
    key: p.string().length(64).primary(),
    assessment: () => p.manyToOne(ConditionAssessmentSchema).deleteRule('cascade'),
    importJobId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type AssessmentImportKey = InferEntity<typeof AssessmentImportKeySchema>;
