// A write through this instance forgets its kept public answers (rendered pages, Image API
// responses) before the answer leaves, so the writer's next read is fresh at once; other instances
// hear of it by notification (a moment later).

import type { Middleware } from 'koa';
import type { ChangeFollower } from './change-following-cache.js';
import { isSafeMethod } from '../kernel/safe-methods.js';

const statusOf = (error: unknown): number =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : 500;

/**
 * After every request with an unsafe method, `changed()` on each cache — unless it was refused (4xx:
 * a refused write stores nothing), so a stream of bad logins cannot keep emptying them.
 */
export function forgetAfterWrites(caches: readonly ChangeFollower[]): Middleware {
  return async (ctx, next) => {
    if (isSafeMethod(ctx.method)) return next();
    let status = 500;
    try {
      await next();
      status = ctx.status;
    } catch (error) {
      status = statusOf(error);
      throw error;
    } finally {
      if (status < 400 || status >= 500) for (const cache of caches) cache.changed();
    }
  };
}
