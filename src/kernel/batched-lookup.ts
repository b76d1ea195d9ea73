// Lookups of one row by key that arrive together, answered by one statement. Under load the public
// record page is asked for by many readers at once; each statement costs a fixed round trip and
// PostgreSQL's per-statement work, whatever it returns, so the lookups asked for in the same turn of
// the event loop go out as one prepared statement over all their keys (`… = any(?)`). Alone, a
// lookup is a batch of one and waits for nothing (the batch leaves as soon as the turn ends).

import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound, type StatementWarmUp } from './bound-sql.js';

/** Keys in one statement at most: a burst larger than this goes out as several statements. */
const MAX_BATCH = 100;

export interface BatchedLookupDefinition<Row> {
  /** The name of the prepared statement (one per SQL text, see executeBound). */
  readonly statement: string;
  /** SQL whose only placeholder `?` takes the array of keys, e.g. `where e.census_number = any(?::text[])`. */
  readonly sql: string;
  /** The key a returned row answers. */
  readonly keyOf: (row: Row) => string;
}

interface Lookup {
  readonly em: EntityManager;
  readonly key: string;
}

/**
 * A lookup by key, batched per app: one loader per database connection pool (the knex instance of
 * the entity manager asked through; tests run several apps in one process). Inside a transaction a
 * lookup runs alone, in that transaction.
 */
export class BatchedLookup<Row> {
  private readonly loaders = new WeakMap<object, DataLoader<Lookup, Row | undefined, string>>();

  constructor(private readonly definition: BatchedLookupDefinition<Row>) {}

  /** The statement with an empty list of keys: what warms a connection for it (warmPooledConnections). */
  warmUp(): StatementWarmUp {
    return { statement: this.definition.statement, sql: this.definition.sql, bindings: [[]] };
  }

  /** The row for `key`, or undefined when there is none. */
  async load(em: EntityManager, key: string): Promise<Row | undefined> {
    if (em.getTransactionContext()) return (await this.run(em, [key])).get(key);
    return this.loaderOf(em).load({ em, key });
  }

  private loaderOf(em: EntityManager): DataLoader<Lookup, Row | undefined, string> {
    const pool = em.getKnex() as object;
    let loader = this.loaders.get(pool);
    if (!loader) {
      loader = new DataLoader<Lookup, Row | undefined, string>(
        async (lookups) => {
          // Any entity manager of this pool runs the statement: it is read outside transactions.
          const rows = await this.run(lookups[0]!.em, [...new Set(lookups.map((l) => l.key))]);
          return lookups.map((l) => rows.get(l.key));
        },
        {
          // Not cached: a loader lives as long as the app and rows change; duplicates within a
          // batch are asked for once (above).
          cache: false,
          maxBatchSize: MAX_BATCH,
          // The end of the turn rather than the end of the current microtasks: requests read from
          // different sockets in one poll of the event loop join the same batch.
          batchScheduleFn: (callback) => setImmediate(callback),
        },
      );
      this.loaders.set(pool, loader);
    }
    return loader;
  }

  private async run(em: EntityManager, keys: string[]): Promise<Map<string, Row>> {
    const rows = await executeBound<Row>(em, this.definition.sql, [keys], this.definition.statement);
    return new Map(rows.map((row) => [this.definition.keyOf(row), row]));
  }
}
