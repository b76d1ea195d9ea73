import { z } from 'zod';
import { bilingual } from '../kernel/bilingual.js';

// The normalised year range of the catalogue (dates.md): 古籍 back to the oracle bones, 民国 to 1949.
export const YEAR_MIN = -1000;
export const YEAR_MAX = 1949;
export const QUERY_MAX = 200;

const year = (field: string) =>
  z.coerce
    .number(bilingual(`${field} 必须是整数年份`, `${field} must be a whole year`))
    .int(bilingual(`${field} 必须是整数年份`, `${field} must be a whole year`))
    .min(YEAR_MIN, bilingual(`${field} 不能早于 ${YEAR_MIN}`, `${field} must not be before ${YEAR_MIN}`))
    .max(YEAR_MAX, bilingual(`${field} 不能晚于 ${YEAR_MAX}`, `${field} must not be after ${YEAR_MAX}`))
    .optional();

const facetText = z.string().trim().min(1).max(64).optional();
const flag = z.enum(['true', 'false']).optional();

/** Query of GET /api/catalogue/search: text, facet filters (one value each), year range, page. */
export const catalogueSearchQuery = z
  .strictObject({
    q: z
      .string()
      .max(
        QUERY_MAX,
        bilingual(`检索词不能超过 ${QUERY_MAX} 个字符`, `q must not be longer than ${QUERY_MAX} characters`),
      )
      .optional(),
    province: facetText,
    institution: facetText,
    type: z.enum(['guji', 'minguo']).optional(),
    documentType: facetText,
    classification: facetText,
    dynasty: facetText,
    editionType: facetText,
    binding: facetText,
    grade: facetText,
    damageGrade: facetText,
    hasImages: flag,
    precious: flag,
    yearFrom: year('yearFrom'),
    yearTo: year('yearTo'),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((v) => v.yearFrom === undefined || v.yearTo === undefined || v.yearFrom <= v.yearTo, {
    path: ['yearTo'],
    message: bilingual(
      '年份范围颠倒：yearTo 不能早于 yearFrom',
      'Year range reversed: yearTo is before yearFrom',
    ),
  });
export type CatalogueSearchQuery = z.infer<typeof catalogueSearchQuery>;

/** The facet filters that take one value from a list. */
export const LIST_FACETS = [
  'province',
  'institution',
  'documentType',
  'classification',
  'dynasty',
  'editionType',
  'binding',
  'grade',
  'damageGrade',
] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

/** Query of GET /api/catalogue/suggest. */
export const catalogueSuggestQuery = z.strictObject({
  q: z
    .string()
    .max(
      QUERY_MAX,
      bilingual(`检索词不能超过 ${QUERY_MAX} 个字符`, `q must not be longer than ${QUERY_MAX} characters`),
    ),
  format: z.enum(['json', 'opensearch']).default('json'),
});

/** Query of the change-discovery pages. */
export const changePageParams = z.strictObject({ page: z.coerce.number().int().min(0).max(10_000_000) });

const label = z.object({ zh: z.string(), en: z.string() });
const ranges = z.array(z.tuple([z.number(), z.number()]));

/** One facet value: its label in both languages, how many records have it, whether it is chosen. */
const facetValue = z.object({ value: z.string(), label, count: z.number(), selected: z.boolean() });

/** One published record as search results and copy lists show it (catalogue.presenter.ts). */
export const catalogueEntry = z.object({
  censusNumber: z.string(),
  /** The record's public page (/catalogue/records/…), where a result's title and thumbnail lead. */
  permalink: z.string(),
  type: z.enum(['guji', 'minguo']),
  title: z.string(),
  authors: z.string(),
  edition: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  province: z.object({ code: z.string(), nameZh: z.string().nullable(), nameEn: z.string().nullable() }),
  documentType: z.string(),
  classification: z.string().nullable(),
  dynasty: z.string().nullable(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  editionType: z.string().nullable(),
  binding: z.string().nullable(),
  grade: z.string().nullable(),
  damageGrade: z.string().nullable(),
  precious: z.boolean(),
  /** A IIIF Image API thumbnail; null without images or when the institution keeps them private. */
  thumbnail: z.string().nullable(),
  /** [start, end) UTF-16 ranges of the matched text. */
  highlights: z.object({ title: ranges, authors: ranges, edition: ranges }),
});

/** Answer of GET /api/catalogue/search (catalogue.presenter.ts). */
export const catalogueSearchResponse = z.object({
  query: z.object({ q: z.string(), terms: z.array(z.string()) }),
  total: z.number(),
  /** Facet counts estimated from a sample. */
  approximate: z.boolean(),
  /** The total estimated too. */
  totalApproximate: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(catalogueEntry),
  facets: z.record(z.string(), z.array(facetValue)),
});

/** Answer of GET /api/catalogue/suggest (format=json). */
export const catalogueSuggestResponse = z.object({
  query: z.string(),
  suggestions: z.array(z.object({ title: z.string(), count: z.number() })),
});

/** Answer of GET /api/catalogue/records/:censusNumber/same-edition. */
export const sameEditionResponse = z.object({
  censusNumber: z.string(),
  /** False when the edition statement is too vague (or a manuscript) to form a group. */
  grouped: z.boolean(),
  copies: z.array(catalogueEntry),
});
