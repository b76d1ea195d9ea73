// `npm run bench:tiles`: replays a viewer session on a 6000×8000 page — every tile of the standard
// grid at every scale factor, shuffled — with 16 concurrent keep-alive connections from this
// process against the service in its own process; reports tiles/s and p50/p99. The first pass
// reads tiles from the object store, later passes mostly from the in-process cache. A second run
// asks for arbitrary regions and sizes (rendered from the pyramid). Targets (2 cores): grid
// ≥ 1,000 tiles/s with p99 < 50 ms; arbitrary p50 < 100 ms.
import http from 'node:http';
import { startServiceProcess } from './service-process.js';
import { ingest, PAGE_H, PAGE_W, pageMaster, publishedRecord } from './image-bench-setup.js';
import { buildImageInfo, tileRequestsFor } from '../../src/domain/iiif/image-info.rules.js';
import { IIIF_LIMITS, TILE_SIZE } from '../../src/domain/iiif/image-service.config.js';

const CONNECTIONS = 16;
const PASSES = Number(process.env.BENCH_PASSES ?? 10);
const ARBITRARY = Number(process.env.BENCH_ARBITRARY ?? 300);

function shuffle<T>(items: T[], seed = 42): T[] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function fetchPath(base: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

async function replay(base: string, paths: string[]) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const t0 = performance.now();
        const status = await fetchPath(base, path);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { rps: paths.length / seconds, p50: pct(50), p99: pct(99), errors, count: paths.length };
}

const line = (title: string, r: Awaited<ReturnType<typeof replay>>) =>
  console.log(
    `${title}: ${r.count} requests, ${r.rps.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`,
  );

const service = await startServiceProcess();
try {
  const { admin, censusNumber } = await publishedRecord(service);
  const { id } = await ingest(service, admin, censusNumber, await pageMaster('jpeg'), 'page.jpg');
  const info = buildImageInfo({ id, width: PAGE_W, height: PAGE_H, tileSize: TILE_SIZE, ...IIIF_LIMITS });
  const grid = tileRequestsFor(info).map((t) => `/iiif/3/${id}/${t.region}/${t.size}/0/default.jpg`);
  console.log(
    `grid of a ${PAGE_W}×${PAGE_H} page: ${grid.length} tiles, scale factors ${info.tiles[0]!.scaleFactors.join(',')}`,
  );
  line('grid, first pass (object store)', await replay(service.url, shuffle([...grid], 1)));
  const passes = Array.from({ length: PASSES }, (_, i) => shuffle([...grid], i + 2)).flat();
  line(`grid, ${PASSES} more shuffled passes`, await replay(service.url, passes));

  const arbitrary = shuffle(
    Array.from({ length: ARBITRARY }, (_, i) => {
      const w = 200 + ((i * 733) % 2800);
      const h = 200 + ((i * 911) % 3600);
      const x = (i * 1237) % (PAGE_W - w);
      const y = (i * 2713) % (PAGE_H - h);
      const size = Math.min(w, 100 + ((i * 37) % 900)); // never an upscale (that would be a 400)
      return `/iiif/3/${id}/${x},${y},${w},${h}/${size},/0/default.jpg`;
    }),
  );
  line('arbitrary regions and sizes', await replay(service.url, arbitrary));
} finally {
  agent.destroy();
  await service.stop();
}
