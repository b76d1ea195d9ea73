// The public pages' stylesheet at its content-named URL: kept forever by browsers and proxies,
// compressed once (brotli or gzip, as the reader accepts).

import type Router from '@koa/router';
import zlib from 'node:zlib';
import { PUBLIC_PAGE_CSS, PUBLIC_PAGE_CSS_PATH } from './public-pages.css.js';

const YEAR_S = 365 * 24 * 3600;

export function mountPublicStylesheet(router: Router): void {
  const identity = Buffer.from(PUBLIC_PAGE_CSS, 'utf8');
  const encodings: Record<string, Buffer> = {
    br: zlib.brotliCompressSync(identity),
    gzip: zlib.gzipSync(identity, { level: 9 }),
    identity,
  };
  router.get(PUBLIC_PAGE_CSS_PATH, (ctx) => {
    const encoding = ctx.acceptsEncodings('br', 'gzip', 'identity') || 'identity';
    ctx.set('Cache-Control', `public, max-age=${YEAR_S}, immutable`);
    ctx.vary('Accept-Encoding');
    if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
    ctx.type = 'text/css; charset=utf-8';
    ctx.body = encodings[encoding] ?? identity;
  });
}
