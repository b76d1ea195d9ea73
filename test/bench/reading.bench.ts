// `npm run bench:reading`: a cold reading session. 24 pages (the same 6000×8000 page-like master,
// uploaded as 24 images, so each is seen for the first time), read by 4 readers, each turning its
// own run of pages in order: info.json, the tiles that fit the page to a 1600×1000 screen, then a
// zoom to full resolution on the middle of the page (the tiles under the screen); a reader's
// browser fetches each step's tiles over 6 connections. A page view = info.json to the last tile.
// Then warm deep zoom: every full-resolution tile of one page, 16 connections, as pixels per second
// (with `wrk` as the client when installed — Debian `apt-get install wrk` — else a Node client).
// When `iipsrv` and `lighttpd` are installed (Debian: `apt-get install iipimage-server lighttpd`),
// the same session runs against IIPImage serving the same page as tiled pyramidal TIFFs, and the
// ratios are printed. Targets (issue 16): a cold page view at most half IIPImage's time; warm deep
// zoom at least 10× IIPImage's pixel rate. Each cold session also prints the CPU a view cost each
// kind of process (service, object store, PostgreSQL; lighttpd, iipsrv; the benchmark's client):
// on a machine whose cores they all share, a view's time follows their sum.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import sharp from 'sharp';
import { startServiceProcess } from './service-process.js';
import { PAGE_H, PAGE_W, pageMaster, publishedRecord } from './image-bench-setup.js';
import { postFiles } from '../fixtures/images.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { cpuSpent, treeCpuMs } from './process-cpu.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 24);
const READERS = 4;
const BROWSER_CONNECTIONS = 6;
const WARM_CONNECTIONS = 16;
const TILE = 512;
const SCREEN = { w: 1600, h: 1000 };
const IIPSRV = '/usr/lib/iipimage-server/iipsrv.fcgi';
const LIGHTTPD = '/usr/sbin/lighttpd';
const WRK = '/usr/bin/wrk';
const WRK_SECONDS = Number(process.env.BENCH_WRK_SECONDS ?? 10);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      })
      .on('error', reject);
  });
}

async function pool(urls: string[], connections: number): Promise<number> {
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < urls.length) {
        const res = await get(urls[next++]!);
        if (res.status !== 200) errors++;
      }
    }),
  );
  return errors;
}

interface Tile {
  x: number;
  y: number;
  w: number;
  h: number;
  sw: number; // output width
  sh: number;
}

/** Tiles of the grid at scale factor `sf` that intersect the page-space rectangle. */
function tilesAt(sf: number, rect: { x: number; y: number; w: number; h: number }): Tile[] {
  const span = TILE * sf;
  const tiles: Tile[] = [];
  for (let y = Math.floor(rect.y / span) * span; y < Math.min(PAGE_H, rect.y + rect.h); y += span) {
    for (let x = Math.floor(rect.x / span) * span; x < Math.min(PAGE_W, rect.x + rect.w); x += span) {
      const w = Math.min(span, PAGE_W - x);
      const h = Math.min(span, PAGE_H - y);
      tiles.push({ x, y, w, h, sw: Math.ceil(w / sf), sh: Math.ceil(h / sf) });
    }
  }
  return tiles;
}

const fitSf = (() => {
  let sf = 1;
  while (PAGE_W / sf > SCREEN.w || PAGE_H / sf > SCREEN.h) sf *= 2;
  return sf;
})();
const fitTiles = tilesAt(fitSf, { x: 0, y: 0, w: PAGE_W, h: PAGE_H });
const zoomTiles = tilesAt(1, {
  x: (PAGE_W - SCREEN.w) / 2,
  y: (PAGE_H - SCREEN.h) / 2,
  w: SCREEN.w,
  h: SCREEN.h,
});
const deepTiles = tilesAt(1, { x: 0, y: 0, w: PAGE_W, h: PAGE_H });

interface Server {
  name: string;
  info: (page: number) => string;
  tile: (page: number, t: Tile) => string;
  /** The process whose tree serves it, and the name of each kind of process in that tree. */
  processes: { root: number; label: (comm: string, cmdline: string) => string | undefined };
}

