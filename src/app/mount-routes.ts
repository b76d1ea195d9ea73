import type Router from '@koa/router';
import type { AppDeps } from './app-deps.js';
import type { Route } from '../kernel/route.js';
import {
  invalidInput,
  mergeProblems,
  parsedAsFarAsPossible,
  parseOrThrow,
  schemaCheck,
} from '../kernel/validation.js';
import { requireActor, type RequestContext } from '../kernel/context.js';

/** Mounts API routes: validate params, query and body with the route's schemas, then call the handler. */
export function mountRoutes(router: Router, routes: readonly Route[], deps: AppDeps): void {
  for (const route of routes) {
    router[route.method](route.path, async (ctx) => {
      const scope: RequestContext = {
        em: ctx.state.em,
        actor: ctx.state.actor ?? null,
        requestId: ctx.state.requestId,
        ip: ctx.ip,
      };
      if (route.auth === 'user') requireActor(scope);
      const params = route.params ? parseOrThrow(route.params, ctx.params, 'params') : ctx.params;
      const query = route.query ? parseOrThrow(route.query, { ...ctx.query }, 'query') : ctx.query;
      const body = route.body
        ? await parseBody(route, (ctx.request as { body?: unknown }).body ?? {}, params, scope, deps)
        : undefined;
      const result = await route.handler({ body, query, params, scope, deps, koa: ctx });
      ctx.status = result.status ?? route.successStatus ?? (route.method === 'post' ? 201 : 200);
      for (const [k, v] of Object.entries(result.headers ?? {})) ctx.set(k, v);
      if (result.body !== null && result.body !== undefined) ctx.body = result.body;
    });
  }
}

/** The body as the schema parses it, or one 400 with the schema's problems and the service's. */
async function parseBody(
  route: Route,
  raw: unknown,
  params: unknown,
  scope: RequestContext,
  deps: AppDeps,
): Promise<unknown> {
  const checked = schemaCheck(route.body!, raw);
  if (checked.ok) return checked.data;
  const partial = parsedAsFarAsPossible(route.body!, raw) ?? {};
  const more = route.bodyProblems ? await route.bodyProblems({ body: partial, params, scope, deps }) : [];
  throw invalidInput('body', mergeProblems(checked.details, more));
}
