import test from 'ava';
import iconv from 'iconv-lite';
import { PassThrough } from 'node:stream';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { writeXlsx } from '../../src/census/spreadsheet/writers.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

const HEADER =
  '索书号,题名卷数,著者,版本,版本类型,册数,存缺卷数,装帧形式,分类,批校题跋,钤印,古籍级别,破损级别,文献类型,文种,附注,名录号';
const row = (
  call: string,
  over: Partial<Record<'title' | 'edition' | 'volumes' | 'binding' | 'precious', string>> = {},
) =>
  [
    call,
    over.title ?? '陸宣公奏議二十二卷',
    '（唐）陸贄撰',
    over.edition ?? '明萬曆三十三年（1605）王肯堂刻本',
    '刻本',
    over.volumes ?? '8',
    '',
    over.binding ?? '线装',
    '史',
    '（清）黄丕烈跋',
    '汪士鐘印（汪士鐘）；藝芸書舍（印主不详）',
    '二级乙等',
    '三级',
    '',
    '',
    '',
    over.precious ?? '',
  ].join(',');

async function upload(
  institutionId: string,
  name: string,
  content: Buffer | string,
  mode?: 'skip' | 'atomic',
) {
  const form = new FormData();
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const res = await fetch(
    `${app.url}/api/institutions/${institutionId}/imports${mode ? `?mode=${mode}` : ''}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    },
  );
  return { status: res.status, body: (await res.json()) as any };
}

async function finished(id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await admin.get(`/api/imports/${id}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

test('a CSV import keeps the good rows, reports each bad row with its row number, and is idempotent', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const csv = [
    HEADER,
    row('A1'),
    row('A2', { volumes: '零' }),
    '',
    row('A3', { edition: '清乾隆八十年刻本' }),
    row('A4', { binding: '綫裝' }),
  ].join('\n');
  const queued = await upload(inst.id, 'records.csv', csv);
  t.is(queued.status, 202);
  t.truthy(queued.body.id);
  const done = await finished(queued.body.id);
  t.is(done.status, 'done');
  t.is(done.total, 4);
  t.is(done.created, 2);
  t.is(done.failed, 2);
  t.deepEqual([...new Set(done.errors.map((e: { row: number }) => e.row))], [3, 5]);
  const volumes = done.errors.find((e: { row: number }) => e.row === 3);
  t.is(volumes.field, 'volumes');
  t.is(volumes.value, '零');
  const list = await admin.get(`/api/records?institutionId=${inst.id}`);
  t.is(list.body.total, 2);
  t.true(
    list.body.items.every(
      (r: { status: string; censusNumber: string }) =>
        r.status === 'draft' && /^350000-\d{4}-\d{7}$/.test(r.censusNumber),
    ),
  );
  const a1 = list.body.items.find((r: { callNumber: string }) => r.callNumber === 'A1');
  const full = await admin.get(`/api/records/${a1.censusNumber}`);
  t.deepEqual(full.body.authors, [{ dynasty: '唐', name: '陸贄', role: '撰' }]);
  t.is(full.body.seals.length, 2);
  t.true(full.body.seals[1].ownerUnknown);
  t.is(full.body.edition.yearFrom, 1605);

  const again = await finished((await upload(inst.id, 'records.csv', csv)).body.id);
  t.is(again.created, 0);
  t.is(again.updated, 0);
  t.is(again.unchanged, 2);
  t.is((await admin.get(`/api/records?institutionId=${inst.id}`)).body.total, 2);

  const report = await fetch(`${app.url}/api/imports/${queued.body.id}/errors.csv`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  t.is(report.status, 200);
  const text = await report.text();
  t.regex(text, /^\uFEFF?行 row,列 column,字段 field/);
  t.regex(text, /\n3,册数,volumes,零,/);
});

test('a changed row updates its draft, and a row of a submitted record is a conflict, never an overwrite', async (t) => {
  const inst = await createInstitution(admin, '350000');
  await finished((await upload(inst.id, 'r.csv', [HEADER, row('B1'), row('B2')].join('\n'))).body.id);
  const list = (await admin.get(`/api/records?institutionId=${inst.id}`)).body.items;
  const b2 = list.find((r: { callNumber: string }) => r.callNumber === 'B2');
  t.is((await admin.post(`/api/records/${b2.censusNumber}/submit`, {})).status, 200);
  const done = await finished(
    (
      await upload(
        inst.id,
        'r.csv',
        [HEADER, row('B1', { volumes: '9' }), row('B2', { volumes: '9' })].join('\n'),
      )
    ).body.id,
  );
  t.is(done.updated, 1);
  t.is(done.conflicts, 1);
  t.is(done.errors[0].kind, 'conflict');
  t.is(done.errors[0].row, 3);
  const b1 = list.find((r: { callNumber: string }) => r.callNumber === 'B1');
  t.is((await admin.get(`/api/records/${b1.censusNumber}`)).body.volumes, 9);
  t.is((await admin.get(`/api/records/${b2.censusNumber}`)).body.volumes, 8);
  const versions = await admin.get(`/api/records/${b1.censusNumber}/versions`);
  t.deepEqual(versions.body.items[0].changes, [
    { field: 'volumes', fieldLabel: { zh: '册数', en: 'Volumes (册)' }, before: 8, after: 9 },
  ]);
  t.regex(versions.body.items[0].reason, /import/);
});

test('a precious-list number used twice in a file or by another record is a row error; the other rows are kept', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const first = await finished(
    (
      await upload(
        inst.id,
        'p.csv',
        [HEADER, row('P1', { precious: '01234' }), row('P2', { precious: '01234' })].join('\n'),
      )
    ).body.id,
  );
  t.is(first.status, 'done');
  t.is(first.created, 1);
  t.is(first.failed, 1);
  t.like(first.errors[0], { row: 3, field: 'preciousListNumber', value: '01234' });
  t.regex(first.errors[0].message, /第 2 行已出现.*row 2/);

  const second = await finished(
    (await upload(inst.id, 'p2.csv', [HEADER, row('P3', { precious: '01234' }), row('P4')].join('\n'))).body
      .id,
  );
  t.is(second.status, 'done');
  t.is(second.created, 1);
  t.is(second.failed, 1);
  t.like(second.errors[0], { row: 2, field: 'preciousListNumber', value: '01234' });
  t.regex(second.errors[0].message, /已被记录 350000-\d{4}-\d{7} 使用/);
  const calls = (await admin.get(`/api/records?institutionId=${inst.id}`)).body.items.map(
    (r: { callNumber: string }) => r.callNumber,
  );
  t.deepEqual(calls.sort(), ['P1', 'P4']);
});

test('a row the database refuses for a reason no check foresaw fails alone; the rest of its batch is kept', async (t) => {
  // A constraint only this test's database has: the import cannot have a rule for it.
  await app.orm.em
    .fork()
    .execute(`alter table census_record add constraint test_no_forbidden_title check (title <> '禁書')`);
  const inst = await createInstitution(admin, '350000');
  const done = await finished(
    (await upload(inst.id, 'c.csv', [HEADER, row('C1'), row('C2', { title: '禁書' }), row('C3')].join('\n')))
      .body.id,
  );
  t.is(done.status, 'done');
  t.is(done.created, 2);
  t.is(done.failed, 1);
  t.like(done.errors[0], { row: 3, field: 'row', value: 'C2' });
  t.regex(done.errors[0].message, /test_no_forbidden_title/);
  t.notRegex(done.errors[0].message, /insert into/);
  t.is((await admin.get(`/api/records?institutionId=${inst.id}`)).body.total, 2);
});

test('atomic mode stores nothing when one row is bad', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const done = await finished(
    (
      await upload(
        inst.id,
        'r.csv',
        [HEADER, row('C1'), row('C2'), row('C3', { title: '' })].join('\n'),
        'atomic',
      )
    ).body.id,
  );
  t.is(done.status, 'done');
  t.is(done.failed, 1);
  t.is(done.created, 0);
  t.is((await admin.get(`/api/records?institutionId=${inst.id}`)).body.total, 0);
  const good = await finished(
    (await upload(inst.id, 'r.csv', [HEADER, row('C1'), row('C2')].join('\n'), 'atomic')).body.id,
  );
  t.is(good.created, 2);
});

