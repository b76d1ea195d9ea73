// The rules of the shared response cache: only what the app marked public and fresh is kept, only
// for requests without credentials; entity tags are read as tags, commas and all.
import test from 'ava';
import {
  answerableFromCache,
  matchesEtag,
  sharedFreshness,
  type Exchange,
} from '../../src/http-cache/shared-response.rules.js';
import { ownBytes } from '../../src/http-cache/shared-response-cache.js';

const tile: Exchange = {
  method: 'GET',
  requestHeaders: { accept: 'image/jpeg' },
  status: 200,
  responseHeaders: {
    'cache-control': 'public, max-age=86400',
    vary: 'Authorization, Cookie',
    etag: '"abc-0,0,512,512/max/0/default.jpg"',
  },
};
const withResponse = (headers: Record<string, string | undefined>): Exchange => ({
  ...tile,
  responseHeaders: { ...tile.responseHeaders, ...headers },
});

test('a public, fresh response to a plain GET is kept for its max-age (s-maxage first)', (t) => {
  t.is(sharedFreshness(tile), 86400);
  t.is(sharedFreshness(withResponse({ 'cache-control': 'public, max-age=60, s-maxage=30' })), 30);
  t.is(sharedFreshness(withResponse({ 'cache-control': 'PUBLIC, Max-Age="120"' })), 120);
  t.is(sharedFreshness(withResponse({ vary: undefined })), 86400);
});

test('anything the app did not mark public, or a cache cannot honour, is not kept', (t) => {
  for (const cacheControl of [
    'private, max-age=3600',
    'public',
    'public, max-age=0',
    'public, max-age=-5',
    'public, max-age=1e3',
    'public, max-age=abc',
    'public, no-store, max-age=60',
    'public, no-cache, max-age=60',
    'no-store',
    '',
  ])
    t.is(sharedFreshness(withResponse({ 'cache-control': cacheControl })), undefined, cacheControl);
  t.is(sharedFreshness(withResponse({ vary: 'Accept, Authorization' })), undefined, 'Vary: Accept');
  t.is(sharedFreshness(withResponse({ vary: '*' })), undefined, 'Vary: *');
  t.is(sharedFreshness(withResponse({ 'set-cookie': 'a=b' })), undefined, 'sets a cookie');
  t.is(sharedFreshness({ ...tile, status: 206 }), undefined, 'partial');
  t.is(sharedFreshness({ ...tile, status: 304 }), undefined, 'not modified');
  t.is(sharedFreshness({ ...tile, method: 'HEAD' }), undefined, 'HEAD');
  t.is(sharedFreshness({ ...tile, requestHeaders: { authorization: 'Bearer x' } }), undefined, 'credentials');
  t.is(sharedFreshness({ ...tile, requestHeaders: { cookie: 'census_session=x' } }), undefined, 'cookie');
});

test('only a plain GET without credentials or Range is answered from the cache', (t) => {
  t.true(answerableFromCache('GET', {}));
  t.false(answerableFromCache('HEAD', {}));
  t.false(answerableFromCache('POST', {}));
  t.false(answerableFromCache(undefined, {}));
  t.false(answerableFromCache('GET', { authorization: 'Bearer x' }));
  t.false(answerableFromCache('GET', { cookie: '' }));
  t.false(answerableFromCache('GET', { range: 'bytes=0-1' }));
});

test('If-None-Match: tags with commas, weak tags, lists and *', (t) => {
  const tag = '"18b2-0,0,512,512/max/0/default.jpg"';
  t.true(matchesEtag(tag, tag));
  t.true(matchesEtag(`W/${tag}`, tag));
  t.true(matchesEtag(`"other", ${tag}`, tag));
  t.true(matchesEtag(`${tag},"other"`, tag));
  t.true(matchesEtag('*', tag));
  t.false(matchesEtag('"18b2-0"', tag));
  t.false(matchesEtag('"0,0,512,512/max/0/default.jpg"', tag));
  t.false(matchesEtag('"a*b"', tag), 'a star inside a tag is not *');
  t.false(matchesEtag(undefined, tag));
  t.false(matchesEtag('', tag));
  t.false(matchesEtag(tag, undefined));
});

test('a kept body owns its bytes: a view into a larger read is copied, a whole buffer is not', (t) => {
  const span = Buffer.alloc(1024 * 1024, 7);
  const view = span.subarray(4096, 4096 + 40_000);
  const kept = ownBytes(view);
  t.deepEqual(kept, view);
  t.is(kept.length, 40_000);
  t.is(kept.buffer.byteLength, 40_000, 'the megabyte span is not held');
  span[4096] = 1;
  t.is(kept[0], 7, 'a copy, not the span');
  const whole = Buffer.from(new ArrayBuffer(100));
  t.is(ownBytes(whole), whole);
});
