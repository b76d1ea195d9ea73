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

/** A content coding of the page: gzip, or none (identity). */
export type PageCoding = 'gzip' | undefined;

/** A rendered page, encoded to UTF-8 once, with its strong validator (and, once sent, its gzip form). */
export class EncodedPage {
  private gzipped: Buffer | undefined;

  private constructor(
    readonly body: Buffer,
    readonly etag: string,
  ) {}

  static of(html: string): EncodedPage {
    const body = Buffer.from(html, 'utf8');
    return new EncodedPage(body, etagOf(body));
  }

  /** The coding this request accepts; marks the answer as varying by Accept-Encoding. */
  codingFor(ctx: ParameterizedContext): PageCoding {
    ctx.vary('Accept-Encoding');
    return this.body.length >= MIN_GZIP_BYTES && ctx.acceptsEncodings('gzip', 'identity') === 'gzip'
      ? 'gzip'
      : undefined;
  }

  /**
   * The strong entity tag of one coding, known without compressing: a reader revalidating gets its
   * 304 without the page being compressed for nothing.
   */
  etagFor(coding: PageCoding): string {
    return coding ? `${this.etag.slice(0, -1)}-gzip"` : this.etag;
  }

  /** The bytes of one coding (gzip made on its first request and kept). */
  bodyOf(coding: PageCoding): Buffer {
    if (!coding) return this.body;
    return (this.gzipped ??= zlib.gzipSync(this.body, { level: GZIP_LEVEL }));
  }
}
