// Where Presentation resources live. The service answers at /iiif/manifest/… and
// /iiif/collection/…; a static export (mirror) puts files under another base with `.json`
// names. Image services always stay on the live image server.

import { recordPermalink } from '../domain/permalink.js';

/** A collection's place in the hierarchy nation → province → institution. */
export type CollectionKey =
  | { readonly level: 'nation' }
  | { readonly level: 'province'; readonly code: string }
  | { readonly level: 'institution'; readonly id: string };

/** URL scheme of the Presentation resources. */
export interface PresentationUrls {
  manifest(censusNumber: string): string;
  collection(key: CollectionKey): string;
  /** The IIIF Image API 3.0 service (base URI) of one image. */
  imageService(imageId: string): string;
  /** Human-readable pages: the record's public permalink, the institution's page. */
  recordPage(censusNumber: string): string;
  institutionPage(institutionId: string): string;
  recordJson(censusNumber: string): string;
}

function collectionPath(key: CollectionKey): string {
  switch (key.level) {
    case 'nation':
      return 'nation';
    case 'province':
      return `province/${encodeURIComponent(key.code)}`;
    case 'institution':
      return `institution/${encodeURIComponent(key.id)}`;
  }
}

function appUrls(publicUrl: string) {
  return {
    imageService: (id: string) => `${publicUrl}/iiif/3/${encodeURIComponent(id)}`,
    recordPage: (cn: string) => recordPermalink(publicUrl, cn),
    institutionPage: (id: string) => `${publicUrl}/institutions/${encodeURIComponent(id)}`,
    recordJson: (cn: string) => `${publicUrl}/api/records/${encodeURIComponent(cn)}`,
  };
}

/** The live service's URLs (`publicUrl` without trailing slash). */
export function serviceUrls(publicUrl: string): PresentationUrls {
  return {
    ...appUrls(publicUrl),
    manifest: (cn) => `${publicUrl}/iiif/manifest/${encodeURIComponent(cn)}`,
    collection: (key) => `${publicUrl}/iiif/collection/${collectionPath(key)}`,
  };
}

/** The relative file of a resource in a static export (`manifest/<cn>.json`, `collection/nation.json` …). */
export function exportFile(resource: { manifest: string } | { collection: CollectionKey }): string {
  return 'manifest' in resource
    ? `manifest/${resource.manifest}.json`
    : `collection/${collectionPath(resource.collection)}.json`;
}

/** URLs of a static export served from `baseUrl`, with images still served by `publicUrl`. */
export function exportUrls(baseUrl: string, publicUrl: string): PresentationUrls {
  return {
    ...appUrls(publicUrl),
    manifest: (cn) => `${baseUrl}/${exportFile({ manifest: encodeURIComponent(cn) })}`,
    collection: (key) => `${baseUrl}/${exportFile({ collection: key })}`,
  };
}
