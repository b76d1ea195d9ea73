// The WHERE clause of a catalogue query, shared by the result page, the facet counts and the
// suggestions so that all three always describe the same set of records.

import { queryTokens } from './search-key.rules.js';
import { arrayLiteral } from '../kernel/sql-literal.js';
import type { FacetFilters } from './facet-values.service.js';
import { PAGES_OF_ENTRY } from './page-images.sql.js';

/** What narrows a catalogue query: folded query terms, facet filters, flags, year range. */
export interface CatalogueFilter {
  readonly terms: readonly string[];
  readonly facets: FacetFilters;
  readonly type?: 'guji' | 'minguo';
  readonly hasImages?: boolean;
  readonly precious?: boolean;
  readonly yearFrom?: number;
  readonly yearTo?: number;
}

/** Whether anything but the terms narrows the query (a facet, a flag or a year). */
export function isFiltered(f: CatalogueFilter): boolean {
  return (
    Object.keys(f.facets).length > 0 ||
    Object.entries(f).some(([k, v]) => k !== 'terms' && k !== 'facets' && v !== undefined)
  );
}

const COLUMN_OF = {
  province: 'province_code',
  institution: 'institution_id',
  documentType: 'document_type',
  classification: 'classification',
  dynasty: 'dynasty',
  editionType: 'edition_type',
  binding: 'binding',
  grade: 'grade',
  damageGrade: 'damage_grade',
} as const;

/**
 * Which entries of a query a statement reads: all of them, only the title tier (every term in a
 * title: ranked first) or the rest; and whether the token conditions are written so that the GIN
 * indexes can serve them (`tokens: false` leaves only the exact substring checks, for statements
 * that walk another index or a sample anyway).
 */
export interface WhereOptions {
  readonly tier?: 'title' | 'rest';
  readonly tokens?: boolean;
}

// The smallest string after every string that starts with `prefix` (digits: bump the last one).
function nextKey(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** Where a walk in census-number order starts and ends: the province's numbers, or everywhere. */
export function walkRange(f: CatalogueFilter): { sql: string; bindings: unknown[] } {
  if (f.facets.province === undefined) return { sql: 'true', bindings: [] };
  return {
    sql: 'e.census_number >= ? and e.census_number < ?',
    bindings: [f.facets.province, nextKey(f.facets.province)],
  };
}

/**
 * SQL (alias `e` = catalogue_entry) and its bindings; `images` = whether record_image exists.
 * Walks select only CATALOGUE_WALK_COLUMNS (catalogue-entry.entity.ts): a column tested here
 * without `tokens` must be one of them.
 */
export function catalogueWhere(
  f: CatalogueFilter,
  images: boolean,
  options: WhereOptions = {},
): { sql: string; bindings: unknown[] } {
  const parts: string[] = [];
  const bindings: unknown[] = [];
  // strpos rather than LIKE '%term%': the same substring test, about three times cheaper per entry
  // on CJK text — and walks and samples test tens of thousands of entries.
  const contains = (column: string) => {
    bindings.push(...f.terms);
    return f.terms.map(() => `strpos(e.${column}, ?) > 0`).join(' and ');
  };
  if (f.terms.length) {
    const title = options.tier === 'title';
    // One GIN probe for every term's tokens, then the exact substring check per term (the tokens
    // only say that the pairs occur somewhere, not that they are adjacent and in order).
    if (options.tokens !== false) {
      // A title's tokens are among its entry's: filtered, the title tier probes the entry token
      // index too, which intersects tokens and facet filters before reading any entry.
      const faceted = Object.keys(f.facets).length > 0;
      parts.push(title && !faceted ? 'e.title_tokens @> ?::text[]' : 'e.tokens @> ?::text[]');
      bindings.push(arrayLiteral([...new Set(f.terms.flatMap(queryTokens))]));
    }
    parts.push(contains(title ? 'title_key' : 'search_key'));
    if (options.tier === 'rest') parts.push(`not (${contains('title_key')})`);
  }
  for (const [facet, column] of Object.entries(COLUMN_OF) as Array<[keyof typeof COLUMN_OF, string]>) {
    const value = f.facets[facet];
    if (value === undefined) continue;
    parts.push(`e.${column} = ?`);
    bindings.push(value);
  }
  if (f.facets.province !== undefined) {
    // Census numbers begin with the province code (census-number.rules.ts): the range lets a walk
    // in census-number order start at the province instead of reading every province before it.
    parts.push('e.census_number >= ? and e.census_number < ?');
    bindings.push(f.facets.province, nextKey(f.facets.province));
  }
  if (f.type) {
    parts.push('e.type = ?');
    bindings.push(f.type);
  }
  if (f.precious !== undefined) {
    parts.push('e.precious = ?');
    bindings.push(f.precious);
  }
  if (f.hasImages !== undefined) {
    const exists = images ? `exists (select 1 ${PAGES_OF_ENTRY})` : 'false';
    parts.push(f.hasImages ? exists : `not ${exists}`);
  }
  // Overlap: an edition dated 1550–1570 belongs to a search for 1560–1600.
  if (f.yearFrom !== undefined) {
    parts.push('e.year_to >= ?');
    bindings.push(f.yearFrom);
  }
  if (f.yearTo !== undefined) {
    parts.push('e.year_from <= ?');
    bindings.push(f.yearTo);
  }
  return { sql: parts.length ? parts.join(' and ') : 'true', bindings };
}
