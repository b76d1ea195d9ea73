// The app's routes in two routers, chosen by the path's first segment: a router tries a path
// against each route it holds in turn, and a public page or a tile need not be tried against the
// JSON API's 120 routes first (in a CPU profile of the record page, @koa/router's matching was ~7 %
// of the service's time).

import Router from '@koa/router';
import type { Middleware } from 'koa';

/** The JSON API and its documentation live under this prefix; everything else is the site. */
const API_PREFIX = '/api/';

const isApiPath = (path: string) => path.startsWith(API_PREFIX);

export class PrefixRouters {
  // Case-sensitive: /API/records is not /api/records. Middleware that looks at the path (CSRF,
  // 404 shaping) must see the same path the router dispatches on.
  readonly api = new Router({ sensitive: true });
  readonly site = new Router({ sensitive: true });

  /** The router a route of this path belongs in. */
  for(path: string): Router {
    return isApiPath(path) ? this.api : this.site;
  }

  /** Dispatches each request to its router's routes, then answers 405/501 as that router would. */
  middleware(): Middleware[] {
    this.assertEachRouteInItsRouter();
    // Koa's plain context: each router adds its own (params, router) as it dispatches.
    const routes = { api: this.api.routes() as Middleware, site: this.site.routes() as Middleware };
    const methods = {
      api: this.api.allowedMethods({ throw: false }) as Middleware,
      site: this.site.allowedMethods({ throw: false }) as Middleware,
    };
    const dispatch: Middleware = (ctx, next) => (isApiPath(ctx.path) ? routes.api : routes.site)(ctx, next);
    // As @koa/router's own middleware carries `.router`: what was mounted can be listed (tests).
    return [
      Object.assign(dispatch, { routers: [this.api, this.site] }),
      (ctx, next) => (isApiPath(ctx.path) ? methods.api : methods.site)(ctx, next),
    ];
  }

  /** A route mounted on the wrong router could never be reached: refuse to start instead. */
  private assertEachRouteInItsRouter(): void {
    for (const [router, api] of [
      [this.api, true],
      [this.site, false],
    ] as const) {
      const stray = router.stack.map((layer) => String(layer.path)).find((p) => isApiPath(p) !== api);
      if (stray) throw new Error(`route ${stray} is mounted on the ${api ? 'API' : 'site'} router`);
    }
  }
}
