import type { Middleware } from 'koa';
import crypto from 'node:crypto';
import type { Logger } from 'pino';

/** Gives every request an id (a well-formed incoming X-Request-Id is kept) and logs it on completion. */
export function requestIdAndAccessLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          ms: Math.round(ms * 10) / 10,
          ip: ctx.ip,
          userId: ctx.state.actor?.userId,
        },
        'request',
      );
    }
  };
}
