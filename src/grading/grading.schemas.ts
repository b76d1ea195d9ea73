import { z } from 'zod';
import { bilingual } from '../kernel/bilingual.js';

const text = (max: number) => z.string().trim().max(max);

// Grade and 等次 are plain strings here: validateGrade names the allowed values in both languages.
export const createGradingBody = z.strictObject({
  grade: z.string().trim().max(16),
  rank: z.string().trim().max(4).nullable().optional(),
  basisHistorical: text(4000).nullable().optional(),
  basisScholarly: text(4000).nullable().optional(),
  basisArtistic: text(4000).nullable().optional(),
  assessor: text(200).min(1).optional(),
  assessedOn: z.iso.date(bilingual('日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD')).optional(),
});
export type CreateGradingBody = z.infer<typeof createGradingBody>;

export const preciousListEntryBody = z.strictObject({
  number: z.string().trim().max(16),
  batch: z.number().int(),
  year: z.number().int(),
  title: text(2000).nullable().optional(),
});
export type PreciousListEntryBody = z.infer<typeof preciousListEntryBody>;

export const preciousListQuery = z.strictObject({
  batch: z.coerce.number().int().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type PreciousListQuery = z.infer<typeof preciousListQuery>;
