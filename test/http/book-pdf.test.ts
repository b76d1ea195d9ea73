// The whole book as PDF (GET /catalogue/records/:cn/book.pdf): made on the first download from the
// stored tiles, streamed, kept in the object store for every later download; only for published
// books whose institution offers its images to the public; pages in order, read right to left with
// bookmarks per 卷. The record page links it and offers each page at the sizes it has.
import test from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { jpegImage, postFiles } from '../fixtures/images.js';
import { wenxuanInput } from '../helpers/record-input.js';
import { sweepOrphans } from '../../src/maintenance/orphan-sweep.service.js';

let app: TestApp;
let admin: ApiClient;
let callNumbers = 0;

async function bookWithPages(institutionId: string, labels: string[], publish = true): Promise<string> {
  const created = await admin.post(
    '/api/records',
    wenxuanInput(institutionId, { callNumber: `善 ${++callNumbers}` }),
  );
  if (created.status !== 201) throw new Error(created.text);
  const cn: string = created.body.censusNumber;
  if (labels.length) {
    const files = await Promise.all(
      labels.map(async (_, i) => ({
        name: `p${i + 1}.jpg`,
        data: await jpegImage(600, 900),
        type: 'image/jpeg',
      })),
    );
    const upload = await postFiles(`${app.url}/api/records/${cn}/images`, admin.token, files);
    if (upload.status !== 201) throw new Error(upload.text);
    const ids = upload.body.items.map((i: { id: string }) => i.id) as string[];
    for (const [i, id] of ids.entries()) {
      let image = (await admin.get(`/api/images/${id}`)).body;
      for (const deadline = Date.now() + 60_000; image.status !== 'ready';) {
        if (Date.now() > deadline) throw new Error(`image ${id} not ready`);
        await new Promise((r) => setTimeout(r, 200));
        image = (await admin.get(`/api/images/${id}`)).body;
      }
      const relabel = await admin.patch(`/api/images/${id}`, { label: labels[i], version: image.version });
      if (relabel.status !== 200) throw new Error(relabel.text);
    }
  }
  if (publish) await publishRecord(admin, cn);
  return cn;
}

async function recordIdOf(cn: string): Promise<string> {
  const rows = await app.orm.em
    .fork()
    .getConnection()
    .execute('select id from census_record where census_number = ?', [cn]);
  return (rows[0] as { id: string }).id;
}

const pdfUrl = (cn: string) => `${app.url}/catalogue/records/${encodeURIComponent(cn)}/book.pdf`;

test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

