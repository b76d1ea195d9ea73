import { z } from 'zod';
import { bilingual } from '../http/bilingual.js';

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
