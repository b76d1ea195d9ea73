import test from 'ava';
import {
  fitInside,
  rotatedSize,
  isImageRequestError,
  scaleRound,
  parseImageRequest,
  planImageRequest,
  type ImageLimits,
  type ImageRequestErrorCode,
  type ImageRequestParameter,
  type ParsedImageRequest,
} from '../../src/domain/iiif/image-request.rules.js';

// Generous enough never to bind unless a row says otherwise.
const NO_LIMITS: ImageLimits = { maxWidth: 100_000, maxHeight: 100_000, maxArea: 10_000_000_000 };
// Spec §4.2 examples: "assuming maxWidth of 200px" / "maxWidth of 360px".
const MAX_200: ImageLimits = { maxWidth: 200, maxHeight: 200, maxArea: 1_000_000_000 };
const MAX_360: ImageLimits = { maxWidth: 360, maxHeight: 360, maxArea: 1_000_000_000 };
const AREA_10K: ImageLimits = { maxWidth: 1000, maxHeight: 1000, maxArea: 10_000 };
const HUGE_LIMITS: ImageLimits = { maxWidth: 10_000, maxHeight: 10_000, maxArea: 100_000_000 };
const AREA_100M: ImageLimits = { maxWidth: 60_000, maxHeight: 60_000, maxArea: 100_000_000 };

type Image = [width: number, height: number];

interface OkRow {
  title: string;
  image: Image;
  limits?: ImageLimits;
  /** `{region}/{size}/{rotation}/{quality}.{format}` */
  path: string;
  region?: [number, number, number, number];
  size?: [number, number];
  mirror?: boolean;
  rotation?: number;
  canonical?: string;
}

interface ErrorRow {
  title: string;
  image: Image;
  limits?: ImageLimits;
  path: string;
  error: ImageRequestErrorCode;
  parameter: ImageRequestParameter;
  /** Substring the English message must contain. */
  mentions?: string;
}

function split(path: string) {
  const [region = '', size = '', rotation = '', last = ''] = path.split('/');
  const dot = last.lastIndexOf('.');
  const quality = dot < 0 ? last : last.slice(0, dot);
  const format = dot < 0 ? '' : last.slice(dot + 1);
  return { region, size, rotation, quality, format };
}

function run(path: string, [width, height]: Image, limits: ImageLimits = NO_LIMITS) {
  const parsed = parseImageRequest(split(path));
  if (isImageRequestError(parsed)) return parsed;
  return planImageRequest(parsed, { width, height }, limits);
}

const L = 'full/max/0/default.jpg';

