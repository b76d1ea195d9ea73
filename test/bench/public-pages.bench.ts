// `npm run bench:public-pages`: p50/p99 of the server-rendered public pages — the record page at
// its permalink (random published records) and the results page — at 1 and 32 connections. The
// service runs in its own process (as `npm start`) over an embedded PostgreSQL holding the
// generated national catalogue that bench:search uses too (national-catalogue.ts: BENCH_RECORDS
// published records with census records, page-image rows and 同版 groups of three, made
// set-based in SQL). BENCH_DIR keeps that database, so `BENCH_DIR=… BENCH_RECORDS=3000000` builds
// 3,000,000 records once for both benchmarks. The database is read into memory before the runs
// and each run prints what the machine read from disk meanwhile (database-warmth.ts).
// BENCH_SHARED_BUFFERS (e.g. 6GB) sizes PostgreSQL's shared buffers, and the pages the public
// pages read on every request are read into them (on huge pages when the kernel reserved them).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fsSync from 'node:fs';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { connectOrm } from '../../src/db/orm.js';
import { startServiceProcess } from './service-process.js';
import { censusNumberOf, ensureNationalCatalogue } from './national-catalogue.js';
import {
  benchPostgresSettings,
  readDatabaseIntoMemory,
  readIntoSharedBuffers,
  withDiskReads,
} from './database-warmth.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 30_000);
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 15);
// BENCH_ONLY: a pattern; only the runs whose title matches it (e.g. "random record.*32").
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;

const WRK = '/usr/bin/wrk';
const WRK_TITLE = `record page (random record), ${CONNECTIONS} connections, wrk as the client`;
const WRK_DISTINCT_TITLE = `results page, 100 distinct queries and pages (each rendered), ${CONNECTIONS} connections, wrk as the client`;

/**
 * Requests/s, p50 and p99 (ms) and failed answers of wrk cycling through `paths` on `origin` for
 * `seconds`; with `amount`, it stops once that many answers came back.
 */
async function wrkRun(
  origin: string,
  paths: string[],
  connections: number,
  seconds: number,
  amount?: number,
) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-wrk-'));
  const script = path.join(dir, 'paths.lua');
  const stop = amount
    ? `local answered = 0\nresponse = function()\n  answered = answered + 1\n  if answered >= ${amount} then wrk.thread:stop() end\nend\n`
    : '';
  await fs.writeFile(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n${stop}`,
  );
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK, [
        '-t1',
        `-c${connections}`,
        `-d${seconds}s`,
        '--latency',
        '-s',
        script,
        origin,
      ]);
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text}`)),
      );
    });
    const ms = (label: string) => {
      const m = new RegExp(`^\\s+${label}%\\s+([\\d.]+)(us|ms|s)$`, 'm').exec(out);
      if (!m) throw new Error(`wrk: no ${label}% in ${out}`);
      return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's'];
    };
    return {
      perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
      p50: Number(ms('50').toFixed(1)),
      p99: Number(ms('99').toFixed(1)),
      errors: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The client's garbage of the runs before, collected before the next begins (the script runs with
 * --expose-gc): else autocannon's pauses to collect it, in this process, land inside the next run
 * and are counted as the service's latency — a 100-request run's p99 is its second slowest answer.
 */
function collectClientGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const KEEP = process.env.BENCH_DIR;
const dir = KEEP ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-public-')));
const pg = await startEmbeddedPostgres({
  dir: path.join(dir, 'pg'),
  log: () => undefined,
  settings: benchPostgresSettings(),
});
// What the public pages read on every request, most used first (the results page's entries with
// their first page image, then the search's walk and token indexes): what shared buffers sized
// by BENCH_SHARED_BUFFERS hold after serving them a while. The record page's census records are
// larger than such buffers and stay in the operating system's cache.
const PUBLIC_PAGE_RELATIONS = [
  'institution',
  'province',
  'work_order_photo',
  'catalogue_entry_census_number_unique',
  'record_image_record_sequence_unique',
  'catalogue_entry',
  'record_image',
  'catalogue_entry_walk_index',
  'catalogue_entry_tokens_gin',
  'catalogue_entry_title_tokens_gin',
];
const orm = await connectOrm(pg.url);
let service: Awaited<ReturnType<typeof startServiceProcess>> | undefined;