async function session(server: Server) {
  const cpuBefore = await treeCpuMs(server.processes.root, server.processes.label);
  const clientBefore = process.cpuUsage();
  const views: number[] = [];
  const phases = { info: [] as number[], fit: [] as number[], zoom: [] as number[] };
  let errors = 0;
  const perReader = Math.ceil(PAGES / READERS);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: READERS }, async (_, r) => {
      for (let i = r * perReader; i < Math.min(PAGES, (r + 1) * perReader); i++) {
        const t0 = performance.now();
        if ((await get(server.info(i))).status !== 200) errors++;
        const t1 = performance.now();
        errors += await pool(
          fitTiles.map((t) => server.tile(i, t)),
          BROWSER_CONNECTIONS,
        );
        const t2 = performance.now();
        errors += await pool(
          zoomTiles.map((t) => server.tile(i, t)),
          BROWSER_CONNECTIONS,
        );
        const t3 = performance.now();
        views.push(t3 - t0);
        phases.info.push(t1 - t0);
        phases.fit.push(t2 - t1);
        phases.zoom.push(t3 - t2);
      }
    }),
  );
  const total = (performance.now() - start) / 1000;
  // CPU per view of each kind of server process and of this client: on two shared cores a view's
  // time follows the CPU all of them spend on it.
  const client = process.cpuUsage(clientBefore);
  const cpu = cpuSpent(cpuBefore, await treeCpuMs(server.processes.root, server.processes.label));
  cpu.set('the benchmark client', (client.user + client.system) / 1000);
  const cpuPerView = [...cpu]
    .filter(([, ms]) => ms > 0)
    .map(([name, ms]) => `${name} ${(ms / PAGES).toFixed(1)} ms`)
    .join(', ');
  views.sort((a, b) => a - b);
  const mean = views.reduce((a, b) => a + b, 0) / views.length;
  // Median of each step of a page view: where the time goes once the session runs.
  const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]! / 1000;
  const steps = { info: median(phases.info), fit: median(phases.fit), zoom: median(phases.zoom) };
  return {
    mean,
    p50: views[Math.floor(views.length / 2)]!,
    max: views.at(-1)!,
    errors,
    total,
    steps,
    cpuPerView,
  };
}

/**
 * Requests per second and failed answers of `wrk` (C, from Debian's `wrk` package) cycling through
 * the URLs (same host) over WARM_CONNECTIONS connections. The Node client below spends as much CPU
 * parsing responses as the service spends answering them, on the same two cores; wrk leaves them to
 * the server under test, which is what the pixel rate is meant to compare.
 */
async function wrkRate(urls: string[]): Promise<{ perSecond: number; errors: number }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'census-wrk-'));
  const script = path.join(dir, 'paths.lua');
  const origin = new URL(urls[0]!).origin;
  const paths = urls.map((u) => JSON.stringify(u.slice(origin.length)));
  await fs.promises.writeFile(
    script,
    `local paths = {${paths.join(',')}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`,
  );
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK, ['-t2', `-c${WARM_CONNECTIONS}`, `-d${WRK_SECONDS}s`, '-s', script, origin]);
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text}`)),
      );
    });
    const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
    const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
    if (!Number.isFinite(perSecond)) throw new Error(`wrk: no rate in ${out}`);
    return { perSecond, errors };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

async function deepZoom(server: Server, page: number) {
  const urls = deepTiles.map((t) => server.tile(page, t));
  const warmErrors = await pool(urls, WARM_CONNECTIONS); // warm
  const tilePixels = deepTiles.reduce((sum, t) => sum + t.sw * t.sh, 0) / deepTiles.length;
  if (fs.existsSync(WRK)) {
    const { perSecond, errors } = await wrkRate(urls);
    return {
      mpxPerSecond: (perSecond * tilePixels) / 1e6,
      tilesPerSecond: perSecond,
      errors: warmErrors + errors,
    };
  }
  const passes = 3;
  const t0 = performance.now();
  let errors = 0;
  for (let p = 0; p < passes; p++) errors += await pool(urls, WARM_CONNECTIONS);
  const seconds = (performance.now() - t0) / 1000;
  const pixels = deepTiles.reduce((sum, t) => sum + t.sw * t.sh, 0) * passes;
  return { mpxPerSecond: pixels / seconds / 1e6, tilesPerSecond: (urls.length * passes) / seconds, errors };
}

const report = (
  name: string,
  s: Awaited<ReturnType<typeof session>>,
  d: Awaited<ReturnType<typeof deepZoom>>,
) =>
  console.log(
    `${name}: cold page view mean ${(s.mean / 1000).toFixed(3)} s, p50 ${(s.p50 / 1000).toFixed(3)} s, max ${(s.max / 1000).toFixed(3)} s ` +
      `(medians: info.json ${s.steps.info.toFixed(3)} s, fitted ${s.steps.fit.toFixed(3)} s, zoomed ${s.steps.zoom.toFixed(3)} s; session ${s.total.toFixed(1)} s, errors ${s.errors}; ` +
      `CPU per cold view: ${s.cpuPerView}); ` +
      `warm deep zoom ${d.mpxPerSecond.toFixed(1)} Mpx/s (${d.tilesPerSecond.toFixed(0)} tiles/s, errors ${d.errors})`,
  );

console.log(
  `${PAGES} pages of ${PAGE_W}×${PAGE_H}, ${READERS} readers; per page view: info.json, ${fitTiles.length} fit-to-screen tiles (scale factor ${fitSf}), ${zoomTiles.length} full-resolution tiles`,
);
const master = await pageMaster('jpeg');

// --- this service
const service = await startServiceProcess();
let ours: [Awaited<ReturnType<typeof session>>, Awaited<ReturnType<typeof deepZoom>>];
try {
  const { admin, censusNumber } = await publishedRecord(service);
  const ids: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    const res = await postFiles(`${service.url}/api/records/${censusNumber}/images`, admin.token, [
      { name: `page-${i + 1}.jpg`, data: master },
    ]);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
    ids.push(res.body.items[0].id as string);
  }
  for (;;) {
    const list = await admin.get(`/api/records/${censusNumber}/images`);
    const items = (list.body.items ?? list.body) as Array<{ status: string }>;
    if (items.some((i) => i.status === 'failed')) throw new Error('derivatives failed');
    if (items.filter((i) => i.status === 'ready').length === PAGES) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const ourServer: Server = {
    name: 'this service',
    info: (p) => `${service.url}/iiif/3/${ids[p]}/info.json`,
    tile: (p, t) =>
      `${service.url}/iiif/3/${ids[p]}/${t.x},${t.y},${t.w},${t.h}/${t.sw},${t.sh}/0/default.jpg`,
    processes: {
      root: service.pid,
      label: (comm, cmdline) =>
        comm === 'postgres'
          ? 'PostgreSQL'
          : cmdline.includes('embedded-s3-child')
            ? 'object store (s3rver)'
            : 'service',
    },
  };
  ours = [await session(ourServer), await deepZoom(ourServer, 0)];
  report('this service', ...ours);
} finally {
  await service.stop();
}

// --- IIPImage, when installed
if (fs.existsSync(IIPSRV) && fs.existsSync(LIGHTTPD)) {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'census-iip-'));
  const port = await findFreePort();
  try {
    const tiff = await sharp(master)
      .tiff({
        tile: true,
        tileWidth: TILE,
        tileHeight: TILE,
        pyramid: true,
        compression: 'jpeg',
        quality: 85,
      })
      .toBuffer();
    for (let i = 0; i < PAGES; i++) await fs.promises.writeFile(path.join(dir, `page-${i + 1}.tif`), tiff);
    const conf = path.join(dir, 'lighttpd.conf');
    await fs.promises.writeFile(
      conf,
      `server.modules = ("mod_fastcgi")
