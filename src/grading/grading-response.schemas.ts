// The shapes of the grading answers the record's condition page reads, for the OpenAPI document and so
// the staff app's generated client is typed by them.
import { z } from 'zod';

const label = z.object({ zh: z.string(), en: z.string() });
const option = z.object({ value: z.string(), label });

/** One grading (POST answer, and each item of the history). */
export const gradingResponse = z.object({
  id: z.string(),
  censusNumber: z.string(),
  grade: z.string(),
  rank: z.string().nullable(),
  label: z.string(),
  heritageLevel: z.string().nullable(),
  basisHistorical: z.string().nullable(),
  basisScholarly: z.string().nullable(),
  basisArtistic: z.string().nullable(),
  assessor: z.string(),
  assessedOn: z.string(),
  warnings: z.array(
    z.object({
      path: z.string(),
      value: z.unknown(),
      rule: z.string(),
      messageZh: z.string(),
      messageEn: z.string(),
    }),
  ),
  createdByEmail: z.string().nullable(),
  createdAt: z.string(),
});

/** GET /api/records/:censusNumber/gradings: the grading history and the form's choices. */
export const gradingListResponse = z.object({
  censusNumber: z.string(),
  currentGrade: z.string().nullable(),
  current: gradingResponse.nullable(),
  preciousListNumber: z.string().nullable(),
  preciousListEntry: z
    .object({ number: z.string(), batch: z.number(), year: z.number().nullable() })
    .nullable(),
  items: z.array(gradingResponse),
  grades: z.array(option),
  ranks: z.array(option),
});