test('CSV files in GBK, GB18030 and UTF-16 are imported, and the job names the encoding found', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const text = (call: string) =>
    [
      HEADER,
      row(call, { title: '《資治通鑑》二百九十四卷', edition: '明嘉靖二十四年（1545）孔天胤刻本' }),
    ].join('\r\n');
  const files: Array<[string, Buffer, string]> = [
    ['gbk', iconv.encode(text('G1'), 'gbk'), 'gbk'],
    ['gb18030', iconv.encode(text('G2'), 'gb18030'), 'gbk'],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text('G3'), 'utf16le')]), 'utf-16le'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text('G4'))]), 'utf-8'],
    ['utf-8', Buffer.from(text('G5')), 'utf-8'],
  ];
  for (const [label, bytes, encoding] of files) {
    const job = await finished((await upload(inst.id, `${label}.csv`, bytes)).body.id);
    t.is(job.status, 'done', label);
    t.is(job.created, 1, label);
    t.is(job.encoding, encoding, label);
  }
  const titles = (await admin.get(`/api/records?institutionId=${inst.id}`)).body.items.map(
    (r: { title: string }) => r.title,
  );
  t.deepEqual(titles, Array(5).fill('《資治通鑑》二百九十四卷'));
});

test('bad files get a clear report and leave the service unharmed', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const unknown = Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0xff, 0x0a]);
  const unknownJob = await finished((await upload(inst.id, 'odd.csv', unknown)).body.id);
  t.is(unknownJob.status, 'failed');
  t.is(unknownJob.error.code, 'CSV_NOT_UTF8');
  t.regex(unknownJob.error.message, /GBK\/GB18030/);

  const junk = await finished(
    (await upload(inst.id, 'junk.xlsx', Buffer.from('this is not a spreadsheet at all'))).body.id,
  );
  t.is(junk.status, 'failed');
  t.is(junk.error.code, 'NOT_A_SPREADSHEET');

  const header = await finished((await upload(inst.id, 'h.csv', '索书号,书名,册数\nE1,x,1')).body.id);
  t.is(header.status, 'failed');
  t.is(header.error.code, 'BAD_HEADER');
  t.true(header.errors.some((e: { value: string }) => e.value === '书名'));

  const wrongType = await upload(inst.id, 'notes.txt', 'hello');
  t.is(wrongType.status, 400);
  t.is(wrongType.body.error.code, 'UNSUPPORTED_FILE_TYPE');
  const noFile = await fetch(`${app.url}/api/institutions/${inst.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: new FormData(),
  });
  t.is(noFile.status, 400);
  t.is((await admin.get('/health')).status, 200);
  t.is((await admin.get(`/api/records?institutionId=${inst.id}`)).body.total, 0);
});

test('XLSX import, and an export re-imports unchanged', async (t) => {
  const inst = await createInstitution(admin, '320000');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const cells = (r: string) => r.split(',');
  await writeXlsx(out, HEADER.split(','), [
    cells(row('F1')),
    cells(row('F2', { title: '杜工部集二十卷', edition: '清乾隆二十五年（1760）內府刻本' })),
  ]);
  const xlsx = await finished((await upload(inst.id, 'records.xlsx', Buffer.concat(chunks))).body.id);
  t.is(xlsx.status, 'done', JSON.stringify(xlsx));
  t.is(xlsx.created, 2);

  for (const format of ['csv', 'xlsx']) {
    const exported = await fetch(`${app.url}/api/institutions/${inst.id}/export?format=${format}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    t.is(exported.status, 200);
    const file = Buffer.from(await exported.arrayBuffer());
    const back = await finished((await upload(inst.id, `export.${format}`, file)).body.id);
    t.is(back.status, 'done', JSON.stringify(back));
    t.is(back.unchanged, 2, `${format}: ${JSON.stringify(back)}`);
    t.is(back.created + back.updated + back.failed, 0);
  }
});

