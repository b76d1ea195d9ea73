// SQL with real bind parameters, for the few statements where MikroORM's way costs too much: its
// `em.execute` inlines every value into the SQL text on the client, so PostgreSQL parses and plans
// each call afresh.

import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** A pooled node-postgres connection, as knex's pool hands it out. */
interface PooledConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs SQL with real bind parameters (`?` placeholders) in the entity manager's transaction, skipping
 * MikroORM's client-side inlining of values; returns the result rows.
 *
 * With `statement`, the SQL is a named prepared statement: each pooled connection parses it once and
 * PostgreSQL keeps its plan — for a statement run on every request of a page read most often
 * (planning the public record page's statement took longer than running it: 0.5 ms of 1.2). Outside
 * a transaction it goes to a pooled connection directly, without knex's query runner (a third of the
 * client's CPU per query). A name stands for exactly one SQL text.
 */
export async function executeBound<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  bindings: readonly Knex.RawBinding[],
  statement?: string,
): Promise<T[]> {
  const knex = em.getKnex();
  const trx = em.getTransactionContext();
  try {
    if (statement && !trx) {
      const connection = (await knex.client.acquireConnection()) as PooledConnection;
      try {
        const text = positionalSql(knex, sql);
        const result = await connection.query({ name: statement, text, values: [...bindings] });
        return result.rows as T[];
      } finally {
        await knex.client.releaseConnection(connection);
      }
    }
    const query = knex.raw(sql, bindings);
    if (statement) query.options({ name: statement });
    if (trx) query.transacting(trx);
    const result = (await query) as { rows: T[] };
    return result.rows;
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}

/** A named statement and bindings it runs with harmlessly (an empty list of keys, say). */
export interface StatementWarmUp {
  readonly statement: string;
  readonly sql: string;
  readonly bindings: readonly Knex.RawBinding[];
}

/**
 * Opens `connections` pooled connections at once and runs every statement on each. A connection's
 * first run of a statement is its slowest: the backend loads its catalogue entries for every table
 * and index the statement reads and parses and plans the statement (a burst of public pages on
 * fresh connections stalled for 100–220 ms). Called at start with the pool's size, which it keeps
 * open, so no reader pays for that.
 */
export async function warmPooledConnections(
  em: EntityManager,
  connections: number,
  statements: readonly StatementWarmUp[],
): Promise<void> {
  const knex = em.getKnex();
  // Held together, so each acquisition gets a connection of its own.
  const acquired = await Promise.allSettled(
    Array.from({ length: connections }, () => knex.client.acquireConnection() as Promise<PooledConnection>),
  );
  const held = acquired.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
  try {
    const failed = acquired.find((a) => a.status === 'rejected');
    if (failed) throw failed.reason;
    await Promise.all(
      held.map(async (connection) => {
        for (const s of statements)
          await connection.query({
            name: s.statement,
            text: positionalSql(knex, s.sql),
            values: [...s.bindings],
          });
      }),
    );
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  } finally {
    for (const connection of held) await knex.client.releaseConnection(connection);
  }
}

/** `?` placeholders → `$1…` (knex's own rule), worked out once per SQL text. */
const positional = new Map<string, string>();
function positionalSql(knex: Knex, sql: string): string {
  let text = positional.get(sql);
  if (text === undefined) {
    text = (knex.client as { positionBindings(sql: string): string }).positionBindings(sql);
    positional.set(sql, text);
  }
  return text;
}
