import type { Middleware } from 'koa';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { authenticateSecret, csrfTokenOf } from '../auth/token.service.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/session-cookie.js';
import { AppError } from '../kernel/app-error.js';
import { isSafeMethod } from '../kernel/safe-methods.js';

/**
 * Resolves the caller from `Authorization: Bearer …` or the session cookie, and forks one
 * EntityManager for the request. Cookie-authenticated unsafe requests must echo the session's CSRF
 * token in X-CSRF-Token: a cross-site form can send the cookie but cannot read or set that header.
 */
export function authMiddleware(orm: MikroORM): Middleware {
  return async (ctx, next) => {
    // Forked on first use: a request answered from memory (a tile, a kept page) never needs one,
    // and forking cost about as much as the rest of such a request's routing.
    let forked: EntityManager | undefined;
    const requestEm = () => (forked ??= orm.em.fork());
    Object.defineProperty(ctx.state, 'em', { get: requestEm, enumerable: true, configurable: true });
    const header = ctx.get('authorization');
    let actor = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match)
        throw AppError.unauthorized(
          'Authorization 头格式应为 Bearer <token>',
          'Authorization header must be "Bearer <token>"',
        );
      actor = await authenticateSecret(requestEm(), match[1]!, false);
      if (!actor)
        throw AppError.unauthorized('令牌无效、已过期或已撤销', 'The token is invalid, expired or revoked');
    } else {
      const cookie = ctx.cookies.get(SESSION_COOKIE);
      if (cookie) actor = await authenticateSecret(requestEm(), cookie, true);
      // Every unsafe method, whatever the path: a check keyed on the path's spelling can be
      // sidestepped by any spelling the router still dispatches (letter case, slashes, encoding).
      if (actor && !isSafeMethod(ctx.method)) {
        const expected = await csrfTokenOf(requestEm(), actor.tokenId);
        if (!expected || ctx.get(CSRF_HEADER) !== expected) {
          throw new AppError(
            403,
            'CSRF_TOKEN_MISSING',
            '缺少或错误的 CSRF 令牌（X-CSRF-Token）',
            'Missing or wrong CSRF token (X-CSRF-Token header)',
          );
        }
      }
    }
    ctx.state.actor = actor;
    forked?.clear();
    await next();
  };
}
