import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import type { MatchedRule } from './damage-level.rules.js';

/** An observation as stored: the damage type in its canonical code, plus what the assessor saw. */
export interface StoredObservation {
  damageType: string;
  areaPercent?: number | null;
  leavesAffected?: number | null;
  lostStrength?: boolean | null;
  location?: string | null;
  notes?: string | null;
}

export interface StoredPhReading {
  value: number;
  method?: string | null;
  point?: string | null;
  measuredAt?: string | null;
}

/**
 * One condition assessment (破损定级) of a record. The computed level, the rule that decided it and the
 * rule-set version are kept beside the final (possibly overridden) level, so a later rule set never
 * rewrites history. The newest row is the record's current condition.
 */
export const ConditionAssessmentSchema = defineEntity({
  name: 'ConditionAssessment',
  tableName: 'condition_assessment',
  indexes: [{ properties: ['record', 'assessedOn', 'createdAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    record: () => p.manyToOne(CensusRecordSchema).deleteRule('cascade'),
    assessedOn: p.date(),
    assessor: p.string().length(200),
    totalLeaves: p.integer().nullable(),
    observations: p.json<StoredObservation[]>(),
    phReadings: p.json<StoredPhReading[]>(),
    computedLevel: p.string().length(8),
    decidingRule: p.json<MatchedRule | null>().nullable(),
    reasons: p.json<MatchedRule[]>(),
    finalLevel: p.string().length(8),
    overrideReason: p.text().nullable(),
    ruleSetVersion: p.integer(),
    lowestPh: p.decimal('number').precision(4).scale(2).nullable(),
    acidityBand: p.string().length(24).nullable(),
    notes: p.text().nullable(),
    createdBy: p.uuid().nullable(),
    createdByEmail: p.string().length(254).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ConditionAssessment = InferEntity<typeof ConditionAssessmentSchema>;
