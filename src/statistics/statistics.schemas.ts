import { z } from 'zod';

const label = z.object({ zh: z.string(), en: z.string() });

/** The statistics answer: every category with its label in both languages, in its defined order. */
export const statisticsResponse = z.object({
  scope: z.object({
    level: z.enum(['nation', 'province', 'institution']),
    levelLabel: label,
    provinceCode: z.string().nullable(),
    institutionId: z.string().nullable(),
    label,
  }),
  total: z.number().int(),
  byType: z.array(z.object({ type: z.string().nullable(), label, count: z.number().int() })),
  byStatus: z.array(z.object({ status: z.string().nullable(), label, count: z.number().int() })),
  byTier: z.array(z.object({ tier: z.string().nullable(), label, count: z.number().int() })),
  byGrade: z.array(z.object({ grade: z.string(), label, count: z.number().int() })),
  byRank: z.array(z.object({ rank: z.string(), label, count: z.number().int() })),
  byGradeLabel: z.array(z.object({ label: z.string().nullable(), count: z.number().int() })),
  byDamageLevel: z.array(z.object({ level: z.string().nullable(), label, count: z.number().int() })),
  byAcidityBand: z.array(z.object({ band: z.string().nullable(), label, count: z.number().int() })),
  byProvince: z.array(z.object({ provinceCode: z.string(), label, count: z.number().int() })),
  trend: z.array(z.object({ month: z.string(), registered: z.number().int(), published: z.number().int() })),
  completion: z.array(
    z.object({
      institutionId: z.string(),
      institutionName: z.string().nullable(),
      total: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
      byTier: z.record(z.string(), z.number().int()),
      statuses: z.array(z.object({ status: z.string(), label, count: z.number().int() })),
      tiers: z.array(z.object({ tier: z.string(), label, count: z.number().int() })),
    }),
  ),
  /** The narrower scopes the reader may choose (null: not theirs to choose), with their record counts. */
  choices: z.object({
    provinces: z.array(z.object({ code: z.string(), label, count: z.number().int() })).nullable(),
    institutions: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })).nullable(),
  }),
});
