import type Router from '@koa/router';
import send from 'koa-send';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_ROUTES } from './page-routes.js';

const webDir = path.dirname(fileURLToPath(import.meta.url));
/** Files served as they are (the favicon, which the server-rendered pages use too). */
const staticDir = path.join(webDir, 'static');
/** Output of `npm run web:build` (the React app); built by prestart/pretest when missing or stale. */
const appDistDir = path.join(webDir, 'dist');
const YEAR_MS = 365 * 24 * 3600_000;

/**
 * Serves the web: every path of the shared route table gets the React app's index.html; its hashed
 * assets are immutable and precompressed.
 */
export function mountWeb(router: Router): void {
  for (const page of PAGE_ROUTES) {
    router.get(page.path, async (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      await send(ctx, 'index.html', { root: appDistDir, brotli: true, gzip: true });
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
  router.get('/static/*file', async (ctx) => {
    await send(ctx, ctx.params.file!, { root: staticDir, maxage: 3600_000 });
  });
}
