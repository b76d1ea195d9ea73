// The rendered-page cache's rules (page-cache.ts) and the public pages' validators (http-caching.ts):
// nothing served or kept while changes could go unheard, nothing kept that was read before a
// change, least recently used pages dropped first; strong tags from bytes, If-None-Match matching.
import test from 'ava';
import { PublicPageCache } from '../../src/public-pages/page-cache.js';
import { etagOf } from '../../src/public-pages/http-caching.js';
import { matchesEtag as noneMatch } from '../../src/http-cache/shared-response.rules.js';

const page = (text: string) => ({ body: Buffer.from(text), etag: etagOf(text) });

test('while not listening nothing is served or kept', (t) => {
  const cache = new PublicPageCache();
  cache.keep('a', cache.begin(), page('A'));
  t.is(cache.get('a'), undefined);
  cache.setListening(true);
  cache.keep('a', cache.begin(), page('A'));
  t.is(cache.get('a')?.body.toString(), 'A');
  cache.setListening(false);
  t.is(cache.get('a'), undefined, 'losing the notifications forgets every page');
  cache.setListening(true);
  t.is(cache.get('a'), undefined);
});

test('a change forgets every page, and a page read before it is not kept', (t) => {
  const cache = new PublicPageCache();
  cache.setListening(true);
  cache.keep('a', cache.begin(), page('A'));
  const ticket = cache.begin();
  cache.changed();
  t.is(cache.get('a'), undefined);
  cache.keep('b', ticket, page('stale B'));
  t.is(cache.get('b'), undefined, 'rendered from reads that began before the change');
  cache.keep('b', cache.begin(), page('B'));
  t.is(cache.get('b')?.body.toString(), 'B');
});

test('bounded: the least recently used pages go first', (t) => {
  const cache = new PublicPageCache(40);
  cache.setListening(true);
  for (const key of ['a', 'b', 'c', 'd']) cache.keep(key, cache.begin(), page(key.repeat(10)));
  t.is(cache.size, 4);
  cache.get('a');
  cache.keep('e', cache.begin(), page('e'.repeat(10)));
  t.is(cache.get('b'), undefined, 'least recently used');
  t.truthy(cache.get('a'));
  t.truthy(cache.get('e'));
  cache.keep('huge', cache.begin(), page('x'.repeat(11)));
  t.is(cache.get('huge'), undefined, 'a page over a quarter of the bound is not kept');
});

test('strong tags follow the bytes; If-None-Match uses the weak comparison', (t) => {
  const tag = etagOf('页面');
  t.regex(tag, /^"[A-Za-z0-9_-]+"$/);
  t.is(etagOf('页面'), tag);
  t.not(etagOf('页面 '), tag);
  t.true(noneMatch(tag, tag));
  t.true(noneMatch(`W/${tag}`, tag));
  t.true(noneMatch(`"x", ${tag}`, tag));
  t.true(noneMatch('*', tag));
  t.false(noneMatch('"x"', tag));
  t.false(noneMatch(undefined, tag));
  t.false(noneMatch('', tag));
});
