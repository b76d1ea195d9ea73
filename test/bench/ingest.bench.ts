// `npm run bench:ingest`: seconds per 6000×8000 master from the start of the upload until all
// derivatives (pyramid, tile grid, thumbnails) are ready, for JPEG and TIFF masters. The service
// runs in its own process (as `npm start`); this process uploads and polls. Target: < 5 s.
import { startServiceProcess } from './service-process.js';
import { ingest, pageMaster, publishedRecord } from './image-bench-setup.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const service = await startServiceProcess();
try {
  const { admin, censusNumber } = await publishedRecord(service);
  for (const format of ['jpeg', 'tiff'] as const) {
    const master = await pageMaster(format);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await ingest(
        service,
        admin,
        censusNumber,
        master,
        `page-${i}.${format === 'jpeg' ? 'jpg' : 'tif'}`,
      );
      times.push(run.seconds);
      console.log(
        `${format} ${(master.length / 1048576).toFixed(1)} MiB: upload answered in ${run.uploadSeconds.toFixed(2)} s, ready after ${run.seconds.toFixed(2)} s`,
      );
    }
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(`${format}: mean ${mean.toFixed(2)} s per 6000×8000 master (${RUNS} runs; target < 5 s)`);
  }
} finally {
  await service.stop();
}
