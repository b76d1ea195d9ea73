// The rendered-page cache's rules (page-cache.ts) and the public pages' validators (http-caching.ts):
// nothing served or kept while changes could go unheard, nothing kept that was read before a
// change, a page kept from its second rendering (not its first), least recently used pages dropped
// first; strong tags from bytes, If-None-Match matching.
import test from 'ava';
import { gunzipSync } from 'node:zlib';
import { PublicPageCache } from '../../src/public-pages/page-cache.js';
import { etagOf } from '../../src/public-pages/http-caching.js';
import { EncodedPage } from '../../src/public-pages/page-encoding.js';
import { matchesEtag as noneMatch } from '../../src/http-cache/shared-response.rules.js';

const page = (text: string) => EncodedPage.of(text);

/** Renders a page twice, as two readers would: the second rendering is the one kept. */
function renderTwice(cache: PublicPageCache, key: string, text: string, ticket = cache.begin()) {
  cache.keep(key, ticket, page(text));
  cache.keep(key, ticket, page(text));
}

test('while not listening nothing is served or kept', (t) => {
  const cache = new PublicPageCache();
  renderTwice(cache, 'a', 'A');
  t.is(cache.get('a'), undefined);
  cache.setListening(true);
  renderTwice(cache, 'a', 'A');
  t.is(cache.get('a')?.body.toString(), 'A');
  cache.setListening(false);
  t.is(cache.get('a'), undefined, 'losing the notifications forgets every page');
  cache.setListening(true);
  t.is(cache.get('a'), undefined);
});

test('a change forgets every page, and a page read before it is not kept', (t) => {
  const cache = new PublicPageCache();
  cache.setListening(true);
  renderTwice(cache, 'a', 'A');
  const ticket = cache.begin();
  cache.changed();
  t.is(cache.get('a'), undefined);
  renderTwice(cache, 'b', 'stale B', ticket);
  t.is(cache.get('b'), undefined, 'rendered from reads that began before the change');
  renderTwice(cache, 'b', 'B');
  t.is(cache.get('b')?.body.toString(), 'B');
  // Pages read often before the change are kept at their next rendering after it.
  cache.keep('a', cache.begin(), page('A2'));
  t.is(cache.get('a')?.body.toString(), 'A2');
});

test('bounded: the least recently used pages go first', (t) => {
  const cache = new PublicPageCache(40);
  cache.setListening(true);
  for (const key of ['a', 'b', 'c', 'd']) renderTwice(cache, key, key.repeat(10));
  t.is(cache.size, 4);
  cache.get('a');
  renderTwice(cache, 'e', 'e'.repeat(10));
  t.is(cache.get('b'), undefined, 'least recently used');
  t.truthy(cache.get('a'));
  t.truthy(cache.get('e'));
  renderTwice(cache, 'huge', 'x'.repeat(11));
  t.is(cache.get('huge'), undefined, 'a page over a quarter of the bound is not kept');
});

test('a page is kept from its second rendering, while its first is among the latest renderings', (t) => {
  const cache = new PublicPageCache();
  cache.setListening(true);
  cache.keep('once', cache.begin(), page('read once'));
  t.is(cache.get('once'), undefined, 'a page rendered once is not kept');
  t.is(cache.size, 0);
  cache.keep('once', cache.begin(), page('read again'));
  t.is(cache.get('once')?.body.toString(), 'read again');
  // A first rendering long ago (20,000 other pages since) counts as none.
  cache.keep('long ago', cache.begin(), page('x'));
  for (let i = 0; i < 20_000; i++) cache.keep(`other ${i}`, cache.begin(), page('y'));
  cache.keep('long ago', cache.begin(), page('x'));
  t.is(cache.get('long ago'), undefined);
  cache.keep('long ago', cache.begin(), page('x'));
  t.truthy(cache.get('long ago'));
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

test('a page has a tag per coding before any compression, and is compressed once', (t) => {
  const encoded = page('<p>善本書目</p>'.repeat(200));
  const gzipTag = encoded.etagFor('gzip');
  t.is(encoded.etagFor(undefined), encoded.etag);
  t.is(gzipTag, `${encoded.etag.slice(0, -1)}-gzip"`);
  t.not(gzipTag, encoded.etag);
  const zipped = encoded.bodyOf('gzip');
  t.deepEqual(gunzipSync(zipped), encoded.body);
  t.is(encoded.bodyOf('gzip'), zipped, 'kept, not compressed again');
  t.is(encoded.bodyOf(undefined), encoded.body);
});