server.document-root = "${dir}"
server.bind = "127.0.0.1"
server.port = ${port}
server.errorlog = "${dir}/error.log"
server.max-keep-alive-requests = 10000
fastcgi.server = ("/fcgi-bin/iipsrv.fcgi" => ((
  "bin-path" => "${IIPSRV}",
  "socket" => "${dir}/iipsrv.sock",
  "check-local" => "disable",
  "min-procs" => 1,
  "max-procs" => 2,
  "bin-environment" => ("LOGFILE" => "${dir}/iipsrv.log", "VERBOSITY" => "0", "FILESYSTEM_PREFIX" => "${dir}/", "JPEG_QUALITY" => "85", "MAX_CVT" => "7000", "MAX_IMAGE_CACHE_SIZE" => "10")
)))
`,
    );
    const child = spawn(LIGHTTPD, ['-D', '-f', conf], { stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}/fcgi-bin/iipsrv.fcgi?IIIF=`;
    for (let tries = 0; ; tries++) {
      const ok = await get(`${base}page-1.tif/info.json`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (tries > 100) throw new Error('IIPImage did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      const iip: Server = {
        name: 'IIPImage',
        info: (p) => `${base}page-${p + 1}.tif/info.json`,
        tile: (p, t) => `${base}page-${p + 1}.tif/${t.x},${t.y},${t.w},${t.h}/${t.sw},/0/default.jpg`,
        processes: {
          root: child.pid!,
          label: (comm) => (comm.startsWith('iipsrv') ? 'iipsrv' : 'lighttpd'),
        },
      };
      const theirs: [Awaited<ReturnType<typeof session>>, Awaited<ReturnType<typeof deepZoom>>] = [
        await session(iip),
        await deepZoom(iip, 0),
      ];
      report('IIPImage (lighttpd + iipsrv.fcgi)', ...theirs);
      const viewRatio = ours[0].mean / theirs[0].mean;
      const zoomRatio = ours[1].mpxPerSecond / theirs[1].mpxPerSecond;
      console.log(
        `ratios: cold page view ${viewRatio.toFixed(2)}× IIPImage's time (target ≤ 0.5 → ${viewRatio <= 0.5 ? 'met' : 'NOT met'}); ` +
          `warm deep zoom ${zoomRatio.toFixed(1)}× IIPImage's pixel rate (target ≥ 10 → ${zoomRatio >= 10 ? 'met' : 'NOT met'})`,
      );
    } finally {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
} else {
  console.log('IIPImage not installed (apt-get install -y iipimage-server lighttpd): no comparison');
}
agent.destroy();
