import test from 'ava';
import { comparePackOrder, inFirstView } from '../../src/tile-pack/pack-order.rules.js';

test('thumbnails first, then levels coarse to fine, each row by row', (t) => {
  // A 6000×8000 page: canonical paths as the derivative writer names them (full resolution is
  // `max`), shuffled.
  const paths = [
    '4096,0,1904,4096/238,512/0/default.jpg', // scale 8, right edge
    '512,0,512,512/max/0/default.jpg', // scale 1, row 0, col 1
    'full/150,200/0/default.jpg',
    '0,512,512,512/max/0/default.jpg', // scale 1, row 1
    '0,0,4096,4096/512,512/0/default.jpg', // scale 8
    'full/75,100/0/default.jpg',
    '0,0,512,512/max/0/default.jpg', // scale 1, row 0, col 0
    '0,4096,4096,3904/512,488/0/default.jpg', // scale 8, row 1
    '0,0,1024,1024/512,512/0/default.jpg', // scale 2
    '5632,0,368,512/max/0/default.jpg', // scale 1, right edge of row 0
  ];
  t.deepEqual([...paths].sort(comparePackOrder), [
    'full/75,100/0/default.jpg',
    'full/150,200/0/default.jpg',
    '0,0,4096,4096/512,512/0/default.jpg',
    '4096,0,1904,4096/238,512/0/default.jpg',
    '0,4096,4096,3904/512,488/0/default.jpg',
    '0,0,1024,1024/512,512/0/default.jpg',
    '0,0,512,512/max/0/default.jpg',
    '512,0,512,512/max/0/default.jpg',
    '5632,0,368,512/max/0/default.jpg',
    '0,512,512,512/max/0/default.jpg',
  ]);
});

test('the first view: thumbnails and the levels no larger than a screen', (t) => {
  const page = { width: 6000, height: 8000 };
  t.true(inFirstView('full/150,200/0/default.jpg', page));
  t.true(inFirstView('0,0,4096,4096/512,512/0/default.jpg', page), 'scale 8: 1000 px high');
  t.false(inFirstView('0,0,2048,2048/512,512/0/default.jpg', page), 'scale 4: 2000 px high');
  t.false(inFirstView('0,0,512,512/max/0/default.jpg', page));
});
