// The images answer ships what the caller may do with a record's pages (upload, relabel, reorder,
// replace, delete) and why they are locked; several pages are relabelled in one request (a batch
// labelled by a 卷/叶 pattern), all or none, audited per page, refused for other records' images.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, createUser, publishRecord, STRONG_PASSWORD } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
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

const ALL = { upload: true, relabel: true, reorder: true, replace: true, delete: true };
const NONE = { upload: false, relabel: false, reorder: false, replace: false, delete: false };

async function recordWithPages(institutionId: string, pages: number, callNumber: string) {
  const created = await admin.post('/api/records', validGujiInput({ institutionId, callNumber }));
  if (created.status !== 201) throw new Error(created.text);
  const cn = created.body.censusNumber as string;
  const files = await Promise.all(
    Array.from({ length: pages }, async (_, i) => ({
      name: `文選-${i + 1}.jpg`,
      data: await jpegImage(120, 160),
      type: 'image/jpeg',
    })),
  );
  const res = await postFiles(`${app.url}/api/records/${cn}/images`, admin.token, files);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return { cn, ids: (res.body.items as Array<{ id: string }>).map((i) => i.id) };
}

test('the images answer says per user and record state what may be done, and why not', async (t) => {
  const own = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  const cataloguer = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: own.id })).email,
    STRONG_PASSWORD,
  );
  const outsider = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: other.id })).email,
    STRONG_PASSWORD,
  );
  const { cn } = await recordWithPages(own.id, 1, 'AB-1');

  const draft = await cataloguer.get(`/api/records/${cn}/images`);
  t.is(draft.status, 200, draft.text);
  t.deepEqual(draft.body.abilities, ALL);
  t.is(draft.body.lockedReason, null);

  t.is((await admin.post(`/api/records/${cn}/submit`, {})).status, 200);
  const submitted = await cataloguer.get(`/api/records/${cn}/images`);
  t.deepEqual(submitted.body.abilities, NONE);
  t.regex(submitted.body.lockedReason.zh, /已提交.*不能修改其图像/);
  t.regex(submitted.body.lockedReason.en, /“Submitted”.*cannot be changed/);

  t.is((await admin.post(`/api/records/${cn}/approve`, {})).status, 200);
  t.is((await admin.post(`/api/records/${cn}/publish`, {})).status, 200);
  // Published: its institution may still correct the pages; anyone else only reads them.
  t.deepEqual((await cataloguer.get(`/api/records/${cn}/images`)).body.abilities, ALL);
  const outsiders = await outsider.get(`/api/records/${cn}/images`);
  t.deepEqual(outsiders.body.abilities, NONE);
  t.is(outsiders.body.lockedReason, null, 'no lock to explain to someone who may not change them anyway');
  const anonymous = await new ApiClient(app.url).get(`/api/records/${cn}/images`);
  t.deepEqual(anonymous.body.abilities, NONE);
});

test('several pages are relabelled in one request, all or none, and audited per page', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const { cn, ids } = await recordWithPages(inst.id, 4, 'AB-2');
  const { ids: foreign } = await recordWithPages(inst.id, 1, 'AB-3');
  const labels = ['卷一 葉一a', '卷一 葉一b', '卷一 葉二a'];

  const ok = await admin.request('PUT', `/api/records/${cn}/images/labels`, {
    items: ids.slice(0, 3).map((id, i) => ({ id, label: `  ${labels[i]} ` })),
  });
  t.is(ok.status, 200, ok.text);
  t.deepEqual(
    ok.body.items.map((i: { label: string }) => i.label),
    [...labels, '叶4'],
  );
  for (const [i, id] of ids.slice(0, 3).entries()) {
    const audit = await admin.get(`/api/audit?entityType=record_image&entityId=${id}`);
    t.is(audit.status, 200, audit.text);
    const relabels = (audit.body.items as Array<{ action: string; after: { label: string } }>).filter(
      (e) => e.action === 'image.relabel',
    );
    t.deepEqual(
      relabels.map((e) => e.after.label),
      [labels[i]],
    );
  }

  // Another record's image, a repeated image and a stale version each refuse the whole batch.
  const before = (await admin.get(`/api/records/${cn}/images`)).body.items.map((i: any) => i.label);
  const mixed = await admin.request('PUT', `/api/records/${cn}/images/labels`, {
    items: [
      { id: ids[3], label: '卷二 葉一a' },
      { id: foreign[0], label: '卷二 葉一b' },
      { id: ids[3], label: '卷二 葉二a' },
    ],
  });
  t.is(mixed.status, 400, mixed.text);
  t.is(mixed.body.error.code, 'INVALID_IMAGE_LABELS');
  t.deepEqual(
    mixed.body.error.details.map((d: any) => [d.path, d.rule]),
    [
      ['items[1].id', 'image_of_record'],
      ['items[2].id', 'unique'],
    ],
  );
  t.regex(mixed.body.error.details[0].messageZh, /不是该记录的图像/);
  const stale = await admin.request('PUT', `/api/records/${cn}/images/labels`, {
    items: [
      { id: ids[3], label: '卷二 葉一a' },
      { id: ids[0], label: '卷二 葉一b', version: 1 },
    ],
  });
  t.is(stale.status, 409, stale.text);
  t.is(stale.body.error.code, 'VERSION_CONFLICT');
  const blank = await admin.request('PUT', `/api/records/${cn}/images/labels`, {
    items: [{ id: ids[3], label: '   ' }],
  });
  t.is(blank.status, 400);
  t.is(blank.body.error.details[0].path, 'items[0].label');
  const hostile = await admin.request('PUT', `/api/records/${cn}/images/labels`, {
    items: [{ id: "x'; drop table record_image; --", label: '卷一' }],
  });
  t.is(hostile.status, 400);
  t.deepEqual(
    (await admin.get(`/api/records/${cn}/images`)).body.items.map((i: any) => i.label),
    before,
    'nothing half-stored',
  );
});

test('a cataloguer of another institution may not relabel, even knowing the image ids', async (t) => {
  const own = await createInstitution(admin, '350000');
  const other = await createInstitution(admin, '350000');
  const outsider = await new ApiClient(app.url).login(
    (await createUser(admin, { role: 'cataloguer', institutionId: other.id })).email,
    STRONG_PASSWORD,
  );
  const { cn, ids } = await recordWithPages(own.id, 1, 'AB-4');
  await publishRecord(admin, cn);
  const res = await outsider.request('PUT', `/api/records/${cn}/images/labels`, {
    items: [{ id: ids[0], label: '卷一 葉一a' }],
  });
  t.is(res.status, 403, res.text);
  t.is((await admin.get(`/api/records/${cn}/images`)).body.items[0].label, '叶1');
});
