// BatchedLookup: lookups asked for in the same turn of the event loop are answered by one statement
// (each row tells which statement made it: a sequence drawn once per statement); every caller gets
// its own row, duplicates and missing keys included; later turns make new statements; inside a
// transaction a lookup sees that transaction; an error reaches every caller of the batch.
import test from 'ava';
import { connectOrm } from '../../src/db/orm.js';
import { BatchedLookup } from '../../src/kernel/batched-lookup.js';
import { createTestDatabase } from '../helpers/test-database.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let orm: Awaited<ReturnType<typeof connectOrm>>;

test.before(async () => {
  db = await createTestDatabase();
  orm = await connectOrm(db.url, { max: 3 });
  const connection = orm.em.getConnection();
  await connection.execute(`create table batched_lookup_probe (key text primary key, value text)`);
  await connection.execute(`create sequence batched_lookup_statement`);
  await connection.execute(
    `insert into batched_lookup_probe values ('甲', '民國八年'), ('乙', '嘉靖'), ('丙', null), ('a"b\\c', '引號')`,
  );
});
test.after.always(async () => {
  await orm?.close(true);
  await db?.drop();
});

interface ProbeRow {
  key: string;
  value: string | null;
  statement: string;
}

// The uncorrelated subquery runs once per statement: every row of one batch carries the same number.
const probe = new BatchedLookup<ProbeRow>({
  statement: 'batched_lookup_probe_rows',
  sql: `select key, value, (select nextval('batched_lookup_statement'))::text as statement
          from batched_lookup_probe where key = any(?::text[])`,
  keyOf: (row) => row.key,
});

test('lookups of one turn share one statement; each caller gets its own row', async (t) => {
  const keys = ['甲', '乙', '丙', '丁', '甲', "乙' or '1'='1", 'a"b\\c', '乙'];
  const rows = await Promise.all(keys.map((key) => probe.load(orm.em.fork(), key)));
  t.deepEqual(
    rows.map((r) => r?.value),
    ['民國八年', '嘉靖', null, undefined, '民國八年', undefined, '引號', '嘉靖'],
  );
  const statements = new Set(rows.filter((r) => r).map((r) => r!.statement));
  t.is(statements.size, 1, 'one statement answered the whole turn');
});

test('lookups of later turns are later statements, and a lookup alone waits for no one', async (t) => {
  const first = await probe.load(orm.em.fork(), '甲');
  const second = await probe.load(orm.em.fork(), '甲');
  t.is(first?.value, '民國八年');
  t.true(Number(second!.statement) > Number(first!.statement));
});

test('a burst larger than a batch still answers everyone', async (t) => {
  const keys = Array.from({ length: 250 }, (_, i) => (i % 3 === 0 ? '甲' : `缺${i}`));
  const rows = await Promise.all(keys.map((key) => probe.load(orm.em.fork(), key)));
  t.deepEqual(
    rows.map((r) => r?.value),
    keys.map((k) => (k === '甲' ? '民國八年' : undefined)),
  );
  // 250 lookups at most 100 to a statement: three statements.
  t.is(new Set(rows.filter((r) => r).map((r) => r!.statement)).size, 3);
});

test('inside a transaction a lookup sees that transaction', async (t) => {
  await orm.em.fork().transactional(async (em) => {
    await em
      .getConnection()
      .execute(
        `insert into batched_lookup_probe values ('戊', '新值')`,
        [],
        'run',
        em.getTransactionContext(),
      );
    t.is((await probe.load(em, '戊'))?.value, '新值');
    t.is(await probe.load(orm.em.fork(), '戊'), undefined, 'not outside it yet');
  });
  t.is((await probe.load(orm.em.fork(), '戊'))?.value, '新值');
});

test('a failing statement fails every lookup of its batch', async (t) => {
  const broken = new BatchedLookup<ProbeRow>({
    statement: 'batched_lookup_probe_broken',
    sql: `select key, value, 1 / 0 as statement from batched_lookup_probe where key = any(?::text[])`,
    keyOf: (row) => row.key,
  });
  const results = await Promise.allSettled(['甲', '乙'].map((key) => broken.load(orm.em.fork(), key)));
  t.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
  );
  t.regex(String((results[0] as PromiseRejectedResult).reason), /division by zero/);
});
