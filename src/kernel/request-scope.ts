import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor.js';
import { AppError } from './app-error.js';

/** What a service call knows about its request: a forked EntityManager, the caller and the request id. */
export interface RequestScope {
  readonly em: EntityManager;
  readonly actor: Actor | null;
  readonly requestId: string;
  readonly ip: string;
}

/** The caller, or a 401 when nobody is logged in. */
export function requireActor(scope: RequestScope): Actor {
  if (!scope.actor) throw AppError.unauthorized();
  return scope.actor;
}
