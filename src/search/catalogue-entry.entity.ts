import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Columns of the token GIN index: the tokens and every facet column a filter tests (btree_gin). */
export const CATALOGUE_GIN_COLUMNS = [
  'tokens',
  'province_code',
  'institution_id',
  'document_type',
  'classification',
  'dynasty',
  'edition_type',
  'binding',
  'grade',
  'damage_grade',
]
  .map((c) => `"${c}"`)
  .join(', ');

/**
 * Columns of the walk index after its key (census_number): the keys and every column a catalogue
 * filter tests, so that walking the census-number order (catalogue-page.repository.ts) reads the
 * index alone — several times cheaper per entry than visiting the table.
 */
export const CATALOGUE_WALK_COLUMNS = [
  'title_key',
  'search_key',
  'record_id',
  'type',
  'institution_id',
  'province_code',
  'document_type',
  'classification',
  'dynasty',
  'year_from',
  'year_to',
  'edition_type',
  'binding',
  'grade',
  'damage_grade',
  'precious',
] as const;

/**
 * One published record as the public catalogue searches it. Kept apart from census_record so that
 * search never sees drafts and scans a narrow table: a row exists exactly while its record is
 * published, maintained in the same transaction as publish, withdraw and edits after publication.
 * Keys are folded (search-key.rules.ts); `tokens` holds the key's characters and character pairs
 * for the GIN index that serves one- and two-character queries; `title_tokens` the same for the
 * titles alone, so that the "title matches first" tier of the ranking has its own index.
 */
export const CatalogueEntrySchema = defineEntity({
  name: 'CatalogueEntry',
  tableName: 'catalogue_entry',
  indexes: [
    {
      // The facet columns ride along (btree_gin) so that a filtered query's tokens and filters are
      // intersected in the index: only entries that match both are read from the table.
      name: 'catalogue_entry_tokens_gin',
      expression: `create index "catalogue_entry_tokens_gin" on "catalogue_entry" using gin (${CATALOGUE_GIN_COLUMNS}) with (fastupdate = off)`,
    },
    {
      name: 'catalogue_entry_title_tokens_gin',
      expression:
        'create index "catalogue_entry_title_tokens_gin" on "catalogue_entry" using gin ("title_tokens") with (fastupdate = off)',
    },
    {
      name: 'catalogue_entry_walk_index',
      expression: `create index "catalogue_entry_walk_index" on "catalogue_entry" ("census_number") include (${CATALOGUE_WALK_COLUMNS.map((c) => `"${c}"`).join(', ')})`,
    },
    { name: 'catalogue_entry_year_index', properties: ['yearFrom', 'yearTo'] },
    { name: 'catalogue_entry_edition_key_index', properties: ['editionKey'] },
  ],
  properties: {
    // The record's id; no foreign key object so that the entry stays a plain projection.
    recordId: p.uuid().primary(),
    censusNumber: p.string().length(32).unique(),
    type: p.string().length(8),
    institutionId: p.uuid().index(),
    provinceCode: p.string().length(6).index(),
    title: p.text(),
    // Display copies (catalogue form, unconverted) so that a result page needs no join.
    authors: p.text(),
    edition: p.text(),
    titleKey: p.text(),
    searchKey: p.text(),
    tokens: p.array().columnType('text[]'),
    titleTokens: p.array().columnType('text[]'),
    documentType: p.string().length(32),
    classification: p.string().length(16).nullable(),
    dynasty: p.string().length(16).nullable(),
    yearFrom: p.smallint().nullable(),
    yearTo: p.smallint().nullable(),
    editionType: p.string().length(32).nullable(),
    binding: p.string().length(16).nullable(),
    grade: p.string().length(16).nullable(),
    damageGrade: p.string().length(16).nullable(),
    precious: p.boolean(),
    // The 同版 group (edition-group.rules.ts) as a SHA-1 of its key; '' when the record forms no
    // group, null while not yet computed (entries published before the column; the backfill fills it).
    editionKey: p.string().length(40).nullable(),
    publishedAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type CatalogueEntry = InferEntity<typeof CatalogueEntrySchema>;

/**
 * How many catalogue entries hold each index token (`count`) and each title token (`title_count`);
 * the empty token counts the entries themselves. Maintained in the same transaction as the entries
 * (catalogue-sync), so a one- or two-character query — exactly one token — has an exact total
 * without touching the entries, and every query gets an upper bound on its matches that decides
 * how to plan it (catalogue-plan.rules.ts).
 */
export const CatalogueTokenSchema = defineEntity({
  name: 'CatalogueToken',
  tableName: 'catalogue_token',
  properties: {
    token: p.text().primary(),
    count: p.integer(),
    titleCount: p.integer(),
  },
});
export type CatalogueToken = InferEntity<typeof CatalogueTokenSchema>;

export const CHANGE_TYPES = ['Create', 'Update', 'Delete'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/**
 * The log of published changes that harvesters read (IIIF Change Discovery): a record becoming
 * public is a Create, an edit while public an Update, and leaving the public catalogue a Delete.
 * Append-only; the serial id gives the feed a stable order.
 */
export const PublishedChangeSchema = defineEntity({
  name: 'PublishedChange',
  tableName: 'published_change',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    recordId: p.uuid().index(),
    censusNumber: p.string().length(32),
    type: p.enum([...CHANGE_TYPES]),
    at: p.datetime(),
  },
});
export type PublishedChange = InferEntity<typeof PublishedChangeSchema>;
