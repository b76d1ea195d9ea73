// What follows a change of records, whoever makes it (a form, a workflow step, an import): the public
// catalogue follows published records and the triage list re-ranks them, in the same transaction;
// background imports write as their uploader, under a request id naming the job.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
let inst: { id: string };
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  inst = await createInstitution(admin, '350000');
});
test.after.always(async () => {
  await app?.close();
});

let n = 0;
async function record(): Promise<{ call: string; censusNumber: string }> {
  n += 1;
  const call = `变${n}`;
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: call,
    title: '論語注疏十卷',
    authors: [{ dynasty: '魏', name: '何晏', role: '注' }],
    edition: '清刻本',
    editionType: '刻本',
    volumes: 2,
    binding: '线装',
    classification: '经',
    grade: '三级',
    damageGrade: '四级',
  });
  if (res.status !== 201) throw new Error(res.text);
  return { call, censusNumber: res.body.censusNumber as string };
}

const catalogueEntry = async (censusNumber: string) =>
  (
    await app.orm.em
      .fork()
      .execute<Array<{ grade: string | null; damage_grade: string | null }>>(
        'select grade, damage_grade from catalogue_entry where census_number = ?',
        [censusNumber],
      )
  )[0];

async function importFile(path: string, name: string, content: string) {
  const form = new FormData();
  form.set('file', new Blob([content]), name);
  const res = await fetch(`${app.url}/api/institutions/${inst.id}/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const queued = (await res.json()) as { id: string };
  for (let i = 0; i < 600; i++) {
    const job = (await admin.get(`/api/imports/${queued.id}`)).body;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const auditOf = async (requestId: string) =>
  app.orm.em
    .fork()
    .execute<Array<{ action: string; actor_email: string | null }>>(
      'select action, actor_email from audit_entry where request_id = ? order by id',
      [requestId],
    );

test('grading and assessing a published record bring its catalogue entry along', async (t) => {
  const { censusNumber } = await record();
  await publishRecord(admin, censusNumber);
  t.deepEqual(await catalogueEntry(censusNumber), { grade: '三级', damage_grade: '四级' });

  const graded = await admin.post(`/api/records/${censusNumber}/gradings`, { grade: '二级', rank: '乙' });
  t.is(graded.status, 201, graded.text);
  t.is((await catalogueEntry(censusNumber))!.grade, '二级乙等');

  const assessed = await admin.post(`/api/records/${censusNumber}/assessments`, {
    observations: [{ damageType: '霉变', areaPercent: 45 }],
    phReadings: [],
  });
  t.is(assessed.status, 201, assessed.text);
  t.is((await catalogueEntry(censusNumber))!.damage_grade, assessed.body.finalLevel);
  t.not(assessed.body.finalLevel, '四级');
});

test('a records import is audited as its uploader, under a request id naming the job', async (t) => {
  const job = await importFile(
    'imports',
    'r.csv',
    '索书号,题名卷数,著者,版本,册数\n导1,論語二十卷,（魏）何晏注,清刻本,2\n',
  );
  t.is(job.status, 'done');
  t.is(job.created, 1);
  const audit = await auditOf(`import-${job.id}`);
  t.deepEqual(
    audit.map((a) => [a.action, a.actor_email]),
    [['record.import_batch', ADMIN.email]],
  );
});

test('an assessment import writes through the same use cases as the forms, as its uploader', async (t) => {
  const { call, censusNumber } = await record();
  await publishRecord(admin, censusNumber);
  const job = await importFile(
    'assessment-imports',
    'a.csv',
    `索书号,评估日期,评估人,破损类型,破损面积%,古籍级别\n${call},2025-03-01,张三,霉变,45,一级甲等\n`,
  );
  t.is(job.status, 'done');
  t.is(job.created, 1);
  const audit = await auditOf(`import-${job.id}`);
  t.deepEqual(
    audit.map((a) => a.action),
    [
      'condition_assessment.import',
      'record.damage_grade_from_assessment',
      'grading_assessment.import',
      'record.grade_from_assessment',
    ],
  );
  t.true(audit.every((a) => a.actor_email === ADMIN.email));
  // The published record's catalogue entry follows the imported grade, as after the form.
  t.is((await catalogueEntry(censusNumber))!.grade, '一级甲等');
  const triage = await app.orm.em
    .fork()
    .execute<Array<{ grade: string }>>(
      'select t.grade from record_triage_state t join census_record r on r.id = t.record_id where r.census_number = ?',
      [censusNumber],
    );
  t.is(triage[0]!.grade, '一级甲等');
});
