// A shared HTTP cache inside the instance, in front of the app, for the Image API: the responses the
// app itself marked `public, max-age` (published, openly licensed images) are kept as sent and
// answered again for anonymous requests without running the app's middleware — for a warm tile
// that middleware cost more than sending the bytes. What a CDN in front of the service would do,
// and held to the same rules (shared-response.rules.ts); in addition it forgets everything at once
// when the catalogue changes (unpublishing, a new rights statement), which a CDN cannot.

import type { IncomingMessage, ServerResponse } from 'node:http';
import crypto from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { bodyBytes, ChangeFollowingCache } from './change-following-cache.js';
import { answerableFromCache, matchesEtag, sharedFreshness } from './shared-response.rules.js';

/** A response as the app sent it, less what belongs to one exchange. */
export interface StoredResponse {
  readonly headers: ReadonlyArray<readonly [string, string | string[]]>;
  readonly body: Buffer;
  readonly etag: string | undefined;
  /** Date.now() after which it is stale (its max-age). */
  readonly expiresAt: number;
  /** Date.now() when it was stored (for the Age header). */
  readonly storedAt: number;
}

/** Response headers that describe one exchange, not the resource: never stored or replayed. */
const PER_EXCHANGE = new Set([
  'x-request-id',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'age',
]);

export class SharedResponseCache extends ChangeFollowingCache<StoredResponse> {
  /** `prefixes`: the paths whose responses are kept (the Image API's). */
  constructor(
    maxBytes: number,
    readonly prefixes: readonly string[],
  ) {
    super(maxBytes, bodyBytes);
  }

  covers(url: string | undefined): boolean {
    return url !== undefined && this.prefixes.some((prefix) => url.startsWith(prefix));
  }
}

/**
 * Koa middleware (outermost): keeps each response under the cache's prefixes that the rules allow,
 * keyed by the request's exact URL.
 */
export function keepSharedResponses(cache: SharedResponseCache): Middleware {
  return async (ctx, next) => {
    const url = ctx.req.url;
    if (ctx.method !== 'GET' || !cache.covers(url)) return next();
    const ticket = cache.begin();
    await next();
    const body = ctx.body;
    if (!Buffer.isBuffer(body)) return;
    const responseHeaders = ctx.response.headers as Record<string, string | string[] | number | undefined>;
    const maxAge = sharedFreshness({
      method: ctx.method,
      requestHeaders: ctx.req.headers,
      status: ctx.status,
      responseHeaders,
    });
    if (maxAge === undefined) return;
    const headers: Array<readonly [string, string | string[]]> = [];
    for (const [name, value] of Object.entries(responseHeaders)) {
      if (value === undefined || PER_EXCHANGE.has(name)) continue;
      headers.push([name, typeof value === 'number' ? String(value) : value]);
    }
    const now = Date.now();
    const etag = ctx.response.get('ETag') || undefined;
    const stored = { headers, body: ownBytes(body), etag, storedAt: now, expiresAt: now + maxAge * 1000 };
    cache.keep(url!, ticket, stored);
  };
}

/**
 * The bytes in a buffer of their own: a tile from a pack is a view into a span the range reader
 * read (up to megabytes), which keeping the view would hold in memory uncounted by the cache's bound.
 */
export function ownBytes(body: Buffer): Buffer {
  return body.byteOffset === 0 && body.buffer.byteLength === body.length ? body : Buffer.from(body);
}

/**
 * Answers a request from the cache when it can (a fresh response kept for its exact URL, asked
 * without credentials); returns false to let the app answer. Logged like the app's requests.
 */
export function answerFromSharedCache(
  cache: SharedResponseCache,
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
): boolean {
  if (!cache.covers(req.url) || !answerableFromCache(req.method, req.headers)) return false;
  const stored = cache.get(req.url!);
  if (!stored) return false;
  const now = Date.now();
  if (now >= stored.expiresAt) {
    cache.forget(req.url!);
    return false;
  }
  const requestId = crypto.randomUUID();
  const notModified = matchesEtag(req.headers['if-none-match'], stored.etag);
  res.statusCode = notModified ? 304 : 200;
  for (const [name, value] of stored.headers) {
    if (notModified && (name === 'content-length' || name === 'content-type')) continue;
    res.setHeader(name, value);
  }
  res.setHeader('Age', String(Math.floor((now - stored.storedAt) / 1000)));
  res.setHeader('X-Request-Id', requestId);
  if (notModified) res.end();
  else {
    res.setHeader('Content-Length', stored.body.length);
    res.end(stored.body);
  }
  if (logger.isLevelEnabled('info'))
    logger.info(
      { requestId, method: req.method, path: req.url, status: res.statusCode, cache: 'hit' },
      'request',
    );
  return true;
}
