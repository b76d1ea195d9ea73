// `npm run bench:triage`: triage ranking and the national statistics query with 1,000,000 records and
// 2,000,000 condition assessments in the database — p50/p99 of the service calls (SQL + presenting).
// Data is generated in SQL (INSERT … SELECT generate_series) into a throwaway embedded PostgreSQL.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { applyMigrations, connectOrm } from '../../src/db/orm.js';
import { seedReferenceData } from '../../src/db/seed-reference-data.js';
import { rebuildTriageState } from '../../src/triage/triage-state.repository.js';
import { readTriageWeights } from '../../src/triage/triage-weights.repository.js';
import { listTriage } from '../../src/triage/triage.service.js';
import { triageQuery } from '../../src/triage/triage.schemas.js';
import { statistics } from '../../src/statistics/statistics.service.js';
import type { Context } from '../../src/kernel/context.js';
import type { Actor } from '../../src/kernel/actor.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ASSESSMENTS_PER_RECORD = 2;
const INSTITUTIONS = 3000;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-triage-'));
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), log: () => undefined });
const orm = await connectOrm(pg.url);
await applyMigrations(orm);
await seedReferenceData(orm.em.fork());
const em = orm.em.fork();

const t0 = Date.now();
await em.execute(
  `insert into institution (id, province_code, code, name, type, is_restoration_centre, created_at, updated_at, version)
   select gen_random_uuid(), p.code, lpad((2000 + g / 34)::text, 4, '0'), p.name_zh || '第' || g || '收藏单位', '公共图书馆', false, now(), now(), 1
   from generate_series(0, ${INSTITUTIONS - 1}) g join (select code, name_zh, row_number() over (order by code) - 1 as n from province) p on p.n = g % 34`,
);
await em.execute(
  `create temporary table inst_n as select id, province_code, code, row_number() over (order by id) - 1 as n from institution`,
);
const BATCH = 200_000;
for (let from = 1; from <= RECORDS; from += BATCH) {
  const to = Math.min(RECORDS, from + BATCH - 1);
  await em.execute(`
    insert into census_record (id, census_number, type, institution_id, province_code, call_number, status, title, search_text, body,
      dynasty, year_from, year_to, date_precision, classification, edition_type, binding, grade, damage_grade, document_type,
      precious_list_number, tier, created_at, updated_at, version)
    select gen_random_uuid(), i.province_code || '-' || i.code || '-' || lpad((g / ${INSTITUTIONS} + 1)::text, 7, '0'),
      'guji', i.id, i.province_code, '善' || g,
      (array['published','published','published','draft','submitted','approved'])[1 + g % 6],
      '朱子大全一百卷目錄二卷', '朱子大全一百卷目录二卷朱熹',
      jsonb_build_object('title', '朱子大全一百卷目錄二卷', 'edition', '明刻本', 'volumes', 1 + g % 40,
        'authors', jsonb_build_array(jsonb_build_object('dynasty', '宋', 'name', '朱熹', 'role', '撰')), 'phReadings', '[]'::jsonb),
      '明', 1500, 1500, 'year', '集', '刻本', '线装',
      (array['一级甲等','二级乙等','三级丙等','四级','四级','四级','未定级'])[1 + g % 7], null, '汉文古籍',
      case when g % 80 = 0 then lpad((g / 80)::text, 5, '0') || case when g / 80 >= 100000 then '.1' else '' end end,
      'mandatory', now(), now(), 1
    from generate_series(${from}, ${to}) g join inst_n i on i.n = g % ${INSTITUTIONS}`);
  process.stdout.write(`\rrecords ${to}`);
}
// Two assessments per record (before and after), spread over the damage levels and pH bands.
for (let from = 1; from <= RECORDS; from += BATCH) {
  const to = Math.min(RECORDS, from + BATCH - 1);
  await em.execute(`
    insert into condition_assessment (id, record_id, assessed_on, assessor, observations, ph_readings, computed_level,
      reasons, final_level, rule_set_version, lowest_ph, acidity_band, created_at)
    select gen_random_uuid(), r.id, date '2020-01-01' + (k * 400 + r.n % 300)::int, 'bench',
      jsonb_build_array(jsonb_build_object('damageType', 'insect', 'areaPercent', (r.n * 7 + k * 13) % 80)),
      jsonb_build_array(jsonb_build_object('value', ph)), lvl, '[]'::jsonb, lvl, 1, ph,
      case when ph < 4.5 then 'severe' when ph < 5.0 then 'heavy' when ph < 5.6 then 'needs_deacidification' else 'ok' end, now()
    from (select id, row_number() over () as n from census_record order by id offset ${from - 1} limit ${to - from + 1}) r
    cross join generate_series(0, ${ASSESSMENTS_PER_RECORD - 1}) k
    cross join lateral (select (array['一级','二级','三级','四级','五级','完好'])[1 + (r.n + k) % 6] as lvl,
                               round((3.8 + ((r.n * 31 + k) % 35) / 10.0)::numeric, 2) as ph) x`);
  process.stdout.write(`\rassessments ${to * ASSESSMENTS_PER_RECORD}`);
}
// The record's current damage level is its newest assessment's final level (what the services keep).
await em.execute(`
  update census_record r set damage_grade = c.final_level from (
    select distinct on (record_id) record_id, final_level from condition_assessment order by record_id, assessed_on desc, created_at desc
  ) c where c.record_id = r.id`);
