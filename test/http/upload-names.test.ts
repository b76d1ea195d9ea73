// A file's name and a form's fields arrive as the browser wrote them (UTF-8 bytes in the multipart
// headers): 卷一第1葉.jpg is stored as 卷一第1葉.jpg, not as its bytes read one by one as Latin-1;
// bytes that are not UTF-8 (a GBK name from an older tool) are refused naming the field, and
// nothing is stored.
import test from 'ava';
import iconv from 'iconv-lite';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';
import { jpegImage, postFiles } from '../fixtures/images.js';

let app: TestApp;
let admin: ApiClient;
let institutionId: string;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  institutionId = (await createInstitution(admin, '350000')).id;
});
test.after.always(async () => {
  await app?.close();
});

const newRecord = async () =>
  (await admin.post('/api/records', validGujiInput({ institutionId, callNumber: `N-${Math.random()}` }))).body
    .censusNumber as string;
const imagesOf = async (cn: string) =>
  (await admin.get(`/api/records/${cn}/images`)).body.items as Array<{
    originalFilename: string;
    label: string;
  }>;

/** A multipart body written byte by byte: one field and one file, whose name is `fileName` as sent. */
async function postRawMultipart(cn: string, fileName: Buffer, labels: Buffer) {
  const boundary = '----census-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="labels"\r\n\r\n`),
    labels,
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    fileName,
    Buffer.from('"\r\nContent-Type: image/jpeg\r\n\r\n'),
    await jpegImage(32, 32),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await fetch(`${app.url}/api/records/${cn}/images`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${admin.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

test('an image uploaded from a browser keeps its Chinese file name and label as written', async (t) => {
  const cn = await newRecord();
  const res = await postFiles(
    `${app.url}/api/records/${cn}/images`,
    admin.token,
    [{ name: '卷一第1葉 (宋刻).jpg', data: await jpegImage(32, 32), type: 'image/jpeg' }],
    { labels: JSON.stringify(['卷一 1a']) },
  );
  t.is(res.status, 201, res.text);
  t.deepEqual(
    (await imagesOf(cn)).map((i) => [i.originalFilename, i.label]),
    [['卷一第1葉 (宋刻).jpg', '卷一 1a']],
  );
  // The same bytes written by hand (no client library in between).
  const raw = await postRawMultipart(
    cn,
    Buffer.from('卷二第1葉.jpg'),
    Buffer.from(JSON.stringify(['卷二 1a'])),
  );
  t.is(raw.status, 201, JSON.stringify(raw.body));
  const last = (await imagesOf(cn)).at(-1)!;
  t.deepEqual([last.originalFilename, last.label], ['卷二第1葉.jpg', '卷二 1a']);
});

test('a file name or a field whose bytes are not UTF-8 is 400 naming it, and no image is stored', async (t) => {
  const cn = await newRecord();
  const gbkName = await postRawMultipart(cn, iconv.encode('卷一.jpg', 'gbk'), Buffer.from('["卷一 1a"]'));
  t.is(gbkName.status, 400, JSON.stringify(gbkName.body));
  t.is(gbkName.body.error.details[0].path, 'file.filename');
  t.is(gbkName.body.error.details[0].rule, 'utf8');
  const gbkLabel = await postRawMultipart(cn, Buffer.from('p.jpg'), iconv.encode('["卷一 1a"]', 'gbk'));
  t.is(gbkLabel.status, 400, JSON.stringify(gbkLabel.body));
  t.is(gbkLabel.body.error.details[0].path, 'labels');
  t.is((await imagesOf(cn)).length, 0);
});

test('a spreadsheet uploaded with a Chinese name keeps it on its import job', async (t) => {
  const form = new FormData();
  form.set(
    'file',
    new Blob(['索书号,题名卷数,著者,版本,册数\nA-1,論語二十卷,（魏）何晏注,清刻本,2\n']),
    '福建省普查登记表.csv',
  );
  const res = await fetch(`${app.url}/api/institutions/${institutionId}/imports?mode=skip`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const job = (await res.json()) as { id: string; fileName: string };
  t.true(res.status < 300, JSON.stringify(job));
  t.is((await admin.get(`/api/imports/${job.id}`)).body.fileName, '福建省普查登记表.csv');
});
