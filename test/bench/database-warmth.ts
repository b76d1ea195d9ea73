// A benchmark of a large database measures the service, not the disk: a server that has been
// running holds its working set in memory, a database just restored or pushed out of the page cache
// by other work does not (here a first run of random record pages at 3,000,000 read 30–60 MB/s
// from disk and its p99 doubled). So the benchmarks read every relation into memory first, and
// print how much was read from disk during each run, which shows when a figure was the disk's.
import fs from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Reads every table, index and TOAST relation of the database through the operating system's page
 * cache (pg_prewarm, mode `read`; PostgreSQL's shared buffers stay as they are). Returns the line
 * the benchmark prints.
 */
export async function readDatabaseIntoMemory(em: EntityManager): Promise<string> {
  const started = Date.now();
  await em.execute('create extension if not exists pg_prewarm');
  const [row] = await em.execute<Array<{ relations: number; mb: number }>>(
    `select count(*)::int as relations,
            (coalesce(sum(pg_prewarm(c.oid, 'read')), 0) * current_setting('block_size')::int / 1048576)::int as mb
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'pg_toast') and c.relkind in ('r', 'i', 't', 'm') and c.relpersistence = 'p'`,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return `database read into memory first (pg_prewarm): ${row!.mb} MB, ${row!.relations} relations, ${seconds} s`;
}

/** MB read from disk by the whole machine so far (Linux /proc/vmstat pgpgin), or undefined elsewhere. */
export function diskReadMb(): number | undefined {
  try {
    const kb = /^pgpgin (\d+)$/m.exec(fs.readFileSync('/proc/vmstat', 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Runs `work` and says how many MB the machine read from disk meanwhile ('' when unknown). */
export async function withDiskReads<T>(work: () => Promise<T>): Promise<{ result: T; diskMb: string }> {
  const before = diskReadMb();
  const result = await work();
  const after = diskReadMb();
  return { result, diskMb: before === undefined || after === undefined ? '' : (after - before).toFixed(0) };
}

/**
 * The benchmark database's server settings: BENCH_SHARED_BUFFERS (e.g. `6GB`, a quarter of this
 * machine's memory, PostgreSQL's advice for a dedicated server) sizes its shared buffers; unset,
 * PostgreSQL's default (128 MB). Shared buffers that large want huge pages (the default
 * `huge_pages = try` takes them when the kernel has them reserved: `vm.nr_hugepages`): without,
 * every server process faults in each 4 kB of shared memory it touches first, and here that cost
 * more than reading the pages from the operating system's cache.
 */
export function benchPostgresSettings(): Record<string, string> {
  const size = process.env.BENCH_SHARED_BUFFERS;
  return size ? { shared_buffers: size } : {};
}

/**
 * Reads the named relations, in order, into PostgreSQL's shared buffers (pg_prewarm, mode `buffer`)
 * as far as they fit in nine tenths of them, skipping any that would not: the state of a server
 * whose buffers have held the pages it serves. Returns the line the benchmark prints, with the
 * buffers' size and whether they are on huge pages.
 */
export async function readIntoSharedBuffers(
  em: EntityManager,
  relations: readonly string[],
): Promise<string> {
  const [setting] = await em.execute<Array<{ mb: number; huge: string }>>(
    `select (setting::bigint * current_setting('block_size')::int / 1048576)::int as mb,
            coalesce(current_setting('huge_pages_status', true), 'unknown') as huge
       from pg_settings where name = 'shared_buffers'`,
  );
  const room = Math.floor(setting!.mb * 0.9);
  let used = 0;
  const read: string[] = [];
  for (const relation of relations) {
    const [size] = await em.execute<Array<{ mb: number | null }>>(
      `select (pg_relation_size(to_regclass(?)) / 1048576)::int as mb`,
      [relation],
    );
    // A relation this database does not have (null size) is left out like one that does not fit.
    if (size?.mb == null || used + size.mb > room) continue;
    await em.execute(`select pg_prewarm(to_regclass(?), 'buffer')`, [relation]);
    used += size.mb;
    read.push(relation);
  }
  return `shared buffers ${setting!.mb} MB (huge pages: ${setting!.huge}); read into them: ${used} MB (${read.join(', ') || 'nothing'})`;
}
