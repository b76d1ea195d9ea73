// A record's images are part of what its reviewer checks: while the record is submitted or in review
// (and after withdrawal) they cannot be added, relabelled, reordered, replaced or deleted; once the
// record is returned (or approved) they can again.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
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

const upload = async (cn: string) =>
  postFiles(`${app.url}/api/records/${cn}/images`, admin.token, [
    { name: 'leaf.jpg', data: await jpegImage(200, 300), type: 'image/jpeg' },
  ]);

test('image changes are refused with RECORD_LOCKED while the record is under review, and allowed after its return', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const created = await admin.post('/api/records', validGujiInput({ institutionId: inst.id }));
  t.is(created.status, 201, created.text);
  const cn = created.body.censusNumber as string;
  const first = await upload(cn);
  t.is(first.status, 201, JSON.stringify(first.body));
  const image = first.body.items[0];

  t.is((await admin.post(`/api/records/${cn}/submit`, {})).status, 200);
  const whileSubmitted = [
    await upload(cn),
    await admin.patch(`/api/images/${image.id}`, { label: '卷一 叶一' }),
    await admin.request('PUT', `/api/records/${cn}/images/order`, { imageIds: [image.id] }),
    await admin.delete(`/api/images/${image.id}`),
    await postFiles(
      `${app.url}/api/images/${image.id}/master`,
      admin.token,
      [{ name: 'leaf.jpg', data: await jpegImage(200, 300), type: 'image/jpeg' }],
      {},
      'PUT',
    ),
  ];
  for (const res of whileSubmitted) {
    t.is(res.status, 409);
    t.is(res.body.error.code, 'RECORD_LOCKED');
    t.regex(res.body.error.messageZh, /不能修改其图像/);
    t.regex(res.body.error.messageEn, /cannot be changed/);
  }
  const images = (await admin.get(`/api/records/${cn}/images`)).body.items;
  t.deepEqual(
    images.map((i: any) => [i.id, i.label]),
    [[image.id, image.label]],
    'nothing changed',
  );

  t.is((await admin.post(`/api/records/${cn}/return`, { note: '请补充图像标签' })).status, 200);
  const relabelled = await admin.patch(`/api/images/${image.id}`, { label: '卷一 叶一' });
  t.is(relabelled.status, 200, relabelled.text);
  t.is(relabelled.body.label, '卷一 叶一');
});
