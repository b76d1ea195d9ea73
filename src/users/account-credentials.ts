import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What account management needs from the credentials side: a hash of the password an administrator
 * sets, and the end of every session and token of an account whose password was reset or that was
 * deactivated. Auth owns passwords and tokens and depends on users for the account itself, so users
 * declare this and receive auth's implementation from the composition root (src/app/app.ts): the
 * dependency runs one way, auth → users.
 */
export interface AccountCredentials {
  hashPassword(password: string): Promise<string>;
  endSessionsOf(em: EntityManager, userId: string): Promise<void>;
}
