// HTTP validators of the public pages: a strong entity tag from the page's bytes, and the
// If-None-Match test (RFC 9110 §13.1.2: weak comparison, any listed tag or `*`).

import crypto from 'node:crypto';

/** The quoted strong entity tag of a body: equal tags mean equal bytes. */
export function etagOf(body: string | Buffer): string {
  return `"${crypto.hash('sha256', body, 'base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this entity tag (then the answer is 304). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
