import { z } from 'zod';

export const imageIdParams = z.strictObject({ id: z.uuid() });

export const relabelBody = z.strictObject({
  label: z.string().trim().min(1).max(100),
  version: z.number().int().positive().optional(),
});

export const reorderBody = z.strictObject({
  imageIds: z.array(z.uuid()).min(1).max(5000),
});

export const replaceQuery = z.strictObject({
  version: z.coerce.number().int().positive().optional(),
});

export const imageResponse = z.object({
  id: z.uuid(),
  censusNumber: z.string().optional(),
  sequence: z.number().int(),
  label: z.string(),
  status: z.enum(['processing', 'ready', 'failed']),
  error: z.string().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  format: z.enum(['tiff', 'jpeg', 'png']),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  originalFilename: z.string(),
  service: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