try {
  const build = await ensureNationalCatalogue(orm, RECORDS);
  for (const line of build.report) console.log(line);
  const records = build.records;
  const censusNumber = await censusNumberOf(orm.em.fork());
  console.log(await readDatabaseIntoMemory(orm.em.fork()));
  if (process.env.BENCH_SHARED_BUFFERS)
    console.log(await readIntoSharedBuffers(orm.em.fork(), PUBLIC_PAGE_RELATIONS));
  await orm.close(true);
  service = await startServiceProcess({ DATABASE_URL: pg.url });
  const url = service.url;

  const randomRecordPath = () => `/catalogue/records/${censusNumber(Math.floor(Math.random() * records))}`;
  // `amount`: that many requests instead of DURATION_S seconds.
  const run = (title: string, request: () => string, connections = CONNECTIONS, amount?: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url,
          connections,
          ...(amount ? { amount } : { duration: DURATION_S }),
          title,
          requests: [{ setupRequest: (req) => ({ ...req, path: request() }) }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });
  const sample = await fetch(url + randomRecordPath());
  if (sample.status !== 200) throw new Error(`record page answered ${sample.status}`);
  // Results pages: simplified queries of 1–8 characters from bench:search's list, in turn.
  const queries = [
    '宋',
    '诗',
    '杜甫',
    '嘉靖',
    '天一阁',
    '资治通鉴',
    '说文解字',
    '明嘉靖刻本',
    '杜工部集二十卷',
    '铁琴铜剑楼',
  ];
  let next = 0;
  const resultsPath = () => `/catalogue/search?q=${encodeURIComponent(queries[next++ % queries.length]!)}`;
  // Pages of the same queries, each asked once: every one is rendered (none is kept yet). The run
  // at one connection asks pages 2–11, the run at 32 pages 12–21.
  const firstRenderPaths = (firstPage: number) => {
    let n = 0;
    return () => {
      const q = queries[n % queries.length]!;
      return `/catalogue/search?q=${encodeURIComponent(q)}&page=${firstPage + Math.floor(n++ / queries.length)}`;
    };
  };
  // Twenty records asked again and again: after their first request, kept pages.
  const hot = Array.from({ length: 20 }, () => randomRecordPath());
  let nextHot = 0;
  const hotRecordPath = () => hot[nextHot++ % hot.length]!;
  const rows: string[] = [];
  // Each page at one connection first (the time a page takes without queueing behind 31 others,
  // which the load of a shared machine disturbs less), then at 32. A random record of millions is
  // hardly ever a kept page: that row is the cost of rendering.
  for (const [title, request, connections, amount] of [
    ['record page /catalogue/records/:censusNumber (random record), 1 connection', randomRecordPath, 1],
    [
      'results page, 100 distinct queries and pages (each rendered), 1 connection',
      firstRenderPaths(2),
      1,
      100,
    ],
    ['results page /catalogue/search?q= (10 queries in turn), 1 connection', resultsPath, 1],
    [`record page (random record), ${CONNECTIONS} connections`, randomRecordPath, CONNECTIONS],
    [`record page (20 records in turn: kept pages), ${CONNECTIONS} connections`, hotRecordPath, CONNECTIONS],
    [`results page (10 queries in turn), ${CONNECTIONS} connections`, resultsPath, CONNECTIONS],
    [
      `results page, 100 distinct queries and pages (each rendered), ${CONNECTIONS} connections`,
      firstRenderPaths(12),
      CONNECTIONS,
      100,
    ],
  ] as const) {
    if (ONLY && !ONLY.test(title)) continue;
    collectClientGarbage();
    const { result: r, diskMb } = await withDiskReads(() => run(title, request, connections, amount));
    rows.push(
      `| ${title} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} | ${diskMb} |`,
    );
    console.log(rows.at(-1));
  }
  // The same random-record run with wrk (C, Debian `apt-get install wrk`) as the client when it is
  // installed: autocannon parses every answer in JavaScript on the same two cores as the service.
  if (fsSync.existsSync(WRK) && (!ONLY || ONLY.test(WRK_TITLE))) {
    const paths = Array.from({ length: 200_000 }, () => randomRecordPath());
    collectClientGarbage();
    const { result: r, diskMb } = await withDiskReads(() => wrkRun(url, paths, CONNECTIONS, DURATION_S));
    rows.push(
      `| ${WRK_TITLE} | ${Math.round(r.perSecond)} | ${r.p50} | ${r.p99} | ${r.errors} | ${diskMb} |`,
    );
    console.log(rows.at(-1));
  }
  // The distinct results pages again with wrk, on pages none of the runs above asked for (22–31):
  // what the pages cost when the client does not share the service's two cores as heavily.
  if (fsSync.existsSync(WRK) && (!ONLY || ONLY.test(WRK_DISTINCT_TITLE))) {
    const next = firstRenderPaths(22);
    const paths = Array.from({ length: 100 }, next);
    collectClientGarbage();
    // wrk's run lasts its duration even when its thread stops early: its rate means nothing here.
    const { result: r, diskMb } = await withDiskReads(() => wrkRun(url, paths, CONNECTIONS, 5, 100));
    rows.push(`| ${WRK_DISTINCT_TITLE} | — | ${r.p50} | ${r.p99} | ${r.errors} | ${diskMb} |`);
    console.log(rows.at(-1));
  }
  console.log(
    `\n${records} published records; ${DURATION_S} s each; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| page | requests/s | p50 ms | p99 ms | errors | MB read from disk meanwhile |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  if (await orm.isConnected()) await orm.close(true);
  await service?.stop();
  await pg.stop();
  if (!KEEP) await fs.rm(dir, { recursive: true, force: true });
}
