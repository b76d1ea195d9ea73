import test from 'ava';
import {
  buildImageInfo,
  defaultScaleFactors,
  tileRequestsFor,
  type ImageInfoArgs,
  type ImageSize,
} from '../../src/domain/iiif/image-info.rules.js';
import {
  isImageRequestError,
  parseImageRequest,
  planImageRequest,
} from '../../src/domain/iiif/image-request.rules.js';

const LIMITS = { maxWidth: 10_000, maxHeight: 10_000, maxArea: 100_000_000 };
const ID = 'https://example.org/iiif/3/book-1%2Fpage-1';

function args(
  width: number,
  height: number,
  tileSize: number,
  extra: Partial<ImageInfoArgs> = {},
): ImageInfoArgs {
  return { id: ID, width, height, tileSize, ...LIMITS, ...extra };
}

function plan(path: string, source: { width: number; height: number }, limits = LIMITS) {
  const [region = '', size = '', rotation = '', last = ''] = path.split('/');
  const [quality = '', format = ''] = last.split('.');
  const parsed = parseImageRequest({ region, size, rotation, quality, format });
  if (isImageRequestError(parsed)) return parsed;
  return planImageRequest(parsed, source, limits);
}

// --- info.json documents

const infoRows: Array<{
  title: string;
  args: ImageInfoArgs;
  scaleFactors: number[];
  sizes: ImageSize[];
}> = [
  {
    title: 'spec example 6000x4000 with 512 tiles',
    args: args(6000, 4000, 512),
    scaleFactors: [1, 2, 4, 8, 16],
    sizes: [
      { width: 375, height: 250 },
      { width: 750, height: 500 },
      { width: 1500, height: 1000 },
      { width: 3000, height: 2000 },
      { width: 6000, height: 4000 },
    ],
  },
  {
    title: 'spec limits drop sizes beyond maxArea',
    args: args(6000, 4000, 512, { maxWidth: 3000, maxHeight: 2000, maxArea: 4_000_000 }),
    scaleFactors: [1, 2, 4, 8, 16],
    sizes: [
      { width: 375, height: 250 },
      { width: 750, height: 500 },
      { width: 1500, height: 1000 },
    ],
  },
  {
    title: 'huge 60000x40000 drops sizes beyond maxWidth',
    args: args(60000, 40000, 512),
    scaleFactors: [1, 2, 4, 8, 16, 32, 64, 128],
    sizes: [
      { width: 469, height: 313 },
      { width: 938, height: 625 },
      { width: 1875, height: 1250 },
      { width: 3750, height: 2500 },
      { width: 7500, height: 5000 },
    ],
  },
  { title: '1x1 image', args: args(1, 1, 512), scaleFactors: [1], sizes: [{ width: 1, height: 1 }] },
  {
    title: 'image exactly one tile',
    args: args(512, 512, 512),
    scaleFactors: [1],
    sizes: [{ width: 512, height: 512 }],
  },
  {
    title: 'one pixel wider than a tile',
    args: args(513, 100, 512),
    scaleFactors: [1, 2],
    sizes: [
      { width: 257, height: 50 },
      { width: 513, height: 100 },
    ],
  },
  {
    title: 'odd sizes round levels up',
    args: args(1001, 999, 256),
    scaleFactors: [1, 2, 4],
    sizes: [
      { width: 251, height: 250 },
      { width: 501, height: 500 },
      { width: 1001, height: 999 },
    ],
  },
  {
    title: 'tall strip keeps halving until the height fits',
    args: args(1, 60000, 256),
    scaleFactors: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    sizes: [
      { width: 1, height: 235 },
      { width: 1, height: 469 },
      { width: 1, height: 938 },
      { width: 1, height: 1875 },
      { width: 1, height: 3750 },
      { width: 1, height: 7500 },
    ],
  },
  {
    title: 'explicit scale factors are deduplicated and sorted',
    args: args(1000, 1000, 256, { scaleFactors: [4, 1, 2, 2] }),
    scaleFactors: [1, 2, 4],
    sizes: [
      { width: 250, height: 250 },
      { width: 500, height: 500 },
      { width: 1000, height: 1000 },
    ],
  },
  {
    title: 'explicit sizes are sorted smallest first',
    args: args(1000, 1000, 256, {
      sizes: [
        { width: 500, height: 500 },
        { width: 100, height: 100 },
      ],
    }),
    scaleFactors: [1, 2, 4],
    sizes: [
      { width: 100, height: 100 },
      { width: 500, height: 500 },
    ],
  },
];

