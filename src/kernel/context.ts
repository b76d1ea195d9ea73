import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor.js';
import { AppError } from './app-error.js';

/**
 * What a use case knows about the call it serves: the EntityManager to work in, the caller and an id
 * for the logs and the audit trail. A request builds one per call (src/app/mount-routes.ts); a
 * background job builds its own (the job's actor, `requestId` naming the job), so both go through
 * the same services.
 */
export interface Context {
  readonly em: EntityManager;
  readonly actor: Actor | null;
  readonly requestId: string;
}

/** A request's context: also the client address (TRUST_PROXY honoured), for throttling and reading rooms. */
export interface RequestContext extends Context {
  readonly ip: string;
}

/** The caller, or a 401 when nobody is logged in. */
export function requireActor(context: Context): Actor {
  if (!context.actor) throw AppError.unauthorized();
  return context.actor;
}
