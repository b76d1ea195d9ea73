// warmPooledConnections: every connection of the pool is opened and has the record page's
// statements prepared before the first reader comes (pg_prepared_statements is per connection),
// and a pool whose minimum is its size keeps those connections.
import test from 'ava';
import { connectOrm } from '../../src/db/orm.js';
import { executeBound, warmPooledConnections } from '../../src/kernel/bound-sql.js';
import { RECORD_PAGE_STATEMENTS, publishedRecordRow } from '../../src/public-pages/record-page.repository.js';
import { createTestDatabase } from '../helpers/test-database.js';

const POOL = 3;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let orm: Awaited<ReturnType<typeof connectOrm>>;

interface PooledConnection {
  query(text: string): Promise<{
    rows: Array<{ name: string; pid: number; custom: number; generic: number; mode: string }>;
  }>;
}

test.before(async () => {
  db = await createTestDatabase();
  orm = await connectOrm(db.url, { min: POOL, max: POOL });
});
test.after.always(async () => {
  await orm?.close(true);
  await db?.drop();
});

/** Per connection of the pool (all held at once): its backend and the statements it has prepared. */
async function preparedPerConnection(): Promise<
  Array<{ pid: number; names: string[]; customPlans: number; genericPlans: number; planCacheMode: string }>
> {
  const knex = orm.em.getKnex();
  const held = (await Promise.all(
    Array.from({ length: POOL }, () => knex.client.acquireConnection()),
  )) as PooledConnection[];
  try {
    return await Promise.all(
      held.map(async (c) => {
        const { rows } = await c.query(
          `select pg_backend_pid() as pid, name, custom_plans::int as custom, generic_plans::int as generic,
                  current_setting('plan_cache_mode') as mode
             from pg_prepared_statements right join (select 1) one on true`,
        );
        const ours = rows.filter((r) => r.name);
        return {
          pid: rows[0]!.pid,
          names: ours.map((r) => r.name).sort(),
          customPlans: ours.reduce((n, r) => n + r.custom, 0),
          genericPlans: ours.reduce((n, r) => n + r.generic, 0),
          planCacheMode: rows[0]!.mode,
        };
      }),
    );
  } finally {
    for (const c of held) await knex.client.releaseConnection(c);
  }
}

test.serial(
  'before warming, no connection has the statements; after, every one of the pool has them',
  async (t) => {
    const names = RECORD_PAGE_STATEMENTS.map((s) => s.statement).sort();
    t.deepEqual(names, ['public_record_pages', 'public_record_pages_with_copies']);
    const prepared = names.map((n) => `generic_${n}`);
    const before = await preparedPerConnection();
    t.true(before.every((c) => prepared.every((n) => !c.names.includes(n))));

    await warmPooledConnections(orm.em.fork(), POOL, RECORD_PAGE_STATEMENTS);
    const after = await preparedPerConnection();
    t.is(new Set(after.map((c) => c.pid)).size, POOL, 'three different backends');
    for (const c of after) t.deepEqual(c.names, prepared);
    // The statements still answer after being prepared with an empty list of keys.
    t.is(await publishedRecordRow(orm.em.fork(), '110000-0001-0000001', { copies: true }), undefined);
  },
);

test.serial(
  'the statements run on one plan per connection, never planned per call, and the session keeps its setting',
  async (t) => {
    await warmPooledConnections(orm.em.fork(), POOL, RECORD_PAGE_STATEMENTS);
    // More calls than PostgreSQL's five custom plans before it would consider the generic one,
    // each with a different number of keys.
    for (let i = 1; i <= 12; i++) {
      const keys = Array.from({ length: i }, (_, k) => `110000-0001-${String(k).padStart(7, '0')}`);
      await Promise.all(keys.map((key) => publishedRecordRow(orm.em.fork(), key)));
      await publishedRecordRow(orm.em.fork(), keys[0]!, { copies: true });
    }
    const after = await preparedPerConnection();
    t.is(
      after.reduce((n, c) => n + c.customPlans, 0),
      0,
      'no call was planned for its values',
    );
    t.true(after.reduce((n, c) => n + c.genericPlans, 0) >= 24 + 2 * POOL);
    // Other queries on these connections still get plans for their values.
    t.deepEqual(
      after.map((c) => c.planCacheMode),
      after.map(() => 'auto'),
    );
  },
);

test.serial(
  'a named statement that fails leaves its connection with the session setting it had',
  async (t) => {
    // Fails while running (division by zero), after the call has set its plan setting.
    const failing = () =>
      executeBound(
        orm.em.fork(),
        'select 1 / (coalesce(array_length(?::text[], 1), 0) - 1) as n',
        [['110000-0001-0000001']],
        'fails_when_run',
      );
    for (let i = 0; i < POOL * 2; i++) await t.throwsAsync(failing(), { message: /division by zero/ });
    t.deepEqual(
      (await preparedPerConnection()).map((c) => c.planCacheMode),
      Array.from({ length: POOL }, () => 'auto'),
    );
  },
);

test.serial(
  'a statement that fails while warming fails the start, naming the error, and releases every connection',
  async (t) => {
    await t.throwsAsync(
      warmPooledConnections(orm.em.fork(), POOL, [
        {
          statement: 'warm_up_broken',
          sql: 'select * from no_such_table where id = any(?::text[])',
          bindings: [[]],
        },
      ]),
      { message: /no_such_table/ },
    );
    // Every connection came back to the pool: all three can be held again.
    t.is((await preparedPerConnection()).length, POOL);
  },
);
