// A review comment is about one field of the record: its `field` must be a path into the record's
// catalogue fields (title, authors[0].name, size.height …) that exists for the record's type.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let admin: ApiClient;
let cn: string;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const created = await admin.post(
    '/api/records',
    validGujiInput({ institutionId: inst.id, callNumber: 'C-1' }),
  );
  cn = created.body.censusNumber;
  const submitted = await admin.post(`/api/records/${cn}/submit`, {});
  if (submitted.status !== 200) throw new Error(submitted.text);
});
test.after.always(async () => {
  await app?.close();
});

test.serial('comments on fields of the record are accepted', async (t) => {
  for (const field of [
    'title',
    'edition',
    'authors',
    'authors[0].name',
    'size.height',
    'seals[1].owner',
    'notes',
  ]) {
    const res = await admin.post(`/api/records/${cn}/comments`, { field, text: '请核对' });
    t.is(res.status, 201, `${field}: ${res.text}`);
    t.is(res.body.field, field);
  }
});

test.serial(
  'a field that is not a path of the record is 400 naming `field`, and nothing is stored',
  async (t) => {
    const before = (await admin.get(`/api/records/${cn}/review`)).body.comments.length;
    for (const field of [
      'nonsense',
      '<script>alert(1)</script>',
      'title.x',
      'authors[0].nobody',
      'authors.name',
      'size[0]',
      '__proto__',
    ]) {
      const res = await admin.post(`/api/records/${cn}/comments`, { field, text: '请核对' });
      t.is(res.status, 400, `${field}: ${res.text}`);
      t.is(res.body.error.details[0].path, 'field', field);
    }
    t.is((await admin.get(`/api/records/${cn}/review`)).body.comments.length, before);
  },
);

test.serial(
  'a field of the other record type is 400 (pages is a 民国 field, this is a 古籍 record)',
  async (t) => {
    const res = await admin.post(`/api/records/${cn}/comments`, { field: 'pages', text: '请核对' });
    t.is(res.status, 400, res.text);
    t.is(res.body.error.details[0].path, 'field');
    t.is(res.body.error.details[0].value, 'pages');
  },
);
