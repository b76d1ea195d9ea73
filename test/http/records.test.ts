import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, STRONG_PASSWORD } from '../helpers/fixtures.js';

let app: TestApp;
let admin: ApiClient;
let fj: { id: string; code: string };
let cataloguer: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  fj = await createInstitution(admin, '350000', { code: '2001', name: '福建省图书馆' });
  const cat = await createUser(admin, { role: 'cataloguer', institutionId: fj.id });
  cataloguer = await new ApiClient(app.url).login(cat.email, STRONG_PASSWORD);
});
test.after.always(async () => {
  await app?.close();
});

let callNo = 0;
const gujiOf = (fields: Record<string, unknown>) => guji(fields);
function guji(fields: Record<string, unknown> = {}) {
  callNo += 1;
  return {
    type: 'guji',
    institutionId: fj.id,
    callNumber: `善${String(callNo).padStart(5, '0')}`,
    title: '朱子大全一百卷目錄二卷',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明天順四年（1460）賀沈、胡緝刻本',
    editionType: '刻本',
    volumes: 40,
    binding: '线装',
    classification: '集',
    ...fields,
  };
}

test('a 古籍 record gets a census number, the normalised date and version 1', async (t) => {
  const res = await cataloguer.post('/api/records', guji());
  t.is(res.status, 201, res.text);
  t.regex(res.body.censusNumber, /^350000-2001-\d{7}$/);
  t.is(res.body.status, 'draft');
  t.is(res.body.edition.text, '明天順四年（1460）賀沈、胡緝刻本');
  t.is(res.body.edition.yearFrom, 1460);
  t.is(res.body.edition.yearTo, 1460);
  t.is(res.body.edition.era, '天顺');
  t.is(res.body.edition.precision, 'year');
  t.is(res.body.version, 1);
  t.is(res.body.institutionId, fj.id);
  const fetched = await cataloguer.get(`/api/records/${res.body.censusNumber}`);
  t.is(fetched.body.title, '朱子大全一百卷目錄二卷');
});

test('the client can never supply the census number', async (t) => {
  const res = await cataloguer.post('/api/records', { ...guji(), censusNumber: '350000-2001-0000999' });
  t.is(res.status, 400);
  t.deepEqual(res.body.error.details[0].value, ['censusNumber']);
});

test('50 clients creating records for one institution at once get 50 distinct numbers', async (t) => {
  const other = await createInstitution(admin, '350000');
  const bodies = Array.from({ length: 50 }, () => ({ ...guji(), institutionId: other.id }));
  const results = await Promise.all(bodies.map((b) => admin.post('/api/records', b)));
  t.true(
    results.every((r) => r.status === 201),
    results.map((r) => r.status).join(','),
  );
  const numbers = results.map((r) => r.body.censusNumber as string);
  t.is(new Set(numbers).size, 50);
  const serials = numbers.map((n) => Number(n.slice(-7))).sort((a, b) => a - b);
  t.deepEqual(
    serials,
    Array.from({ length: 50 }, (_, i) => i + 1),
  );
});

test('民国 records have their own distinguishable series', async (t) => {
  const res = await cataloguer.post('/api/records', {
    type: 'minguo',
    institutionId: fj.id,
    callNumber: `民${callNo++}`,
    title: '呐喊',
    authors: [{ name: '鲁迅', role: '著' }],
    edition: '民国十二年（1923）北京新潮社初版',
    minguoDocumentType: '图书',
    binding: '平装',
    volumes: 1,
    paper: '机制纸',
    phReadings: [{ value: 4.2, method: '表面电极', point: '书页中部' }],
  });
  t.is(res.status, 201, res.text);
  t.regex(res.body.censusNumber, /^350000-2001-M\d{7}$/);
  t.is(res.body.edition.yearFrom, 1923);
  t.is(res.body.type, 'minguo');
});