for (const row of infoRows) {
  test(`info.json for ${row.title}`, (t) => {
    const info = buildImageInfo(row.args);
    t.is(Object.keys(info)[0], '@context', '@context comes first');
    t.like(info, {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: ID,
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level2',
      width: row.args.width,
      height: row.args.height,
      maxWidth: row.args.maxWidth,
      maxHeight: row.args.maxHeight,
      maxArea: row.args.maxArea,
    });
    t.deepEqual(info.tiles, [
      { width: row.args.tileSize, height: row.args.tileSize, scaleFactors: row.scaleFactors },
    ]);
    t.deepEqual(info.sizes, row.sizes);
    t.deepEqual(info.extraFormats, ['webp']);
    t.deepEqual(info.extraQualities, ['color', 'gray', 'bitonal']);
    t.deepEqual(info.extraFeatures, ['mirroring', 'rotationArbitrary', 'sizeUpscaling']);
    // Every advertised size must be servable as full/w,h (spec §5.3).
    for (const size of info.sizes) {
      const result = plan(`full/${size.width},${size.height}/0/default.jpg`, row.args, row.args);
      if (isImageRequestError(result)) return t.fail(`${size.width},${size.height}: ${result.message}`);
      t.deepEqual(result.size, { w: size.width, h: size.height });
    }
  });
}

const featureRows: Array<{ title: string; httpFeatures: ImageInfoArgs['httpFeatures']; expected: string[] }> =
  [
    {
      title: 'no HTTP features',
      httpFeatures: [],
      expected: ['mirroring', 'rotationArbitrary', 'sizeUpscaling'],
    },
    {
      title: 'link headers are appended',
      httpFeatures: ['canonicalLinkHeader', 'profileLinkHeader'],
      expected: [
        'mirroring',
        'rotationArbitrary',
        'sizeUpscaling',
        'canonicalLinkHeader',
        'profileLinkHeader',
      ],
    },
    {
      title: 'features level2 already implies are left out and duplicates dropped',
      httpFeatures: [
        'cors',
        'baseUriRedirect',
        'jsonldMediaType',
        'regionSquare',
        'mirroring',
        'canonicalLinkHeader',
      ],
      expected: ['mirroring', 'rotationArbitrary', 'sizeUpscaling', 'canonicalLinkHeader'],
    },
  ];

for (const row of featureRows) {
  test(`extraFeatures with ${row.title}`, (t) => {
    t.deepEqual(
      buildImageInfo(args(100, 100, 256, { httpFeatures: row.httpFeatures })).extraFeatures,
      row.expected,
    );
  });
}

const misconfigRows: Array<{ title: string; args: ImageInfoArgs }> = [
  { title: 'zero width', args: args(0, 100, 256) },
  { title: 'fractional height', args: args(100, 10.5, 256) },
  { title: 'zero tile size', args: args(100, 100, 0) },
  { title: 'tile wider than maxWidth', args: args(100, 100, 512, { maxWidth: 256, maxHeight: 256 }) },
  { title: 'tile area beyond maxArea', args: args(100, 100, 512, { maxArea: 512 * 511 }) },
  { title: 'scale factor 0', args: args(100, 100, 256, { scaleFactors: [1, 0] }) },
  {
    title: 'explicit size beyond the limits',
    args: args(60000, 40000, 512, { sizes: [{ width: 60000, height: 40000 }] }),
  },
  { title: 'missing maxArea', args: args(100, 100, 256, { maxArea: Number.NaN }) },
];

for (const row of misconfigRows) {
  test(`buildImageInfo throws on ${row.title}`, (t) => {
    t.throws(() => buildImageInfo(row.args), { instanceOf: RangeError });
  });
}

const scaleFactorRows: Array<{ image: [number, number]; tile: number; expected: number[] }> = [
  { image: [1, 1], tile: 256, expected: [1] },
  { image: [256, 256], tile: 256, expected: [1] },
  { image: [257, 256], tile: 256, expected: [1, 2] },
  { image: [512, 512], tile: 256, expected: [1, 2] },
  { image: [513, 10], tile: 256, expected: [1, 2, 4] },
  { image: [10, 1025], tile: 256, expected: [1, 2, 4, 8] },
  { image: [7, 3], tile: 2, expected: [1, 2, 4] },
];

for (const row of scaleFactorRows) {
  test(`defaultScaleFactors for ${row.image.join('×')} with ${row.tile}px tiles`, (t) => {
    t.deepEqual(defaultScaleFactors(row.image[0], row.image[1], row.tile), row.expected);
  });
}

// --- tile requests

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function rectOf(region: string, width: number, height: number): Rect {
  if (region === 'full') return { x: 0, y: 0, w: width, h: height };
  const [x = NaN, y = NaN, w = NaN, h = NaN] = region.split(',').map(Number);
  return { x, y, w, h };
}

// Sorted distinct intervals must be contiguous from 0 to `end`.
function isPartition(intervals: Array<[number, number]>, end: number): boolean {
  const distinct = [
    ...new Map(intervals.map(([start, length]) => [`${start}:${length}`, [start, length] as const])).values(),
  ];
  distinct.sort((a, b) => a[0] - b[0]);
  let cursor = 0;
  for (const [start, length] of distinct) {
    if (start !== cursor || length < 1) return false;
    cursor += length;
  }
  return cursor === end;
}

