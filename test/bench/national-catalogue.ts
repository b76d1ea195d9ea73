// The national-scale catalogue that `bench:search` and `bench:public-pages` share: published
// records generated set-based in SQL (`INSERT … SELECT … FROM generate_series`) from
// traditional-character word lists over 3,000 institutions — catalogue entries (the search index)
// with their census records (the body the record page shows), three page-image rows each and 同版
// groups of three — then every index built once, timed. With BENCH_DIR the database is kept and a
// later run of either benchmark reuses it, so 3,000,000 records are built once.
import * as OpenCC from 'opencc-js/cn2t';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { applyMigrations } from '../../src/db/orm.js';
import { seedReferenceData } from '../../src/db/seed-reference-data.js';
import { ERA_TABLE } from '../../src/census/dates/era-table.data.js';
import { fieldsKey, indexTokens } from '../../src/search/search-key.rules.js';
import { arrayLiteral } from '../../src/kernel/sql-literal.js';
import { rebuildTokenCounts } from '../../src/search/catalogue-token.repository.js';
import { CATALOGUE_GIN_COLUMNS } from '../../src/search/catalogue-entry.entity.js';
import { validGujiInput } from '../helpers/record-input.js';
import * as W from './search-words.data.js';

/** Institutions the records are spread over (census numbers run 0000001… within each). */
export const INSTITUTIONS = 3000;
/** Page-image rows per record (rows only: no image is stored). */
export const PAGES_PER_RECORD = 3;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const secs = (from: number) => ((Date.now() - from) / 1000).toFixed(1);

/** What was done, for the benchmark's printout. */
export interface CatalogueBuild {
  /** Records in the database (generated now or reused). */
  records: number;
  reused: boolean;
  /** Lines of timings (generation, each index build, sizes). */
  report: string[];
}

/**
 * Makes sure the database holds `records` generated published records with their indexes: applies
 * migrations, generates when the catalogue is empty, and (re)builds the search indexes when it
 * generated or when `rebuild` is set. `log` receives progress.
 */
export async function ensureNationalCatalogue(
  orm: MikroORM,
  records: number,
  options: { rebuild?: boolean; log?: (line: string) => void } = {},
): Promise<CatalogueBuild> {
  const log = options.log ?? ((line: string) => console.log(line));
  await applyMigrations(orm);
  await seedReferenceData(orm.em.fork());
  const em = orm.em.fork();
  await em.execute('set maintenance_work_mem = ?', ['512MB']);
  const [existing] = await em.execute<Array<{ n: number }>>('select count(*)::int as n from catalogue_entry');
  const report: string[] = [];
  const reused = existing!.n > 0;
  if (reused) log(`reusing ${existing!.n} entries`);
  else {
    const started = Date.now();
    await generateEntries(em, records, log);
    report.push(`catalogue entries: ${records} in ${secs(started)} s`);
    report.push(...(await generateRecordsAndImages(em, log)));
    report.push(`generated in all: ${secs(started)} s`);
  }
  if (!reused || options.rebuild) report.push(...(await buildSearchIndexes(em)));
  const [count] = await em.execute<Array<{ n: number }>>('select count(*)::int as n from catalogue_entry');
  return { records: count!.n, reused, report };
}

/** The census number of generated record `g` (0-based), from the institutions' table. */
export async function censusNumberOf(em: EntityManager): Promise<(g: number) => string> {
  const rows = await em.execute<Array<{ n: number; province_code: string; code: string }>>(
    'select n::int as n, province_code, code from bench_inst order by n',
  );
  return (g: number) => {
    const inst = rows[g % rows.length]!;
    return `${inst.province_code}-${inst.code}-${String(Math.floor(g / rows.length) + 1).padStart(7, '0')}`;
  };
}

/** Word tables, institutions and the catalogue entries, loaded without their GIN indexes. */
async function generateEntries(em: EntityManager, records: number, log: (line: string) => void) {
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
      words.push({ list, n, disp: w.disp, key, tokens: arrayLiteral(indexTokens(key)), ...w.extra });
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
  const sizes: Record<string, number> = {};
  for (const list of ['title', 'juan', 'author', 'edition', 'publisher', 'seal']) {
    const [row] = await em.execute<Array<{ n: number }>>(
      'select count(*)::int as n from bench_word where list = ?',
      [list],
    );
    sizes[list] = row!.n;
  }
  log(`word lists ${JSON.stringify(sizes)}`);

  await em.execute(
    `insert into institution (id, province_code, code, name, type, is_restoration_centre, created_at, updated_at, version)
     select gen_random_uuid(), p.code, lpad((2000 + g / 34)::text, 4, '0'), p.name_zh || '第' || g || '收藏单位', '公共图书馆', false, now(), now(), 1
     from generate_series(0, ${INSTITUTIONS - 1}) g join (select code, name_zh, row_number() over (order by code) - 1 as n from province) p on p.n = g % 34`,
  );
  await em.execute(
    'create table bench_inst as select id, province_code, code, row_number() over (order by id) - 1 as n from institution',
  );

  // Load without the GIN indexes (built afterwards, timed: the figure that matters for a rebuild).
  await em.execute('drop index catalogue_entry_tokens_gin');
  await em.execute('drop index catalogue_entry_title_tokens_gin');
  const started = Date.now();
  const BATCH = 250_000;
  for (let from = 0; from < records; from += BATCH) {
    const to = Math.min(records, from + BATCH) - 1;
    // Pseudo-random but deterministic picks; multiplicative hashing spreads neighbouring g apart.
    // Every three neighbouring records form one 同版 group (edition_key), as the record page lists.
    await em.execute(`
      insert into catalogue_entry (record_id, census_number, type, institution_id, province_code, title, authors,
        edition, title_key, search_key, tokens, title_tokens, document_type, classification, dynasty, year_from, year_to,
        edition_type, binding, grade, damage_grade, precious, published_at, updated_at, edition_key)
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
        g % 300 = 0, now(), now(), md5('group-' || (g / 3)::text)
      from generate_series(${from}::bigint, ${to}::bigint) g
      join bench_inst i on i.n = g % ${INSTITUTIONS}
      join bench_word t on t.list = 'title' and t.n = (g * 7919) % ${sizes.title}
      join bench_word j on j.list = 'juan' and j.n = (g * 31) % ${sizes.juan}
      join bench_word a on a.list = 'author' and a.n = (g * 104729) % ${sizes.author}
      join bench_word e on e.list = 'edition' and e.n = (g * 1299709) % ${sizes.edition}
      join bench_word p on p.list = 'publisher' and p.n = (g * 37) % ${sizes.publisher}
      join bench_word s on s.list = 'seal' and s.n = (g * 41) % ${sizes.seal}`);
    log(`generated ${to + 1} of ${records} entries (${secs(started)} s)`);
  }
}

