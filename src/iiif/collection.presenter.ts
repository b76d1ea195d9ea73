// IIIF collections: the nation lists provinces, a province its institutions, an institution the
// manifests of its published, digitised records. Pure: the service decides what is listed.

import type { Collection, InternationalString } from '@iiif/presentation-3';
import { bilingual, chineseText, chineseValue } from '../domain/iiif/presentation-language.rules.js';
import { PRESENTATION_CONTEXT, providerOf } from './manifest.presenter.js';
import type { CollectionKey, PresentationUrls } from './presentation-urls.js';

/** One entry of a collection: a child collection or a manifest. */
export type CollectionEntry =
  | { readonly kind: 'collection'; readonly key: CollectionKey; readonly label: InternationalString }
  | { readonly kind: 'manifest'; readonly censusNumber: string; readonly label: InternationalString };

/** Everything a collection is made from. */
export interface CollectionSource {
  readonly key: CollectionKey;
  readonly label: InternationalString;
  readonly entries: readonly CollectionEntry[];
  /** Holding institution, for institution collections (provider + required statement). */
  readonly institution?: { readonly id: string; readonly name: string; readonly provinceCode: string };
  readonly parent?: CollectionKey;
}

/** The label of the national collection. */
export const NATION_LABEL = bilingual(
  '全国古籍普查 · 数字化古籍',
  'National census of ancient books: digitised items',
);

/** A province's label (省份名 / English name). */
export function provinceLabel(nameZh: string, nameEn: string): InternationalString {
  return { 'zh-Hans': [nameZh], en: [nameEn] };
}

/** An institution's label (its name as registered). */
export function institutionLabel(name: string): InternationalString {
  return chineseText(name);
}

/** The IIIF Presentation 3.0 collection. */
export function presentCollection(
  source: CollectionSource,
  options: { urls: PresentationUrls; rights: string },
): Collection {
  const { urls } = options;
  const collection: Collection = {
    '@context': PRESENTATION_CONTEXT,
    id: urls.collection(source.key),
    type: 'Collection',
    label: source.label,
    rights: options.rights,
    // References carry no `items` (the schema forbids it there); the package types insist on them.
    items: source.entries.map((e) =>
      e.kind === 'collection'
        ? { id: urls.collection(e.key), type: 'Collection', label: e.label }
        : { id: urls.manifest(e.censusNumber), type: 'Manifest', label: e.label },
    ) as unknown as Collection['items'],
  };
  if (source.institution) {
    collection.provider = [providerOf(urls, source.institution)];
    collection.requiredStatement = {
      label: bilingual('收藏单位', 'Holding institution'),
      value: chineseValue(source.institution.name),
    };
  }
  if (source.parent) collection.partOf = [{ id: urls.collection(source.parent), type: 'Collection' }];
  return collection;
}
