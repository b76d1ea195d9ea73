// Catalogue rows and facet counts → API JSON. Text is shown exactly as catalogued; highlights are
// UTF-16 ranges of that text (computed by mapping folded matches back, search-key.rules.ts).

import { rangesIn } from './search-key.rules.js';
import { entryTextKeys } from './entry-text-keys.js';
import { recordPermalinkPath } from '../domain/permalink.js';
import { imagesArePublic } from '../institutions/rights-statement.rules.js';
import type { EntryRow, FacetName } from './catalogue.repository.js';
import type { FacetFilters } from './facet-values.service.js';
import type { CatalogueFilter } from './catalogue-where.js';
import { typeLabel, type Label } from '../domain/record-labels.rules.js';

// The yes/no facets (入选珍贵古籍名录, 有书影) label their two values.
const FLAG_LABELS: Readonly<Record<string, Label>> = {
  true: { zh: '是', en: 'Yes' },
  false: { zh: '否', en: 'No' },
};

/**
 * One search result. `showThumbnail`: whether the asker is sent its first page's thumbnail (the
 * Image API's rule, catalogue-thumbnails.service.ts); by default the public rule alone — institutions
 * that keep their images from the public get no thumbnail (it would be refused).
 */
export function presentEntry(
  row: EntryRow,
  terms: readonly string[],
  showThumbnail = imagesArePublic(row.rights_statement),
) {
  return {
    censusNumber: row.census_number,
    /** The record's public page: what a result links to. */
    permalink: recordPermalinkPath(row.census_number),
    type: row.type,
    title: row.title,
    authors: row.authors,
    edition: row.edition,
    institution: { id: row.institution_id, name: row.institution_name },
    province: { code: row.province_code, nameZh: row.province_zh, nameEn: row.province_en },
    documentType: row.document_type,
    classification: row.classification,
    dynasty: row.dynasty,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    editionType: row.edition_type,
    binding: row.binding,
    grade: row.grade,
    damageGrade: row.damage_grade,
    precious: row.precious,
    thumbnail: row.image_id && showThumbnail ? `/iiif/3/${row.image_id}/full/!200,200/0/default.jpg` : null,
    highlights: highlightsOf(row, terms),
  };
}

/** Where the terms occur in the row's title, responsibilities and edition (nothing to mark without terms). */
function highlightsOf(row: EntryRow, terms: readonly string[]) {
  if (!terms.length) return { title: [], authors: [], edition: [] };
  const keys = entryTextKeys(row);
  return {
    title: rangesIn(keys.title, terms),
    authors: rangesIn(keys.authors, terms),
    edition: rangesIn(keys.edition, terms),
  };
}

type Counts = Record<FacetName, Array<{ value: string | boolean | null; count: number }>>;
interface Labels {
  institutions: Map<string, string>;
  provinces: Map<string, { zh: string; en: string }>;
}

/**
 * The label a facet value is shown by, in both languages: names of institutions and provinces, the
 * record type's and the flags' labels; catalogued text (分类 史, 版本类型 刻本 …) is its own label.
 */
function facetLabel(name: FacetName, value: string, labels: Labels): Label {
  switch (name) {
    case 'institution': {
      const text = labels.institutions.get(value) ?? value;
      return { zh: text, en: text };
    }
    case 'province':
      return labels.provinces.get(value) ?? { zh: value, en: value };
    case 'type':
      return typeLabel(value);
    case 'precious':
    case 'hasImages':
      return FLAG_LABELS[value] ?? { zh: value, en: value };
    default:
      return { zh: value, en: value };
  }
}

/** Facets as lists of {value, label, count, selected}; values absent from records (null) are left out. */
export function presentFacets(
  counts: Counts,
  labels: Labels,
  selected: FacetFilters,
  filter: CatalogueFilter,
) {
  const chosen: Record<string, string | undefined> = {
    ...selected,
    type: filter.type,
    precious: filter.precious === undefined ? undefined : String(filter.precious),
    hasImages: filter.hasImages === undefined ? undefined : String(filter.hasImages),
  };
  return Object.fromEntries(
    (Object.entries(counts) as Array<[FacetName, Counts[FacetName]]>).map(([name, list]) => [
      name,
      list
        .filter((c) => c.value !== null)
        .map((c) => {
          const value = String(c.value);
          return {
            value,
            label: facetLabel(name, value, labels),
            count: c.count,
            selected: chosen[name] === value,
          };
        }),
    ]),
  );
}
