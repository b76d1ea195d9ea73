// The shape of the triage list's answer, for the OpenAPI document and so the staff app's generated
// client is typed by it.
import { z } from 'zod';

const label = z.object({ zh: z.string(), en: z.string() });
const option = z.object({ value: z.string(), label });

/** GET /api/triage: the ranked rescue list, its scope in words, the filters' choices. */
export const triageListResponse = z.object({
  scope: z.object({
    level: z.enum(['nation', 'province', 'institution']),
    provinceCode: z.string().nullable(),
    institutionId: z.string().nullable(),
  }),
  scopeLabel: label,
  weights: z.record(z.string(), z.unknown()),
  items: z.array(
    z.object({
      rank: z.number(),
      censusNumber: z.string(),
      title: z.string(),
      callNumber: z.string(),
      type: z.string(),
      status: z.string(),
      institutionId: z.string(),
      institutionName: z.string(),
      provinceCode: z.string(),
      damageLevel: z.string().nullable(),
      damageLevelLabel: label.nullable(),
      grade: z.string().nullable(),
      gradeLabel: label.nullable(),
      preciousListNumber: z.string().nullable(),
      acidity: z
        .object({
          lowestPh: z.number(),
          band: z.string(),
          labelZh: z.string(),
          labelEn: z.string(),
          needsDeacidification: z.boolean(),
        })
        .nullable(),
      score: z.number(),
      explanationZh: z.string(),
      explanationEn: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  filters: z.object({
    damageLevel: z.array(option),
    grade: z.array(option),
    acidityBand: z.array(option),
  }),
  abilities: z.object({ raiseWorkOrder: z.boolean() }),
});
