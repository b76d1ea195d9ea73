import { z } from 'zod';
import { CONDITION_LEVELS } from '../domain/damage.rules.js';
import { TRIAGE_ACIDITY_KEYS, TRIAGE_GRADE_KEYS } from './triage.rules.js';

const scopeFields = {
  provinceCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  institutionId: z.uuid().optional(),
};

export const triageQuery = z.strictObject({
  ...scopeFields,
  damageLevel: z.enum(CONDITION_LEVELS).optional(),
  grade: z.enum(TRIAGE_GRADE_KEYS).optional(),
  preciousOnly: z.enum(['true', 'false']).optional(),
  acidityBand: z.enum(TRIAGE_ACIDITY_KEYS).optional(),
  minScore: z.coerce.number().int().min(0).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TriageQuery = z.infer<typeof triageQuery>;

export const statisticsQuery = z.strictObject(scopeFields);
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const weight = z.number();
export const weightsBody = z.strictObject({
  damageLevel: z.record(z.string(), weight),
  grade: z.record(z.string(), weight),
  preciousList: weight,
  acidity: z.record(z.string(), weight),
});
