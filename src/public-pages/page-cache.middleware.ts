// A write through this instance forgets its rendered public pages before the answer leaves, so the
// writer's next read is fresh at once; other instances hear of it by notification (a moment later).

import type { Middleware } from 'koa';
import type { PublicPageCache } from './page-cache.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** After every request with an unsafe method (whatever its outcome), `cache.changed()`. */
export function forgetPagesAfterWrites(cache: PublicPageCache): Middleware {
  return async (ctx, next) => {
    if (SAFE_METHODS.has(ctx.method)) return next();
    try {
      await next();
    } finally {
      cache.changed();
    }
  };
}
