// The import stores records and their first versions with its own bulk statements (not the ORM's
// insert): these tests check it stores exactly what record creation through the API stores, and
// that batches stored while the next one is read still count, stay in order and stay unique.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

async function upload(institutionId: string, name: string, content: Buffer | string) {
  const form = new FormData();
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const res = await fetch(`${app.url}/api/institutions/${institutionId}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  return (await res.json()) as { id: string };
}

async function finished(id: string) {
  for (let i = 0; i < 1200; i++) {
    const res = await admin.get(`/api/imports/${id}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

/** Every stored column of a record but its identity (id, number, institution, timestamps). */
async function storedColumns(censusNumber: string) {
  const [row] = await app.orm.em.fork().execute(
    `select r.*, t.score as triage_score, t.on_precious_list as triage_precious from census_record r
         left join record_triage_state t on t.record_id = r.id where r.census_number = ?`,
    [censusNumber],
  );
  const columns = { ...(row as Record<string, unknown>) };
  const id = columns.id as string;
  for (const identity of ['id', 'census_number', 'institution_id', 'created_at', 'updated_at'])
    delete columns[identity];
  // The search text starts with the census number (so that lists find it); the rest must agree.
  columns.search_text = String(columns.search_text).replace(censusNumber.toLowerCase(), '');
  return { id, columns };
}

test('an imported record stores the same columns, version and triage row as one created through the API', async (t) => {
  const instA = await createInstitution(admin, '350000');
  const instB = await createInstitution(admin, '350000');
  // The template carries every field, so the whole record goes through the export and back.
  const input = validGujiInput({ institutionId: instA.id, callNumber: '善 00077' });
  const created = await admin.post('/api/records', input);
  t.is(created.status, 201, created.text);

  const exported = await fetch(`${app.url}/api/institutions/${instA.id}/export?format=csv`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  t.is(exported.status, 200);
  const done = await finished(
    (await upload(instB.id, 'export.csv', Buffer.from(await exported.arrayBuffer()))).id,
  );
  t.is(done.status, 'done', JSON.stringify(done));
  t.is(done.created, 1, JSON.stringify(done));

  const list = await admin.get(`/api/records?institutionId=${instB.id}`);
  const imported = list.body.items[0] as { censusNumber: string };
  const viaApi = await storedColumns(created.body.censusNumber);
  const viaImport = await storedColumns(imported.censusNumber);
  t.deepEqual(viaImport.columns, viaApi.columns);
  t.not(viaImport.columns.search_text, '');
  t.not(viaImport.columns.triage_score, null);

  const versions = await app.orm.em
    .fork()
    .execute<Array<Record<string, any>>>(
      'select version, status, actor_email, reason, snapshot, changes from record_version where record_id = ?',
      [viaImport.id],
    );
  t.is(versions.length, 1);
  t.like(versions[0], { version: 1, status: 'draft', actor_email: ADMIN.email });
  t.regex(versions[0]!.reason, new RegExp(`spreadsheet import ${done.id}`));
  const body = (
    await app.orm.em
      .fork()
      .execute<Array<{ body: unknown }>>('select body from census_record where id = ?', [viaImport.id])
  )[0]!.body;
  t.deepEqual(versions[0]!.snapshot, body);
  t.deepEqual(versions[0]!.changes, [{ field: '*', before: null, after: 'created by import' }]);
});

test('a file of several batches is stored in order with unique numbers, counted in full, and re-imports unchanged', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const header =
    '索书号,题名卷数,著者,版本,版本类型,册数,存缺卷数,装帧形式,分类,批校题跋,钤印,古籍级别,破损级别,文献类型,文种,附注,名录号';
  const rows = Array.from({ length: 1250 }, (_, i) => {
    const bad = i % 100 === 7; // an invalid volume count: a row error among good rows
    return `B${String(i).padStart(5, '0')},陸宣公奏議二十二卷,（唐）陸贄撰,明萬曆三十三年（1605）王肯堂刻本,刻本,${bad ? '零' : '8'},,线装,史,,,,,,,,`;
  });
  const csv = [header, ...rows].join('\n');
  const done = await finished((await upload(inst.id, 'big.csv', csv)).id);
  t.is(done.status, 'done', JSON.stringify(done).slice(0, 500));
  t.is(done.total, 1250);
  t.is(done.processed, 1250);
  t.is(done.failed, 13);
  t.is(done.created, 1237);

  const stored = await app.orm.em
    .fork()
    .execute<Array<{ call_number: string; census_number: string }>>(
      'select call_number, census_number from census_record where institution_id = ? order by census_number',
      [inst.id],
    );
  t.is(stored.length, 1237);
  t.is(new Set(stored.map((s) => s.census_number)).size, 1237);
  // Numbers are issued in file order, batch after batch, with no gap.
  const callsInNumberOrder = stored.map((s) => s.call_number);
  t.deepEqual(callsInNumberOrder, [...callsInNumberOrder].sort());
  const serials = stored.map((s) => Number(s.census_number.slice(-7)));
  t.is(serials.at(-1)! - serials[0]! + 1, 1237);
  const [{ n: versions }] = await app.orm.em
    .fork()
    .execute<[{ n: number }]>(
      'select count(*)::int as n from record_version v join census_record r on r.id = v.record_id where r.institution_id = ?',
      [inst.id],
    );
  t.is(versions, 1237);

  const again = await finished((await upload(inst.id, 'big.csv', csv)).id);
  t.like(again, { status: 'done', created: 0, updated: 0, unchanged: 1237, failed: 13 });
});

test('a file that breaks off after a full batch fails with its cause, and the batch stored meanwhile is counted and kept', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const header =
    '索书号,题名卷数,著者,版本,版本类型,册数,存缺卷数,装帧形式,分类,批校题跋,钤印,古籍级别,破损级别,文献类型,文种,附注,名录号';
  const rows = Array.from(
    { length: 520 },
    (_, i) =>
      `M${String(i).padStart(5, '0')},陸宣公奏議二十二卷,（唐）陸贄撰,明萬曆三十三年（1605）王肯堂刻本,刻本,8,,线装,史,,,,,,,,`,
  );
  // A quote never closed: the file cannot be read past it, while the first 500 rows are being stored.
  const csv = [header, ...rows, 'M99999,"never closed,x'].join('\n');
  const done = await finished((await upload(inst.id, 'broken.csv', csv)).id);
  t.is(done.status, 'failed');
  t.is(done.error.code, 'CSV_MALFORMED');
  t.is(done.created, 500);
  const total = (await admin.get(`/api/records?institutionId=${inst.id}`)).body.total;
  t.is(total, 500);
});
