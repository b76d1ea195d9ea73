import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { UserSchema } from '../users/user.entity.js';
import { RECORD_STATUSES, RECORD_TYPES, TIERS, type RecordInput } from '../domain/record.types.js';

/** The stored body of a record: everything the client sends but identity (type, institution). */
export type RecordBody = Omit<RecordInput, 'type' | 'institutionId'>;

/**
 * One census record (古籍 部 or 民国 item). The full catalogue description lives in `body` (JSONB,
 * kept exactly as catalogued); the columns beside it are copies of what lists, filters, numbering
 * and workflow need, kept in step by the record services.
 */
export const CensusRecordSchema = defineEntity({
  name: 'CensusRecord',
  tableName: 'census_record',
  uniques: [
    { name: 'census_record_institution_call_number_unique', properties: ['institution', 'callNumber'] },
  ],
  indexes: [
    {
      name: 'census_record_institution_status_number_index',
      properties: ['institution', 'status', 'censusNumber'],
    },
    { name: 'census_record_status_number_index', properties: ['status', 'censusNumber'] },
    // Record lists filter by province (and provincial administrators only see theirs) and sort by
    // census number; a province's records sit together in that order, so a plain province index
    // would leave PostgreSQL walking the whole number index to reach them.
    { name: 'census_record_province_number_index', properties: ['provinceCode', 'censusNumber'] },
    // Lists count matches up to a cap by walking one index: these are the common catalogue filters
    // (the public one always has status), so such counts stay index-only.
    {
      name: 'census_record_status_dynasty_class_index',
      properties: ['status', 'dynasty', 'classification'],
    },
    // Year filters ask for overlap (year_to >= from and year_from <= to). Led by year_to, a forward
    // scan from `from` meets every record dated inside the range first, so a capped count stops
    // early; led by year_from it would first pass over every older record.
    { name: 'census_record_year_to_from_index', properties: ['yearTo', 'yearFrom'] },
    { name: 'census_record_reviewer_index', properties: ['assignedReviewer', 'status'] },
    // Covering index: national/provincial statistics group by these without reading the wide rows.
    {
      name: 'census_record_statistics_index',
      properties: ['provinceCode', 'institution', 'status', 'tier', 'grade', 'damageGrade'],
    },
    // Trigram index for free-text filters on folded title/author/edition text (needs pg_trgm, created in the migration).
    {
      name: 'census_record_search_trgm',
      expression:
        'create index "census_record_search_trgm" on "census_record" using gin ("search_text" gin_trgm_ops)',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    censusNumber: p.string().length(32).unique(),
    type: p.enum([...RECORD_TYPES]),
    institution: () => p.manyToOne(InstitutionSchema),
    provinceCode: p.string().length(6),
    callNumber: p.string().length(100),
    status: p.enum([...RECORD_STATUSES]).default('draft'),
    title: p.text(),
    searchText: p.text(),
    body: p.json<RecordBody>(),
    dynasty: p.string().length(16).nullable(),
    era: p.string().length(16).nullable(),
    eraYear: p.smallint().nullable(),
    yearFrom: p.smallint().nullable(),
    yearTo: p.smallint().nullable(),
    datePrecision: p.string().length(16),
    classification: p.string().length(16).nullable(),
    editionType: p.string().length(32).nullable(),
    binding: p.string().length(16).nullable(),
    grade: p.string().length(16).nullable(),
    damageGrade: p.string().length(16).nullable(),
    documentType: p.string().length(32),
    preciousListNumber: p.string().length(16).nullable().unique(),
    tier: p.enum([...TIERS]),
    assignedReviewer: () => p.manyToOne(UserSchema).nullable(),
    withdrawReason: p.text().nullable(),
    createdBy: () => p.manyToOne(UserSchema).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    submittedAt: p.datetime().nullable(),
    approvedAt: p.datetime().nullable(),
    publishedAt: p.datetime().nullable(),
    version: p.integer().version(),
  },
});
export type CensusRecord = InferEntity<typeof CensusRecordSchema>;
