// sitemaps.org 0.9 documents of the public catalogue, so search engines find every published
// record's permalink (/catalogue/records/:censusNumber). A sitemap holds at most 50,000 URLs, so /sitemap.xml
// is an index of numbered record sitemaps in census-number order.

/** URLs per record sitemap (the protocol's limit). */
export const SITEMAP_PAGE_SIZE = 50_000;

import { escapeXml } from './xml.js';
import { recordPermalink } from '../domain/permalink.js';

/** The sitemap index: one entry per page of published records (at least one, possibly empty). */
export function sitemapIndex(publicUrl: string, published: number): string {
  const pages = Math.max(1, Math.ceil(published / SITEMAP_PAGE_SIZE));
  const entries = Array.from(
    { length: pages },
    (_, i) => `  <sitemap><loc>${escapeXml(`${publicUrl}/sitemaps/records-${i + 1}.xml`)}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`;
}

/** One record sitemap: each published record's permalink with its last change (W3C date). */
export function recordSitemap(
  publicUrl: string,
  rows: ReadonlyArray<{ census_number: string; updated_at: Date | string }>,
): string {
  const urls = rows.map(
    (r) =>
      `  <url><loc>${escapeXml(recordPermalink(publicUrl, r.census_number))}</loc><lastmod>${new Date(r.updated_at).toISOString()}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
