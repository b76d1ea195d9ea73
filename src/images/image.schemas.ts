import { z } from 'zod';

export const imageIdParams = z.strictObject({ id: z.uuid() });

export const relabelBody = z.strictObject({
  label: z.string().trim().min(1).max(100),
  version: z.number().int().positive().optional(),
});

/** Several labels at once (a batch labelled by a 卷/叶 pattern): all are stored, or none. */
export const relabelManyBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.uuid(),
        label: z.string().trim().min(1).max(100),
        version: z.number().int().positive().optional(),
      }),
    )
    .min(1)
    .max(5000),
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
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
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

const label = z.object({ zh: z.string(), en: z.string() });

/** A record's images with what the caller may do with them now, and why not when they are locked. */
export const imageListResponse = z.object({
  items: z.array(imageResponse),
  abilities: z.object({
    upload: z.boolean(),
    relabel: z.boolean(),
    reorder: z.boolean(),
    replace: z.boolean(),
    delete: z.boolean(),
  }),
  /** Set when the caller catalogues the record but its status keeps the images still. */
  lockedReason: label.nullable(),
});
