import { z } from 'zod';
import { bilingual } from '../kernel/bilingual.js';
import { CONDITION_LEVELS } from '../domain/damage.rules.js';

// Shapes only: ranges, the damage-type list and the override rule are checked by the domain rules so
// every problem is reported with the rule's own bilingual message.
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date(bilingual('日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD'));

const observation = z.strictObject({
  damageType: z.string().trim().max(64),
  areaPercent: z.number().nullable().optional(),
  leavesAffected: z.number().nullable().optional(),
  lostStrength: z.boolean().nullable().optional(),
  location: text(200).nullable().optional(),
  notes: text(2000).nullable().optional(),
});

const phReading = z.strictObject({
  value: z.number(),
  method: text(100).nullable().optional(),
  point: text(100).nullable().optional(),
  measuredAt: isoDate.nullable().optional(),
});

export const createAssessmentBody = z.strictObject({
  assessedOn: isoDate.optional(),
  assessor: text(200).min(1).optional(),
  totalLeaves: z.number().nullable().optional(),
  observations: z.array(observation).max(200),
  phReadings: z.array(phReading).max(200).default([]),
  overrideLevel: z.enum(CONDITION_LEVELS).nullable().optional(),
  overrideReason: text(4000).nullable().optional(),
  notes: text(4000).nullable().optional(),
});
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;

/** The rule-set definition as sent; validateRuleSet checks the content. */
export const ruleSetBody = z.strictObject({
  definition: z.record(z.string(), z.unknown()),
  note: text(2000).nullable().optional(),
});
export type RuleSetBody = z.infer<typeof ruleSetBody>;

/** Live computation without saving (the assessment form's preview). */
export const computeLevelBody = z.strictObject({
  totalLeaves: z.number().nullable().optional(),
  observations: z.array(observation).max(200),
  phReadings: z.array(phReading).max(200).default([]),
});
