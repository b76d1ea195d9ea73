// `npm run bench:search`: the public catalogue at national scale. Generates BENCH_RECORDS
// (default 3,000,000) published records in SQL from traditional-character word lists, times the
// index builds (token GIN vs pg_trgm GIN), then runs 50 typical simplified queries of 1–8
// characters through the search service: results only, results + facet counts, and with facet
// filters; prints p50/p99. Also compares count queries on the token index and on pg_trgm.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { applyMigrations, connectOrm } from '../../src/db/orm.js';
import { seedReferenceData } from '../../src/db/seed-reference-data.js';
import { ERA_TABLE } from '../../src/census/dates/era-table.data.js';
import { fieldsKey, indexTokens, queryTerms } from '../../src/search/search-key.rules.js';
import { containsPattern } from '../../src/kernel/like-pattern.js';
import { pgTextArray } from '../../src/search/catalogue-entry.rules.js';
import { findPage, searchCatalogue } from '../../src/search/catalogue-search.service.js';
import { rebuildTokenCounts, tokenCounts } from '../../src/search/catalogue-token.repository.js';
import { requiredTokens } from '../../src/search/catalogue-plan.rules.js';
import { catalogueSearchQuery } from '../../src/search/catalogue.schemas.js';
import { CATALOGUE_GIN_COLUMNS } from '../../src/search/catalogue-entry.entity.js';
import { imageAccessRule } from '../../src/app/app-deps.js';
import * as W from './search-words.data.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 3_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
// The token-GIN vs pg_trgm comparison of plain counts (slow at scale: minutes), on request.
const COMPARE = process.env.BENCH_COMPARE === '1';
const INSTITUTIONS = 3000;
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

// BENCH_DIR keeps the generated database between runs (for iterating on queries); without it a
// temporary directory is used and removed.
const KEEP = process.env.BENCH_DIR;
const dir = KEEP ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-search-')));
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), log: () => undefined });
const orm = await connectOrm(pg.url);
const imageAccess = imageAccessRule();
const secs = (from: number) => ((Date.now() - from) / 1000).toFixed(1);

