// `npm run bench:search`: the public catalogue at national scale. Generates BENCH_RECORDS
// (default 3,000,000) published records in SQL (national-catalogue.ts, shared with
// bench:public-pages), times the index builds (token GIN vs pg_trgm GIN), then runs 50 typical simplified queries of 1–8
// characters through the search service: results only, results + facet counts, and with facet
// filters; prints p50/p99. Also compares count queries on the token index and on pg_trgm.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { connectOrm } from '../../src/db/orm.js';
import { queryTerms } from '../../src/search/search-key.rules.js';
import { containsPattern } from '../../src/kernel/like-pattern.js';
import { arrayLiteral } from '../../src/kernel/sql-literal.js';
import { searchCatalogue } from '../../src/search/catalogue-search.service.js';
import { rankedPage } from '../../src/search/catalogue-ranking.service.js';
import { entriesInOrder } from '../../src/search/catalogue-page.repository.js';
import { newResultSet } from '../../src/search/result-set.rules.js';
import { createAppCaches } from '../../src/app/app-deps.js';
import { tokenCounts } from '../../src/search/catalogue-token.repository.js';
import { DEFAULT_COUNTING, requiredTokens } from '../../src/search/catalogue-plan.rules.js';
import { catalogueSearchQuery } from '../../src/search/catalogue.schemas.js';
import { imageAccessRule } from '../../src/app/app-deps.js';
import { ensureNationalCatalogue } from './national-catalogue.js';
import { readDatabaseIntoMemory } from './database-warmth.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 3_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
// The token-GIN vs pg_trgm comparison of plain counts (slow at scale: minutes), on request.
const COMPARE = process.env.BENCH_COMPARE === '1';
// BENCH_DIR keeps the generated database between runs (and shares it with bench:public-pages);
// without it a temporary directory is used and removed.
const KEEP = process.env.BENCH_DIR;
const dir = KEEP ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-search-')));
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), log: () => undefined });
const orm = await connectOrm(pg.url);
const imageAccess = imageAccessRule();
const secs = (from: number) => ((Date.now() - from) / 1000).toFixed(1);

