import type { Middleware, ParameterizedContext } from 'koa';
import type { Logger } from 'pino';
import { fromUnknown } from '../kernel/error-mapping.js';
import { renderErrorPage } from '../public-pages/error-page.presenter.js';

/**
 * Whether a failed request is a browser opening a page: a GET or HEAD outside the API and IIIF
 * that prefers HTML to JSON. It gets an HTML page; every other client the JSON shape.
 */
export function wantsErrorPage(ctx: ParameterizedContext): boolean {
  return (
    (ctx.method === 'GET' || ctx.method === 'HEAD') &&
    !ctx.path.startsWith('/api/') &&
    !ctx.path.startsWith('/iiif/') &&
    ctx.accepts('json', 'html') === 'html'
  );
}

/**
 * First middleware of the stack: every error leaves as `{ error: {code, message, details}, requestId }`,
 * or, for a browser opening a page, as the same reasons on an HTML page.
 */
export function errorMiddleware(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const appError = fromUnknown(error);
      if (appError.status >= 500)
        logger.error({ err: error, requestId: ctx.state.requestId }, 'request failed');
      ctx.status = appError.status;
      if (appError.status === 429 && typeof appError.extra.retryAfter === 'number')
        ctx.set('Retry-After', String(appError.extra.retryAfter));
      if (wantsErrorPage(ctx)) {
        ctx.type = 'text/html; charset=utf-8';
        ctx.set('Cache-Control', 'no-store');
        ctx.body = renderErrorPage({ ...appError, requestId: ctx.state.requestId });
        return;
      }
      ctx.body = {
        error: {
          code: appError.code,
          message: `${appError.messageZh} / ${appError.messageEn}`,
          messageZh: appError.messageZh,
          messageEn: appError.messageEn,
          details: appError.details,
          ...(appError.status < 500 ? appError.extra : {}),
        },
        requestId: ctx.state.requestId,
      };
    }
  };
}
