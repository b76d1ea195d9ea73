// The /catalogue URL is the whole view (any view is a permalink): the query, the chosen facet values,
// the year range and the page. The same names are the search API's parameters.
import type { operations } from '../api/openapi.js';

/** The facets a search answers with, in the order the page shows them. */
export const FACETS = [
  'province',
  'institution',
  'type',
  'classification',
  'dynasty',
  'editionType',
  'binding',
  'grade',
  'damageGrade',
  'documentType',
  'precious',
  'hasImages',
] as const;
export type FacetName = (typeof FACETS)[number];

const PARAMS = ['q', 'yearFrom', 'yearTo', ...FACETS, 'page'] as const;
export type CatalogueParams = Partial<Record<(typeof PARAMS)[number], string>>;

export type SearchAnswer =
  operations['getApiCatalogueSearch']['responses'][200]['content']['application/json'];
export type SearchItem = SearchAnswer['items'][number];
export type FacetValue = SearchAnswer['facets'][string][number];

/** The parameters of a /catalogue URL (unknown ones ignored, empty ones left out). */
export function paramsOf(search: URLSearchParams): CatalogueParams {
  const params: CatalogueParams = {};
  for (const name of PARAMS) {
    const value = search.get(name);
    if (value) params[name] = value;
  }
  return params;
}

/** The /catalogue URL of a set of parameters. */
export function catalogueUrl(params: CatalogueParams): string {
  const search = new URLSearchParams();
  for (const name of PARAMS) {
    const value = params[name];
    if (value) search.set(name, value);
  }
  return search.size ? `/catalogue?${search}` : '/catalogue';
}

/** How many facet filters (and years) are chosen. */
export function chosenCount(params: CatalogueParams): number {
  return [...FACETS, 'yearFrom', 'yearTo'].filter((name) => params[name as keyof CatalogueParams]).length;
}