const tileRows: Array<{
  title: string;
  image: [number, number];
  tile: number;
  count: number;
  sample?: Array<[string, string]>;
}> = [
  { title: '1x1 image', image: [1, 1], tile: 512, count: 1, sample: [['full', 'max']] },
  { title: 'image smaller than a tile', image: [300, 200], tile: 512, count: 1, sample: [['full', 'max']] },
  { title: 'image exactly one tile', image: [512, 512], tile: 512, count: 1, sample: [['full', 'max']] },
  {
    title: 'one pixel wider than a tile',
    image: [513, 100],
    tile: 512,
    count: 3,
    sample: [
      ['0,0,512,100', '512,100'],
      ['512,0,1,100', '1,100'],
      ['full', '257,50'],
    ],
  },
  {
    title: 'odd sizes',
    image: [1001, 999],
    tile: 256,
    count: 21,
    sample: [
      ['768,768,233,231', '233,231'],
      ['512,512,489,487', '245,244'],
      ['full', '251,250'],
    ],
  },
  {
    title: 'tiny tiles whose top level is a full grid tile',
    image: [7, 3],
    tile: 2,
    count: 11,
    sample: [
      ['6,2,1,1', '1,1'],
      ['full', '2,1'],
    ],
  },
  {
    title: 'spec example 6000x4000',
    image: [6000, 4000],
    tile: 512,
    count: 129,
    sample: [
      ['5632,3584,368,416', '368,416'],
      ['full', '375,250'],
    ],
  },
  {
    title: 'tall 1-pixel strip where w, alone would be wrong',
    image: [1, 60000],
    tile: 256,
    count: 472,
    sample: [
      ['0,59392,1,608', '1,152'],
      ['full', '1,235'],
    ],
  },
  {
    title: 'huge 60000x40000',
    image: [60000, 40000],
    tile: 512,
    count: 12489,
    sample: [
      ['59904,39936,96,64', '96,64'],
      ['32768,32768,27232,7232', '426,113'],
      ['full', '469,313'],
    ],
  },
];

for (const row of tileRows) {
  const [width, height] = row.image;
  test(`tile requests for ${row.title} (${width}×${height}, ${row.tile}px tiles)`, (t) => {
    const info = buildImageInfo(args(width, height, row.tile));
    const requests = tileRequestsFor(info);
    t.is(requests.length, row.count);
    t.is(
      new Set(requests.map((r) => `${r.region}/${r.size}`)).size,
      requests.length,
      'no duplicate requests',
    );
    for (const [region, size] of row.sample ?? []) {
      t.true(
        requests.some((r) => r.region === region && r.size === size),
        `expected ${region}/${size}`,
      );
    }

    const tile = info.tiles[0];
    if (!tile) return t.fail('no tiles');
    let cursor = 0;
    for (const sf of tile.scaleFactors) {
      const levelW = Math.ceil(width / sf);
      const levelH = Math.ceil(height / sf);
      const cols = Math.ceil(width / (tile.width * sf));
      const rows = Math.ceil(height / (tile.height * sf));
      const single = levelW < tile.width && levelH < tile.height;
      const level = requests.slice(cursor, cursor + (single ? 1 : cols * rows));
      cursor += level.length;

      const rects = level.map((r) => rectOf(r.region, width, height));
      // Regions form a grid that covers the image exactly once.
      t.true(
        isPartition(
          rects.map((r) => [r.x, r.w]),
          width,
        ),
        `sf ${sf}: columns partition the width`,
      );
      t.true(
        isPartition(
          rects.map((r) => [r.y, r.h]),
          height,
        ),
        `sf ${sf}: rows partition the height`,
      );
      t.is(
        rects.reduce((sum, r) => sum + r.w * r.h, 0),
        width * height,
        `sf ${sf}: areas add up`,
      );

      let outW = 0;
      let outH = 0;
      for (const [index, request] of level.entries()) {
        const rect = rects[index];
        const result = plan(`${request.region}/${request.size}/0/default.jpg`, { width, height });
        if (isImageRequestError(result) || !rect)
          return t.fail(
            `${request.region}/${request.size}: ${isImageRequestError(result) ? result.message : ''}`,
          );
        t.deepEqual(result.region, rect);
        // Output is the ceil-scaled region, never bigger than a tile.
        if (result.size.w !== Math.ceil(rect.w / sf) || result.size.h !== Math.ceil(rect.h / sf)) {
          return t.fail(`sf ${sf} ${request.region}: got ${result.size.w}×${result.size.h}`);
        }
        if (result.size.w > tile.width || result.size.h > tile.height)
          return t.fail('output larger than a tile');
        if (rect.y === 0) outW += result.size.w;
        if (rect.x === 0) outH += result.size.h;
      }
      // Stitched tiles reproduce the level size that `sizes` advertises.
      t.is(outW, levelW, `sf ${sf}: stitched width`);
      t.is(outH, levelH, `sf ${sf}: stitched height`);
    }
    t.is(cursor, requests.length, 'every request belongs to a level');
  });
}
