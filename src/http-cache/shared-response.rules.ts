// When a response may be kept and answered again by a shared cache (RFC 9111 §3 and §4), decided
// only from what the app itself said in the response: `Cache-Control: public, max-age=N` and a
// `Vary` this cache can honour. The app decides what is public; the cache never widens it.

/** The parts of an exchange the rules look at (header names in lower case). */
export interface Exchange {
  readonly method: string;
  readonly requestHeaders: Readonly<Record<string, string | string[] | undefined>>;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string | string[] | number | undefined>>;
}

/** Request headers a stored response may vary on: it is kept only for requests without them. */
const VARY_HONOURED = new Set(['authorization', 'cookie']);

/** Seconds a response stays fresh in a shared cache, or undefined when it must not be stored. */
export function sharedFreshness(exchange: Exchange): number | undefined {
  if (exchange.method !== 'GET' || exchange.status !== 200) return undefined;
  if (!answerableFromCache(exchange.method, exchange.requestHeaders)) return undefined;
  if (exchange.responseHeaders['set-cookie'] !== undefined) return undefined;
  const directives = cacheControl(String(exchange.responseHeaders['cache-control'] ?? ''));
  if (!directives.has('public') || directives.has('private') || directives.has('no-store')) return undefined;
  if (directives.has('no-cache')) return undefined;
  const seconds = directives.get('s-maxage') ?? directives.get('max-age') ?? '';
  // delta-seconds: digits only (RFC 9111 §1.2.2).
  const maxAge = /^\d{1,10}$/.test(seconds) ? Number(seconds) : 0;
  if (maxAge <= 0) return undefined;
  const vary = String(exchange.responseHeaders['vary'] ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (vary.some((field) => !VARY_HONOURED.has(field))) return undefined;
  return maxAge;
}

/**
 * Whether a request may be answered from the shared cache: a plain GET carrying no credentials and
 * asking for no part of the body (a Range request goes to the app).
 */
export function answerableFromCache(
  method: string | undefined,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): boolean {
  return (
    method === 'GET' &&
    headers['authorization'] === undefined &&
    headers['cookie'] === undefined &&
    headers['range'] === undefined
  );
}

/**
 * Whether an If-None-Match header names this entity tag, or is `*` (weak comparison, RFC 9110
 * §13.1.2). The list is read as entity tags, not split at commas: a tag may hold commas (a tile's
 * tag names its region, `"…-0,0,512,512/…"`).
 */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const opaque = etag.replace(/^W\//, '');
  for (const [tag] of ifNoneMatch.matchAll(/(?:W\/)?"[^"]*"|\*/g)) {
    if (tag === '*' || tag.replace(/^W\//, '') === opaque) return true;
  }
  return false;
}

/** Cache-Control directives by lower-case name (value, or '' for a bare directive). */
function cacheControl(header: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of header.split(',')) {
    const [name, value] = part.split('=', 2);
    const key = name!.trim().toLowerCase();
    if (key) directives.set(key, (value ?? '').trim().replace(/^"|"$/g, ''));
  }
  return directives;
}
