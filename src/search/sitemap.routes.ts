import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import { AppError } from '../kernel/app-error.js';
import { publishedCount, publishedPage } from './sitemap.repository.js';
import { recordSitemap, sitemapIndex, SITEMAP_PAGE_SIZE } from './sitemap.presenter.js';

const tag = 'Catalogue 公共目录检索';
const XML = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' };
const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** robots.txt, the sitemap index and the record sitemaps, for search engines. */
export const sitemapRoutes = [
  defineRoute({
    method: 'get',
    path: '/robots.txt',
    summary: 'Crawling rules: the public pages and IIIF resources yes, the JSON API no; names the sitemap',
    tag,
    auth: 'public',
    handler: async ({ deps }) => ({
      body: `User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: ${base(deps.config.publicUrl)}/sitemap.xml\n`,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/sitemap.xml',
    summary: 'Sitemap index (sitemaps.org 0.9) of the record sitemaps',
    tag,
    auth: 'public',
    handler: async ({ scope, deps }) => ({
      body: sitemapIndex(base(deps.config.publicUrl), await publishedCount(scope.em)),
      headers: XML,
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/sitemaps/records-:page.xml',
    summary: 'Permalinks of up to 50,000 published records, in census-number order',
    tag,
    auth: 'public',
    params: z.strictObject({ page: z.coerce.number().int().min(1).max(1000) }),
    handler: async ({ scope, deps, params }) => {
      const rows = await publishedPage(scope.em, (params.page - 1) * SITEMAP_PAGE_SIZE, SITEMAP_PAGE_SIZE);
      if (params.page > 1 && rows.length === 0)
        throw AppError.notFound(`Sitemap ${params.page}`, `站点地图 ${params.page} `);
      return { body: recordSitemap(base(deps.config.publicUrl), rows), headers: XML };
    },
  }),
];
