// HTTP validator of the public pages: a strong entity tag from the page's bytes (the If-None-Match
// test is http-cache's matchesEtag).

import crypto from 'node:crypto';

/** The quoted strong entity tag of a body: equal tags mean equal bytes. */
export function etagOf(body: string | Buffer): string {
  return `"${crypto.hash('sha256', body, 'base64url').slice(0, 32)}"`;
}