test('records.md validation: each rule names field, value and rule, and nothing is stored', async (t) => {
  const own = await createInstitution(admin, '350000');
  const guji = (fields: Record<string, unknown>) => ({ ...gujiOf(fields), institutionId: own.id });
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ edition: '民国二十年（1931）刻本' }, 'edition'],
    [{ edition: '清乾隆八十年刻本' }, 'edition'],
    [{ volumes: 0 }, 'volumes'],
    [{ binding: '塑封装' }, 'binding'],
    [{ totalJuan: 10, extantJuan: 12 }, 'extantJuan'],
    [{ grade: '四级甲等' }, 'grade'],
    [{ preciousListNumber: '123' }, 'preciousListNumber'],
  ];
  for (const [fields, path] of cases) {
    const res = await admin.post('/api/records', guji(fields));
    t.is(res.status, 400, `${JSON.stringify(fields)} → ${res.text}`);
    const detail = res.body.error.details.find((d: { path: string }) => d.path === path);
    t.truthy(detail, `${path} in ${res.text}`);
    t.truthy(detail.messageZh);
    t.truthy(detail.messageEn);
    t.truthy(detail.rule);
  }
  const hint = await admin.post('/api/records', guji({ edition: '民国二十年（1931）刻本' }));
  t.regex(hint.body.error.details[0].messageZh, /民国/);
  const unknown = await admin.post('/api/records', guji({ binding: '塑封装' }));
  t.regex(unknown.body.error.details[0].messageEn, /线装/);
  t.is((await admin.get(`/api/records?institutionId=${own.id}`)).body.total, 0);
});

test('traditional spellings of code-list values are the same value, and the text is kept as written', async (t) => {
  const res = await cataloguer.post(
    '/api/records',
    guji({ binding: '綫裝', grade: '二級乙等', authors: [{ dynasty: '梁', name: '蕭統', role: '輯' }] }),
  );
  t.is(res.status, 201, res.text);
  t.is(res.body.binding, '綫裝');
  t.is(res.body.grade, '二級乙等');
  t.deepEqual(res.body.authors, [{ dynasty: '梁', name: '蕭統', role: '輯' }]);
  t.like(res.body.keys, { binding: '线装', grade: '二级乙等' });
  const back = await cataloguer.get(`/api/records/${res.body.censusNumber}`);
  t.is(back.body.authors[0].role, '輯');
  const filtered = await cataloguer.get(
    `/api/records?grade=${encodeURIComponent('二级乙等')}&q=${encodeURIComponent(res.body.callNumber)}`,
  );
  t.true(filtered.body.items.some((r: { censusNumber: string }) => r.censusNumber === res.body.censusNumber));
});

test('an unknown 著作方式 is kept as written and answered as a warning, never refused', async (t) => {
  const res = await cataloguer.post(
    '/api/records',
    guji({ authors: [{ dynasty: '清', name: '王念孫', role: '疏證' }] }),
  );
  t.is(res.status, 201, res.text);
  t.is(res.body.authors[0].role, '疏證');
  const warnings = (res.body.warnings ?? []) as Array<{
    path: string;
    rule: string;
    messageZh: string;
    messageEn: string;
  }>;
  const warning = warnings.find((w) => w.path === 'authors[0].role');
  t.truthy(warning, JSON.stringify(res.body));
  t.is(warning?.rule, 'open_list_new_value');
  t.regex(warning?.messageZh ?? '', /疏證/);
});

test('a call number is unique within the institution (409)', async (t) => {
  const first = guji();
  t.is((await cataloguer.post('/api/records', first)).status, 201);
  const dup = await cataloguer.post('/api/records', { ...guji(), callNumber: first.callNumber });
  t.is(dup.status, 409);
  t.is(dup.body.error.code, 'CALL_NUMBER_TAKEN');
  t.is(dup.body.error.details[0].path, 'callNumber');
});

test('editing a draft keeps versions with field-level diffs, and a stale version is refused', async (t) => {
  const created = (await cataloguer.post('/api/records', guji())).body;
  const edited = await cataloguer.patch(`/api/records/${created.censusNumber}`, {
    volumes: 42,
    version: created.version,
  });
  t.is(edited.status, 200, edited.text);
  t.is(edited.body.volumes, 42);
  t.is(edited.body.version, created.version + 1);
  const stale = await cataloguer.patch(`/api/records/${created.censusNumber}`, {
    volumes: 43,
    version: created.version,
  });
  t.is(stale.status, 409);
  const versions = await cataloguer.get(`/api/records/${created.censusNumber}/versions`);
  t.is(versions.body.items.length, 2);
  t.deepEqual(versions.body.items[0].changes, [
    { field: 'volumes', fieldLabel: { zh: '册数', en: 'Volumes (册)' }, before: 40, after: 42 },
  ]);
});

