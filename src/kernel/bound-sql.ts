// SQL with real bind parameters, for the few statements where MikroORM's way costs too much: its
// `em.execute` inlines every value into the SQL text on the client, so PostgreSQL parses and plans
// each call afresh. A named statement run outside a transaction is prepared and planned once per
// connection (runNamed); inside one, knex runs it and PostgreSQL chooses its plans itself.

import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import pg from 'pg';
import { sqlLiteral } from './sql-literal.js';

/** A pooled node-postgres connection, as knex's pool hands it out. */
interface PooledConnection {
  query(text: string): Promise<{ rows: unknown[] } | Array<{ rows: unknown[] }>>;
}

/**
 * Runs SQL with real bind parameters (`?` placeholders) in the entity manager's transaction, skipping
 * MikroORM's client-side inlining of values; returns the result rows.
 *
 * With `statement`, the SQL is a named prepared statement, for a statement run on every request of
 * a page read most often. Outside a transaction it goes to a pooled connection directly, without
 * knex's query runner (a third of the client's CPU per query), and runs on the plan that connection
 * made for it once (runNamed). A name stands for exactly one SQL text.
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
        return (await runNamed(connection, knex, { statement, sql, bindings })) as T[];
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
        for (const s of statements) await runNamed(connection, knex, s);
      }),
    );
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  } finally {
    for (const connection of held) await knex.client.releaseConnection(connection);
  }
}

// The statements each connection has prepared for runNamed. Their names are apart from the
// protocol-level ones knex makes for the same statement inside a transaction (one namespace per
// connection: the same name twice is an error).
const preparedOn = new WeakMap<PooledConnection, Set<string>>();
const GENERIC_PREFIX = 'generic_';

/**
 * Runs a named statement on its generic plan, made once per connection. Left to itself PostgreSQL
 * plans a prepared statement afresh on every call for as long as its custom plans look cheaper than
 * the generic one, and for a lookup of a few keys (`= any($1)`, costed as ten) they do: planning
 * the record page's statement took 0.75–1.4 ms of a ~1.6 ms call. The setting must hold for this
 * call only (the pool's other queries want plans for their values), so the call is one message:
 * `set local` and `execute` with the values as literals, which the message's implicit transaction
 * ends — one round trip instead of three for a `set`, the statement and a `reset`.
 */
async function runNamed(connection: PooledConnection, knex: Knex, s: StatementWarmUp): Promise<unknown[]> {
  const name = pg.escapeIdentifier(GENERIC_PREFIX + s.statement);
  let prepared = preparedOn.get(connection);
  if (!prepared) preparedOn.set(connection, (prepared = new Set()));
  if (!prepared.has(name)) {
    await connection.query(`prepare ${name} as ${positionalSql(knex, s.sql)}`);
    prepared.add(name);
  }
  const values = s.bindings.map(sqlLiteral);
  const results = await connection.query(
    `set local plan_cache_mode = force_generic_plan; execute ${name}${values.length ? `(${values.join(', ')})` : ''}`,
  );
  return (results as Array<{ rows: unknown[] }>)[1]!.rows;
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
