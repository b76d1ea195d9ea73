import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { fromUnknown } from '../kernel/error-mapping.js';

/** First middleware of the stack: every error leaves as `{ error: {code, message, details}, requestId }`. */
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
