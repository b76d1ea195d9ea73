// RecentKeys, a cache's doorkeeper: a key is "seen before" when it was noted among the latest
// `window` to 2 × `window` keys; the first time it is not; memory stays bounded by the window.
import test from 'ava';
import { RecentKeys } from '../../src/http-cache/recent-keys.js';

test('the first time a key is new, the second time it was seen', (t) => {
  const recent = new RecentKeys(100);
  t.false(recent.seenBefore('record\n110000-2001-0000001'));
  t.true(recent.seenBefore('record\n110000-2001-0000001'));
  t.false(recent.seenBefore('record\n110000-2001-0000002'));
});

test('a key is remembered for at least `window` later keys and at most 2 × `window`', (t) => {
  const recent = new RecentKeys(100);
  recent.seenBefore('甲');
  for (let i = 0; i < 99; i++) recent.seenBefore(`k${i}`);
  t.true(recent.seenBefore('甲'), 'within the window');
  const fresh = new RecentKeys(100);
  fresh.seenBefore('乙');
  for (let i = 0; i < 200; i++) fresh.seenBefore(`k${i}`);
  t.false(fresh.seenBefore('乙'), 'two windows later it is forgotten');
});
