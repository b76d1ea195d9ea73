// `npm run bench:public-pages`: p50/p99 of the server-rendered public pages at 32 connections —
// the record page at its permalink (random published records) and the results page. The service
// runs in its own process (as `npm start`) over an embedded PostgreSQL this script fills: one
// record is created and published through the API (with three page images), then cloned in SQL to
// BENCH_RECORDS published records (census_record + catalogue_entry, in 同版 groups of three), so
// every page reads real rows through the same indexes as at national scale.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { connectOrm } from '../../src/db/orm.js';
import { startServiceProcess } from './service-process.js';
import { ApiClient } from '../helpers/api-client.js';
import { CensusRecordSchema } from '../../src/census/census-record.entity.js';
import { RecordImageSchema } from '../../src/images/record-image.entity.js';
import { rebuildTokenCounts } from '../../src/search/catalogue-token.repository.js';
import { wenxuanInput } from '../helpers/record-input.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 300_000);
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 15);

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-public-'));
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), log: () => undefined });
const service = await startServiceProcess({ DATABASE_URL: pg.url });
const orm = await connectOrm(pg.url);
const secs = (from: number) => ((Date.now() - from) / 1000).toFixed(1);

/** Every column of a table, for INSERT … SELECT copies that replace a few of them. */
async function columns(table: string): Promise<string[]> {
  const rows = await orm.em
    .fork()
    .execute<Array<{ column_name: string }>>(
      `select column_name from information_schema.columns where table_name = ? order by ordinal_position`,
      [table],
    );
  return rows.map((r) => r.column_name);
}

try {
  const admin = await new ApiClient(service.url).login(service.adminEmail, service.adminPassword);
  const inst = await admin.post('/api/institutions', {
    provinceCode: '110000',
    code: '2001',
    name: '国家图书馆',
    type: '公共图书馆',
  });
  if (inst.status !== 201) throw new Error(inst.text);
  const created = await admin.post(
    '/api/records',
    wenxuanInput(inst.body.id, { callNumber: 'T-0', notes: '存五十八卷' }),
  );
  if (created.status !== 201) throw new Error(created.text);
  const template = created.body.censusNumber as string;
  for (const step of ['submit', 'approve', 'publish']) {
    const res = await admin.post(`/api/records/${template}/${step}`, {});
    if (res.status !== 200) throw new Error(res.text);
  }
  const prefix = template.slice(0, template.lastIndexOf('-') + 1);
  const em0 = orm.em.fork();
  const record = await em0.findOneOrFail(CensusRecordSchema, { censusNumber: template });
  for (const sequence of [1, 2, 3]) {
    em0.create(RecordImageSchema, {
      record,
      sequence,
      label: `卷一 ${sequence}a`,
      status: 'ready',
      width: 2000,
      height: 3000,
      format: 'jpeg',
      sizeBytes: 1000,
      sha256: crypto.randomBytes(32).toString('hex'),
      masterKey: `masters/${crypto.randomUUID()}`,
      originalFilename: `p${sequence}.jpg`,
    });
  }
  await em0.flush();

  const seedStart = Date.now();
  const em = orm.em.fork();
  const recordCols = (await columns('census_record')).filter(
    (c) => !['id', 'census_number', 'call_number'].includes(c),
  );
  const entryCols = (await columns('catalogue_entry')).filter(
    (c) => !['record_id', 'census_number', 'edition_key'].includes(c),
  );
  const imageCols = (await columns('record_image')).filter((c) => !['id', 'record_id'].includes(c));
  // Clones in batches: numbers follow the template's serial series; every third record shares a group.
  const BATCH = 50_000;
  for (let from = 1; from <= RECORDS; from += BATCH) {
    const to = Math.min(RECORDS, from + BATCH - 1);
    await em.execute(
      `with n as (select g, gen_random_uuid() as id from generate_series(${from}, ${to}) g),
            rec as (
              insert into census_record (id, census_number, call_number, ${recordCols.join(', ')})
              select n.id, '${prefix}' || lpad((n.g + 1)::text, 7, '0'), 'T-' || n.g, ${recordCols.map((c) => `r.${c}`).join(', ')}
                from n, census_record r where r.census_number = '${template}'
              returning id, census_number)
       insert into catalogue_entry (record_id, census_number, edition_key, ${entryCols.join(', ')})
       select rec.id, rec.census_number, md5('group-' || (substr(rec.census_number, 13)::int / 3)::text),
              ${entryCols.map((c) => `e.${c}`).join(', ')}
         from rec, catalogue_entry e where e.census_number = '${template}'`,
    );
    console.log(`cloned ${to} of ${RECORDS} records (${secs(seedStart)} s)`);
  }
  // Three page images per record (rows only: the page reads them, the load fetches no image).
  await em.execute(
    `insert into record_image (id, record_id, ${imageCols.join(', ')})
     select gen_random_uuid(), e.record_id, ${imageCols.map((c) => `i.${c}`).join(', ')}
       from catalogue_entry e, record_image i
      where i.record_id = (select record_id from catalogue_entry where census_number = '${template}')
        and e.census_number <> '${template}'`,
  );
  // The search plans from the token statistics: bring them level with the cloned entries.
  await rebuildTokenCounts(em);
  await em.execute('vacuum analyze census_record, catalogue_entry, record_image');
  console.log(`seeded ${RECORDS + 1} published records in ${secs(seedStart)} s`);

  const randomRecordPath = () =>
    `/catalogue/records/${prefix}${String(2 + Math.floor(Math.random() * RECORDS)).padStart(7, '0')}`;
  const run = (title: string, request: () => string, connections = CONNECTIONS) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url: service.url,
          connections,
          duration: DURATION_S,
          title,
          requests: [{ setupRequest: (req) => ({ ...req, path: request() }) }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });
  const sample = await fetch(service.url + randomRecordPath());
  if (sample.status !== 200) throw new Error(`record page answered ${sample.status}`);
  const rows: string[] = [];
  // One connection first: the time one page takes, without queueing behind 31 others.
  const single = await run('record page, 1 connection', randomRecordPath, 1);
  rows.push(
    `| record page, 1 connection | ${Math.round(single.requests.average)} | ${single.latency.p50} | ${single.latency.p99} | ${single.errors + single.non2xx} |`,
  );
  for (const [title, request] of [
    ['record page /catalogue/records/:censusNumber (random record)', randomRecordPath],
    [
      'results page /catalogue/search?q=文选 (20 of all)',
      () => `/catalogue/search?q=${encodeURIComponent('文选')}`,
    ],
  ] as const) {
    const r = await run(title, request);
    rows.push(
      `| ${title} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`,
    );
  }
  console.log(
    `\n${RECORDS + 1} published records; ${CONNECTIONS} connections (unless said), ${DURATION_S} s each\n`,
  );
  console.log('| page | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  await orm.close(true);
  await service.stop();
  await pg.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
