import { z } from 'zod';
import { RECORD_STATUSES, RECORD_TYPES } from '../domain/record.types.js';
import { bilingual } from '../kernel/bilingual.js';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const size = z.strictObject({ height: z.number(), width: z.number() }).nullable().optional();
const optionalInt = z.number().int(bilingual('必须是整数', 'must be a whole number')).nullable().optional();

const responsibility = z.strictObject({
  dynasty: optionalText(16),
  name: text(200),
  role: optionalText(16),
});
const annotation = z.strictObject({ person: optionalText(100), mode: text(16), note: optionalText(2000) });
const seal = z.strictObject({
  text: text(200),
  owner: optionalText(100),
  ownerUnknown: z.boolean().optional(),
  position: optionalText(100),
});
const phReading = z.strictObject({
  value: z.number(),
  method: optionalText(100),
  point: optionalText(100),
  measuredAt: z.iso
    .date(bilingual('日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD'))
    .nullable()
    .optional(),
});

/** The catalogue fields, shared by create (all) and update (any subset). */
const fields = {
  callNumber: text(100),
  title: text(2000),
  otherTitles: z.array(text(500)).max(50).optional(),
  titleSource: optionalText(200),
  authors: z.array(responsibility).max(100).optional(),
  edition: text(2000).optional(),
  editionType: optionalText(32),
  publisher: optionalText(200),
  place: optionalText(100),
  mixedCopies: optionalText(500),
  printingState: optionalText(100),
  volumes: optionalInt,
  cases: optionalInt,
  extant: optionalText(1000),
  totalJuan: optionalInt,
  extantJuan: optionalInt,
  binding: optionalText(16),
  size,
  frame: size,
  layout: optionalText(500),
  classification: optionalText(16),
  subclass: optionalText(50),
  annotations: z.array(annotation).max(200).optional(),
  seals: z.array(seal).max(500).optional(),
  grade: optionalText(16),
  damageGrade: optionalText(16),
  documentType: text(32).optional(),
  script: text(32).optional(),
  notes: optionalText(10000),
  abstract: optionalText(20000),
  preciousListNumber: optionalText(16),
  minguoDocumentType: optionalText(32),
  editionStatement: optionalText(100),
  printing: optionalText(100),
  pages: optionalInt,
  serialHoldings: optionalText(2000),
  paper: optionalText(16),
  brittleness: optionalText(16),
  phReadings: z.array(phReading).max(100).optional(),
  collectionHistory: optionalText(10000),
};

export const createRecordBody = z.strictObject({
  type: z.enum(RECORD_TYPES),
  institutionId: z.uuid(),
  ...fields,
});
export type CreateRecordBody = z.infer<typeof createRecordBody>;

// No defaults in the schemas: for a PATCH only the fields sent may change. The service fills the
// defaults of a new record (record-body.ts).
export const updateRecordBody = z.strictObject({
  ...fields,
  callNumber: fields.callNumber.optional(),
  title: fields.title.optional(),
  version: z.number().int().positive().optional(),
  reason: text(2000).optional(),
});
export type UpdateRecordBody = z.infer<typeof updateRecordBody>;

export const censusNumberParams = z.strictObject({ censusNumber: z.string().min(1).max(32) });

export const workflowBody = z.strictObject({ note: text(4000).optional(), reason: text(4000).optional() });

export const bulkBody = z.strictObject({
  censusNumbers: z.array(z.string().min(1).max(32)).min(1).max(1000),
  note: text(4000).optional(),
});

/** The zod schema a path like `authors[0].name` leads to inside the catalogue fields, or null. */
function schemaAtPath(path: string): z.ZodType | null {
  if (!/^[A-Za-z]+(\[\d{1,3}\]|\.[A-Za-z]+)*$/.test(path)) return null;
  let schema: z.ZodType = z.object(fields);
  for (const [, index, key] of path.matchAll(/\[(\d+)\]|\.?([A-Za-z]+)/g)) {
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
      schema = schema.unwrap() as z.ZodType;
    if (index !== undefined) {
      if (!(schema instanceof z.ZodArray)) return null;
      schema = schema.element as z.ZodType;
    } else {
      if (!(schema instanceof z.ZodObject) || !Object.hasOwn(schema.shape, key!)) return null;
      schema = schema.shape[key!] as z.ZodType;
    }
  }
  return schema;
}

/** Whether `path` names a catalogue field or a part of one (title, authors[0].name, size.height). */
export function isCatalogueFieldPath(path: string): boolean {
  return schemaAtPath(path) !== null;
}

export const commentBody = z.strictObject({
  field: text(64)
    .min(1)
    .refine(
      isCatalogueFieldPath,
      bilingual(
        '不是记录的字段路径（如 title、authors[0].name、size.height）',
        'is not a field path of the record (such as title, authors[0].name, size.height)',
      ),
    ),
  text: text(4000).min(1),
});

export const listRecordsQuery = z.strictObject({
  institutionId: z.uuid().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  type: z.enum(RECORD_TYPES).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  classification: text(16).optional(),
  dynasty: text(16).optional(),
  yearFrom: z.coerce.number().int().min(-1000).max(2100).optional(),
  yearTo: z.coerce.number().int().min(-1000).max(2100).optional(),
  grade: text(16).optional(),
  damageGrade: text(16).optional(),
  q: text(200).optional(),
  reviewer: z.enum(['me']).optional(),
  sort: z.enum(['number', 'submitted']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRecordsQuery = z.infer<typeof listRecordsQuery>;
