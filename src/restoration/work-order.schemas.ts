import { z } from 'zod';
import { bilingual } from '../kernel/bilingual.js';
import { MAX_LEAVES } from '../domain/leaves.rules.js';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATES } from './work-order-state.rules.js';

// Shapes of the work-order API. Vocabulary membership (techniques, paper types …) is checked by the
// services against the editable vocabularies, so a national admin's new term needs no deploy.
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date(bilingual('日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD'));
const nonNegative = (zh: string, en: string) =>
  z.number().min(0, bilingual(`${zh}不能为负数`, `${en} must not be negative`));

export const ACCEPTANCE_RATINGS = ['优', '良', '合格'] as const;
export const PHOTO_PHASES = ['before', 'during', 'after'] as const;
export type PhotoPhase = (typeof PHOTO_PHASES)[number];

export const planSchema = z.strictObject({
  techniques: z
    .array(z.strictObject({ technique: text(64).min(1), reason: text(2000).min(1) }))
    .max(50)
    .default([]),
  estimatedLeaves: nonNegative('预计叶数', 'estimatedLeaves').int().nullable().optional(),
  estimatedHours: nonNegative('预计工时', 'estimatedHours').nullable().optional(),
  risks: text(4000).nullable().optional(),
});
export type WorkOrderPlan = z.infer<typeof planSchema>;

const paper = z.strictObject({
  type: text(64).min(1),
  origin: text(200).nullable().optional(),
  weightGsm: nonNegative('纸张克重', 'weightGsm').nullable().optional(),
  toning: text(200).nullable().optional(),
});
const paste = z.strictObject({
  type: text(64).min(1),
  concentration: text(100).nullable().optional(),
});

export const materialsSchema = z.strictObject({
  repairPaper: z.array(paper).max(20).default([]),
  paste: z.array(paste).max(20).default([]),
  thread: z.array(text(64).min(1)).max(20).default([]),
  dyes: z.array(text(64).min(1)).max(20).default([]),
  deacidificationAgent: z.array(text(64).min(1)).max(20).default([]),
});
export type WorkOrderMaterials = z.infer<typeof materialsSchema>;

export const workOrderIdParams = z.strictObject({ id: z.uuid() });

export const createWorkOrderBody = z.strictObject({
  censusNumber: text(32).min(1),
  /** The condition assessment that raised the order ("before"); default: the record's current one. */
  assessmentId: z.uuid().nullable().optional(),
  /** A restoration centre the holding institution granted the job to; default: the creator's own centre. */
  centreId: z.uuid().nullable().optional(),
  summary: text(2000).nullable().optional(),
  custody: text(300).nullable().optional(),
});
export type CreateWorkOrderBody = z.infer<typeof createWorkOrderBody>;

export const updateWorkOrderBody = z.strictObject({
  version: z.number().int().min(1),
  summary: text(2000).nullable().optional(),
  plan: planSchema.optional(),
  materials: materialsSchema.optional(),
  custody: text(300).nullable().optional(),
  beforeAssessmentId: z.uuid().nullable().optional(),
  afterAssessmentId: z.uuid().nullable().optional(),
});
export type UpdateWorkOrderBody = z.infer<typeof updateWorkOrderBody>;

export const transitionBody = z.strictObject({
  action: z.enum(WORK_ORDER_ACTIONS),
  version: z.number().int().min(1),
  reason: text(4000).nullable().optional(),
  /** Acceptance only: 优 / 良 / 合格. */
  rating: z.enum(ACCEPTANCE_RATINGS).nullable().optional(),
  findings: text(4000).nullable().optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const logEntryBody = z.strictObject({
  workDate: isoDate.optional(),
  step: text(64).min(1),
  leavesTreated: nonNegative('修复叶数', 'leavesTreated')
    .int()
    .max(MAX_LEAVES, bilingual(`修复叶数不超过 ${MAX_LEAVES}`, `leavesTreated at most ${MAX_LEAVES}`)),
  // Stored to the hundredth of an hour: a finer figure is refused, not rounded.
  hours: nonNegative('工时', 'hours')
    .max(24, bilingual('每条记录工时不超过 24', 'hours per entry at most 24'))
    .multipleOf(0.01, bilingual('工时最多保留两位小数', 'hours have at most two decimal places')),
  notes: text(4000).nullable().optional(),
});
export type LogEntryBody = z.infer<typeof logEntryBody>;

export const listWorkOrdersQuery = z.strictObject({
  state: z.enum(WORK_ORDER_STATES).optional(),
  institutionId: z.uuid().optional(),
  censusNumber: text(32).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListWorkOrdersQuery = z.infer<typeof listWorkOrdersQuery>;

export const grantBody = z.strictObject({
  censusNumber: text(32).min(1),
  centreId: z.uuid(),
  note: text(2000).nullable().optional(),
});
export type GrantBody = z.infer<typeof grantBody>;

export const RESTORATION_ROLES = ['studio_head', 'inspector'] as const;
export type RestorationRoleName = (typeof RESTORATION_ROLES)[number];
export const roleBody = z.strictObject({ userId: z.uuid(), role: z.enum(RESTORATION_ROLES) });

export const VOCABULARY_KINDS = [
  'technique',
  'repair_paper',
  'paste',
  'thread',
  'dye',
  'deacidification_agent',
] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];
export const vocabularyBody = z.strictObject({
  kind: z.enum(VOCABULARY_KINDS),
  value: text(64).min(1),
  labelEn: text(200).nullable().optional(),
});
export const vocabularyPatchBody = z.strictObject({
  version: z.number().int().min(1),
  labelEn: text(200).nullable().optional(),
  active: z.boolean().optional(),
});
export const idParams = z.strictObject({ id: z.uuid() });
