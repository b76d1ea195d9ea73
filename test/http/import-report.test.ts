// The import report a cataloguer can finish in one round: every problem of a row at once, each with
// the column's header as the file writes it, the value and the rule; warnings apart from errors;
// conflicts in Chinese with the status label.

import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

interface Problem {
  row: number;
  column: string | null;
  field: string;
  value: string | null;
  kind: 'error' | 'warning' | 'conflict';
  code: string;
  messageZh: string;
  messageEn: string;
}

async function importFile(institutionId: string, name: string, content: string) {
  const form = new FormData();
  form.set('file', new Blob(['\ufeff' + content]), name);
  const res = await fetch(`${app.url}/api/institutions/${institutionId}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const { id } = (await res.json()) as { id: string };
  for (let i = 0; i < 600; i++) {
    const job = await admin.get(`/api/imports/${id}`);
    if (job.body.status === 'done' || job.body.status === 'failed')
      return job.body as {
        id: string;
        failed: number;
        created: number;
        conflicts: number;
        errors: Problem[];
      };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const HEADER_ZH = '索书号,题名卷数,著者,册数,装帧形式,开本,批校题跋,古籍级别,总卷数,存卷数';

test('every problem of a row is reported at once, under the Chinese headers of the file, warnings apart', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const csv = [
    HEADER_ZH,
    // 册数 零, a binding not in the closed list, a size that is no size, 存卷数 > 总卷数: four errors;
    // an annotation mode outside the open list: a warning.
    '善 001,陸宣公奏議二十二卷,（唐）陸贄撰,零,塑封裝,大,黄丕烈眉記,二级乙等,22,30',
    // Only warnings: the row is stored.
    '善 002,昭明文選六十卷,（梁）蕭統輯,4,綫裝,,黄丕烈眉記,二级乙等,60,60',
  ].join('\r\n');
  const job = await importFile(inst.id, 'report.csv', csv);
  t.is(job.failed, 1);
  t.is(job.created, 1);
  const row2 = job.errors.filter((e) => e.row === 2);
  const errors = row2.filter((e) => e.kind === 'error');
  t.deepEqual(
    errors.map((e) => [e.column, e.field, e.value]).sort(),
    [
      ['存卷数', 'extantJuan', '30'],
      ['开本', 'size', '大'],
      ['装帧形式', 'binding', '塑封裝'],
      ['册数', 'volumes', '零'],
    ].sort(),
  );
  for (const e of errors) {
    t.truthy(e.messageZh);
    t.truthy(e.messageEn);
    t.truthy(e.code);
  }
  // The closed list's error lists its allowed values.
  t.regex(errors.find((e) => e.field === 'binding')!.messageZh, /线装/);
  const warnings = row2.filter((e) => e.kind === 'warning');
  t.deepEqual(
    warnings.map((e) => [e.column, e.field, e.code]),
    [['批校题跋', 'annotations[0].mode', 'open_list_new_value']],
  );
  t.deepEqual(
    job.errors.filter((e) => e.row === 3).map((e) => [e.kind, e.column, e.code]),
    [['warning', '批校题跋', 'open_list_new_value']],
  );
  // Nothing of the bad row is stored; the good row keeps its text as written (輯, 綫裝).
  const list = (await admin.get(`/api/records?institutionId=${inst.id}`)).body.items as Array<{
    callNumber: string;
    censusNumber: string;
  }>;
  t.deepEqual(
    list.map((r) => r.callNumber),
    ['善 002'],
  );
  const stored = await admin.get(`/api/records/${list[0]!.censusNumber}`);
  t.deepEqual(stored.body.authors, [{ dynasty: '梁', name: '蕭統', role: '輯' }]);
  t.is(stored.body.binding, '綫裝');

  // The downloadable report has the column too.
  const report = await fetch(`${app.url}/api/imports/${job.id}/errors.csv`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  const text = await report.text();
  t.regex(text, /\n2,册数,volumes,零,error,/);
  t.regex(text, /\n2,批校题跋,annotations\[0\]\.mode,黄丕烈眉記,warning,/);
});

test('with English headers the report names the columns as the file does', async (t) => {
  const inst = await createInstitution(admin, '320000');
  const csv = ['Call number,Title,volumes,Binding,size', 'E1,史記一百三十卷,0,竹簡裝,1x'].join('\r\n');
  const job = await importFile(inst.id, 'en.csv', csv);
  t.is(job.failed, 1);
  t.deepEqual(job.errors.map((e) => e.column).sort(), ['Binding', 'size', 'volumes']);
});

test('a row of a submitted record is a conflict reported in Chinese with the status label', async (t) => {
  const inst = await createInstitution(admin, '110000');
  const header = '索书号,题名卷数,册数,古籍级别,破损级别';
  await importFile(inst.id, 'a.csv', [header, 'C1,史記一百三十卷,8,二级乙等,三级'].join('\r\n'));
  const [record] = (await admin.get(`/api/records?institutionId=${inst.id}`)).body.items;
  t.is((await admin.post(`/api/records/${record.censusNumber}/submit`, {})).status, 200);
  const job = await importFile(inst.id, 'b.csv', [header, 'C1,史記一百三十卷,9,二级乙等,三级'].join('\r\n'));
  t.is(job.conflicts, 1);
  const conflict = job.errors[0]!;
  t.is(conflict.kind, 'conflict');
  t.is(conflict.column, '索书号');
  t.regex(conflict.messageZh, /已提交/);
  t.notRegex(conflict.messageZh, /submitted/);
});
