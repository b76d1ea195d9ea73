// executeBound: SQL with real bind parameters; a named statement is prepared once per pooled
// connection and answers each call with its own values, inside or outside a transaction; a
// database error comes back as MikroORM's exception, as from any other query.
import test from 'ava';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { connectOrm } from '../../src/db/orm.js';
import { executeBound } from '../../src/kernel/bound-sql.js';
import { createTestDatabase } from '../helpers/test-database.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let orm: Awaited<ReturnType<typeof connectOrm>>;

test.before(async () => {
  db = await createTestDatabase();
  orm = await connectOrm(db.url, { max: 3 });
  await orm.em.getConnection().execute(`create table bound_sql_probe (key text primary key, value text)`);
  await orm.em
    .getConnection()
    .execute(`insert into bound_sql_probe values ('甲', '民國八年'), ('乙', '嘉靖'), ('丙', null)`);
});
test.after.always(async () => {
  await orm?.close(true);
  await db?.drop();
});

const SQL = `select value from bound_sql_probe where key = ?`;

test('a named statement answers every call with its own value, on every pooled connection', async (t) => {
  const keys = ['甲', '乙', '丙', '丁', '甲', "乙' or '1'='1"];
  // Concurrent calls spread over the pool's three connections; each prepares the statement once.
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      executeBound<{ value: string | null }>(
        orm.em.fork(),
        SQL,
        [keys[i % keys.length]!],
        'bound_sql_probe_value',
      ),
    ),
  );
  const expected: Record<string, Array<{ value: string | null }>> = {
    甲: [{ value: '民國八年' }],
    乙: [{ value: '嘉靖' }],
    丙: [{ value: null }],
    丁: [],
    "乙' or '1'='1": [],
  };
  answers.forEach((rows, i) => t.deepEqual(rows, expected[keys[i % keys.length]!]));
});

test('inside a transaction the statement sees that transaction', async (t) => {
  await orm.em.fork().transactional(async (em) => {
    await executeBound(em, `insert into bound_sql_probe values (?, ?)`, ['戊', '新值']);
    t.deepEqual(await executeBound(em, SQL, ['戊'], 'bound_sql_probe_value'), [{ value: '新值' }]);
    // Outside it, not yet.
    t.deepEqual(await executeBound(orm.em.fork(), SQL, ['戊'], 'bound_sql_probe_value'), []);
  });
  t.deepEqual(await executeBound(orm.em.fork(), SQL, ['戊'], 'bound_sql_probe_value'), [{ value: '新值' }]);
});

test("a database error is MikroORM's exception, named statement or not", async (t) => {
  const insert = `insert into bound_sql_probe values (?, ?) returning key`;
  await t.throwsAsync(executeBound(orm.em.fork(), insert, ['甲', 'x'], 'bound_sql_probe_insert'), {
    instanceOf: UniqueConstraintViolationException,
  });
  await t.throwsAsync(executeBound(orm.em.fork(), insert, ['甲', 'x']), {
    instanceOf: UniqueConstraintViolationException,
  });
  // The connection that failed is usable again.
  t.deepEqual(await executeBound(orm.em.fork(), insert, ['己', 'y'], 'bound_sql_probe_insert'), [
    { key: '己' },
  ]);
});

// A named statement's values travel as literals in the text of one message (runNamed): each must
// reach the statement exactly as given, and none may end its literal early.
const HOSTILE = [
  "'); drop table bound_sql_probe; --",
  "\\'",
  'a\\b"c',
  '{"x",NULL}',
  'NULL',
  '',
  ' 𠀀補注\u3000',
  "E'\\x41'",
  '$1',
  '?',
  '\\',
  "''",
];

// Knex's binding type has no arrays holding null or arrays; PostgreSQL's arrays do.
const asBinding = (value: unknown) => value as string[];

test('values reach a named statement exactly as given, whatever characters they hold', async (t) => {
  for (const value of HOSTILE) {
    const [row] = await executeBound<{ t: string; a: Array<string | null>; n: number; b: boolean; z: null }>(
      orm.em.fork(),
      'select ?::text as t, ?::text[] as a, ?::int as n, ?::boolean as b, ?::text as z',
      [value, asBinding([...HOSTILE, null]), -7, false, null],
      'bound_sql_probe_echo',
    );
    t.deepEqual(row, { t: value, a: [...HOSTILE, null], n: -7, b: false, z: null }, JSON.stringify(value));
  }
  const [nested] = await executeBound<{ m: number[][] }>(
    orm.em.fork(),
    'select ?::int[] as m',
    [
      asBinding([
        [1, 2],
        [3, 4],
      ]),
    ],
    'bound_sql_probe_nested',
  );
  t.deepEqual(nested!.m, [
    [1, 2],
    [3, 4],
  ]);
  const [left] = await orm.em
    .getConnection()
    .execute<Array<{ n: number }>>(`select count(*)::int as n from bound_sql_probe`);
  t.true(left!.n >= 3, 'the table is still there with its rows');
});

test('a value PostgreSQL cannot hold is refused before anything runs', async (t) => {
  const insert = `insert into bound_sql_probe values (?, ?) returning key`;
  for (const value of ['a\u0000b', ['ok', 'x\u0000'], Number.NaN, { key: 'object' }]) {
    await t.throwsAsync(
      executeBound(orm.em.fork(), insert, ['庚', value as string], 'bound_sql_probe_insert'),
      {
        message: /NUL|finite|SQL literal/,
      },
    );
  }
  t.deepEqual(await executeBound(orm.em.fork(), SQL, ['庚'], 'bound_sql_probe_value'), []);
});
