// The shapes of the record answers (one record, the list, the field layout), for the OpenAPI
// document and so the staff app's generated client is typed by them.
import { z } from 'zod';
import { RECORD_STATUSES, RECORD_TYPES } from '../domain/record.types.js';
import { WORKFLOW_ACTIONS } from '../domain/record-workflow.rules.js';

const label = z.object({ zh: z.string(), en: z.string() });
const nullableText = z.string().nullable();
const size = z.object({ height: z.number(), width: z.number() }).nullable();
const issue = z.object({
  path: z.string().optional(),
  rule: z.string().optional(),
  messageZh: z.string(),
  messageEn: z.string(),
});

const editionDate = z.object({
  text: z.string(),
  dynasty: nullableText,
  era: nullableText,
  eraYear: z.number().nullable(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  precision: z.string(),
  precisionLabel: label,
  /** 明 嘉靖四年 → 1525（精确到年）, null when nothing was derived. */
  display: label.nullable(),
});

const author = z.object({ dynasty: nullableText, name: z.string(), role: nullableText });

/** One record as GET /api/records/:censusNumber answers it. */
export const recordResponse = z.object({
  id: z.string(),
  censusNumber: z.string(),
  type: z.enum(RECORD_TYPES),
  typeLabel: label,
  institutionId: z.string(),
  institutionName: nullableText,
  provinceCode: z.string(),
  status: z.enum(RECORD_STATUSES),
  statusLabel: label,
  callNumber: z.string(),
  title: z.string(),
  otherTitles: z.array(z.string()),
  titleSource: nullableText,
  authors: z.array(author),
  edition: editionDate.extend({ warnings: z.array(issue) }),
  editionType: nullableText,
  publisher: nullableText,
  place: nullableText,
  mixedCopies: nullableText,
  printingState: nullableText,
  volumes: z.number().nullable(),
  cases: z.number().nullable(),
  extant: nullableText,
  totalJuan: z.number().nullable(),
  extantJuan: z.number().nullable(),
  binding: nullableText,
  size,
  frame: size,
  layout: nullableText,
  classification: nullableText,
  subclass: nullableText,
  annotations: z.array(z.object({ person: nullableText, mode: z.string(), note: nullableText })),
  seals: z.array(
    z.object({ text: z.string(), owner: nullableText, ownerUnknown: z.boolean(), position: nullableText }),
  ),
  grade: nullableText,
  damageGrade: nullableText,
  documentType: z.string(),
  script: z.string(),
  notes: nullableText,
  abstract: nullableText,
  preciousListNumber: nullableText,
  minguoDocumentType: nullableText,
  editionStatement: nullableText,
  printing: nullableText,
  pages: z.number().nullable(),
  serialHoldings: nullableText,
  paper: nullableText,
  brittleness: nullableText,
  phReadings: z.array(
    z.object({ value: z.number(), method: nullableText, point: nullableText, measuredAt: nullableText }),
  ),
  collectionHistory: nullableText,
  tier: z.string(),
  tierLabel: label,
  withdrawReason: nullableText,
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number(),
  workflowVisible: z.boolean(),
  allowedActions: z.array(
    z.object({
      action: z.enum(WORKFLOW_ACTIONS),
      segment: z.string(),
      label,
      note: label.nullable(),
      confirm: label.nullable(),
    }),
  ),
  abilities: z.object({
    edit: z.boolean(),
    editNeedsReason: z.boolean(),
    manageImages: z.boolean(),
    assess: z.boolean(),
    review: z.boolean(),
    history: z.boolean(),
  }),
  lastReturn: z
    .object({
      round: z.number(),
      note: nullableText,
      at: z.string(),
      actorName: nullableText,
      comments: z.array(
        z.object({
          id: z.string(),
          field: z.string(),
          fieldLabel: label,
          text: z.string(),
          actorName: nullableText,
          at: z.string(),
        }),
      ),
    })
    .nullable(),
});

/** GET /api/records: one page of the list, and what the caller may do there. */
export const recordListResponse = z.object({
  items: z.array(
    z.object({
      censusNumber: z.string(),
      type: z.enum(RECORD_TYPES),
      typeLabel: label,
      institutionId: z.string(),
      institutionName: z.string(),
      provinceCode: z.string(),
      callNumber: z.string(),
      title: z.string(),
      authors: z.array(author),
      edition: editionDate,
      volumes: z.number().nullable(),
      extant: nullableText,
      status: z.enum(RECORD_STATUSES),
      statusLabel: label,
      grade: nullableText,
      damageGrade: nullableText,
      classification: nullableText,
      tier: z.string(),
      tierLabel: label,
      updatedAt: z.string(),
      submittedAt: z.string().nullable(),
      version: z.number(),
    }),
  ),
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  /** The caller registers records (the list offers 新建记录). */
  mayCreate: z.boolean(),
  /** Steps the list offers on the selected records (POST /api/records/bulk/<action>). */
  bulkActions: z.array(z.object({ action: z.enum(WORKFLOW_ACTIONS), label })),
  /** The institution whose imports and exports the list links to (the cataloguer's own), or null. */
  importInstitutionId: z.string().nullable(),
});

const field = z.object({
  key: z.string(),
  label,
  labelMinguo: label.optional(),
  types: z.array(z.enum(RECORD_TYPES)).optional(),
  input: z.enum([
    'text',
    'textarea',
    'integer',
    'decimal',
    'date',
    'checkbox',
    'lines',
    'size',
    'code',
    'choice',
    'editionDate',
    'rows',
  ]),
  codeList: z.string().optional(),
  choices: z.array(z.string()).optional(),
  hint: label.optional(),
  required: z.boolean().optional(),
  empty: z.enum(['text', 'default']).optional(),
  rowLabel: label.optional(),
});

/** GET /api/record-fields: the field layout in catalogue order and the labelled filter values. */
export const recordFieldsResponse = z.object({
  groups: z.array(
    z.object({
      key: z.string(),
      label,
      labelMinguo: label.optional(),
      types: z.array(z.enum(RECORD_TYPES)).optional(),
      fields: z.array(field.extend({ items: z.array(field).optional() })),
    }),
  ),
  types: z.array(z.object({ value: z.enum(RECORD_TYPES), label })),
  statuses: z.array(z.object({ value: z.enum(RECORD_STATUSES), label })),
});

const derivedDate = z.object({
  dynasty: nullableText,
  era: nullableText,
  eraYear: z.number().nullable(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  precision: z.string(),
});

/** GET /api/edition-date: the derived date (with its display text) or why none can be derived. */
export const editionDateResponse = z.object({
  ok: z.boolean(),
  date: derivedDate.optional(),
  later: z.array(derivedDate).optional(),
  warnings: z.array(z.object({ code: z.string(), messageZh: z.string(), messageEn: z.string() })).optional(),
  error: z
    .object({ code: z.string(), messageZh: z.string(), messageEn: z.string(), value: z.string() })
    .optional(),
  /** The derived date as the record page writes it; null when nothing was derived. */
  display: label.nullable().optional(),
  /** The later dates of the statement (递修, 重印), written out. */
  laterDisplay: z.array(label).optional(),
});

/** GET /api/records/:censusNumber/versions: every saved version, newest first. */
export const recordVersionsResponse = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      at: z.string(),
      actorId: nullableText,
      actorEmail: nullableText,
      /** The person's display name (null: the system, e.g. an import job without a person). */
      actorName: nullableText,
      reason: nullableText,
      status: z.string(),
      statusLabel: label,
      changes: z.array(
        z.object({ field: z.string(), fieldLabel: label, before: z.unknown(), after: z.unknown() }),
      ),
    }),
  ),
});
