import type { ParameterizedContext } from 'koa';
import type { z } from 'zod';
import type { RequestContext } from './context.js';
import type { Deps } from './deps.js';
import type { ErrorDetail } from './app-error.js';
import type { DeepPartial } from './validation.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** What a handler receives: validated input, the request's context (`scope`) and the long-lived dependencies. */
export interface HandlerInput<B, Q, P> {
  readonly body: B;
  readonly query: Q;
  readonly params: P;
  readonly scope: RequestContext;
  readonly deps: Deps;
  readonly koa: ParameterizedContext;
}

/** A handler's answer; `status` defaults to the route's success status. */
export interface HandlerResult {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * One API route. The same zod schemas validate the request and produce the OpenAPI document,
 * so the documentation cannot drift from what the server accepts.
 */
export interface Route<B = unknown, Q = unknown, P = unknown> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `public`: no login needed; `user`: any logged-in account (services check the rest). */
  readonly auth: 'public' | 'user';
  readonly body?: z.ZodType<B>;
  readonly query?: z.ZodType<Q>;
  readonly params?: z.ZodType<P>;
  readonly response?: z.ZodType;
  /**
   * The service's own checks of the body (rules, uniqueness, vocabularies), also asked when the
   * schema refuses the body: given what of it the schema accepts, so one 400 lists the schema's
   * problems and the service's together and nobody fixes a form in two rounds. The service runs
   * the same checks itself when the schema accepts the body.
   */
  readonly bodyProblems?: (input: {
    readonly body: DeepPartial<B>;
    readonly params: P;
    readonly scope: RequestContext;
    readonly deps: Deps;
  }) => Promise<readonly ErrorDetail[]>;
  readonly successStatus?: number;
  readonly handler: (input: HandlerInput<B, Q, P>) => Promise<HandlerResult>;
}

/** Declares a route with its input types inferred from the schemas. */
export function defineRoute<B = undefined, Q = undefined, P = undefined>(route: Route<B, Q, P>): Route {
  return route as unknown as Route;
}