test.serial(
  'a published open book downloads as a PDF of its pages, right to left with a bookmark per 卷, then from the store',
  async (t) => {
    const nlc = await createInstitution(admin, '110000', { name: '国家图书馆' });
    const cn = await bookWithPages(nlc.id, ['卷一 1a', '卷一 1b', '卷二 1a']);
    const recordId = await recordIdOf(cn);
    // A PDF made before the pages changed: a new one replaces it.
    await app.objectStore.put(`books/${recordId}/stale.pdf`, Buffer.from('%PDF-old'), 8);

    const first = await fetch(pdfUrl(cn));
    t.is(first.status, 200);
    t.is(first.headers.get('content-type'), 'application/pdf');
    t.is(first.headers.get('content-disposition'), `attachment; filename="${cn}.pdf"`);
    const etag = first.headers.get('etag');
    t.truthy(etag);
    const pdf = Buffer.from(await first.arrayBuffer()).toString('latin1');
    t.true(pdf.startsWith('%PDF-'));
    t.true(pdf.trimEnd().endsWith('%%EOF'));
    t.is(pdf.match(/\/Type \/Page\b/g)?.length, 3, 'one PDF page per page image');
    t.is(pdf.match(/\/Subtype \/Image/g)?.length, 3);
    t.true(
      pdf.includes('/Width 600') && pdf.includes('/Height 900'),
      'pages at their stored size (smaller than the reading edge)',
    );
    t.regex(pdf, /\/Direction \/R2L/);
    t.regex(pdf, /\/PageLayout \/TwoPageRight/);
    t.regex(pdf, /\/Outlines \d+ 0 R/);
    // Bookmark titles are UTF-16BE strings: 卷一 and 卷二.
    const utf16 = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex');
    t.true(
      pdf.includes(`<feff${utf16('卷一')}>`) ||
        Buffer.from(pdf, 'latin1').includes(Buffer.from(`feff${utf16('卷一')}`, 'hex')),
    );

    // Stored once made: the object exists under the record's prefix, the stale one is gone.
    let keys: string[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      keys = await app.objectStore.list(`books/${recordId}/`);
      if (keys.length === 1 && !keys[0]!.endsWith('stale.pdf')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    t.is(keys.length, 1);
    t.regex(keys[0]!, /^books\/[0-9a-f-]{36}\/[0-9a-f]{32}\.pdf$/);
    const again = await fetch(pdfUrl(cn));
    t.is(again.status, 200);
    t.is(again.headers.get('etag'), etag);
    const stored = Buffer.from(await again.arrayBuffer());
    t.is(
      Number(again.headers.get('content-length')),
      stored.length,
      'the stored file is sent with its length',
    );
    t.is(stored.toString('latin1').match(/\/Type \/Page\b/g)?.length, 3);
    const notModified = await fetch(pdfUrl(cn), { headers: { 'If-None-Match': etag! } });
    t.is(notModified.status, 304);
    // The orphan sweep keeps a published book's PDF: the catalogue entry references it.
    const sweep = await sweepOrphans(app.orm.em.fork(), app.objectStore, { graceMs: 0, remove: false });
    t.false(sweep.objects.some((o) => o.key.startsWith(`books/${recordId}/`)));
  },
);

test.serial(
  'the record page links the PDF and offers each page at the sizes smaller than the page and full size',
  async (t) => {
    const inst = await createInstitution(admin, '320000', { name: '南京图书馆' });
    const cn = await bookWithPages(inst.id, ['卷一 1a']);
    const html = await (await fetch(`${app.url}/catalogue/records/${encodeURIComponent(cn)}`)).text();
    t.true(html.includes(`href="${app.deps.config.publicUrl}/catalogue/records/${cn}/book.pdf"`));
    t.regex(html, /整书 PDF/);
    // A 600×900 page: 原图 (full/max) only, the 1000 and 2000 px sizes would enlarge it.
    t.regex(html, /\/full\/max\/0\/default\.jpg" download="[^"]+-0001\.jpg"/);
    t.notRegex(html, /!1000,1000/);
  },
);

test.serial(
  'books the public may not have: not published, images withheld, no pages, odd numbers',
  async (t) => {
    const inst = await createInstitution(admin, '330000', { name: '浙江图书馆' });
    const draft = await bookWithPages(inst.id, ['卷一 1a'], false);
    const res = await fetch(pdfUrl(draft));
    t.is(res.status, 404);
    const body = (await res.json()) as { error: { code: string; messageZh: string } };
    t.is(body.error.code, 'NOT_FOUND');

    const empty = await bookWithPages(inst.id, []);
    const none = await fetch(pdfUrl(empty));
    t.is(none.status, 404);
    t.is(((await none.json()) as { error: { code: string } }).error.code, 'NO_PAGE_IMAGES');

    const restricted = await createInstitution(admin, '340000', { name: '安徽省图书馆' });
    const cn = await bookWithPages(restricted.id, ['卷一 1a']);
    const set = await admin.request('PUT', `/api/institutions/${restricted.id}/rights-statement`, {
      rightsStatement: 'metadata_only',
    });
    t.is(set.status, 200, set.text);
    const withheld = await fetch(pdfUrl(cn));
    t.is(withheld.status, 403);
    const error = (
      (await withheld.json()) as { error: { code: string; messageZh: string; messageEn: string } }
    ).error;
    t.is(error.code, 'IMAGE_RESTRICTED');
    t.regex(error.messageZh, /安徽省图书馆/);
    t.regex(error.messageEn, /not offered for download/);
    // The record page offers no PDF for it either.
    const html = await (await fetch(`${app.url}/catalogue/records/${encodeURIComponent(cn)}`)).text();
    t.false(html.includes('book.pdf'));

    for (const odd of ['..%2F..%2Fetc', '%00', 'x'.repeat(5000), "1' or '1'='1", '%F0%9F%98%80']) {
      const r = await fetch(`${app.url}/catalogue/records/${odd}/book.pdf`);
      t.true([400, 404, 414].includes(r.status), `${odd.slice(0, 20)} → ${r.status}`);
    }
  },
);
