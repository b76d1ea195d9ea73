// The server-rendered public pages: full HTML without JavaScript, for readers and crawlers.
// Mounted beside the web shell (not part of the JSON API or its OpenAPI document).
//
// HTTP caching: every 200 carries a strong ETag of its bytes and a matching If-None-Match gets
// 304; pages go out in gzip to readers who accept it (page-encoding.ts). A page that is the same
// for every reader is `public` (a reverse proxy or CDN may keep it for its max-age) and kept
// rendered in this instance's PublicPageCache, forgotten on any change of what it shows (from any
// instance); a page that depends on the reader's address or login is `private, no-store` and never
// kept.

import type Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { Deps } from '../kernel/deps.js';
import { AppError } from '../kernel/app-error.js';
import { recordPageView } from './record-page.service.js';
import { renderRecordNotFound, renderRecordPage } from './record-page.presenter.js';
import { renderSearchError, renderSearchPage } from './search-page.presenter.js';
import { catalogueSearchQuery } from '../search/catalogue.schemas.js';
import { catalogueResultsFor } from '../search/catalogue-results.service.js';
import { parseOrThrow } from '../kernel/validation.js';
import { PublicPageCache, type CachedPage } from './page-cache.js';
import { EncodedPage } from './page-encoding.js';
import { matchesEtag } from '../http-cache/shared-response.rules.js';
import { mountPublicStylesheet } from './stylesheet.route.js';

/** Shared caches may keep a record page this long (seconds); a change reaches them within it. */
export const RECORD_PAGE_MAX_AGE = 300;
/** … and a results page. */
export const SEARCH_PAGE_MAX_AGE = 60;

function sendHtml(ctx: ParameterizedContext, status: number, body: string, cache: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', cache);
  ctx.body = body;
}

/** A page the same for every reader: its ETag, then 304 or the page, cacheable by anyone. */
function sendPublic(ctx: ParameterizedContext, page: CachedPage, maxAge: number): void {
  sendValidated(ctx, page, `public, max-age=${maxAge}`);
}

/** A page that depends on the reader: validated, never stored by anyone. */
function sendPrivate(ctx: ParameterizedContext, html: string): void {
  sendValidated(ctx, EncodedPage.of(html), 'private, no-store');
}

/** The representation the reader accepts, or 304 when the reader has it already. */
function sendValidated(ctx: ParameterizedContext, page: EncodedPage, cache: string): void {
  const coding = page.codingFor(ctx);
  const etag = page.etagFor(coding);
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', cache);
  if (matchesEtag(ctx.get('if-none-match') || undefined, etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.type = 'text/html; charset=utf-8';
  if (coding) ctx.set('Content-Encoding', coding);
  ctx.body = page.bodyOf(coding);
}

/** The UTC day: the record page's citations carry the date cited, so its page changes daily. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Registers the public record page at its permalink, /catalogue/records/:censusNumber, and the
 * results page /catalogue/search?q=&page= (the interactive /catalogue adds facets with JavaScript).
 * Without `cache` (or while it cannot hear changes) every page is rendered afresh.
 */
export function mountPublicPages(
  router: Router,
  deps: Deps,
  cache: PublicPageCache = new PublicPageCache(),
): void {
  const publicUrl = deps.config.publicUrl.replace(/\/+$/, '');
  mountPublicStylesheet(router);
  router.get('/catalogue/records/:censusNumber', async (ctx) => {
    const censusNumber = ctx.params.censusNumber!;
    const key = `record\n${censusNumber}\n${today()}`;
    const kept = cache.get(key);
    if (kept) return sendPublic(ctx, kept, RECORD_PAGE_MAX_AGE);
    const ticket = cache.begin();
    try {
      // The page's one statement runs on a pooled connection and loads no entities, so the request
      // forks no EntityManager of its own (a fork was ~3 % of the page's CPU time).
      const view = await recordPageView(deps.orm.em, publicUrl, censusNumber, ctx.ip);
      const body = renderRecordPage(view);
      // An on-site-only book's page shows its images to readers in the reading room only.
      if (view.variesByAddress) return sendPrivate(ctx, body);
      const page = EncodedPage.of(body);
      cache.keep(key, ticket, page);
      sendPublic(ctx, page, RECORD_PAGE_MAX_AGE);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      sendHtml(ctx, 404, renderRecordNotFound(censusNumber, `${publicUrl}/catalogue/search`), 'no-store');
    }
  });
  router.get('/catalogue/search', async (ctx) => {
    const q = typeof ctx.query.q === 'string' ? ctx.query.q : '';
    const raw = { q: q || undefined, page: ctx.query.page };
    let query;
    try {
      query = parseOrThrow(catalogueSearchQuery, raw, 'query');
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400) throw error;
      const details = error.details ?? [];
      const zh = details.map((d) => d.messageZh).join('；') || error.message;
      const en = details.map((d) => d.messageEn).join('; ') || error.message;
      return sendHtml(ctx, 400, renderSearchError(q, zh, en), 'no-store');
    }
    const actor = ctx.state.actor ?? null;
    // Signed-in staff may be sent thumbnails the public is not: their pages are never taken from
    // or put into the cache. Anonymous readers share a page unless it showed a book whose
    // thumbnail depends on the reader's address (then variesByReader, and it is not kept).
    const key = actor ? undefined : `search\n${q}\n${query.page}\n${query.pageSize}`;
    const kept = key ? cache.get(key) : undefined;
    if (kept) return sendPublic(ctx, kept, SEARCH_PAGE_MAX_AGE);
    const ticket = cache.begin();
    const { body: result, variesByReader } = await catalogueResultsFor(
      ctx.state.em,
      deps.imageAccess,
      query,
      { actor, address: ctx.ip },
      deps.caches,
      deps.resultSets,
    );
    const canonical = `${publicUrl}/catalogue/search${q ? `?q=${encodeURIComponent(q)}` : ''}`;
    const body = renderSearchPage({
      q,
      total: result.total,
      approximate: result.totalApproximate,
      page: result.page,
      pageSize: result.pageSize,
      items: result.items,
      canonical,
    });
    if (variesByReader) return sendPrivate(ctx, body);
    const page = EncodedPage.of(body);
    if (key) cache.keep(key, ticket, page);
    sendPublic(ctx, page, SEARCH_PAGE_MAX_AGE);
  });
}