try {
  // Generation and index builds (timed) are shared with bench:public-pages; BENCH_REBUILD=1 redoes
  // the index builds on a reused database.
  const build = await ensureNationalCatalogue(orm, RECORDS, { rebuild: process.env.BENCH_REBUILD === '1' });
  for (const line of build.report) console.log(line);
  console.log(await readDatabaseIntoMemory(orm.em.fork()));
  if (COMPARE) {
    const started = Date.now();
    await orm.em
      .fork()
      .execute(
        'create index if not exists bench_search_key_trgm on catalogue_entry using gin (search_key gin_trgm_ops)',
      );
    console.log(`pg_trgm GIN ${secs(started)} s`);
  }

  // 50 typical queries in simplified characters, 1 to 8 characters.
  const QUERIES = [
    '宋',
    '明',
    '集',
    '注',
    '诗',
    '经',
    '史',
    '礼',
    '阁',
    '楼',
    '朱熹',
    '杜甫',
    '苏轼',
    '文集',
    '奏议',
    '嘉靖',
    '万历',
    '乾隆',
    '抄本',
    '汲古',
    '天一阁',
    '陆宣公',
    '资治通',
    '说文解',
    '本草纲',
    '太平御',
    '司马光',
    '王阳明',
    '武英殿',
    '海源阁',
    '陆宣公奏议',
    '资治通鉴',
    '说文解字',
    '本草纲目',
    '楚辞章句',
    '昌黎先生',
    '东坡全集',
    '欧阳文忠',
    '文心雕龙',
    '世说新语',
    '朱子集注',
    '明嘉靖刻本',
    '清乾隆刻本',
    '陆宣公奏议二十二',
    '资治通鉴一百卷',
    '杜工部集二十卷',
    '新刊东坡全集',
    '钦定四书章句',
    '周易本义四卷',
    '铁琴铜剑楼',
  ];
  const lengths = QUERIES.map((q) => [...q].length);
  console.log(
    `${QUERIES.length} queries, ${Math.min(...lengths)}–${Math.max(...lengths)} characters, ${REPEAT} runs each`,
  );
  const province = '320000';

  const percentile = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  };
  async function measure(label: string, run: (q: string) => Promise<unknown>, queries = QUERIES) {
    const times: number[] = [];
    let approximate = 0;
    await run(queries[0]!); // warm the connection and caches of the first plan
    for (let r = 0; r < REPEAT; r++)
      for (const q of queries) {
        const t0 = performance.now();
        const result = await run(q);
        times.push(performance.now() - t0);
        if (r === 0 && (result as { approximate?: boolean } | undefined)?.approximate) approximate += 1;
      }
    if (process.env.BENCH_VERBOSE)
      console.error(
        label,
        times
          .map((t, i) => [queries[i % queries.length], t.toFixed(0)] as const)
          .sort((a, b) => Number(b[1]) - Number(a[1]))
          .slice(0, 8),
      );
    console.log(
      `| ${label} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${approximate}/${queries.length} |`,
    );
  }
  const query = (q: string, extra: Record<string, string> = {}) =>
    catalogueSearchQuery.parse({ q, pageSize: '20', ...extra });
  const short = QUERIES.filter((q) => [...q].length <= 2);
  const long = QUERIES.filter((q) => [...q].length >= 3);
  const countTokens = (q: string) => {
    const terms = queryTerms(q);
    return orm.em
      .fork()
      .execute(`select count(*) from catalogue_entry e where e.tokens @> ?::text[] and e.search_key like ?`, [
        arrayLiteral(
          terms.flatMap((t) => (t.length <= 1 ? [t] : [...t].slice(1).map((c, i) => [...t][i]! + c))),
        ),
        containsPattern(terms.join('')),
      ]);
  };
  const countTrgm = (q: string) =>
    orm.em
      .fork()
      .execute(`select count(*) from catalogue_entry e where e.search_key like ?`, [
        containsPattern(queryTerms(q).join('')),
      ]);

  // The app's caches, as the service gets them (only the unfiltered browse view is ever cached).
  const caches = createAppCaches();
  console.log('\n| mode | p50 ms | p99 ms | max ms | approximate counts |');
  console.log('|---|---|---|---|---|');
  await measure('first page only (items, no counts)', async (q) => {
    const fork = orm.em.fork();
    const terms = queryTerms(q);
    const set = newResultSet(await tokenCounts(fork, requiredTokens(terms)), DEFAULT_COUNTING);
    const { numbers } = await rankedPage(fork, { terms, facets: {} }, set, 0, 20, false);
    await entriesInOrder(fork, numbers);
  });
  await measure('search: items + total + all facet counts', (q) =>
    searchCatalogue(orm.em.fork(), imageAccess, query(q), caches),
  );
  await measure(`search with facet filters (province ${province}, 线装)`, (q) =>
    searchCatalogue(orm.em.fork(), imageAccess, query(q, { province, binding: '线装' }), caches),
  );
  await measure('search, page 5 (offset 80)', (q) =>
    searchCatalogue(orm.em.fork(), imageAccess, query(q, { page: '5' }), caches),
  );
  await measure(
    'browse with a filter (classification 史)',
    () => searchCatalogue(orm.em.fork(), imageAccess, query('', { classification: '史' }), caches),
    [''],
  );
  if (COMPARE) {
    await measure('count, token GIN, 1–2 chars', countTokens, short);
    await measure('count, pg_trgm GIN, 1–2 chars', countTrgm, short);
    await measure('count, token GIN, 3–8 chars', countTokens, long);
    await measure('count, pg_trgm GIN, 3–8 chars', countTrgm, long);
  }
} finally {
  await orm.close(true);
  await pg.stop();
  if (!KEEP) await fs.rm(dir, { recursive: true, force: true });
}
