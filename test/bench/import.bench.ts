// `npm run bench:import`: imports a generated 100,000-row spreadsheet (varied eras, authors,
// editions in traditional characters, 5% invalid rows) through the API into the service running in
// its own process, and reports rows/s and the service's peak RSS.
import fs from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { peakRssMiB, startServiceProcess } from './service-process.js';
import { generateRecordRows, writeCsvFile } from './record-rows.generator.js';
import { ApiClient } from '../helpers/api-client.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-import-'));
const file = path.join(dir, 'records.csv');
await writeCsvFile(file, generateRecordRows(ROWS, { invalidShare: 0.05, seed: 7 }));
const { size } = await fs.stat(file);
console.log(`generated ${ROWS} rows (${(size / 1048576).toFixed(1)} MiB CSV)`);

const service = await startServiceProcess();
try {
  const admin = await new ApiClient(service.url).login(service.adminEmail, service.adminPassword);
  const inst = await admin.post('/api/institutions', {
    provinceCode: '320000',
    code: '2001',
    name: '南京图书馆',
    type: '公共图书馆',
  });
  const rssBefore = await peakRssMiB(service.pid);
  const form = new FormData();
  form.set('file', await openAsBlob(file), 'records.csv');
  const uploadStart = Date.now();
  const res = await fetch(`${service.url}/api/institutions/${inst.body.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const job = (await res.json()) as { id: string };
  const uploadMs = Date.now() - uploadStart;
  let status: Record<string, any>;
  for (;;) {
    status = (await admin.get(`/api/imports/${job.id}`)).body;
    if (status.status === 'done' || status.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const seconds = (Date.parse(status.finishedAt) - Date.parse(status.startedAt)) / 1000;
  const peak = await peakRssMiB(service.pid);
  console.log(
    `\nstatus ${status.status}: ${status.total} rows, ${status.created} created, ${status.failed} failed`,
  );
  console.log('| rows | upload s | import s | rows/s | service peak RSS MiB (before import) |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| ${status.total} | ${(uploadMs / 1000).toFixed(1)} | ${seconds.toFixed(1)} | ${Math.round(status.total / seconds)} | ${peak.toFixed(0)} (${rssBefore.toFixed(0)}) |`,
  );
} finally {
  await service.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
