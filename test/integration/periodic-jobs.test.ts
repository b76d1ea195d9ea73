// The periodic work inside the service (orphan sweep, fixity check) runs on the job queue's cron.
import test from 'ava';
import { pino } from 'pino';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { enqueueJobs } from '../../src/jobs/job-queue.js';
import {
  FIXITY_CHECK_TASK,
  ORPHAN_SWEEP_TASK,
  startPeriodicJobs,
} from '../../src/maintenance/periodic-jobs.js';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

test('the orphan sweep and the fixity check are registered with the cron, and each tick runs them', async (t) => {
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '丙001',
    title: '周易',
    authors: [{ dynasty: '魏', name: '王弼', role: '注' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 1,
    binding: '线装',
    classification: '经',
  });
  const cn = rec.body.censusNumber as string;
  const up = await postFiles(`${app.url}/api/records/${cn}/images`, admin.token, [
    { name: 'p.jpg', data: await jpegImage(600, 800), type: 'image/jpeg' },
  ]);
  t.is(up.status, 201, up.text);
  await app.deps.derivativeWorker!.idle();
  // A master goes missing (a disk fault) and an object no row references appears.
  const [master] = await app.objectStore.list('masters/');
  await app.objectStore.remove([master!]);
  await app.objectStore.put('derivatives/no-such-image/pyramid.tif', Buffer.from('x'), 1);

  const logged: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  const periodic = startPeriodicJobs(
    { orm: app.orm, objectStore: app.objectStore, logger },
    { orphanSweepIntervalMs: 3_600_000, orphanGraceMs: 0, fixityIntervalMs: 24 * 3_600_000 },
    100,
  );
  try {
    await periodic.idle();
    const known = await app.orm.em
      .fork()
      .execute<Array<{ identifier: string }>>(
        'select identifier from graphile_worker._private_known_crontabs order by identifier',
      );
    t.deepEqual(
      known.map((k) => k.identifier),
      [FIXITY_CHECK_TASK, ORPHAN_SWEEP_TASK],
    );
    // A tick: the cron adds each job as below when its minute comes.
    await enqueueJobs(app.orm.em.fork(), ORPHAN_SWEEP_TASK, [{ key: 'tick-orphans', payload: {} }]);
    await enqueueJobs(app.orm.em.fork(), FIXITY_CHECK_TASK, [{ key: 'tick-fixity', payload: {} }]);
    await periodic.idle();
  } finally {
    await periodic.stop();
  }
  t.deepEqual(await app.objectStore.list('derivatives/no-such-image/'), []);
  const problem = logged.find((l) => l['msg'] === 'fixity check: a master does not match its checksum');
  t.like(problem, { censusNumber: cn, masterKey: master, reason: 'missing' });
  t.like(
    logged.find((l) => l['msg'] === 'fixity check finished'),
    { checked: 1, ok: 0, problems: 1 },
  );
});