test('review workflow: submit, assign, comment, return, resubmit, approve, publish, edit with reason, withdraw', async (t) => {
  const reviewerUser = await createUser(admin, { role: 'reviewer', provinceCode: '350000' });
  const reviewer = await new ApiClient(app.url).login(reviewerUser.email, STRONG_PASSWORD);
  const pa = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'provincial_admin', provinceCode: '350000' })).email,
    STRONG_PASSWORD,
  );
  const record = (await cataloguer.post('/api/records', guji())).body;
  const cn = record.censusNumber;

  const missing = await cataloguer.post(`/api/records/${cn}/submit`, {});
  t.is(missing.status, 400);
  t.is(missing.body.error.code, 'RECORD_NOT_SUBMITTABLE');
  t.deepEqual(missing.body.error.details.map((d: { path: string }) => d.path).sort(), [
    'damageGrade',
    'grade',
  ]);

  t.is(
    (await cataloguer.patch(`/api/records/${cn}`, { grade: '二级乙等', damageGrade: '三级' })).status,
    200,
  );
  const submitted = await cataloguer.post(`/api/records/${cn}/submit`, {});
  t.is(submitted.status, 200, submitted.text);
  t.is(submitted.body.status, 'submitted');
  const locked = await cataloguer.patch(`/api/records/${cn}`, { volumes: 41 });
  t.is(locked.status, 409);
  t.is(locked.body.error.code, 'RECORD_LOCKED');

  // Not yet assigned: the reviewer cannot see it.
  t.is((await reviewer.get(`/api/records/${cn}`)).status, 404);
  const assigned = await pa.post('/api/review-assignments', {
    reviewerId: reviewerUser.id,
    institutionId: fj.id,
  });
  t.is(assigned.status, 201, assigned.text);
  t.is((await reviewer.get(`/api/records/${cn}`)).status, 200);
  const queue = await reviewer.get('/api/records?status=submitted');
  t.true(queue.body.items.some((r: { censusNumber: string }) => r.censusNumber === cn));

  t.is((await reviewer.post(`/api/records/${cn}/start-review`, {})).body.status, 'in_review');
  const comment = await reviewer.post(`/api/records/${cn}/comments`, {
    field: 'edition',
    text: '刻工姓名请核对',
  });
  t.is(comment.status, 201);
  const noNote = await reviewer.post(`/api/records/${cn}/return`, {});
  t.is(noNote.status, 400);
  t.is((await reviewer.post(`/api/records/${cn}/return`, { note: '请核对版本' })).body.status, 'returned');

  t.is((await cataloguer.patch(`/api/records/${cn}`, { edition: '明天順四年（1460）賀沈刻本' })).status, 200);
  t.is((await cataloguer.post(`/api/records/${cn}/submit`, {})).body.status, 'submitted');
  const illegal = await reviewer.post(`/api/records/${cn}/publish`, {});
  t.is(illegal.status, 403);
  t.is((await reviewer.post(`/api/records/${cn}/approve`, {})).body.status, 'approved');
  const wrongStep = await pa.post(`/api/records/${cn}/approve`, {});
  t.is(wrongStep.status, 409);
  t.deepEqual(wrongStep.body.error.allowedActions, ['publish', 'withdraw']);
  t.is((await pa.post(`/api/records/${cn}/publish`, {})).body.status, 'published');

  const history = await cataloguer.get(`/api/records/${cn}/review`);
  t.deepEqual(
    history.body.events.map((e: { action: string }) => e.action),
    ['submit', 'start_review', 'return', 'submit', 'approve', 'publish'],
  );
  t.deepEqual(
    history.body.events.map((e: { round: number }) => e.round),
    [1, 1, 1, 2, 2, 2],
  );
  t.is(history.body.comments[0].field, 'edition');
  t.is(history.body.comments[0].round, 1);
  t.truthy(history.body.comments[0].actorName, 'people by name');
  t.truthy(history.body.events[0].actorName);
  // round 2 shows what the cataloguer changed after the return
  t.deepEqual(history.body.changesSincePreviousRound, {
    sinceRound: 1,
    changes: [
      {
        field: 'edition',
        label: { zh: '版本', en: 'Edition statement' },
        before: guji().edition,
        after: '明天順四年（1460）賀沈刻本',
        beforeText: guji().edition,
        afterText: '明天順四年（1460）賀沈刻本',
      },
    ],
  });

  // The public now sees it.
  t.is((await new ApiClient(app.url).get(`/api/records/${cn}`)).status, 200);

  const noReason = await cataloguer.patch(`/api/records/${cn}`, { notes: '补记' });
  t.is(noReason.status, 400);
  t.is(noReason.body.error.code, 'REASON_REQUIRED');
  const withReason = await cataloguer.patch(`/api/records/${cn}`, {
    notes: '补记',
    reason: '据原书核对补记',
  });
  t.is(withReason.status, 200);
  const versions = await cataloguer.get(`/api/records/${cn}/versions`);
  t.is(versions.body.items[0].reason, '据原书核对补记');
  t.is(versions.body.items[0].status, 'published');

  t.is((await cataloguer.post(`/api/records/${cn}/withdraw`, {})).status, 400);
  const withdrawn = await cataloguer.post(`/api/records/${cn}/withdraw`, { reason: '重复登记' });
  t.is(withdrawn.body.status, 'withdrawn');
  t.is(withdrawn.body.withdrawReason, '重复登记');
  const next = (await cataloguer.post('/api/records', guji())).body.censusNumber as string;
  t.true(Number(next.slice(-7)) > Number(cn.slice(-7)), 'a withdrawn number is never reused');
});