test('the census catalogue lists approved records in census-number order (CSV and printable HTML)', async (t) => {
  const inst = await createInstitution(admin, '330000');
  await finished((await upload(inst.id, 'r.csv', [HEADER, row('G2'), row('G1')].join('\n'))).body.id);
  const items = (await admin.get(`/api/records?institutionId=${inst.id}`)).body.items;
  const numbers = items.map((r: { censusNumber: string }) => r.censusNumber).sort();
  await admin.post('/api/records/bulk/submit', { censusNumbers: numbers });
  await admin.post('/api/records/bulk/approve', { censusNumbers: numbers });
  const html = await (
    await fetch(`${app.url}/api/institutions/${inst.id}/catalogue?format=html`, {
      headers: { authorization: `Bearer ${admin.token}` },
    })
  ).text();
  t.regex(html, /古籍普查登记目录/);
  t.true(html.indexOf(numbers[0]) < html.indexOf(numbers[1]));
  t.regex(html, /共 2 部/);
  const csv = await (
    await fetch(`${app.url}/api/institutions/${inst.id}/catalogue?format=csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    })
  ).text();
  const lines = csv.trim().split('\n');
  t.is(lines.length, 3);
  t.true(lines[1]!.startsWith(numbers[0]));
});

test('the command line imports through the API and shows progress', async (t) => {
  const { spawn } = await import('node:child_process');
  const fs = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const inst = await createInstitution(admin, '440000', { code: '2801' });
  const token = (await admin.post('/api/auth/tokens', { name: 'cli' })).body.token as string;
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'census-cli-')), 'books.csv');
  await fs.writeFile(file, [HEADER, row('H1'), row('H2'), row('H3', { volumes: 'x' })].join('\n'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/census.ts',
      'import',
      file,
      '--institution',
      '440000-2801',
      '--url',
      app.url,
    ],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, CENSUS_TOKEN: token },
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  t.is(code, 3, out); // finished, with a bad row to look at
  t.regex(out, /2 created/);
  t.regex(out, /1 failed/);
  t.regex(out, /row 4 volumes/);
  t.is((await admin.get(`/api/records?institutionId=${inst.id}`)).body.total, 2);
  void inst;
});

test('an import reads by its labels: status, kind, mode, counters, and each problem by its column or field', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const body = [
    HEADER,
    row('丙 1'),
    row('丙 2', { title: '' }),
    row('丙 3', { edition: '清乾隆八十年刻本' }),
  ].join('\n');
  const queued = await upload(inst.id, 'bing.csv', body, 'skip');
  t.is(queued.status, 202, JSON.stringify(queued.body));
  const job = await finished(queued.body.id);
  t.like(job, {
    status: 'done',
    statusLabel: { zh: '已完成', en: 'Done' },
    kindLabel: { zh: '普查记录', en: 'Census records' },
    modeLabel: { zh: '导入正确的行，报告有错的行' },
    running: false,
    storedNothing: false,
    actions: { cancel: false, downloadReport: true },
  });
  t.deepEqual(
    job.counts.map((c: { key: string; label: { zh: string }; value: number }) => [
      c.key,
      c.label.zh,
      c.value,
    ]),
    [
      ['created', '新建', 1],
      ['updated', '更新', 0],
      ['unchanged', '未变', 0],
      ['failed', '出错', 2],
      ['conflicts', '冲突', 0],
    ],
  );
  const byRow = new Map(job.errors.map((e: { row: number }) => [e.row, e]));
  t.like(byRow.get(3), { fieldLabel: { zh: '题名卷数' }, kindLabel: { zh: '错误', en: 'Error' } });
  t.like(byRow.get(4), { fieldLabel: { zh: '版本' } });
});

test('import options: what each person may import for an institution, and whether they see exports and history', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '320000');
  const cat = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: inst.id })).email,
    STRONG_PASSWORD,
  );
  const con = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'conservator', institutionId: inst.id })).email,
    STRONG_PASSWORD,
  );
  const kinds = (body: { kinds: Array<{ kind: string }> }) => body.kinds.map((k) => k.kind);
  const own = await cat.get(`/api/institutions/${inst.id}/import-options`);
  t.is(own.status, 200);
  t.deepEqual(kinds(own.body), ['records', 'assessments']);
  t.like(own.body, { mayExport: true, mayViewHistory: true, institution: { id: inst.id } });
  t.deepEqual(
    own.body.modes.map((m: { mode: string }) => m.mode),
    ['skip', 'atomic'],
  );
  const conservator = (await con.get(`/api/institutions/${inst.id}/import-options`)).body;
  t.deepEqual(kinds(conservator), ['assessments']);
  t.like(conservator, { mayExport: false, mayViewHistory: false });
  const elsewhere = (await cat.get(`/api/institutions/${other.id}/import-options`)).body;
  t.deepEqual(kinds(elsewhere), [], "another institution's: nothing");
  t.false(elsewhere.mayExport);
  t.is((await cat.get('/api/institutions/00000000-0000-4000-8000-000000000000/import-options')).status, 404);
  t.is((await cat.get('/api/institutions/not-an-id/import-options')).status, 400);
});