const okRows: OkRow[] = [
  // --- region: full / square
  {
    title: 'full region',
    image: [300, 200],
    path: L,
    region: [0, 0, 300, 200],
    size: [300, 200],
    canonical: L,
  },
  {
    title: 'square on landscape is centred horizontally',
    image: [300, 200],
    path: 'square/max/0/default.jpg',
    region: [50, 0, 200, 200],
    canonical: '50,0,200,200/max/0/default.jpg',
  },
  {
    title: 'square on portrait is centred vertically',
    image: [200, 300],
    path: 'square/max/0/default.jpg',
    region: [0, 50, 200, 200],
    canonical: '0,50,200,200/max/0/default.jpg',
  },
  {
    title: 'square with odd difference leaves the spare pixel on the right',
    image: [301, 200],
    path: 'square/max/0/default.jpg',
    region: [50, 0, 200, 200],
  },
  {
    title: 'square with odd difference on portrait leaves the spare pixel at the bottom',
    image: [200, 305],
    path: 'square/max/0/default.jpg',
    region: [0, 52, 200, 200],
  },
  {
    title: 'square on a square image is canonically full',
    image: [256, 256],
    path: 'square/max/0/default.jpg',
    region: [0, 0, 256, 256],
    canonical: L,
  },
  {
    title: 'square on a 1x1 image',
    image: [1, 1],
    path: 'square/max/0/default.jpg',
    region: [0, 0, 1, 1],
    size: [1, 1],
    canonical: L,
  },
  {
    title: 'square on a 1-pixel-high strip',
    image: [500, 1],
    path: 'square/max/0/default.jpg',
    region: [249, 0, 1, 1],
    size: [1, 1],
    canonical: '249,0,1,1/max/0/default.jpg',
  },

  // --- region: pixels
  {
    title: 'pixel region inside the image (spec example 3)',
    image: [300, 200],
    path: '125,15,120,140/max/0/default.jpg',
    region: [125, 15, 120, 140],
    size: [120, 140],
    canonical: '125,15,120,140/max/0/default.jpg',
  },
  {
    title: 'pixel region crossing right and bottom edges is clipped (spec example 5)',
    image: [300, 200],
    path: '125,15,200,200/max/0/default.jpg',
    region: [125, 15, 175, 185],
    size: [175, 185],
    canonical: '125,15,175,185/max/0/default.jpg',
  },
  {
    title: 'pixel region crossing only the right edge',
    image: [300, 200],
    path: '250,0,100,50/max/0/default.jpg',
    region: [250, 0, 50, 50],
  },
  {
    title: 'pixel region crossing only the bottom edge',
    image: [300, 200],
    path: '0,150,100,100/max/0/default.jpg',
    region: [0, 150, 100, 50],
  },
  {
    title: 'last pixel column',
    image: [300, 200],
    path: '299,0,1,200/max/0/default.jpg',
    region: [299, 0, 1, 200],
    canonical: '299,0,1,200/max/0/default.jpg',
  },
  {
    title: 'bottom-right pixel',
    image: [300, 200],
    path: '299,199,1,1/max/0/default.jpg',
    region: [299, 199, 1, 1],
    size: [1, 1],
  },
  {
    title: 'bottom-right pixel with oversized extent',
    image: [300, 200],
    path: '299,199,50,50/max/0/default.jpg',
    region: [299, 199, 1, 1],
  },
  {
    title: 'oversized region clipped to the whole image is canonically full',
    image: [300, 200],
    path: '0,0,99999,99999/max/0/default.jpg',
    region: [0, 0, 300, 200],
    canonical: L,
  },
  {
    title: 'pixel region equal to the image is canonically full',
    image: [300, 200],
    path: '0,0,300,200/max/0/default.jpg',
    canonical: L,
  },
  {
    title: 'leading zeros in pixel values',
    image: [300, 200],
    path: '010,005,020,020/max/0/default.jpg',
    region: [10, 5, 20, 20],
    canonical: '10,5,20,20/max/0/default.jpg',
  },
  {
    title: '1x1 image pixel region',
    image: [1, 1],
    path: '0,0,1,1/max/0/default.jpg',
    region: [0, 0, 1, 1],
    canonical: L,
  },

  // --- region: percent
  {
    title: 'pct region (spec example 4) rounds 124.8 to 125',
    image: [300, 200],
    path: 'pct:41.6,7.5,40,70/max/0/default.jpg',
    region: [125, 15, 120, 140],
    canonical: '125,15,120,140/max/0/default.jpg',
  },
  {
    title: 'pct region crossing the edges (spec example 6)',
    image: [300, 200],
    path: 'pct:41.6,7.5,66.6,100/max/0/default.jpg',
    region: [125, 15, 175, 185],
  },
  {
    title: 'pct 0,0,100,100 is canonically full',
    image: [300, 200],
    path: 'pct:0,0,100,100/max/0/default.jpg',
    region: [0, 0, 300, 200],
    canonical: L,
  },
  {
    title: 'pct bottom-right quarter',
    image: [300, 200],
    path: 'pct:50,50,50,50/max/0/default.jpg',
    region: [150, 100, 150, 100],
  },
  {
    title: 'pct partially outside is clipped',
    image: [300, 200],
    path: 'pct:90,90,20,20/max/0/default.jpg',
    region: [270, 180, 30, 20],
  },
  {
    title: 'pct with a leading-dot fraction rounds the 1.5 tie up',
    image: [300, 200],
    path: 'pct:.5,0,50,50/max/0/default.jpg',
    region: [2, 0, 150, 100],
  },
  {
    title: 'pct tie that floating point gets wrong (16.15% of 1000 = 161.5)',
    image: [1000, 100],
    path: 'pct:16.15,0,10,100/max/0/default.jpg',
    region: [162, 0, 100, 100],
  },
  {
    title: 'pct tie 0.575% of 6000 = 34.5 rounds up',
    image: [6000, 10],
    path: 'pct:0.575,0,1,100/max/0/default.jpg',
    region: [35, 0, 60, 10],
  },
  {
    title: 'pct thin region rounds edges to one pixel',
    image: [300, 200],
    path: 'pct:10.1,0,0.2,100/max/0/default.jpg',
    region: [30, 0, 1, 200],
  },
  {
    title: 'pct thirds: first third',
    image: [100, 200],
    path: 'pct:0,0,33.3333,100/max/0/default.jpg',
    region: [0, 0, 33, 200],
  },
  {
    title: 'pct thirds: middle third abuts the first',
    image: [100, 200],
    path: 'pct:33.3333,0,33.3333,100/max/0/default.jpg',
    region: [33, 0, 34, 200],
  },
  {
    title: 'pct thirds: last third abuts the middle',
    image: [100, 200],
    path: 'pct:66.6666,0,33.3334,100/max/0/default.jpg',
    region: [67, 0, 33, 200],
  },
  {
    title: 'pct region with trailing zeros',
    image: [300, 200],
    path: 'pct:10.50,0,50.00,100/max/0/default.jpg',
    region: [32, 0, 150, 200],
  },
  {
    title: 'pct on a 1x1 image covering half still gives the pixel',
    image: [1, 1],
    path: 'pct:0,0,50,50/max/0/default.jpg',
    region: [0, 0, 1, 1],
    canonical: L,
  },

  // --- size: max / w, / ,h / pct
  {
    title: 'max returns the region size',
    image: [300, 200],
    path: '10,10,50,40/max/0/default.jpg',
    size: [50, 40],
    canonical: '10,10,50,40/max/0/default.jpg',
  },
  {
    title: 'w, (spec example)',
    image: [300, 200],
    path: 'full/150,/0/default.jpg',
    size: [150, 100],
    canonical: 'full/150,100/0/default.jpg',
  },
  {
    title: ',h (spec example)',
    image: [300, 200],
    path: 'full/,150/0/default.jpg',
    size: [225, 150],
    canonical: 'full/225,150/0/default.jpg',
  },
  {
    title: 'w, equal to the region width is canonically max',
    image: [300, 200],
    path: 'full/300,/0/default.jpg',
    size: [300, 200],
    canonical: L,
  },
  {
    title: ',h equal to the region height is canonically max',
    image: [300, 200],
    path: 'full/,200/0/default.jpg',
    size: [300, 200],
    canonical: L,
  },
  {
    title: 'w, rounds 300.3 down (333x1000)',
    image: [333, 1000],
    path: 'full/100,/0/default.jpg',
    size: [100, 300],
  },
  { title: 'w, rounds 2.14 down (7x3)', image: [7, 3], path: 'full/5,/0/default.jpg', size: [5, 2] },
  { title: ',h rounds 4.67 up (7x3)', image: [7, 3], path: 'full/,2/0/default.jpg', size: [5, 2] },
  {
    title: 'w, rounds the 0.5 tie up (4x2 -> 1,)',
    image: [4, 2],
    path: 'full/1,/0/default.jpg',
    size: [1, 1],
  },
  {
    title: 'w, rounds the 1.5 tie up (4x3 -> 2,)',
    image: [4, 3],
    path: 'full/2,/0/default.jpg',
    size: [2, 2],
  },
  { title: ',h rounds 0.67 up to 1 (2x3 -> ,1)', image: [2, 3], path: 'full/,1/0/default.jpg', size: [1, 1] },
  { title: 'w, of 1 on a landscape image', image: [300, 200], path: 'full/1,/0/default.jpg', size: [1, 1] },
  {
    title: ',h of 1 on a wide strip keeps the width',
    image: [1000, 10],
    path: 'full/,1/0/default.jpg',
    size: [100, 1],
  },
  {
    title: '^w, upscales',
    image: [300, 200],
    path: 'full/^360,/0/default.jpg',
    size: [360, 240],
    canonical: 'full/^360,240/0/default.jpg',
  },
  {
    title: '^w, upscale rounds 200.67 to 201',
    image: [300, 200],
    path: 'full/^301,/0/default.jpg',
    size: [301, 201],
    canonical: 'full/^301,201/0/default.jpg',
  },
  {
    title: '^w, that does not upscale drops the ^',
    image: [300, 200],
    path: 'full/^150,/0/default.jpg',
    size: [150, 100],
    canonical: 'full/150,100/0/default.jpg',
  },
  {
    title: '^,h upscales',
    image: [300, 200],
    path: 'full/^,240/0/default.jpg',
    size: [360, 240],
    canonical: 'full/^360,240/0/default.jpg',
  },
  {
    title: 'pct:50 (spec example)',
    image: [300, 200],
    path: 'full/pct:50/0/default.jpg',
    size: [150, 100],
    canonical: 'full/150,100/0/default.jpg',
  },
  {
    title: 'pct:100 is canonically max',
    image: [300, 200],
    path: 'full/pct:100/0/default.jpg',
    size: [300, 200],
    canonical: L,
  },
  {
    title: 'pct:33.3 rounds each side',
    image: [300, 200],
    path: 'full/pct:33.3/0/default.jpg',
    size: [100, 67],
  },
  {
    title: 'pct:0.25 rounds the 0.5 tie up to one pixel',
    image: [300, 200],
    path: 'full/pct:0.25/0/default.jpg',
    size: [1, 1],
  },
  {
    title: '^pct:120 upscales',
    image: [300, 200],
    path: 'full/^pct:120/0/default.jpg',
    size: [360, 240],
    canonical: 'full/^360,240/0/default.jpg',
  },
  {
    title: '^pct:50 does not upscale',
    image: [300, 200],
    path: 'full/^pct:50/0/default.jpg',
    size: [150, 100],
    canonical: 'full/150,100/0/default.jpg',
  },
  {
    title: '^pct:100 is canonically max',
    image: [300, 200],
    path: 'full/^pct:100/0/default.jpg',
    canonical: L,
  },
  {
    title: '^pct:16.15 uses exact decimal rounding',
    image: [1000, 100],
    path: 'full/^pct:16.15/0/default.jpg',
    size: [162, 16],
  },

  // --- size: w,h and !w,h
  {
    title: 'w,h distorts (spec example)',
    image: [300, 200],
    path: 'full/225,100/0/default.jpg',
    size: [225, 100],
    canonical: 'full/225,100/0/default.jpg',
  },
  {
    title: 'w,h equal to the region is canonically max',
    image: [300, 200],
    path: 'full/300,200/0/default.jpg',
    canonical: L,
  },
  {
    title: '^w,h upscales (spec example)',
    image: [300, 200],
    path: 'full/^360,360/0/default.jpg',
    size: [360, 360],
    canonical: 'full/^360,360/0/default.jpg',
  },
  {
    title: '^w,h upscaling only the height keeps the ^',
    image: [300, 200],
    path: 'full/^200,300/0/default.jpg',
    size: [200, 300],
    canonical: 'full/^200,300/0/default.jpg',
  },
  {
    title: '^w,h without upscaling drops the ^',
    image: [300, 200],
    path: 'full/^100,100/0/default.jpg',
    canonical: 'full/100,100/0/default.jpg',
  },
  {
    title: '!w,h height-bound (spec example)',
    image: [300, 200],
    path: 'full/!225,100/0/default.jpg',
    size: [150, 100],
    canonical: 'full/150,100/0/default.jpg',
  },
  { title: '!w,h width-bound', image: [300, 200], path: 'full/!150,150/0/default.jpg', size: [150, 100] },
  {
    title: '!w,h larger than the region is confined to the region',
    image: [300, 200],
    path: 'full/!1000,1000/0/default.jpg',
    size: [300, 200],
    canonical: L,
  },
  { title: '!w,h rounds the 1.5 tie up', image: [300, 200], path: 'full/!300,1/0/default.jpg', size: [2, 1] },
  { title: '!1,1 gives one pixel', image: [300, 200], path: 'full/!1,1/0/default.jpg', size: [1, 1] },
  {
    title: '!w,h at an odd ratio (7x3 in 5x5)',
    image: [7, 3],
    path: 'full/!5,5/0/default.jpg',
    size: [5, 2],
  },
  { title: '!w,h on portrait', image: [200, 300], path: 'full/!100,100/0/default.jpg', size: [67, 100] },
  {
    title: '^!w,h upscales (spec example)',
    image: [300, 200],
    path: 'full/^!360,360/0/default.jpg',
    size: [360, 240],
    canonical: 'full/^360,240/0/default.jpg',
  },
  {
    title: 'size applies to the clipped region',
    image: [1000, 100],
    path: '900,0,200,100/100,/0/default.jpg',
    region: [900, 0, 100, 100],
    size: [100, 100],
    canonical: '900,0,100,100/max/0/default.jpg',
  },
  {
    title: 'size on a square region',
    image: [300, 200],
    path: 'square/100,/0/default.jpg',
    size: [100, 100],
    canonical: '50,0,200,200/100,100/0/default.jpg',
  },

  // --- limits
  {
    title: 'max is scaled down to maxWidth (spec example)',
    image: [300, 200],
    limits: MAX_200,
    path: L,
    size: [200, 133],
    canonical: L,
  },
  {
    title: 'max on portrait is scaled down to maxHeight',
    image: [200, 300],
    limits: MAX_200,
    path: L,
    size: [133, 200],
    canonical: L,
  },
  {
    title: 'max under the limits is not upscaled',
    image: [100, 50],
    limits: MAX_200,
    path: L,
    size: [100, 50],
  },
  {
    title: '^max upscales to maxWidth (spec example)',
    image: [300, 200],
    limits: MAX_360,
    path: 'full/^max/0/default.jpg',
    size: [360, 240],
    canonical: 'full/^max/0/default.jpg',
  },
  {
    title: '^w, reaching the upscaled maximum is canonically ^max',
    image: [300, 200],
    limits: MAX_360,
    path: 'full/^360,/0/default.jpg',
    canonical: 'full/^max/0/default.jpg',
  },
  {
    title: '^max when the region already exceeds the limits is canonically max',
    image: [300, 200],
    limits: MAX_200,
    path: 'full/^max/0/default.jpg',
    size: [200, 133],
    canonical: L,
  },
  {
    title: '!w,h is confined by the limits instead of failing',
    image: [300, 200],
    limits: MAX_200,
    path: 'full/!1000,1000/0/default.jpg',
    size: [200, 133],
    canonical: L,
  },
  {
    title: 'max scaled down by maxArea',
    image: [300, 200],
    limits: AREA_10K,
    path: L,
    size: [122, 81],
    canonical: L,
  },
  {
    title: 'max on portrait scaled down by maxArea',
    image: [200, 300],
    limits: AREA_10K,
    path: L,
    size: [81, 122],
  },
  {
    title: '^max bound by maxArea equals max',
    image: [300, 200],
    limits: AREA_10K,
    path: 'full/^max/0/default.jpg',
    size: [122, 81],
    canonical: L,
  },
  {
    title: '!w,h confined by maxArea',
    image: [300, 200],
    limits: AREA_10K,
    path: 'full/!1000,1000/0/default.jpg',
    size: [122, 81],
    canonical: L,
  },
  {
    title: 'max exactly at maxArea is untouched',
    image: [100, 100],
    limits: { maxWidth: 1000, maxHeight: 1000, maxArea: 10_000 },
    path: L,
    size: [100, 100],
  },
  {
    title: 'max one pixel over maxArea shrinks both sides',
    image: [100, 100],
    limits: { maxWidth: 1000, maxHeight: 1000, maxArea: 9_999 },
    path: L,
    size: [99, 99],
  },
  {
    title: 'max bound by maxArea uses the short side rounding slack',
    image: [10, 50],
    limits: { maxWidth: 1000, maxHeight: 1000, maxArea: 50 },
    path: L,
    size: [3, 16],
    canonical: L,
  },
  {
    title: 'max on a 60000x1 strip keeps one pixel of height',
    image: [60000, 1],
    limits: HUGE_LIMITS,
    path: L,
    size: [10000, 1],
    canonical: L,
  },
  {
    title: 'max on a 1x60000 strip keeps one pixel of width',
    image: [1, 60000],
    limits: HUGE_LIMITS,
    path: L,
    size: [1, 10000],
    canonical: L,
  },

  // --- huge image 60000x40000
  {
    title: 'huge: max bound by maxWidth',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: L,
    size: [10000, 6667],
    canonical: L,
  },
  {
    title: 'huge: max bound by maxArea',
    image: [60000, 40000],
    limits: AREA_100M,
    path: L,
    size: [12247, 8165],
    canonical: L,
  },
  {
    title: 'huge: ^max bound by maxArea is canonically max',
    image: [60000, 40000],
    limits: AREA_100M,
    path: 'full/^max/0/default.jpg',
    size: [12247, 8165],
    canonical: L,
  },
  {
    title: 'huge: w, equal to max is canonically max',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'full/10000,/0/default.jpg',
    size: [10000, 6667],
    canonical: L,
  },
  {
    title: 'huge: !w,h thumbnail',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'full/!1000,1000/0/default.jpg',
    size: [1000, 667],
    canonical: 'full/1000,667/0/default.jpg',
  },
  {
    title: 'huge: bottom-right edge tile',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: '59392,39424,1024,1024/304,288/0/default.jpg',
    region: [59392, 39424, 608, 576],
    size: [304, 288],
    canonical: '59392,39424,608,576/304,288/0/default.jpg',
  },
  {
    title: 'huge: pct region in the middle',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'pct:33.33,33.33,1,1/max/0/default.jpg',
    region: [19998, 13332, 600, 400],
  },
  {
    title: 'huge: square is centred',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'square/max/0/default.jpg',
    region: [10000, 0, 40000, 40000],
    size: [10000, 10000],
    canonical: '10000,0,40000,40000/max/0/default.jpg',
  },

  // --- rotation and mirroring
  { title: 'rotation 0', image: [300, 200], path: L, mirror: false, rotation: 0, canonical: L },
  {
    title: 'rotation 90',
    image: [300, 200],
    path: 'full/max/90/default.jpg',
    mirror: false,
    rotation: 90,
    canonical: 'full/max/90/default.jpg',
  },
  {
    title: 'rotation 180',
    image: [300, 200],
    path: 'full/max/180/default.jpg',
    rotation: 180,
    canonical: 'full/max/180/default.jpg',
  },
  {
    title: 'rotation 270',
    image: [300, 200],
    path: 'full/max/270/default.jpg',
    rotation: 270,
    canonical: 'full/max/270/default.jpg',
  },
  {
    title: 'arbitrary rotation 22.5',
    image: [300, 200],
    path: 'full/max/22.5/default.png',
    rotation: 22.5,
    canonical: 'full/max/22.5/default.png',
  },
  {
    title: 'rotation 360 is normalised to 0',
    image: [300, 200],
    path: 'full/max/360/default.jpg',
    rotation: 0,
    canonical: L,
  },
  {
    title: 'rotation 360.0 is normalised to 0',
    image: [300, 200],
    path: 'full/max/360.0/default.jpg',
    rotation: 0,
    canonical: L,
  },
  {
    title: 'rotation with trailing zeros',
    image: [300, 200],
    path: 'full/max/90.0/default.jpg',
    rotation: 90,
    canonical: 'full/max/90/default.jpg',
  },
  {
    title: 'rotation 22.50 drops the trailing zero',
    image: [300, 200],
    path: 'full/max/22.50/default.jpg',
    canonical: 'full/max/22.5/default.jpg',
  },
  {
    title: 'rotation .5 gains a leading zero',
    image: [300, 200],
    path: 'full/max/.5/default.jpg',
    rotation: 0.5,
    canonical: 'full/max/0.5/default.jpg',
  },
  {
    title: 'rotation with leading zeros',
    image: [300, 200],
    path: 'full/max/0090/default.jpg',
    canonical: 'full/max/90/default.jpg',
  },
  {
    title: 'rotation 359.999',
    image: [300, 200],
    path: 'full/max/359.999/default.jpg',
    rotation: 359.999,
    canonical: 'full/max/359.999/default.jpg',
  },
  {
    title: 'tiny rotation is written without exponent',
    image: [300, 200],
    path: 'full/max/0.0000001/default.jpg',
    canonical: 'full/max/0.0000001/default.jpg',
  },
  {
    title: 'mirror only (spec example)',
    image: [300, 200],
    path: 'full/max/!0/default.jpg',
    mirror: true,
    rotation: 0,
    canonical: 'full/max/!0/default.jpg',
  },
  {
    title: 'mirror then 180 (spec example)',
    image: [300, 200],
    path: 'full/max/!180/default.jpg',
    mirror: true,
    rotation: 180,
    canonical: 'full/max/!180/default.jpg',
  },
  {
    title: 'mirror then 360 is mirror only',
    image: [300, 200],
    path: 'full/max/!360/default.jpg',
    mirror: true,
    rotation: 0,
    canonical: 'full/max/!0/default.jpg',
  },
  {
    title: 'mirror with arbitrary angle',
    image: [300, 200],
    path: 'full/max/!22.5/default.png',
    mirror: true,
    rotation: 22.5,
  },

  // --- quality and format
  {
    title: 'quality color',
    image: [300, 200],
    path: 'full/max/0/color.jpg',
    canonical: 'full/max/0/color.jpg',
  },
  { title: 'quality gray', image: [300, 200], path: 'full/max/0/gray.jpg', canonical: 'full/max/0/gray.jpg' },
  {
    title: 'quality bitonal',
    image: [300, 200],
    path: 'full/max/0/bitonal.png',
    canonical: 'full/max/0/bitonal.png',
  },
  {
    title: 'format png',
    image: [300, 200],
    path: 'full/max/0/default.png',
    canonical: 'full/max/0/default.png',
  },
  {
    title: 'format webp',
    image: [300, 200],
    path: 'full/max/0/default.webp',
    canonical: 'full/max/0/default.webp',
  },

  // --- canonical URIs combining everything
  {
    title: 'canonical: spec order-of-implementation example',
    image: [300, 200],
    path: '125,15,120,140/90,/!345/gray.jpg',
    size: [90, 105],
    canonical: '125,15,120,140/90,105/!345/gray.jpg',
  },
  {
    title: 'canonical: every non-canonical spelling of the full image',
    image: [300, 200],
    path: 'pct:0,0,100,100/pct:100/360/default.png',
    canonical: 'full/max/0/default.png',
  },
  {
    title: 'canonical: square, confined, mirrored, color webp',
    image: [300, 200],
    path: 'square/!100,100/!90/color.webp',
    canonical: '50,0,200,200/100,100/!90/color.webp',
  },
  {
    title: 'canonical: pct region with ,h',
    image: [300, 200],
    path: 'pct:50,50,50,50/,50/0/default.jpg',
    canonical: '150,100,150,100/75,50/0/default.jpg',
  },
  {
    title: 'canonical: upscaled pixel region',
    image: [300, 200],
    path: '0,0,10,10/^pct:1000/0/default.jpg',
    size: [100, 100],
    canonical: '0,0,10,10/^100,100/0/default.jpg',
  },
  {
    title: 'canonical: region clipped to a sliver',
    image: [300, 200],
    path: '299,0,5,5/max/0/default.jpg',
    canonical: '299,0,1,5/max/0/default.jpg',
  },
  {
    title: 'canonical: !w,h at region size',
    image: [300, 200],
    path: '0,0,100,50/!100,50/0/default.jpg',
    canonical: '0,0,100,50/max/0/default.jpg',
  },
];

