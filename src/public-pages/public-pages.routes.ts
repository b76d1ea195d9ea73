// The server-rendered public pages: full HTML without JavaScript, for readers and crawlers.
// Mounted beside the web shell (not part of the JSON API or its OpenAPI document).

import type Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { AppDeps } from '../http/app-deps.js';
import { AppError } from '../http/app-error.js';
import { recordPageView } from './record-page.service.js';
import { renderRecordNotFound, renderRecordPage } from './record-page.presenter.js';

function sendHtml(ctx: ParameterizedContext, status: number, body: string, cache: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', cache);
  ctx.body = body;
}

/** Registers the public record page at its permalink, /catalogue/records/:censusNumber. */
export function mountPublicPages(router: Router, deps: AppDeps): void {
  const publicUrl = deps.config.publicUrl.replace(/\/+$/, '');
  router.get('/catalogue/records/:censusNumber', async (ctx) => {
    const censusNumber = ctx.params.censusNumber!;
    try {
      const view = await recordPageView(ctx.state.em, publicUrl, censusNumber);
      // The same page for every reader: published text only, nothing that depends on a login.
      sendHtml(ctx, 200, renderRecordPage(view), 'public, max-age=300');
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      sendHtml(ctx, 404, renderRecordNotFound(censusNumber, `${publicUrl}/catalogue`), 'no-store');
    }
  });
}