try {
  await applyMigrations(orm);
  await seedReferenceData(orm.em.fork());
  const em = orm.em.fork();
  await em.execute('set maintenance_work_mem = ?', ['512MB']);
  const [existing] = await em.execute<Array<{ n: number }>>('select count(*)::int as n from catalogue_entry');
  if (KEEP && existing!.n > 0) console.log(`reusing ${existing!.n} entries in ${KEEP}`);
  else {
    // Word tables: display text and the exact key/tokens the service would compute.
    await em.execute(`create table bench_word (list text, n int, disp text, key text, tokens text[],
      dynasty text, year_from int, year_to int, primary key (list, n))`);
    const words: Array<Record<string, unknown>> = [];
    const add = (
      list: string,
      items: Array<{ disp: string; keyOf?: string; extra?: Record<string, unknown> }>,
    ) =>
      items.forEach((w, n) => {
        const key = fieldsKey([w.keyOf ?? w.disp]);
        words.push({ list, n, disp: w.disp, key, tokens: pgTextArray(indexTokens(key)), ...w.extra });
      });
    const titles = W.TITLE_PREFIXES.flatMap((p) =>
      W.TITLE_HEADS.flatMap((h) => W.TITLE_TAILS.map((t) => p + h + t)),
    );
    add(
      'title',
      [...new Set(titles)].map((disp) => ({ disp })),
    );
    add(
      'juan',
      W.JUAN.map((disp) => ({ disp })),
    );
    add(
      'author',
      W.AUTHOR_DYNASTIES.flatMap((d) =>
        W.AUTHOR_NAMES.flatMap((name, i) => ({
          disp: `（${d}）${name}${W.ROLES[i % W.ROLES.length]}`,
          keyOf: name,
        })),
      ),
    );
    const eras = ERA_TABLE.filter((e) => e.start >= 960);
    add(
      'edition',
      eras.flatMap((e) =>
        W.EDITION_TYPES.map((type) => ({
          disp: toTraditional(`${e.dynasty}${e.era}`) + type,
          extra: { dynasty: e.dynasty, year_from: e.start, year_to: e.end },
        })),
      ),
    );
    add(
      'publisher',
      W.PUBLISHERS.map((disp) => ({ disp })),
    );
    add(
      'seal',
      W.SEALS.map((disp) => ({ disp })),
    );
    for (let i = 0; i < words.length; i += 2000) {
      await em.execute(
        `insert into bench_word select * from json_populate_recordset(null::bench_word, ?::json)`,
        [JSON.stringify(words.slice(i, i + 2000))],
      );
    }
    const count = async (list: string) =>
      (
        await em.execute<Array<{ n: number }>>('select count(*)::int as n from bench_word where list = ?', [
          list,
        ])
      )[0]!.n;
    const sizes = Object.fromEntries(
      await Promise.all(
        ['title', 'juan', 'author', 'edition', 'publisher', 'seal'].map(async (l) => [l, await count(l)]),
      ),
    ) as Record<string, number>;
    console.log('word lists', sizes);

    await em.execute(
      `insert into institution (id, province_code, code, name, type, is_restoration_centre, created_at, updated_at, version)
       select gen_random_uuid(), p.code, lpad((2000 + g / 34)::text, 4, '0'), p.name_zh || '第' || g || '收藏单位', '公共图书馆', false, now(), now(), 1
       from generate_series(0, ${INSTITUTIONS - 1}) g join (select code, name_zh, row_number() over (order by code) - 1 as n from province) p on p.n = g % 34`,
    );
    await em.execute(
      'create table bench_inst as select id, province_code, code, row_number() over (order by id) - 1 as n from institution',
    );

    // Load without indexes, then build them and time the builds (the figure that matters for a rebuild).
    await em.execute('drop index catalogue_entry_tokens_gin');
    await em.execute('drop index catalogue_entry_title_tokens_gin');
    const started = Date.now();
    const BATCH = 250_000;
    for (let from = 0; from < RECORDS; from += BATCH) {
      const to = Math.min(RECORDS, from + BATCH) - 1;
      // Pseudo-random but deterministic picks; multiplicative hashing spreads neighbouring g apart.
      await em.execute(`
        insert into catalogue_entry (record_id, census_number, type, institution_id, province_code, title, authors,
          edition, title_key, search_key, tokens, title_tokens, document_type, classification, dynasty, year_from, year_to,
          edition_type, binding, grade, damage_grade, precious, published_at, updated_at)
        select gen_random_uuid(), i.province_code || '-' || i.code || '-' || lpad((g / ${INSTITUTIONS} + 1)::text, 7, '0'),
          'guji', i.id, i.province_code,
          t.disp || j.disp, a.disp, e.disp || case when g % 3 = 0 then '（' || p.disp || '）' else '' end,
          t.key || j.key,
          t.key || j.key || '|' || a.key || '|' || e.key || case when g % 3 = 0 then '|' || p.key else '' end
            || case when g % 4 = 0 then '|' || s.key else '' end,
          t.tokens || j.tokens || array[right(t.key, 1) || left(j.key, 1)] || a.tokens || e.tokens
            || case when g % 3 = 0 then p.tokens else '{}'::text[] end
            || case when g % 4 = 0 then s.tokens else '{}'::text[] end,
          t.tokens || j.tokens || array[right(t.key, 1) || left(j.key, 1)],
          '汉文古籍', (array['经','史','子','集','丛'])[1 + (g * 7) % 5], e.dynasty, e.year_from, e.year_to,
          (array['刻本','刻本','刻本','抄本','活字本','刻本','稿本','石印本','铅印本','套印本'])[1 + (g * 13) % 10],
          (array['线装','线装','线装','线装','包背装','蝴蝶装','经折装','平装'])[1 + (g * 17) % 8],
          (array['一级甲等','二级乙等','三级丙等','四级','四级','四级','未定级'])[1 + (g * 19) % 7],
          (array['一级','二级','三级','四级','五级','完好','未评估'])[1 + (g * 23) % 7],
          g % 300 = 0, now(), now()
        from generate_series(${from}::bigint, ${to}::bigint) g
        join bench_inst i on i.n = g % ${INSTITUTIONS}
        join bench_word t on t.list = 'title' and t.n = (g * 7919) % ${sizes.title}
        join bench_word j on j.list = 'juan' and j.n = (g * 31) % ${sizes.juan}
        join bench_word a on a.list = 'author' and a.n = (g * 104729) % ${sizes.author}
        join bench_word e on e.list = 'edition' and e.n = (g * 1299709) % ${sizes.edition}
        join bench_word p on p.list = 'publisher' and p.n = (g * 37) % ${sizes.publisher}
        join bench_word s on s.list = 'seal' and s.n = (g * 41) % ${sizes.seal}`);
      process.stdout.write(`\rgenerated ${to + 1} records (${secs(started)} s)`);
    }
    console.log(`\n${RECORDS} records generated in ${secs(started)} s`);
  }

  // Index builds (timed); BENCH_REBUILD=1 redoes them on a reused database.
  if (!(KEEP && existing!.n > 0) || process.env.BENCH_REBUILD === '1') {
    await em.execute('drop index if exists catalogue_entry_tokens_gin');
    await em.execute('drop index if exists catalogue_entry_title_tokens_gin');
    let started = Date.now();
    // The index as the entity declares it (tokens and the facet columns).
    await em.execute(
      `create index catalogue_entry_tokens_gin on catalogue_entry using gin (${CATALOGUE_GIN_COLUMNS}) with (fastupdate = off)`,
    );
    const tokenBuild = secs(started);
    started = Date.now();
    // The census-number walk index (its definition is the migration's): rebuilt as after a load.
    await em.execute('reindex index catalogue_entry_walk_index');
    const walkBuild = secs(started);
    started = Date.now();
    await em.execute(
      'create index catalogue_entry_title_tokens_gin on catalogue_entry using gin (title_tokens) with (fastupdate = off)',
    );
    const titleBuild = secs(started);
    started = Date.now();
    await rebuildTokenCounts(em);
    const countsBuild = secs(started);
    started = Date.now();
    if (COMPARE)
      await em.execute(
        'create index bench_search_key_trgm on catalogue_entry using gin (search_key gin_trgm_ops)',
      );
    const trgmBuild = COMPARE ? secs(started) : 'not built';
    started = Date.now();
    await em.execute('vacuum analyze catalogue_entry');
    await em.execute('analyze catalogue_token');
    const vacuum = secs(started);
    const size = await em.execute<Array<{ name: string; size: string }>>(
      `select c.relname as name, pg_size_pretty(pg_relation_size(c.oid)) as size from pg_class c
        where c.relname in ('catalogue_entry', 'catalogue_entry_tokens_gin', 'catalogue_entry_title_tokens_gin', 'catalogue_entry_walk_index',
          'catalogue_token', 'bench_search_key_trgm')`,
    );
    console.log(
      `index build: token GIN ${tokenBuild} s, walk index ${walkBuild} s, title-token GIN ${titleBuild} s, token counts ${countsBuild} s, ` +
        `vacuum analyze ${vacuum} s, pg_trgm GIN ${trgmBuild}${COMPARE ? ' s' : ''}`,
    );
    console.log('sizes', Object.fromEntries(size.map((s) => [s.name, s.size])));
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
        pgTextArray(
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

  console.log('\n| mode | p50 ms | p99 ms | max ms | approximate counts |');
  console.log('|---|---|---|---|---|');
  await measure('first page only (items, no counts)', async (q) => {
    const fork = orm.em.fork();
    const terms = queryTerms(q);
    await findPage(fork, { terms, facets: {} }, await tokenCounts(fork, requiredTokens(terms)), 20, 0);
  });
  await measure('search: items + total + all facet counts', (q) =>
    searchCatalogue(orm.em.fork(), imageAccess, query(q)),
  );
  await measure(`search with facet filters (province ${province}, 线装)`, (q) =>
    searchCatalogue(orm.em.fork(), imageAccess, query(q, { province, binding: '线装' })),
  );
  await measure('search, page 5 (offset 80)', (q) =>
    searchCatalogue(orm.em.fork(), imageAccess, query(q, { page: '5' })),
  );
  await measure(
    'browse with a filter (classification 史)',
    () => searchCatalogue(orm.em.fork(), imageAccess, query('', { classification: '史' })),
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
