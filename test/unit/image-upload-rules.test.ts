import test from 'ava';
import {
  masterKey,
  pyramidKey,
  technicalMetadata,
  tileIndexKey,
  tilePackKey,
  tilesPrefix,
} from '../../src/domain/object-layout.rules.js';
import { defaultLabel, parseLabels } from '../../src/images/image-upload.service.js';
import { ImageResponseCache } from '../../src/iiif/image-cache.js';

test('every stored file is one object: masters, derivatives and tiles under separate prefixes', (t) => {
  t.is(masterKey('r1', 'i1', 'ab', 'tiff'), 'masters/r1/i1/ab.tif');
  t.is(masterKey('r1', 'i1', 'ab', 'jpeg'), 'masters/r1/i1/ab.jpg');
  t.is(masterKey('r1', 'i1', 'ab', 'png'), 'masters/r1/i1/ab.png');
  t.is(pyramidKey('i1'), 'derivatives/i1/pyramid.tif');
  t.is(tilesPrefix('i1'), 'tiles/i1/');
  t.is(tilePackKey('i1'), 'tiles/i1/grid.pack');
  t.is(tileIndexKey('i1'), 'tiles/i1/grid.json');
  t.deepEqual(technicalMetadata({ width: 3, height: 4, format: 'png', masterSha256: 'ff', imageId: 'i1' }), {
    'x-amz-meta-image-id': 'i1',
    'x-amz-meta-width': '3',
    'x-amz-meta-height': '4',
    'x-amz-meta-format': 'png',
    'x-amz-meta-master-sha256': 'ff',
  });
});

test('labels: one per file as a JSON array, or the default 叶n', (t) => {
  t.deepEqual(parseLabels(undefined, 2), [undefined, undefined]);
  t.deepEqual(parseLabels('[" 卷一 叶1a ","叶1b"]', 2), ['卷一 叶1a', '叶1b']);
  for (const bad of ['["a"]', 'not json', '[1,2]', '["", "b"]', '{"a":1}'])
    t.throws(() => parseLabels(bad, 2), { message: /labels/ }, bad);
  t.is(defaultLabel(7), '叶7');
});

test('the response cache evicts least recently used entries beyond its byte budget', (t) => {
  const cache = new ImageResponseCache(800);
  cache.set('a', Buffer.alloc(100));
  cache.set('b', Buffer.alloc(100));
  t.truthy(cache.get('a')); // a is now the most recent
  for (let i = 0; i < 7; i++) cache.set(`x${i}`, Buffer.alloc(100));
  t.truthy(cache.get('a'));
  t.is(cache.get('b'), undefined);
  cache.set('huge', Buffer.alloc(200)); // over 1/8 of the budget: not cached at all
  t.is(cache.get('huge'), undefined);
});