const errorRows: ErrorRow[] = [
  // --- region
  {
    title: 'region starting at the right edge is outside',
    image: [300, 200],
    path: '300,0,10,10/max/0/default.jpg',
    error: 'region-outside',
    parameter: 'region',
  },
  {
    title: 'region starting at the bottom edge is outside',
    image: [300, 200],
    path: '0,200,10,10/max/0/default.jpg',
    error: 'region-outside',
    parameter: 'region',
  },
  {
    title: 'region far outside',
    image: [300, 200],
    path: '1000,1000,5,5/max/0/default.jpg',
    error: 'region-outside',
    parameter: 'region',
  },
  {
    title: 'region outside a 1x1 image',
    image: [1, 1],
    path: '1,0,1,1/max/0/default.jpg',
    error: 'region-outside',
    parameter: 'region',
  },
  {
    title: 'zero-width pixel region',
    image: [300, 200],
    path: '0,0,0,10/max/0/default.jpg',
    error: 'region-empty',
    parameter: 'region',
  },
  {
    title: 'zero-height pixel region',
    image: [300, 200],
    path: '0,0,10,0/max/0/default.jpg',
    error: 'region-empty',
    parameter: 'region',
  },
  {
    title: 'zero-width pixel region outside the image is still empty',
    image: [300, 200],
    path: '500,0,0,10/max/0/default.jpg',
    error: 'region-empty',
    parameter: 'region',
  },
  {
    title: 'pct region starting at 100% is outside',
    image: [300, 200],
    path: 'pct:100,0,10,10/max/0/default.jpg',
    error: 'region-outside',
    parameter: 'region',
  },
  {
    title: 'pct region rounding onto the right edge is outside',
    image: [100, 100],
    path: 'pct:99.9,0,10,10/max/0/default.jpg',
    error: 'region-outside',
    parameter: 'region',
  },
  {
    title: 'pct region on a 1x1 image past the middle is outside',
    image: [1, 1],
    path: 'pct:50,50,50,50/max/0/default.jpg',
    error: 'region-outside',
    parameter: 'region',
  },
  {
    title: 'pct zero width',
    image: [300, 200],
    path: 'pct:0,0,0,50/max/0/default.jpg',
    error: 'region-empty',
    parameter: 'region',
  },
  {
    title: 'pct zero height written 0.0',
    image: [300, 200],
    path: 'pct:0,0,50,0.0/max/0/default.jpg',
    error: 'region-empty',
    parameter: 'region',
  },
  {
    title: 'pct region smaller than a pixel',
    image: [300, 200],
    path: 'pct:10,10,0.1,0.1/max/0/default.jpg',
    error: 'region-empty',
    parameter: 'region',
    mentions: 'smaller than one pixel',
  },
  {
    title: 'pct thin region whose edges round together',
    image: [300, 200],
    path: 'pct:10.2,0,0.1,100/max/0/default.jpg',
    error: 'region-empty',
    parameter: 'region',
  },
  {
    title: 'region with three values',
    image: [300, 200],
    path: '0,0,10/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'region with a negative value',
    image: [300, 200],
    path: '-1,0,10,10/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'pixel region with a fraction',
    image: [300, 200],
    path: '0.5,0,10,10/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'pct region with a negative value',
    image: [300, 200],
    path: 'pct:-1,0,10,10/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'pct region with an exponent',
    image: [300, 200],
    path: 'pct:1e1,0,10,10/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'pct region with a plus sign',
    image: [300, 200],
    path: 'pct:+1,0,10,10/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'pct region with spaces',
    image: [300, 200],
    path: 'pct:1, 0,10,10/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'region keyword is case-sensitive',
    image: [300, 200],
    path: 'Full/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'empty region',
    image: [300, 200],
    path: '/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'region beyond safe integers',
    image: [300, 200],
    path: '0,0,99999999999999999999,1/max/0/default.jpg',
    error: 'region-invalid',
    parameter: 'region',
  },
  {
    title: 'the first invalid parameter wins',
    image: [300, 200],
    path: 'bad/bad/bad/bad.bad',
    error: 'region-invalid',
    parameter: 'region',
  },

  // --- size syntax
  {
    title: 'size full is 2.x syntax',
    image: [300, 200],
    path: 'full/full/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
    mentions: 'use "max"',
  },
  {
    title: 'size with only a comma',
    image: [300, 200],
    path: 'full/,/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'confined size missing h',
    image: [300, 200],
    path: 'full/!100,/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'confined size missing w',
    image: [300, 200],
    path: 'full/!,100/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'pct size without a number',
    image: [300, 200],
    path: 'full/pct:/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'negative pct size',
    image: [300, 200],
    path: 'full/pct:-5/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'pct size with a percent sign',
    image: [300, 200],
    path: 'full/pct:50%/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'bare ^',
    image: [300, 200],
    path: 'full/^/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'double ^',
    image: [300, 200],
    path: 'full/^^max/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: '! before ^',
    image: [300, 200],
    path: 'full/!^100,100/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'size without a comma',
    image: [300, 200],
    path: 'full/100/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'size with three values',
    image: [300, 200],
    path: 'full/100,100,100/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'negative width',
    image: [300, 200],
    path: 'full/-100,/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'fractional width',
    image: [300, 200],
    path: 'full/10.5,/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },
  {
    title: 'size keyword is case-sensitive',
    image: [300, 200],
    path: 'full/Max/0/default.jpg',
    error: 'size-invalid',
    parameter: 'size',
  },

  // --- size: upscaling without ^
  {
    title: 'w, wider than the region',
    image: [300, 200],
    path: 'full/301,/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
    mentions: 'prefix the size with ^',
  },
  {
    title: ',h taller than the region',
    image: [300, 200],
    path: 'full/,201/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
  },
  {
    title: 'pct over 100',
    image: [300, 200],
    path: 'full/pct:120/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
  },
  {
    title: 'pct barely over 100 that rounding would hide',
    image: [10, 10],
    path: 'full/pct:100.1/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
  },
  {
    title: 'w,h wider than the region',
    image: [300, 200],
    path: 'full/301,200/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
  },
  {
    title: 'w,h taller than the region',
    image: [300, 200],
    path: 'full/300,201/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
  },
  {
    title: 'w, wider than the clipped region',
    image: [1000, 100],
    path: '900,0,200,100/200,/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
  },
  {
    title: 'w, on a 1x1 image',
    image: [1, 1],
    path: 'full/2,/0/default.jpg',
    error: 'size-upscaling-not-allowed',
    parameter: 'size',
  },

  // --- size: zero pixels
  {
    title: 'zero width',
    image: [300, 200],
    path: 'full/0,/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: 'zero height',
    image: [300, 200],
    path: 'full/,0/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: 'zero w,h',
    image: [300, 200],
    path: 'full/0,0/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: 'w,h with zero height',
    image: [300, 200],
    path: 'full/10,0/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: 'pct:0',
    image: [300, 200],
    path: 'full/pct:0/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: 'pct:0.1 rounds both sides to 0',
    image: [300, 200],
    path: 'full/pct:0.1/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: 'pct:0.2 rounds the height to 0',
    image: [300, 200],
    path: 'full/pct:0.2/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
    mentions: '1×0',
  },
  {
    title: 'w, on a wide strip rounds the height to 0',
    image: [1000, 10],
    path: 'full/10,/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
    mentions: '10×0',
  },
  {
    title: ',h on a tall strip rounds the width to 0',
    image: [10, 1000],
    path: 'full/,10/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: '!w,h on a wide strip rounds the height to 0',
    image: [1000, 10],
    path: 'full/!10,10/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },
  {
    title: '!0,100',
    image: [300, 200],
    path: 'full/!0,100/0/default.jpg',
    error: 'size-too-small',
    parameter: 'size',
  },

  // --- size: limits
  {
    title: 'w, beyond maxWidth',
    image: [300, 200],
    limits: MAX_200,
    path: 'full/250,/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
    mentions: 'maxWidth 200',
  },
  {
    title: ',h beyond maxHeight',
    image: [200, 300],
    limits: MAX_200,
    path: 'full/,250/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: '^w, beyond maxWidth',
    image: [300, 200],
    limits: MAX_360,
    path: 'full/^361,/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: 'w, beyond maxArea',
    image: [300, 200],
    limits: AREA_10K,
    path: 'full/150,/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: 'pct beyond maxArea',
    image: [300, 200],
    limits: AREA_10K,
    path: 'full/pct:50/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: 'w,h beyond maxArea',
    image: [300, 200],
    limits: AREA_10K,
    path: 'full/101,100/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: 'huge: w, one over maxWidth',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'full/10001,/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: 'huge: pct:50',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'full/pct:50/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: 'huge: ^pct with a huge number',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'full/^pct:99999999999999999999999/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },
  {
    title: 'huge: w,h of the full image',
    image: [60000, 40000],
    limits: HUGE_LIMITS,
    path: 'full/60000,40000/0/default.jpg',
    error: 'size-exceeds-limits',
    parameter: 'size',
  },

  // --- rotation
  {
    title: 'rotation -1',
    image: [300, 200],
    path: 'full/max/-1/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'rotation 361',
    image: [300, 200],
    path: 'full/max/361/default.jpg',
    error: 'rotation-out-of-range',
    parameter: 'rotation',
    mentions: 'between 0 and 360',
  },
  {
    title: 'rotation 360.1',
    image: [300, 200],
    path: 'full/max/360.1/default.jpg',
    error: 'rotation-out-of-range',
    parameter: 'rotation',
  },
  {
    title: 'mirrored rotation 361',
    image: [300, 200],
    path: 'full/max/!361/default.jpg',
    error: 'rotation-out-of-range',
    parameter: 'rotation',
  },
  {
    title: 'rotation abc',
    image: [300, 200],
    path: 'full/max/abc/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'empty rotation',
    image: [300, 200],
    path: 'full/max//default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'bare !',
    image: [300, 200],
    path: 'full/max/!/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'double !',
    image: [300, 200],
    path: 'full/max/!!90/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'mirrored negative rotation',
    image: [300, 200],
    path: 'full/max/!-90/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'rotation with exponent',
    image: [300, 200],
    path: 'full/max/1e2/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'rotation with plus sign',
    image: [300, 200],
    path: 'full/max/+90/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'rotation with unit',
    image: [300, 200],
    path: 'full/max/90deg/default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },
  {
    title: 'rotation with trailing dot',
    image: [300, 200],
    path: 'full/max/90./default.jpg',
    error: 'rotation-invalid',
    parameter: 'rotation',
  },

  // --- quality
  {
    title: 'quality native (IIIF 1.x)',
    image: [300, 200],
    path: 'full/max/0/native.jpg',
    error: 'quality-unsupported',
    parameter: 'quality',
    mentions: 'default, color, gray, bitonal',
  },
  {
    title: 'quality grey (British spelling)',
    image: [300, 200],
    path: 'full/max/0/grey.jpg',
    error: 'quality-unsupported',
    parameter: 'quality',
  },
  {
    title: 'quality is case-sensitive',
    image: [300, 200],
    path: 'full/max/0/Default.jpg',
    error: 'quality-unsupported',
    parameter: 'quality',
  },
  {
    title: 'empty quality',
    image: [300, 200],
    path: 'full/max/0/.jpg',
    error: 'quality-unsupported',
    parameter: 'quality',
  },

  // --- format
  {
    title: 'format tif is valid IIIF but not offered',
    image: [300, 200],
    path: 'full/max/0/default.tif',
    error: 'format-unsupported',
    parameter: 'format',
    mentions: 'jpg, png, webp',
  },
  {
    title: 'format gif is valid IIIF but not offered',
    image: [300, 200],
    path: 'full/max/0/default.gif',
    error: 'format-unsupported',
    parameter: 'format',
    mentions: 'not offered',
  },
  {
    title: 'format pdf is valid IIIF but not offered',
    image: [300, 200],
    path: 'full/max/0/default.pdf',
    error: 'format-unsupported',
    parameter: 'format',
  },
  {
    title: 'format jp2 is valid IIIF but not offered',
    image: [300, 200],
    path: 'full/max/0/default.jp2',
    error: 'format-unsupported',
    parameter: 'format',
  },
  {
    title: 'format jpeg is not a IIIF format',
    image: [300, 200],
    path: 'full/max/0/default.jpeg',
    error: 'format-unsupported',
    parameter: 'format',
    mentions: 'Unknown format',
  },
  {
    title: 'format is case-sensitive',
    image: [300, 200],
    path: 'full/max/0/default.JPG',
    error: 'format-unsupported',
    parameter: 'format',
  },
  {
    title: 'missing format',
    image: [300, 200],
    path: 'full/max/0/default',
    error: 'format-unsupported',
    parameter: 'format',
  },
];

for (const row of okRows) {
  const [w, h] = row.image;
  test(`plans ${row.title}: ${row.path} on ${w}×${h}`, (t) => {
    const plan = run(row.path, row.image, row.limits);
    if (isImageRequestError(plan)) return t.fail(`unexpected error ${plan.code}: ${plan.message}`);
    if (row.region)
      t.deepEqual(plan.region, { x: row.region[0], y: row.region[1], w: row.region[2], h: row.region[3] });
    if (row.size) t.deepEqual(plan.size, { w: row.size[0], h: row.size[1] });
    if (row.mirror !== undefined) t.is(plan.mirror, row.mirror);
    if (row.rotation !== undefined) t.is(plan.rotation, row.rotation);
    if (row.canonical) t.is(plan.canonical.path, row.canonical);
    // Invariants that hold for every successful plan.
    const limits = row.limits ?? NO_LIMITS;
    t.true(plan.region.x >= 0 && plan.region.y >= 0 && plan.region.w >= 1 && plan.region.h >= 1);
    t.true(
      plan.region.x + plan.region.w <= w && plan.region.y + plan.region.h <= h,
      'region inside the image',
    );
    t.true(plan.size.w >= 1 && plan.size.h >= 1, 'at least one pixel');
    t.true(
      plan.size.w <= limits.maxWidth &&
        plan.size.h <= limits.maxHeight &&
        plan.size.w * plan.size.h <= limits.maxArea,
      'within limits',
    );
    t.true(plan.rotation >= 0 && plan.rotation < 360);
    const { region, size, rotation, quality, format } = plan.canonical;
    t.is(plan.canonical.path, `${region}/${size}/${rotation}/${quality}.${format}`);
  });
}

for (const row of errorRows) {
  const [w, h] = row.image;
  test(`rejects ${row.title}: ${row.path} on ${w}×${h}`, (t) => {
    const result = run(row.path, row.image, row.limits);
    if (!isImageRequestError(result))
      return t.fail(`expected ${row.error}, got plan ${result.canonical.path}`);
    t.is(result.status, 400);
    t.is(result.code, row.error);
    t.is(result.parameter, row.parameter);
    t.true(result.message.length > 10);
    t.regex(result.messageZh, /[\u4e00-\u9fff]/, 'Chinese message');
    if (row.mentions) t.true(result.message.includes(row.mentions), result.message);
  });
}

// Canonical URIs must be fixed points: re-planning a canonical path yields the same plan.
for (const row of okRows) {
  const [w, h] = row.image;
  test(`canonical is stable for ${row.title}`, (t) => {
    const plan = run(row.path, row.image, row.limits);
    if (isImageRequestError(plan)) return t.fail(plan.message);
    const again = run(plan.canonical.path, [w, h], row.limits);
    if (isImageRequestError(again)) return t.fail(`canonical ${plan.canonical.path} fails: ${again.message}`);
    t.deepEqual(again, plan);
  });
}

const parseRows: Array<{ title: string; path: string; expected: ParsedImageRequest }> = [
  {
    title: 'pixel region, confined upscaled size, mirrored float rotation',
    path: '1,2,3,4/^!5,6/!22.5/gray.png',
    expected: {
      region: { kind: 'pixels', x: 1, y: 2, w: 3, h: 4 },
      size: { kind: 'confined', upscale: true, w: 5, h: 6 },
      rotation: { mirror: true, degrees: 22.5 },
      quality: 'gray',
      format: 'png',
    },
  },
  {
    title: 'pct region, pct size',
    path: 'pct:0.5,1,2.25,3/pct:12.5/0/default.webp',
    expected: {
      region: { kind: 'percent', x: 0.5, y: 1, w: 2.25, h: 3 },
      size: { kind: 'percent', upscale: false, pct: 12.5 },
      rotation: { mirror: false, degrees: 0 },
      quality: 'default',
      format: 'webp',
    },
  },
  {
    title: 'square region, height size',
    path: 'square/^,10/360/bitonal.jpg',
    expected: {
      region: { kind: 'square' },
      size: { kind: 'height', upscale: true, h: 10 },
      rotation: { mirror: false, degrees: 360 },
      quality: 'bitonal',
      format: 'jpg',
    },
  },
  {
    title: 'full region, width size',
    path: 'full/7,/90/color.jpg',
    expected: {
      region: { kind: 'full' },
      size: { kind: 'width', upscale: false, w: 7 },
      rotation: { mirror: false, degrees: 90 },
      quality: 'color',
      format: 'jpg',
    },
  },
  {
    title: 'upscaled max',
    path: 'full/^max/0/default.jpg',
    expected: {
      region: { kind: 'full' },
      size: { kind: 'max', upscale: true },
      rotation: { mirror: false, degrees: 0 },
      quality: 'default',
      format: 'jpg',
    },
  },
];

for (const row of parseRows) {
  test(`parses ${row.title}: ${row.path}`, (t) => {
    t.deepEqual(parseImageRequest(split(row.path)), row.expected);
  });
}

const badConfig: Array<{ title: string; source: { width: number; height: number }; limits: ImageLimits }> = [
  { title: 'zero-width source', source: { width: 0, height: 10 }, limits: NO_LIMITS },
  { title: 'fractional source', source: { width: 10.5, height: 10 }, limits: NO_LIMITS },
  {
    title: 'infinite maxArea',
    source: { width: 10, height: 10 },
    limits: { ...NO_LIMITS, maxArea: Infinity },
  },
  { title: 'zero maxWidth', source: { width: 10, height: 10 }, limits: { ...NO_LIMITS, maxWidth: 0 } },
];

for (const row of badConfig) {
  test(`throws on misconfiguration: ${row.title}`, (t) => {
    const parsed = parseImageRequest(split(L));
    if (isImageRequestError(parsed)) return t.fail(parsed.message);
    t.throws(() => planImageRequest(parsed, row.source, row.limits), { instanceOf: RangeError });
  });
}

// fitInside: [regionW, regionH, boxW, boxH, maxArea] -> [w, h]
const fitRows: Array<{
  title: string;
  args: [number, number, number, number, number];
  expected: [number, number];
}> = [
  { title: 'fits exactly', args: [300, 200, 300, 200, 1e9], expected: [300, 200] },
  { title: 'width binds', args: [300, 200, 150, 150, 1e9], expected: [150, 100] },
  { title: 'height binds', args: [300, 200, 225, 100, 1e9], expected: [150, 100] },
  { title: 'height binds on a thin portrait (1x3 in 7x40)', args: [1, 3, 7, 40, 1e9], expected: [7, 21] },
  { title: 'area binds landscape', args: [300, 200, 300, 200, 10_000], expected: [122, 81] },
  { title: 'area binds portrait', args: [200, 300, 200, 300, 10_000], expected: [81, 122] },
  {
    title: 'area binds on the huge image',
    args: [60000, 40000, 60000, 40000, 100_000_000],
    expected: [12247, 8165],
  },
  {
    title: 'area binds and rounding slack allows a longer side (1x5 in 50 px2)',
    args: [1, 5, 100, 100, 50],
    expected: [3, 16],
  },
  { title: 'area 1 on a thin portrait counts the 0-px side as 1', args: [1, 33, 40, 7, 1], expected: [0, 1] },
  {
    title: 'area binds a strip whose short side rounds to 0',
    args: [4097, 1, 10000, 10000, 1600],
    expected: [1600, 0],
  },
  { title: 'area one below a square', args: [100, 100, 100, 100, 9999], expected: [99, 99] },
];

for (const row of fitRows) {
  test(`fitInside ${row.title}: ${row.args.join(', ')}`, (t) => {
    const [w, h] = row.expected;
    t.deepEqual(fitInside(...row.args), { w, h });
  });
}

// Oracle sweep: for every region shape, over many boxes and areas, the result is
// within the limits (a 0-px side counted as 1), the box answer when the area
// allows it, and otherwise one more pixel on the long side would not fit.
const SWEEP_SIZES = [1, 2, 3, 5, 7, 10, 13, 33, 40, 99, 100, 101, 333, 1000, 4097, 60000];
const SWEEP_BOXES: Array<[number, number]> = [
  [7, 40],
  [40, 7],
  [13, 13],
  [1, 1],
  [100, 100],
  [1000, 10],
  [10000, 10000],
];
const SWEEP_AREAS = [1, 2, 10, 50, 99, 100, 300, 1600, 9999, 123457, 1e8, 1e9];

for (const rw of SWEEP_SIZES) {
  test(`fitInside oracle sweep for regions ${rw}×(${SWEEP_SIZES.join('|')})`, (t) => {
    for (const rh of SWEEP_SIZES) {
      for (const [bw, bh] of [[rw, rh] as [number, number], ...SWEEP_BOXES]) {
        for (const area of SWEEP_AREAS) {
          const label = `${rw}×${rh} in ${bw}×${bh}, area ${area}`;
          const { w, h } = fitInside(rw, rh, bw, bh, area);
          t.true(w <= bw && h <= bh && Math.max(w, 1) * Math.max(h, 1) <= area, `limits: ${label}`);
          const boxW = rw * bh >= rh * bw ? bw : scaleRound(rw, bh, rh);
          const boxH = rw * bh >= rh * bw ? scaleRound(rh, bw, rw) : bh;
          if (Math.max(boxW, 1) * Math.max(boxH, 1) <= area) {
            if (w !== boxW || h !== boxH) t.fail(`box answer: ${label}`);
            continue;
          }
          const wide = rw >= rh;
          const next = (wide ? w : h) + 1;
          const other = Math.max(1, wide ? scaleRound(rh, next, rw) : scaleRound(rw, next, rh));
          const [nw, nh] = wide ? [next, other] : [other, next];
          if (nw <= bw && nh <= bh && nw * nh <= area) t.fail(`not maximal: ${label}`);
          const derived = wide ? scaleRound(rh, w, rw) : scaleRound(rw, h, rh);
          if (derived !== (wide ? h : w)) t.fail(`short side not Math.round of the ratio: ${label}`);
        }
      }
    }
  });
}

// --- issue 12 item 2: the output after rotation and upscaling is what the limits bound
const SERVICE: ImageLimits = {
  maxWidth: 12000,
  maxHeight: 12000,
  maxArea: 64_000_000,
  maxRotatedArea: 4_000_000,
};

test('rotatedSize is the bounding box of the turned rectangle', (t) => {
  t.deepEqual(rotatedSize(300, 400, 0), { w: 300, h: 400 });
  t.deepEqual(rotatedSize(300, 400, 90), { w: 400, h: 300 });
  t.deepEqual(rotatedSize(300, 400, 180), { w: 300, h: 400 });
  t.deepEqual(rotatedSize(300, 400, 45), { w: 495, h: 495 });
  t.deepEqual(rotatedSize(1000, 1000, 33.4), { w: 1386, h: 1386 });
});

test('^max at an arbitrary angle shrinks until the rotated output fits maxRotatedArea', (t) => {
  // The request of the report: a 1200×1600 page upscaled to the area limit and turned 33.4°.
  const plan = run('full/^max/33.4/default.webp', [1200, 1600], SERVICE);
  if (isImageRequestError(plan)) return t.fail(plan.message);
  const out = rotatedSize(plan.size.w, plan.size.h, 33.4);
  t.true(out.w * out.h <= 4_000_000, `${out.w}×${out.h}`);
  t.true(out.w * out.h > 3_800_000, 'close to the limit, not needlessly small');
  t.is(Math.round((plan.size.w / plan.size.h) * 100), 75, 'aspect ratio kept');
  t.is(plan.canonical.size, `^${plan.size.w},${plan.size.h}`, 'an upscale, spelt with ^');
  const max = run('full/max/33.4/default.jpg', [6000, 8000], SERVICE);
  if (isImageRequestError(max)) return t.fail(max.message);
  const maxOut = rotatedSize(max.size.w, max.size.h, 33.4);
  t.true(maxOut.w * maxOut.h <= 4_000_000);
});

test('an explicit size whose rotated output exceeds the limits is a 400 naming the limit', (t) => {
  const err = run('full/^6000,/33.4/default.webp', [1200, 1600], SERVICE);
  t.true(isImageRequestError(err));
  if (!isImageRequestError(err)) return;
  t.is(err.code, 'size-exceeds-limits');
  t.is(err.parameter, 'size');
  t.true(err.message.includes('maxArea 4000000 after rotation'), err.message);
  t.true(err.messageZh.includes('旋转后最大面积 4000000'), err.messageZh);
  // Right angles count against maxArea only (a transpose costs what the plain render costs).
  const turned = run('full/max/90/default.jpg', [6000, 8000], SERVICE);
  t.false(isImageRequestError(turned));
  // Upscaling counts: ^max without rotation stays within maxArea.
  const up = run('full/^max/0/default.jpg', [1200, 1600], SERVICE);
  if (isImageRequestError(up)) return t.fail(up.message);
  t.true(up.size.w * up.size.h <= 64_000_000);
});

test('small arbitrary rotations within the limits are unchanged', (t) => {
  const plan = run('full/300,/45/default.png', [1200, 1600], SERVICE);
  if (isImageRequestError(plan)) return t.fail(plan.message);
  t.deepEqual(plan.size, { w: 300, h: 400 });
  t.is(plan.canonical.path, 'full/300,400/45/default.png');
});
