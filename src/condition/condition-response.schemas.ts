// The shapes of the condition and grading answers the record's condition page reads, for the OpenAPI
// document and so the staff app's generated client is typed by them.
import { z } from 'zod';

const label = z.object({ zh: z.string(), en: z.string() });
const option = z.object({ value: z.string(), label });

const matchedRule = z.object({
  level: z.string(),
  code: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  evidenceZh: z.string(),
  evidenceEn: z.string(),
  observationIndex: z.number().optional(),
  phReadingIndex: z.number().optional(),
});

const acidity = z
  .object({
    lowestPh: z.number(),
    band: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    needsDeacidification: z.boolean(),
  })
  .nullable();

/** One condition assessment (POST answer, and each item of the history). */
export const assessmentResponse = z.object({
  id: z.string(),
  censusNumber: z.string(),
  assessedOn: z.string(),
  assessor: z.string(),
  totalLeaves: z.number().nullable(),
  observations: z.array(
    z.object({
      damageType: z.string(),
      damageTypeZh: z.string(),
      damageTypeEn: z.string(),
      areaPercent: z.number().nullable().optional(),
      leavesAffected: z.number().nullable().optional(),
      location: z.string().nullable().optional(),
    }),
  ),
  phReadings: z.array(z.object({ value: z.number() })),
  computedLevel: z.string(),
  computedLevelLabel: label,
  decidingRule: matchedRule.nullable(),
  reasons: z.array(matchedRule),
  finalLevel: z.string(),
  finalLevelLabel: label,
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  ruleSetVersion: z.number(),
  acidity,
  notes: z.string().nullable(),
  createdByEmail: z.string().nullable(),
  createdAt: z.string(),
});

/** GET /api/records/:censusNumber/assessments: the history, what the caller may record, the form's choices. */
export const assessmentListResponse = z.object({
  censusNumber: z.string(),
  title: z.string(),
  recordType: z.string(),
  currentLevel: z.string().nullable(),
  currentLevelLabel: label.nullable(),
  acidity,
  items: z.array(
    assessmentResponse.extend({
      previous: z
        .object({
          id: z.string(),
          assessedOn: z.string(),
          finalLevel: z.string(),
          finalLevelLabel: label,
          acidity,
          change: z.enum(['improved', 'worsened', 'unchanged']),
        })
        .nullable(),
    }),
  ),
  abilities: z.object({ assess: z.boolean(), grade: z.boolean() }),
  damageTypes: z.array(option),
  levels: z.array(option),
});

/** POST /api/assessments/compute: the level the observations reach, without saving. */
export const computeResponse = z.object({
  computedLevel: z.string(),
  computedLevelLabel: label,
  decidingRule: matchedRule.nullable(),
  reasons: z.array(matchedRule),
  ruleSetVersion: z.number(),
  acidity,
});