test('撤回提交: a cataloguer takes a submission back until a reviewer starts, in the same round', async (t) => {
  const cn = (await cataloguer.post('/api/records', guji({ grade: '三级乙等', damageGrade: '三级' }))).body
    .censusNumber as string;
  t.is((await cataloguer.post(`/api/records/${cn}/submit`, {})).body.status, 'submitted');
  const recalled = await cataloguer.post(`/api/records/${cn}/recall`, {});
  t.is(recalled.status, 200, recalled.text);
  t.is(recalled.body.status, 'draft');
  // editable again, then submitted again: still round 1, nobody reviewed the recalled one
  t.is((await cataloguer.patch(`/api/records/${cn}`, { volumes: 12 })).status, 200);
  t.is((await cataloguer.post(`/api/records/${cn}/submit`, {})).body.status, 'submitted');
  const reviewer = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'reviewer', provinceCode: '350000' })).email,
    STRONG_PASSWORD,
  );
  t.is((await admin.post(`/api/records/${cn}/start-review`, {})).body.status, 'in_review');
  const late = await cataloguer.post(`/api/records/${cn}/recall`, {});
  t.is(late.status, 409, "once review has started the submission is the reviewer's");
  t.deepEqual(late.body.error.allowedActions.includes('recall'), false);
  t.is(
    (await reviewer.post(`/api/records/${cn}/recall`, {})).status,
    403,
    "recalling is the cataloguing side's step",
  );
  const history = await cataloguer.get(`/api/records/${cn}/review`);
  t.deepEqual(
    history.body.events.map((e: { action: string; round: number }) => `${e.action}:${e.round}`),
    ['submit:1', 'recall:1', 'submit:1', 'start_review:1'],
  );
});

test('bulk submit and bulk approve report each record', async (t) => {
  const a = (await cataloguer.post('/api/records', guji({ grade: '四级', damageGrade: '完好' }))).body
    .censusNumber;
  const b = (await cataloguer.post('/api/records', guji({ grade: '三级丙等', damageGrade: '五级' }))).body
    .censusNumber;
  const c = (await cataloguer.post('/api/records', guji())).body.censusNumber; // no grade: cannot submit
  const res = await cataloguer.post('/api/records/bulk/submit', { censusNumbers: [a, b, c] });
  t.is(res.status, 200);
  t.is(res.body.succeeded, 2);
  t.is(res.body.failed, 1);
  t.is(
    res.body.results.find((r: { censusNumber: string }) => r.censusNumber === c).error.code,
    'RECORD_NOT_SUBMITTABLE',
  );
  const approved = await admin.post('/api/records/bulk/approve', { censusNumbers: [a, b] });
  t.is(approved.body.succeeded, 2);
  t.is((await admin.get(`/api/records/${a}`)).body.status, 'approved');
});

test('visibility: other institutions and the public do not see drafts', async (t) => {
  const cn = (await cataloguer.post('/api/records', guji())).body.censusNumber;
  const other = await createInstitution(admin, '350000');
  const outsider = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: other.id })).email,
    STRONG_PASSWORD,
  );
  t.is((await outsider.get(`/api/records/${cn}`)).status, 404);
  t.false(
    (await outsider.get(`/api/records?institutionId=${fj.id}`)).body.items.some(
      (r: { censusNumber: string }) => r.censusNumber === cn,
    ),
  );
  t.is((await new ApiClient(app.url).get(`/api/records/${cn}`)).status, 404);
  const publicList = await new ApiClient(app.url).get('/api/records?pageSize=200');
  t.true(publicList.body.items.every((r: { status: string }) => r.status === 'published'));
  t.is((await outsider.patch(`/api/records/${cn}`, { volumes: 1 })).status, 403);
});

