// `npm run bench:book-pdf`: a published book of 300 pages downloaded as PDF, in the service's own
// process (`npm start`'s command). Pages are 1500×2000 scans with paper-like noise, each one
// different; the PDF is made from a level of ≤ 2000 px, so a 6000×8000 master means the same work
// per page (12 tiles read and joined) — only its ingest, not measured here, takes longer.
// Prints the time to the first byte of the first download (target, issue 15: streaming starts
// within 2 s), its total time and size, and the second download, served from the object store.
import http from 'node:http';
import sharp from 'sharp';
import { startServiceProcess } from './service-process.js';
import { publishedRecord } from './image-bench-setup.js';
import { postFiles } from '../fixtures/images.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 300);
const BATCH = 10;
const W = 1500;
const H = 2000;

/** A page scan: noise under a paper tone; `n` changes a stripe so every page is its own file. */
async function pageScan(base: Buffer, n: number): Promise<Buffer> {
  const raw = Buffer.from(base);
  const row = (n * 7) % H;
  raw.fill(n % 256, row * W * 3, (row + 3) * W * 3);
  return sharp(raw, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

function download(url: string): Promise<{
  status: number;
  stored: boolean;
  firstByteMs: number;
  firstPageMs: number;
  totalMs: number;
  bytes: number;
}> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let firstByteMs = -1;
        let firstPageMs = -1;
        let bytes = 0;
        let tail = '';
        res.on('data', (c: Buffer) => {
          if (firstByteMs < 0) firstByteMs = performance.now() - start;
          bytes += c.length;
          // The first page image's object: pdfkit writes the file header at once, pages as made.
          if (firstPageMs < 0) {
            const text = tail + c.toString('latin1');
            if (text.includes('/Subtype /Image')) firstPageMs = performance.now() - start;
            tail = text.slice(-32);
          }
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            // A stored PDF is sent with its length; one being made is streamed (chunked).
            stored: res.headers['content-length'] !== undefined,
            firstByteMs,
            firstPageMs,
            totalMs: performance.now() - start,
            bytes,
          }),
        );
      })
      .on('error', reject);
  });
}

const service = await startServiceProcess();
try {
  const { admin, censusNumber } = await publishedRecord(service);
  const base = await sharp({
    create: {
      width: W,
      height: H,
      channels: 3,
      background: '#ffffff',
      noise: { type: 'gaussian', mean: 200, sigma: 30 },
    },
  })
    .raw()
    .toBuffer();
  const ingestStart = performance.now();
  const ids: string[] = [];
  for (let first = 0; first < PAGES; first += BATCH) {
    const files = await Promise.all(
      Array.from({ length: Math.min(BATCH, PAGES - first) }, async (_, i) => ({
        name: `p${first + i + 1}.jpg`,
        data: await pageScan(base, first + i),
        type: 'image/jpeg',
      })),
    );
    const res = await postFiles(`${service.url}/api/records/${censusNumber}/images`, admin.token, files);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
  }
  for (const id of ids) {
    for (;;) {
      const image = await admin.get(`/api/images/${id}`);
      if (image.body.status === 'ready') break;
      if (image.body.status === 'failed') throw new Error(`derivatives failed: ${image.body.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  console.log(
    `${PAGES} pages of ${W}×${H} ingested in ${((performance.now() - ingestStart) / 1000).toFixed(0)} s`,
  );

  const url = `${service.url}/catalogue/records/${encodeURIComponent(censusNumber)}/book.pdf`;
  const made = await download(url);
  if (made.status !== 200) throw new Error(`download: ${made.status}`);
  console.log(
    `first download (made while streaming): first byte ${(made.firstByteMs / 1000).toFixed(2)} s, ` +
      `first page ${(made.firstPageMs / 1000).toFixed(2)} s (target: streaming within 2 s), ` +
      `complete ${(made.totalMs / 1000).toFixed(1)} s, ${(made.bytes / 1024 / 1024).toFixed(1)} MiB, ` +
      `${(PAGES / (made.totalMs / 1000)).toFixed(1)} pages/s`,
  );
  // The stored copy appears once the made file is uploaded: wait for it (a HEAD answers without
  // making the book again), then download it.
  for (let i = 0; i < 100; i++) {
    const head = await fetch(url, { method: 'HEAD' });
    if (head.headers.get('content-length')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const stored = await download(url);
  if (!stored.stored) throw new Error('the second download was not served from the object store');
  console.log(
    `second download (from the object store): first byte ${(stored.firstByteMs / 1000).toFixed(3)} s, ` +
      `complete ${(stored.totalMs / 1000).toFixed(2)} s, ${(stored.bytes / 1024 / 1024).toFixed(1)} MiB`,
  );
} finally {
  await service.stop();
}