console.log(`\ndata generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const t1 = Date.now();
const ranked = await rebuildTriageState(em, await readTriageWeights(em));
console.log(`triage state rebuilt for ${ranked} records in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
await em.execute('vacuum analyze');
// The trigger-maintained summaries must agree with the tables they count.
const [check] = await em.execute<Array<{ stats: string; triage: string; records: string }>>(
  `select (select sum(n) from statistics_count where dimension = 'damage') as stats,
          (select sum(n) from triage_count) as triage, (select count(*) from census_record) as records`,
);
console.log(`summaries: statistics ${check!.stats}, triage ${check!.triage}, records ${check!.records}`);

const admin: Actor = {
  userId: '00000000-0000-0000-0000-000000000001',
  email: 'bench@census.local',
  displayName: 'bench',
  role: 'national_admin',
  institutionId: null,
  provinceCode: null,
  tokenId: 'bench',
  viaCookie: false,
};
const scopeOf = (): Context => ({
  em: orm.em.fork(),
  actor: admin,
  requestId: 'bench',
});
const sample = (
  await em.execute<Array<{ id: string; province_code: string }>>(
    'select id, province_code from institution order by code limit 1',
  )
)[0]!;

async function measure(name: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${name.padEnd(48)} p50 ${p(0.5).padStart(8)} ms   p99 ${p(0.99).padStart(8)} ms`);
}

const q = (o: Record<string, string>) => triageQuery.parse(o);
console.log(`\n${RECORDS} records, ${RECORDS * ASSESSMENTS_PER_RECORD} assessments, ${RUNS} runs each`);
await measure('triage, nation, page 1', () => listTriage(scopeOf(), q({})));
await measure('triage, nation, page 100', () => listTriage(scopeOf(), q({ page: '100' })));
await measure('triage, nation, damageLevel=一级 & grade=一级', () =>
  listTriage(scopeOf(), q({ damageLevel: '一级', grade: '一级' })),
);
await measure('triage, province, page 1', () =>
  listTriage(scopeOf(), q({ provinceCode: sample.province_code })),
);
await measure('triage, institution, page 1', () => listTriage(scopeOf(), q({ institutionId: sample.id })));
await measure('statistics, institution', () => statistics(scopeOf(), { institutionId: sample.id }));
await measure('statistics, province', () => statistics(scopeOf(), { provinceCode: sample.province_code }));
await measure('statistics, nation', () => statistics(scopeOf(), {}));

await orm.close(true);
await pg.stop();
await fs.rm(dir, { recursive: true, force: true });
