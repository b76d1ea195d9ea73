import type Router from '@koa/router';
import send from 'koa-send';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ownDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'docs');
const SWAGGER_FILES = new Set([
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
]);

const page = `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>API 文档 · Census API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/docs-init.js"></script>
</body></html>`;

/** Serves /api/openapi.json and the human-readable page at /api/docs (Swagger UI from npm, no CDN). */
export function mountDocs(router: Router, openApi: () => Record<string, unknown>): void {
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = openApi();
  });
  router.get('/api/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = page;
  });
  router.get('/api/docs/assets/:file', async (ctx) => {
    const file = ctx.params.file!;
    if (file === 'docs-init.js') {
      await send(ctx, file, { root: ownDir });
    } else if (SWAGGER_FILES.has(file)) {
      await send(ctx, file, { root: swaggerDir, maxage: 86_400_000 });
    }
  });
}
