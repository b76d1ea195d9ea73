// `npm run bench:iiif-abuse`: can one client take the image service down? The service runs in its
// own process with its default render limits. First, without abuse, a reader's tile requests
// (4 keep-alive connections over the standard grid of a 6000×8000 page) and a /health poller
// (every 100 ms) give the usual latencies. Then 16 clients send, back to back, the worst requests
// the limits allow — arbitrary rotations at the rotated-area limit, upscales to maxArea, full-size
// WebP and PNG of the large page, each with a fresh angle or size so no cache helps — while the same
// reader and poller run. Targets (issue 12): /health under 200 ms, tile p99 under 2× its usual p99.
import http from 'node:http';
import { peakRssMiB, startServiceProcess } from './service-process.js';
import { ingest, pageMaster, PAGE_H, PAGE_W, publishedRecord } from './image-bench-setup.js';
import { buildImageInfo, tileRequestsFor } from '../../src/domain/iiif/image-info.rules.js';
import { IIIF_LIMITS, TILE_SIZE } from '../../src/domain/iiif/image-service.config.js';
import { jpegImage } from '../fixtures/images.js';

const ABUSERS = 16;
const READERS = 4;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(url: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
  });
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** Runs the reader, the health poller and (optionally) the abusers for `seconds`. */
async function phase(base: string, tiles: string[], abuse: (() => string) | null, seconds: number) {
  const until = performance.now() + seconds * 1000;
  const tileMs: number[] = [];
  const healthMs: number[] = [];
  const abuseStatus = new Map<number, number>();
  const abuseMs: number[] = [];
  let tileErrors = 0;
  let next = 0;
  const loops: Array<Promise<void>> = [];
  for (let r = 0; r < READERS; r++) {
    loops.push(
      (async () => {
        while (performance.now() < until) {
          const res = await request(`${base}${tiles[next++ % tiles.length]}`);
          tileMs.push(res.ms);
          if (res.status !== 200) tileErrors++;
        }
      })(),
    );
  }
  loops.push(
    (async () => {
      while (performance.now() < until) {
        const res = await request(`${base}/health`);
        healthMs.push(res.status === 200 ? res.ms : Infinity);
        await new Promise((r) => setTimeout(r, 100));
      }
    })(),
  );
  if (abuse) {
    for (let a = 0; a < ABUSERS; a++) {
      loops.push(
        (async () => {
          while (performance.now() < until) {
            const res = await request(`${base}${abuse()}`);
            abuseStatus.set(res.status, (abuseStatus.get(res.status) ?? 0) + 1);
            abuseMs.push(res.ms);
          }
        })(),
      );
    }
  }
  await Promise.all(loops);
  return { tileMs, healthMs, tileErrors, abuseStatus, abuseMs };
}

const service = await startServiceProcess();
try {
  const { admin, censusNumber } = await publishedRecord(service);
  const big = await ingest(service, admin, censusNumber, await pageMaster('jpeg'), 'page.jpg');
  const small = await ingest(service, admin, censusNumber, await jpegImage(1200, 1600), 'small.jpg');
  const info = buildImageInfo({
    id: big.id,
    width: PAGE_W,
    height: PAGE_H,
    tileSize: TILE_SIZE,
    ...IIIF_LIMITS,
  });
  const tiles = tileRequestsFor(info).map((t) => `/iiif/3/${big.id}/${t.region}/${t.size}/0/default.jpg`);
  // Warm: the tile pack in memory, the working pyramids local (as for any page being read).
  for (const t of tiles) await request(`${service.url}${t}`);
  await request(`${service.url}/iiif/3/${small.id}/full/100,/1/default.jpg`);
  await request(`${service.url}/iiif/3/${big.id}/full/100,/1/default.jpg`);

  const angle = () => (1 + random() * 88).toFixed(3); // never a right angle, never cached
  const worst = [
    () => `/iiif/3/${small.id}/full/^max/${angle()}/default.webp`, // the report's request
    () => `/iiif/3/${big.id}/full/max/${angle()}/default.png`,
    () => `/iiif/3/${small.id}/full/^${7000 - Math.floor(random() * 100)},/0/default.jpg`, // ~65 M px upscale
    () => `/iiif/3/${big.id}/full/${6000 - Math.floor(random() * 100)},/0/default.webp`, // ~48 M px WebP
    () => `/iiif/3/${big.id}/full/${6000 - Math.floor(random() * 100)},/90/default.png`, // ~48 M px PNG, turned
  ];
  const abuse = () => worst[Math.floor(random() * worst.length)]!();

  console.log(
    `service pid ${service.pid}; ${tiles.length} grid tiles of a ${PAGE_W}×${PAGE_H} page; ${SECONDS} s per phase`,
  );
  const quiet = await phase(service.url, tiles, null, Math.min(SECONDS, 15));
  const loaded = await phase(service.url, tiles, abuse, SECONDS);
  const line = (name: string, r: Awaited<ReturnType<typeof phase>>, seconds: number) =>
    console.log(
      `${name}: tiles ${r.tileMs.length} (${(r.tileMs.length / seconds).toFixed(0)}/s) p50 ${pct(r.tileMs, 50).toFixed(1)} ms p99 ${pct(r.tileMs, 99).toFixed(1)} ms errors ${r.tileErrors}; ` +
        `/health ${r.healthMs.length} polls p50 ${pct(r.healthMs, 50).toFixed(1)} ms p99 ${pct(r.healthMs, 99).toFixed(1)} ms max ${Math.max(...r.healthMs).toFixed(1)} ms`,
    );
  line('without abuse', quiet, Math.min(SECONDS, 15));
  line(`with ${ABUSERS} abusive clients`, loaded, SECONDS);
  const statuses = [...loaded.abuseStatus].map(([s, n]) => `${s}×${n}`).join(', ');
  console.log(
    `abusive requests: ${loaded.abuseMs.length} (${statuses}); latency p50 ${pct(loaded.abuseMs, 50).toFixed(0)} ms, max ${Math.max(...loaded.abuseMs).toFixed(0)} ms`,
  );
  console.log(`service peak RSS ${(await peakRssMiB(service.pid)).toFixed(0)} MiB`);
  const healthMax = Math.max(...loaded.healthMs);
  const tileRatio = pct(loaded.tileMs, 99) / pct(quiet.tileMs, 99);
  console.log(
    `targets: /health max ${healthMax.toFixed(1)} ms < 200 ms → ${healthMax < 200 ? 'met' : 'NOT met'}; ` +
      `tile p99 ×${tileRatio.toFixed(2)} of usual < ×2 → ${tileRatio < 2 ? 'met' : 'NOT met'}`,
  );
} finally {
  agent.destroy();
  await service.stop();
}
