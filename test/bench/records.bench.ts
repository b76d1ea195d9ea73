// `npm run bench:records`: list and filter latency (p50/p99) of GET /api/records with 1,000,000
// records in the database. Records are generated in SQL (realistic titles, dynasties, years,
// statuses over 3,000 institutions); the service runs in its own process against that database,
// and autocannon measures from this one.
import autocannon from 'autocannon';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { startEmbeddedS3 } from '../../src/runtime/embedded-s3.js';
import { applyMigrations, connectOrm } from '../../src/db/orm.js';
import { seedReferenceData } from '../../src/db/seed-reference-data.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { ApiClient } from '../helpers/api-client.js';
import { foldTerm } from '../../src/census/term-folding.rules.js';
import { AUTHOR_NAMES } from './search-words.data.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const INSTITUTIONS = 3000;
const CONNECTIONS = 8;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-records-'));
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), log: () => undefined });
const s3 = await startEmbeddedS3({ dir: path.join(dir, 'objects') });
const orm = await connectOrm(pg.url);
await applyMigrations(orm);
await seedReferenceData(orm.em.fork());
const em = orm.em.fork();

const TITLES = [
  '陸宣公奏議二十二卷',
  '朱子大全一百卷目錄二卷',
  '杜工部集二十卷',
  '周易本義四卷',
  '史記一百三十卷',
  '資治通鑑二百九十四卷',
  '文選六十卷',
  '說文解字十五卷',
  '楚辭章句十七卷',
  '昌黎先生集四十卷',
  '東坡全集一百十五卷',
  '太平御覽一千卷',
  '漢書一百卷',
  '孟子注疏十四卷',
  '論語集解十卷',
  '李太白文集三十卷',
];
// The first 15 search-bench authors (陸贄, 朱熹, 杜甫, …): title i is paired with AUTHORS[i % 15].
const AUTHORS = AUTHOR_NAMES.slice(0, 15);
const started = Date.now();
await em.execute(
  `insert into institution (id, province_code, code, name, type, is_restoration_centre, created_at, updated_at, version)
   select gen_random_uuid(), p.code, lpad((2000 + g / 34)::text, 4, '0'), p.name_zh || '第' || g || '收藏单位', '公共图书馆', false, now(), now(), 1
   from generate_series(0, ${INSTITUTIONS - 1}) g join (select code, name_zh, row_number() over (order by code) - 1 as n from province) p on p.n = g % 34`,
);
const titleArray = `array[${TITLES.map((t) => `'${t}'`).join(',')}]`;
const foldedArray = `array[${TITLES.map((t, i) => `'${foldTerm(t + AUTHORS[i % AUTHORS.length]!)}'`).join(',')}]`;
const authorArray = `array[${AUTHORS.map((a) => `'${a}'`).join(',')}]`;
await em.execute(
  `create temporary table inst_n as select id, province_code, code, row_number() over (order by id) - 1 as n from institution`,
);
const BATCH = 200_000;
for (let from = 1; from <= RECORDS; from += BATCH) {
  const to = Math.min(RECORDS, from + BATCH - 1);
  await em.execute(`
    insert into census_record (id, census_number, type, institution_id, province_code, call_number, status, title, search_text, body,
      dynasty, era, era_year, year_from, year_to, date_precision, classification, edition_type, binding, grade, damage_grade, document_type, tier, created_at, updated_at, version)
    select gen_random_uuid(),
      i.province_code || '-' || i.code || '-' || lpad((g / ${INSTITUTIONS} + 1)::text, 7, '0'),
      'guji', i.id, i.province_code, '善' || g, 
      (array['published','published','published','published','published','published','published','draft','submitted','approved'])[1 + g % 10],
      (${titleArray})[1 + g % ${TITLES.length}],
      (${foldedArray})[1 + g % ${TITLES.length}],
      jsonb_build_object('title', (${titleArray})[1 + g % ${TITLES.length}], 'authors', jsonb_build_array(jsonb_build_object('dynasty', '宋', 'name', (${authorArray})[1 + g % ${AUTHORS.length}], 'role', '撰')),
        'edition', '明刻本', 'volumes', 1 + g % 40, 'extant', null),
      case when y < 1279 then '宋' when y < 1368 then '元' when y < 1644 then '明' else '清' end, null, null, y, y, 'year',
      (array['经','史','子','集','丛'])[1 + g % 5], '刻本', '线装',
      (array['一级甲等','二级乙等','三级丙等','四级','四级','四级'])[1 + g % 6], (array['一级','二级','三级','四级','五级','完好'])[1 + g % 6],
      '汉文古籍', 'mandatory', now(), now(), 1
    from (select g, 960 + ((g::bigint * 7919) % 951)::int as y from generate_series(${from}, ${to}) g) s
    join inst_n i on i.n = s.g % ${INSTITUTIONS}`);
  process.stdout.write(`\rinserted ${to} records`);
}
// The public catalogue (its own benchmark: bench:search) gets bare entries here, so the service's
// start-up backfill finds nothing to do and does not load the machine while lists are measured.
await em.execute(
  `insert into catalogue_entry (record_id, census_number, type, institution_id, province_code, title, authors, edition,
     title_key, search_key, tokens, title_tokens, document_type, classification, dynasty, year_from, year_to, edition_type,
     binding, grade, damage_grade, precious, published_at, updated_at)
   select id, census_number, type, institution_id, province_code, title, '', '', '', '', '{}', '{}', document_type,
     classification, dynasty, year_from, year_to, edition_type, binding, grade, damage_grade, false, now(), now()
   from census_record where status = 'published'`,
);
// VACUUM as well as ANALYZE: a production database is autovacuumed, so its visibility map is set
// and counts can be answered from indexes alone. Without it autovacuum would start on the fresh
// million rows while the first queries are being measured.
await em.execute('vacuum analyze');
console.log(`\n${RECORDS} records in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const sample = (
  await em.execute<Array<{ id: string }>>('select id from institution order by code limit 1')
)[0]!.id;
await orm.close(true);

const port = await findFreePort();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: path.resolve(import.meta.dirname, '../..'),
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: pg.url,
    MINIO_ENDPOINT: s3.endPoint,
    MINIO_PORT: String(s3.port),
    MINIO_ACCESS_KEY: s3.accessKey,
    MINIO_SECRET_KEY: s3.secretKey,
    ADMIN_EMAIL: 'bench@census.local',
    ADMIN_PASSWORD: 'Bench-password-1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
for (
  let i = 0;
  i < 240 &&
  !(await fetch(`${url}/health`).then(
    (r) => r.ok,
    () => false,
  ));
  i++
)
  await new Promise((r) => setTimeout(r, 250));
try {
  const admin = await new ApiClient(url).login('bench@census.local', 'Bench-password-1');
  const queries: Array<[string, string]> = [
    ['one institution, first page', `/api/records?institutionId=${sample}`],
    ['one institution, page 5', `/api/records?institutionId=${sample}&page=5&pageSize=20`],
    [
      'published, dynasty 明, classification 史',
      `/api/records?status=published&dynasty=${encodeURIComponent('明')}&classification=${encodeURIComponent('史')}`,
    ],
    ['year range 1550–1600', '/api/records?yearFrom=1550&yearTo=1600'],
    [
      'province 320000, grade 一级甲等',
      `/api/records?provinceCode=320000&grade=${encodeURIComponent('一级甲等')}`,
    ],
    ['text 陆宣公 (simplified → traditional)', `/api/records?q=${encodeURIComponent('陆宣公')}`],
    ['public (anonymous), published only', '/api/records?dynasty=%E6%B8%85'],
  ];
  const measure = (title: string, pathname: string, duration: number) => {
    const headers: Record<string, string> = title.startsWith('public')
      ? {}
      : { authorization: `Bearer ${admin.token}` };
    return new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: url + pathname, connections: CONNECTIONS, duration, headers }, (err, res) =>
        err ? reject(err) : resolve(res),
      ),
    );
  };
  // Warm up first (one unreported second of each query): otherwise the first query measured pays
  // for the freshly started service's JIT compilation and cold caches.
  for (const [title, pathname] of queries) await measure(title, pathname, 1);
  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per query, ${RECORDS} records\n`);
  console.log('| query | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---|---|---|');
  for (const [title, pathname] of queries) {
    const r = await measure(title, pathname, DURATION_S);
    console.log(
      `| ${title} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  await s3.stop();
  await pg.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
