import test from 'ava';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { postFiles } from '../fixtures/images.js';
import { migrateLegacyParts } from '../../src/maintenance/legacy-parts-migration.service.js';
import { checkFixity } from '../../src/images/fixity.service.js';

let app: TestApp;
let workDir: string;
test.before(async () => {
  app = await startTestApp();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'census-migrate-'));
});
test.after.always(async () => {
  await app?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const sql = <T = unknown>(query: string, params: unknown[] = []) =>
  app.orm.em.fork().execute<T[]>(query, params);

/** Rewrites one single object as the numbered parts earlier versions wrote (`{prefix}/part-NNNNN`). */
async function toLegacy(key: string, prefix: string, sha256: string): Promise<void> {
  const store = app.objectStore;
  const info = (await store.stat(key))!;
  const bytes = await store.getBuffer(key);
  const size = Math.ceil(bytes.length / 3);
  const parts = Math.max(1, Math.ceil(bytes.length / size));
  for (let i = 0; i < parts; i++) {
    const chunk = bytes.subarray(i * size, (i + 1) * size);
    await store.put(`${prefix}/part-${String(i).padStart(5, '0')}`, chunk, chunk.length, {
      'Content-Type': info.metadata['content-type'] ?? 'application/octet-stream',
      'x-amz-meta-part': `${i + 1}/${parts}`,
      'x-amz-meta-sha256': sha256,
    });
  }
  await store.remove([key]);
}

test.serial(
  'migrate-parts joins part sets into single objects, resumes after an interruption, and is idempotent',
  async (t) => {
    const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
    const inst = await createInstitution(admin, '350000');
    const rec = await admin.post('/api/records', {
      type: 'guji',
      institutionId: inst.id,
      callNumber: '庚001',
      title: '禮記',
      authors: [{ dynasty: '漢', name: '鄭玄', role: '注' }],
      edition: '明刻本',
      editionType: '刻本',
      volumes: 1,
      binding: '线装',
      classification: '经',
    });
    const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#d8c8a0' } })
      .png()
      .toBuffer();
    const up = await postFiles(`${app.url}/api/records/${rec.body.censusNumber}/images`, admin.token, [
      { name: 'leaf.png', data: png, type: 'image/png' },
    ]);
    t.is(up.status, 201, up.text);
    const image = up.body.items[0] as { id: string; sha256: string };
    await app.deps.derivativeWorker!.idle();
    const form = new FormData();
    form.set('file', new Blob(['题名,索书号\n']), 'records.csv');
    const imp = await fetch(`${app.url}/api/institutions/${inst.id}/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const job = (await imp.json()) as { id: string; sha256: string };
    t.is(imp.status, 202);
    await app.deps.importWorker!.idle();

    // The bucket and rows as an earlier version left them.
    const [row] = await sql<{ master_key: string; record_id: string }>(
      'select master_key, record_id from record_image where id = ?',
      [image.id],
    );
    const masterKey = row!.master_key;
    t.is(masterKey, `masters/${row!.record_id}/${image.id}/${image.sha256}.png`);
    const masterPrefix = `masters/${row!.record_id}/${image.id}/${image.sha256}`;
    await toLegacy(masterKey, masterPrefix, image.sha256);
    await toLegacy(`derivatives/${image.id}/pyramid.tif`, `derivatives/${image.id}/pyramid`, image.sha256);
    await toLegacy(`tiles/${image.id}/grid.pack`, `tiles/${image.id}/grid`, image.sha256);
    await toLegacy(`imports/${job.id}.csv`, `imports/${job.id}`, job.sha256);
    await sql('update record_image set master_key = ? where id = ?', [masterPrefix, image.id]);
    await sql('update import_job set object_key = ? where id = ?', [`imports/${job.id}`, job.id]);
    const partKeys = async () => (await app.objectStore.list('')).filter((k) => /\/part-\d{5}$/.test(k));
    t.is((await partKeys()).length, 12);

    // Interrupted right after the master's single object was stored (row not switched, parts still there) …
    await t.throwsAsync(
      () =>
        migrateLegacyParts(app.orm.em.fork(), app.objectStore, {
          workDir,
          afterStep: (prefix, step) => {
            if (prefix === masterPrefix && step === 'stored') throw new Error('killed');
          },
        }),
      { message: 'killed' },
    );
    t.truthy(await app.objectStore.stat(masterKey));
    // … and half of its parts already gone (as if a removal had been cut short).
    await app.objectStore.remove([`${masterPrefix}/part-00000`]);

    const report = await migrateLegacyParts(app.orm.em.fork(), app.objectStore, { workDir });
    t.deepEqual(report.problems, []);
    // The sets sorted before the master's were finished by the interrupted run already.
    t.deepEqual(report.migrated.sort(), [masterPrefix, `tiles/${image.id}/grid`]);
    t.deepEqual(await partKeys(), []);
    t.deepEqual(
      (await sql<{ master_key: string }>('select master_key from record_image where id = ?', [image.id]))[0],
      { master_key: masterKey },
    );
    t.deepEqual(
      (await sql<{ object_key: string }>('select object_key from import_job where id = ?', [job.id]))[0],
      { object_key: `imports/${job.id}.csv` },
    );
    const pyramid = await app.objectStore.stat(`derivatives/${image.id}/pyramid.tif`);
    t.regex(pyramid!.metadata['sha256']!, /^[0-9a-f]{64}$/);
    t.is(pyramid!.metadata['master-sha256'], image.sha256);
    t.is((await app.objectStore.stat(masterKey))!.metadata['sha256'], image.sha256);
    const fixity = await checkFixity(app.orm.em.fork(), app.objectStore);
    t.deepEqual([fixity.checked, fixity.problems.length], [1, 0]);
    // The IIIF tile pack reads as one object again.
    const tile = await fetch(`${app.url}/iiif/3/${image.id}/full/max/0/default.jpg`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    t.is(tile.status, 200);

    const again = await migrateLegacyParts(app.orm.em.fork(), app.objectStore, { workDir });
    t.deepEqual([again.sets, again.migrated.length, again.problems.length], [0, 0, 0]);
  },
);

test.serial(
  'a part set whose bytes do not match the recorded checksum is reported and left as it is',
  async (t) => {
    const sha = 'a'.repeat(64);
    const [inst] = await sql<{ id: string }>('select id from institution limit 1');
    t.truthy(inst);
    const id = '00000000-0000-4000-8000-000000000001';
    await sql(
      `insert into import_job (id, institution_id, kind, status, mode, format, file_name, sha256, size_bytes, object_key, created_at)
     values (?, ?, 'records', 'done', 'skip', 'csv', 'x.csv', ?, 5, ?, now())`,
      [id, inst!.id, sha, `imports/${id}`],
    );
    const bytes = Buffer.from('hello');
    await app.objectStore.put(`imports/${id}/part-00000`, bytes, bytes.length, { 'x-amz-meta-part': '1/1' });
    const report = await migrateLegacyParts(app.orm.em.fork(), app.objectStore, { workDir });
    t.deepEqual(
      report.problems.map((p) => [p.prefix, p.reason]),
      [[`imports/${id}`, 'checksum']],
    );
    t.deepEqual(await app.objectStore.list(`imports/${id}`), [`imports/${id}/part-00000`]);
  },
);