/**
 * The published census record behind every entry (a complete 古籍 body with the entry's title,
 * responsibility, edition and facets) and its page-image rows. Secondary indexes of both tables
 * are dropped for the load and re-created afterwards (timed).
 */
async function generateRecordsAndImages(em: EntityManager, log: (line: string) => void): Promise<string[]> {
  const report: string[] = [];
  const { type: _type, institutionId: _institution, ...template } = validGujiInput();
  let started = Date.now();
  const recordIndexes = await dropSecondaryIndexes(em, 'census_record');
  await em.execute(
    `insert into census_record (id, census_number, type, institution_id, province_code, call_number, status, title,
       search_text, body, dynasty, year_from, year_to, date_precision, classification, edition_type, binding, grade,
       damage_grade, document_type, tier, created_at, updated_at, submitted_at, approved_at, published_at, version)
     select e.record_id, e.census_number, e.type, e.institution_id, e.province_code, 'T' || e.census_number, 'published',
       e.title, e.search_key,
       ?::jsonb || jsonb_build_object(
         'title', e.title, 'callNumber', 'T' || e.census_number, 'edition', e.edition, 'editionType', e.edition_type,
         'binding', e.binding, 'classification', e.classification, 'grade', e.grade, 'damageGrade', e.damage_grade,
         'authors', jsonb_build_array(jsonb_build_object('dynasty', substring(e.authors from '^（([^）]*)）'),
           'name', substring(e.authors from '^（[^）]*）(.*).$'), 'role', right(e.authors, 1)))),
       e.dynasty, e.year_from, e.year_to, 'period', e.classification, e.edition_type, e.binding, e.grade,
       e.damage_grade, e.document_type, 'full', now(), now(), now(), now(), e.published_at, 1
     from catalogue_entry e`,
    [JSON.stringify(template)],
  );
  report.push(`census records: ${secs(started)} s`);
  log(report.at(-1)!);
  started = Date.now();
  const imageIndexes = await dropSecondaryIndexes(em, 'record_image');
  await em.execute(
    `insert into record_image (id, record_id, sequence, label, status, width, height, format, size_bytes, sha256,
       master_key, original_filename, created_at, updated_at, version)
     select gen_random_uuid(), e.record_id, s, '卷一 ' || s || 'a', 'ready', 2000, 3000, 'jpeg', 1000,
       md5(e.census_number || s) || md5(s || e.census_number), 'masters/' || e.census_number || '/' || s,
       'p' || s || '.jpg', now(), now(), 1
     from catalogue_entry e, generate_series(1, ${PAGES_PER_RECORD}) s`,
  );
  report.push(`page-image rows (${PAGES_PER_RECORD} per record): ${secs(started)} s`);
  log(report.at(-1)!);
  started = Date.now();
  for (const def of [...recordIndexes, ...imageIndexes]) await em.execute(def);
  report.push(`census record and image indexes re-created: ${secs(started)} s`);
  log(report.at(-1)!);
  return report;
}

/** Drops a table's indexes that back no constraint; returns their definitions to re-create them. */
async function dropSecondaryIndexes(em: EntityManager, table: string): Promise<string[]> {
  const rows = await em.execute<Array<{ name: string; def: string }>>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.tablename = ? and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  );
  for (const row of rows) await em.execute(`drop index "${row.name}"`);
  return rows.map((r) => r.def);
}

/** Builds the catalogue's search indexes and token counts (timed), then vacuums and analyses. */
async function buildSearchIndexes(em: EntityManager): Promise<string[]> {
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
  await em.execute('vacuum analyze catalogue_entry, census_record, record_image');
  await em.execute('analyze catalogue_token');
  const vacuum = secs(started);
  const size = await em.execute<Array<{ name: string; size: string }>>(
    `select c.relname as name, pg_size_pretty(pg_relation_size(c.oid)) as size from pg_class c
      where c.relname in ('catalogue_entry', 'catalogue_entry_tokens_gin', 'catalogue_entry_title_tokens_gin',
        'catalogue_entry_walk_index', 'catalogue_token', 'census_record', 'record_image')`,
  );
  return [
    `index build: token GIN ${tokenBuild} s, walk index ${walkBuild} s, title-token GIN ${titleBuild} s, ` +
      `token counts ${countsBuild} s, vacuum analyze ${vacuum} s`,
    `sizes ${JSON.stringify(Object.fromEntries(size.map((s) => [s.name, s.size])))}`,
  ];
}
