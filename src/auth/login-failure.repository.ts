import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Serialises login attempts for one e-mail and for one client address until the calling
 * transaction ends (PostgreSQL advisory locks, shared by every instance of the service): counting
 * the failures and recording the new attempt must be one step, or parallel attempts all count the
 * same number and all pass. Locks are taken in one order (e-mail, then address) so two attempts
 * cannot wait on each other.
 */
export async function lockLoginAttempts(em: EntityManager, email: string, ip: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`login-email:${email}`]);
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`login-ip:${ip}`]);
}
