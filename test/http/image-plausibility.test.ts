// Issue 12 item 5: an image whose header claims more pixels than its data can hold is refused
// before anything is built or stored (an 11.5 KB JPEG claiming 15000×15000 used to be stored as
// ready, building a 922 MB working pyramid). Highly compressible real scans are still accepted.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { blankPageScan, lyingJpeg, lyingTiff, postFiles } from '../fixtures/images.js';
import { RecordImageSchema } from '../../src/images/record-image.entity.js';

let app: TestApp;
let admin: ApiClient;
let censusNumber: string;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '350000');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '謊001',
    title: '詩經',
    authors: [{ dynasty: '宋', name: '朱熹', role: '集注' }],
    edition: '明刻本',
    editionType: '刻本',
    volumes: 4,
    binding: '线装',
    classification: '经',
  });
  if (rec.status !== 201) throw new Error(rec.text);
  censusNumber = rec.body.censusNumber;
});
test.after.always(async () => {
  await app?.close();
});

const upload = (name: string, data: Buffer) =>
  postFiles(`${app.url}/api/records/${censusNumber}/images`, admin.token, [{ name, data }]);

test.serial(
  'JPEG and TIFF headers claiming 15000×15000 over a few bytes are refused, nothing stored',
  async (t) => {
    for (const [name, data] of [
      ['lying.jpg', await lyingJpeg(15000, 15000)],
      ['lying.tif', await lyingTiff(15000, 15000)],
    ] as const) {
      t.true(data.length < 12_000, `${name} is ${data.length} bytes`);
      const res = await upload(name, data);
      t.is(res.status, 400, `${name}: ${res.text}`);
      t.is(res.body.error.code, 'IMPLAUSIBLE_IMAGE', name);
      const detail = res.body.error.details[0];
      t.is(detail.path, `files[${name}]`);
      t.is(detail.rule, 'plausible_size');
      t.regex(res.body.error.message, new RegExp(`${name.replace('.', '\\.')}.*15000×15000`));
      t.regex(detail.messageZh, /字节/);
      t.regex(detail.messageEn, /bytes/);
    }
    t.deepEqual(await app.objectStore.list(''), [], 'no object');
    t.is(await app.orm.em.fork().count(RecordImageSchema, {}), 0, 'no row');
  },
);

test.serial('mostly blank real scans compress a lot and are still accepted', async (t) => {
  for (const [name, format] of [
    ['blank.jpg', 'jpeg'],
    ['blank.tif', 'tiff'],
    ['blank.png', 'png'],
  ] as const) {
    const data = await blankPageScan(1500, 2000, format);
    const res = await upload(name, data);
    t.is(res.status, 201, `${name} (${data.length} bytes): ${res.text}`);
  }
});