test('the list filters by dynasty, year range, classification and text (simplified finds traditional)', async (t) => {
  const inst = await createInstitution(admin, '320000');
  const mk = (fields: Record<string, unknown>) =>
    admin.post('/api/records', { ...guji(fields), institutionId: inst.id });
  await mk({
    title: '陸宣公奏議二十二卷',
    edition: '明萬曆三十三年（1605）王肯堂刻本',
    classification: '史',
  });
  await mk({ title: '杜工部集二十卷', edition: '清乾隆二十五年（1760）內府刻本', classification: '集' });
  await mk({ title: '周易本義四卷', edition: '明嘉靖刻本', classification: '经' });
  const base = `/api/records?institutionId=${inst.id}`;
  const ming = await admin.get(`${base}&dynasty=${encodeURIComponent('明')}`);
  t.is(ming.body.total, 2);
  const range = await admin.get(`${base}&yearFrom=1550&yearTo=1610`);
  t.deepEqual(
    range.body.items.map((r: { title: string }) => r.title).sort(),
    ['周易本義四卷', '陸宣公奏議二十二卷'].sort(),
  );
  const text = await admin.get(`${base}&q=${encodeURIComponent('陆宣公奏议')}`);
  t.deepEqual(
    text.body.items.map((r: { title: string }) => r.title),
    ['陸宣公奏議二十二卷'],
  );
  const cls = await admin.get(`${base}&classification=${encodeURIComponent('集')}`);
  t.is(cls.body.total, 1);
});

test('code lists: national admins add and rename values (old spelling still accepted), others may not', async (t) => {
  const added = await admin.post('/api/code-lists/binding/values', { value: '推蓬装' });
  t.is(added.status, 201, added.text);
  const dup = await admin.post('/api/code-lists/binding/values', { value: '綫裝' });
  t.is(dup.status, 409);
  t.is((await cataloguer.post('/api/code-lists/binding/values', { value: 'x' })).status, 403);
  const renamed = await admin.patch(`/api/code-lists/binding/values/${added.body.id}`, { value: '推篷装' });
  t.is(renamed.body.value, '推篷装');
  t.deepEqual(renamed.body.aliases, ['推蓬装']);
  t.is(renamed.body.history.length, 1);
  const usingOld = await admin.post('/api/records', guji({ binding: '推蓬装' }));
  t.is(usingOld.status, 201, usingOld.text);
  t.is(usingOld.body.binding, '推蓬装');
  t.is(usingOld.body.keys.binding, '推篷装');
  const lists = await new ApiClient(app.url).get('/api/code-lists');
  t.true(
    lists.body.items
      .find((l: { name: string }) => l.name === 'binding')
      .values.some((v: { value: string }) => v.value === '推篷装'),
  );
});

test('a list counts matches exactly up to the cap and says when there are more', async (t) => {
  const inst = await createInstitution(admin, '330000');
  // 10,002 drafts written straight into this test's database: the API would take minutes for this many.
  await app.orm.em.fork().execute(
    `insert into census_record (id, census_number, type, institution_id, province_code, call_number, status, title, search_text,
       body, classification, tier, date_precision, document_type, created_at, updated_at, version)
     select gen_random_uuid(), '330000-' || ? || '-' || lpad(g::text, 7, '0'), 'guji', ?, '330000', 'CAP' || g, 'draft',
       '論語', '论语', '{"title":"論語","authors":[],"edition":"清刻本","volumes":1}'::jsonb,
       case when g <= 3 then '史' else '经' end, 'none', 'unknown', '汉文古籍', now(), now(), 1
     from generate_series(1, 10002) g`,
    [inst.code, inst.id],
  );
  const all = await admin.get(`/api/records?institutionId=${inst.id}&pageSize=5`);
  t.is(all.status, 200);
  t.is(all.body.total, 10_000);
  t.true(all.body.totalCapped);
  t.is(all.body.items.length, 5);
  const few = await admin.get(
    `/api/records?institutionId=${inst.id}&classification=${encodeURIComponent('史')}`,
  );
  t.is(few.body.total, 3);
  t.false(few.body.totalCapped);
  // A free-text filter counts up to 1,000 (each candidate is re-checked against the text).
  const text = await admin.get(`/api/records?institutionId=${inst.id}&q=${encodeURIComponent('論語')}`);
  t.is(text.body.total, 1_000);
  t.true(text.body.totalCapped);
  const fewText = await admin.get(
    `/api/records?institutionId=${inst.id}&q=${encodeURIComponent('論語')}&classification=${encodeURIComponent('史')}`,
  );
  t.is(fewText.body.total, 3);
  t.false(fewText.body.totalCapped);
});
