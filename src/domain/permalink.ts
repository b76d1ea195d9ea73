// The stable public address of a published record, by census number: the server-rendered record
// page (src/public-pages). Sitemaps, citations, manifests and result lists all link here.

/** The path of a record's permalink: /catalogue/records/{censusNumber}. */
export function recordPermalinkPath(censusNumber: string): string {
  return `/catalogue/records/${encodeURIComponent(censusNumber)}`;
}

/** The absolute permalink under `publicUrl` (no trailing slash). */
export function recordPermalink(publicUrl: string, censusNumber: string): string {
  return `${publicUrl}${recordPermalinkPath(censusNumber)}`;
}
