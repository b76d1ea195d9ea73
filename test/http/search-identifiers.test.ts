// Census numbers (whole or in part) and call numbers find records: the public catalogue and the
// staff record lists.

import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
let anon: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  anon = new ApiClient(app.url);
});
test.after.always(async () => {
  await app?.close();
});

async function record(institutionId: string, fields: Record<string, unknown>): Promise<string> {
  const res = await admin.post('/api/records', {
    type: 'guji',
    institutionId,
    title: '朱子大全一百卷目錄二卷',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明天順四年（1460）賀沈、胡緝刻本',
    volumes: 4,
    grade: '二级乙等',
    damageGrade: '三级',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`record not created: ${res.text}`);
  return res.body.censusNumber as string;
}
const publish = (censusNumber: string) => publishRecord(admin, censusNumber);
const search = (query: string) => anon.get(`/api/catalogue/search?${query}`);
const numbers = (body: { items: Array<{ censusNumber: string }> }) =>
  body.items.map((i) => i.censusNumber).sort();

test('census numbers (whole or in part) and call numbers find records, in the catalogue and in record lists', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const shan = await record(inst.id, { callNumber: '善本 00123', title: '文選六十卷' });
  const tn = await record(inst.id, { callNumber: 'T5612/4432', title: '文苑英華一千卷' });
  const draft = await record(inst.id, { callNumber: '善本 00999', title: '文心雕龍十卷' });
  await publish(shan);
  await publish(tn);
  const partial = shan.split('-').slice(1).join('-'); // institution code and serial: 2001-0000001
  const cases: Array<[string, string[]]> = [
    [shan, [shan]],
    [partial, [shan]],
    ['善本 00123', [shan]],
    ['善本00123', [shan]],
    ['T5612/4432', [tn]],
    ['t5612/4432', [tn]],
  ];
  for (const [q, expected] of cases) {
    const res = await search(`q=${encodeURIComponent(q)}`);
    t.is(res.status, 200, res.text);
    t.deepEqual(numbers(res.body), expected, `catalogue ${q}`);
  }
  // Record lists (staff): drafts too.
  const list = (q: string) => admin.get(`/api/records?institutionId=${inst.id}&q=${encodeURIComponent(q)}`);
  for (const [q, expected] of [
    ...cases,
    ['善本 00999', [draft]] as [string, string[]],
    [draft, [draft]] as [string, string[]],
  ]) {
    const res = await list(q);
    t.is(res.status, 200, res.text);
    t.deepEqual(numbers(res.body), expected, `records ${q}`);
  }
  t.deepEqual(numbers((await list('善本')).body), [shan, draft].sort());
});
