import type Router from '@koa/router';
import send from 'koa-send';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const miradorDir = path.dirname(createRequire(import.meta.url).resolve('mirador'));
const chartDir = path.dirname(createRequire(import.meta.url).resolve('chart.js'));

/** Paths of the web shell; each serves the same page, whose script renders the view for the path. */
const PAGES = [
  '/',
  '/login',
  '/institutions',
  '/institutions/new',
  '/institutions/:id',
  '/institutions/:id/imports',
  '/imports/:id',
  '/users',
  '/users/new',
  '/account',
  '/audit',
  '/code-lists',
  '/records',
  '/records/new',
  '/records/:censusNumber',
  '/records/:censusNumber/edit',
  '/records/:censusNumber/history',
  '/records/:censusNumber/condition',
  '/records/:censusNumber/images',
  '/triage',
  '/statistics',
  '/review',
  '/review/:censusNumber',
  '/catalogue',
  '/compare',
  '/restoration',
  '/work-orders/:id',
];

/** Serves the server-delivered web shell and its static assets (all from this folder or npm). */
export function mountWeb(router: Router): void {
  for (const page of PAGES) {
    router.get(page, async (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      await send(ctx, 'index.html', { root: publicDir });
    });
  }
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
