// Shared set-up of the image benchmarks: a published record in a service process, and a
// 6000×8000 page-like master made with sharp (noise under a paper tone, so JPEG sizes are real).
import sharp from 'sharp';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import { postFiles } from '../fixtures/images.js';
import type { ServiceProcess } from './service-process.js';

export const PAGE_W = 6000;
export const PAGE_H = 8000;

/** A 6000×8000 master as JPEG or (LZW) TIFF. */
export async function pageMaster(format: 'jpeg' | 'tiff'): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width: 600,
      height: 800,
      channels: 3,
      background: '#ffffff',
      noise: { type: 'gaussian', mean: 200, sigma: 30 },
    },
  })
    .png()
    .toBuffer();
  const big = sharp(noise).resize(PAGE_W, PAGE_H, { kernel: 'cubic' });
  return format === 'jpeg'
    ? big.jpeg({ quality: 90 }).toBuffer()
    : big.tiff({ compression: 'lzw' }).toBuffer();
}

/** Logs in as the bench admin and creates a published 古籍 record; returns its census number. */
export async function publishedRecord(
  service: ServiceProcess,
): Promise<{ admin: ApiClient; censusNumber: string }> {
  const admin = await new ApiClient(service.url).login(service.adminEmail, service.adminPassword);
  const inst = await createInstitution(admin, '350000');
  const rec = await admin.post('/api/records', {
    type: 'guji',
    institutionId: inst.id,
    callNumber: '善00001',
    title: '朱子大全一百卷目錄二卷',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明天順四年（1460）賀沈、胡緝刻本',
    editionType: '刻本',
    volumes: 40,
    binding: '线装',
    classification: '集',
    grade: '四级',
    damageGrade: '完好',
  });
  if (rec.status !== 201) throw new Error(`record: ${rec.status} ${rec.text}`);
  const cn = rec.body.censusNumber as string;
  for (const step of ['submit', 'start-review', 'approve', 'publish']) {
    const res = await admin.post(`/api/records/${cn}/${step}`, {});
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${res.text}`);
  }
  return { admin, censusNumber: cn };
}

/** Uploads one master and waits until its derivatives are ready; returns the id and seconds taken. */
export async function ingest(
  service: ServiceProcess,
  admin: ApiClient,
  censusNumber: string,
  master: Buffer,
  name: string,
): Promise<{ id: string; seconds: number; uploadSeconds: number }> {
  const start = performance.now();
  const res = await postFiles(`${service.url}/api/records/${censusNumber}/images`, admin.token, [
    { name, data: master },
  ]);
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  const uploadSeconds = (performance.now() - start) / 1000;
  const id = res.body.items[0].id as string;
  for (;;) {
    const image = await admin.get(`/api/images/${id}`);
    if (image.body.status === 'ready') break;
    if (image.body.status === 'failed') throw new Error(`derivatives failed: ${image.body.error}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { id, seconds: (performance.now() - start) / 1000, uploadSeconds };
}
