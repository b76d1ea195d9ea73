import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { jpegImage, pngImage, postFiles } from '../fixtures/images.js';
import { checkFixity } from '../../src/images/fixity.service.js';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

test('the fixity check finds masters whose bytes changed or vanished', async (t) => {
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '丙001',
    title: '大學',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 1,
    binding: '线装',
    classification: '经',
  });
  const up = await postFiles(`${app.url}/api/records/${rec.body.censusNumber}/images`, admin.token, [
    { name: 'a.jpg', data: await jpegImage(100, 120) },
    { name: 'b.png', data: await pngImage(100, 120) },
    { name: 'c.jpg', data: await jpegImage(90, 120) },
  ]);
  t.is(up.status, 201, up.text);
  const [a, b, c] = up.body.items as Array<{ id: string; sha256: string }>;
  const clean = await checkFixity(app.orm.em.fork(), app.objectStore);
  t.deepEqual([clean.checked, clean.ok, clean.problems.length], [3, 3, 0]);

  const keyOf = async (id: string) => (await app.objectStore.list('masters/')).find((k) => k.includes(id))!;
  const damaged = Buffer.from('bit rot');
  await app.objectStore.put(await keyOf(b!.id), damaged, damaged.length);
  await app.objectStore.remove([await keyOf(c!.id)]);
  const report = await checkFixity(app.orm.em.fork(), app.objectStore);
  t.is(report.checked, 3);
  t.is(report.ok, 1);
  t.deepEqual(
    report.problems.map((p) => [p.imageId, p.reason, p.expected, p.censusNumber, p.sequence, p.label]).sort(),
    [
      [b!.id, 'mismatch', b!.sha256, rec.body.censusNumber, 2, '叶2'],
      [c!.id, 'missing', c!.sha256, rec.body.censusNumber, 3, '叶3'],
    ].sort(),
  );
  t.false(report.problems.some((p) => p.imageId === a!.id));
  // The right bytes under a wrong x-amz-meta-sha256: what another tool would trust is checked too.
  const aKey = await keyOf(a!.id);
  const bytes = await app.objectStore.getBuffer(aKey);
  await app.objectStore.put(aKey, bytes, bytes.length, { 'x-amz-meta-sha256': '0'.repeat(64) });
  const third = await checkFixity(app.orm.em.fork(), app.objectStore);
  t.deepEqual(
    third.problems.filter((p) => p.imageId === a!.id).map((p) => [p.reason, p.actual, p.sequence]),
    [['metadata', '0'.repeat(64), 1]],
  );
});
