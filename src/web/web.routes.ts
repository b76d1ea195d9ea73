import type Router from '@koa/router';
import send from 'koa-send';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** Paths of the web shell; each serves the same page, whose script renders the view for the path. */
const PAGES = [
  '/',
  '/login',
  '/institutions',
  '/institutions/new',
  '/institutions/:id',
  '/users',
  '/users/new',
  '/account',
  '/audit',
  '/records',
  '/records/new',
  '/records/:censusNumber',
  '/records/:censusNumber/edit',
  '/records/:censusNumber/history',
  '/review',
  '/review/:censusNumber',
];

/** Serves the server-delivered web shell and its static assets (all from this folder or npm). */
export function mountWeb(router: Router): void {
  for (const page of PAGES) {
    router.get(page, async (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      await send(ctx, 'index.html', { root: publicDir });
    });
  }
  router.get('/static/*file', async (ctx) => {
    await send(ctx, ctx.params.file!, { root: publicDir, maxage: 3600_000 });
  });
}
