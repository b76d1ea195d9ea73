// A public page as it is sent: in gzip to readers whose browsers accept it (a record page of ~14 KB
// travels as ~4 KB, which a phone on a slow network feels), as it is to clients that do not ask. A
// kept page is compressed once, on its first gzip request, and keeps that copy; a page made for one
// reader is compressed as it is sent. Each coding is its own representation with its own strong
// entity tag, and every answer says it varies by Accept-Encoding, so shared caches keep them apart.

import zlib from 'node:zlib';
import type { ParameterizedContext } from 'koa';
import { etagOf } from './http-caching.js';

/** Below this a page is sent as it is: the CPU would cost more than the bytes saved. */
const MIN_GZIP_BYTES = 1024;
/** zlib's default: ~80 µs for a 14 KB record page here, 4.2 KB out (level 1: 70 µs, 4.5 KB). */
const GZIP_LEVEL = 6;

/** A representation of the page: its bytes, strong entity tag and content coding (none: identity). */
export interface PageRepresentation {
  readonly body: Buffer;
  readonly etag: string;
  readonly coding: 'gzip' | undefined;
}

/** A rendered page, encoded to UTF-8 once, with its strong validator and (once asked) its gzip form. */
export class EncodedPage {
  private gzipped: PageRepresentation | undefined;

  private constructor(
    readonly body: Buffer,
    readonly etag: string,
  ) {}

  static of(html: string): EncodedPage {
    const body = Buffer.from(html, 'utf8');
    return new EncodedPage(body, etagOf(body));
  }

  /** The representation this request accepts; marks the answer as varying by Accept-Encoding. */
  representationFor(ctx: ParameterizedContext): PageRepresentation {
    ctx.vary('Accept-Encoding');
    if (this.body.length < MIN_GZIP_BYTES || ctx.acceptsEncodings('gzip', 'identity') !== 'gzip')
      return { body: this.body, etag: this.etag, coding: undefined };
    this.gzipped ??= {
      body: zlib.gzipSync(this.body, { level: GZIP_LEVEL }),
      etag: `${this.etag.slice(0, -1)}-gzip"`,
      coding: 'gzip',
    };
    return this.gzipped;
  }
}
