import type Router from '@koa/router';
import send from 'koa-send';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { PAGE_ROUTES } from './page-routes.js';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const publicDir = path.join(webDir, 'public');
/** Output of `npm run web:build` (the React app); built by prestart/pretest when missing or stale. */
const appDistDir = path.join(webDir, 'dist');
const YEAR_MS = 365 * 24 * 3600_000;
const miradorDir = path.dirname(createRequire(import.meta.url).resolve('mirador'));
const chartDir = path.dirname(createRequire(import.meta.url).resolve('chart.js'));

/**
 * Serves the web: every path of the shared route table gets the React app's index.html (routes
 * marked `app`) or the old shell's; the React app's hashed assets are immutable and precompressed.
 */
export function mountWeb(router: Router): void {
  for (const page of PAGE_ROUTES) {
    router.get(page.path, async (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      if (page.app) await send(ctx, 'index.html', { root: appDistDir, brotli: true, gzip: true });
      else await send(ctx, 'index.html', { root: publicDir });
    });
  }
  // File names carry a content hash: a changed file is a new URL, so browsers may keep these forever.
  router.get('/app/assets/:file', async (ctx) => {
    await send(ctx, ctx.params.file!, {
      root: path.join(appDistDir, 'assets'),
      brotli: true,
      gzip: true,
      immutable: true,
      maxage: YEAR_MS,
    });
  });
  // The IIIF viewer (UMD bundle, global `Mirador`) straight from npm; registered before /static/*file.
  router.get('/static/vendor/mirador.min.js', async (ctx) => {
    await send(ctx, 'mirador.min.js', { root: miradorDir, maxage: 3600_000 });
  });
  // Charts of the statistics page (UMD bundle, global `Chart`) straight from npm, no CDN.
  router.get('/static/vendor/chart.umd.js', async (ctx) => {
    await send(ctx, 'chart.umd.js', { root: chartDir, maxage: 3600_000 });
  });
  router.get('/static/*file', async (ctx) => {
    await send(ctx, ctx.params.file!, { root: publicDir, maxage: 3600_000 });
  });
}
