// The server-rendered public pages: full HTML without JavaScript, for readers and crawlers.
// Mounted beside the web shell (not part of the JSON API or its OpenAPI document).

import type Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { Deps } from '../kernel/deps.js';
import { AppError } from '../kernel/app-error.js';
import { recordPageView } from './record-page.service.js';
import { renderRecordNotFound, renderRecordPage } from './record-page.presenter.js';
import { renderSearchError, renderSearchPage } from './search-page.presenter.js';
import { catalogueSearchQuery } from '../search/catalogue.schemas.js';
import { searchCatalogueFor } from '../search/catalogue-search.service.js';
import { parseOrThrow } from '../kernel/validation.js';

function sendHtml(ctx: ParameterizedContext, status: number, body: string, cache: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', cache);
  ctx.body = body;
}

/**
 * Registers the public record page at its permalink, /catalogue/records/:censusNumber, and the
 * results page /catalogue/search?q=&page= (the interactive /catalogue adds facets with JavaScript).
 */
export function mountPublicPages(router: Router, deps: Deps): void {
  const publicUrl = deps.config.publicUrl.replace(/\/+$/, '');
  router.get('/catalogue/records/:censusNumber', async (ctx) => {
    const censusNumber = ctx.params.censusNumber!;
    try {
      const view = await recordPageView(ctx.state.em, publicUrl, censusNumber, ctx.ip);
      // Published text only, nothing that depends on a login: the same page for every reader —
      // unless it shows an on-site-only book's images to readers in the reading room.
      const cache = view.variesByAddress ? 'private, no-store' : 'public, max-age=300';
      sendHtml(ctx, 200, renderRecordPage(view), cache);
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
    const { body: result, variesByReader } = await searchCatalogueFor(
      ctx.state.em,
      query,
      { actor: ctx.state.actor ?? null, address: ctx.ip },
      deps.caches,
    );
    const canonical = `${publicUrl}/catalogue/search${q ? `?q=${encodeURIComponent(q)}` : ''}`;
    const view = {
      q,
      total: result.total,
      approximate: result.totalApproximate,
      page: result.page,
      pageSize: result.pageSize,
      items: result.items,
      canonical,
    };
    // The same page for every reader — unless it shows restricted books' thumbnails to this one.
    sendHtml(ctx, 200, renderSearchPage(view), variesByReader ? 'private, no-store' : 'public, max-age=60');
  });
}
