/**
 * IIIF Image API 3.0 image information document (info.json) for a level 2
 * service, plus the tile requests a viewer derives from it.
 *
 * Pure functions; every size advertised here is guaranteed to plan without
 * error through `planImageRequest` (the spec requires servers to honour the
 * `sizes` and `tiles` they advertise, and to keep them within the limits).
 */
import { SUPPORTED_FORMATS, SUPPORTED_QUALITIES } from './image-request.rules.js';

/** Feature names defined by the spec (§5.7 table). */
export type ImageFeature =
  | 'baseUriRedirect'
  | 'canonicalLinkHeader'
  | 'cors'
  | 'jsonldMediaType'
  | 'mirroring'
  | 'profileLinkHeader'
  | 'regionByPct'
  | 'regionByPx'
  | 'regionSquare'
  | 'rotationArbitrary'
  | 'rotationBy90s'
  | 'sizeByConfinedWh'
  | 'sizeByH'
  | 'sizeByPct'
  | 'sizeByW'
  | 'sizeByWh'
  | 'sizeUpscaling';

// What the level2 profile already promises (compliance 3.0 §3-4); extraFeatures
// must only list features "in addition to the ones specified in the profile".
const LEVEL2_FEATURES: readonly ImageFeature[] = [
  'regionByPx',
  'regionByPct',
  'regionSquare',
  'sizeByW',
  'sizeByH',
  'sizeByPct',
  'sizeByConfinedWh',
  'sizeByWh',
  'rotationBy90s',
  'baseUriRedirect',
  'cors',
  'jsonldMediaType',
];

// Optional features that image-request.rules.ts implements.
const CALCULATOR_FEATURES: readonly ImageFeature[] = ['mirroring', 'rotationArbitrary', 'sizeUpscaling'];

// Formats the level2 profile requires; only the others go in extraFormats.
const LEVEL2_FORMATS: readonly string[] = ['jpg', 'png'];

export interface ImageSize {
  width: number;
  height: number;
}

export interface ImageTiles {
  width: number;
  height: number;
  scaleFactors: number[];
}

export interface ImageInfo {
  '@context': 'http://iiif.io/api/image/3/context.json';
  id: string;
  type: 'ImageService3';
  protocol: 'http://iiif.io/api/image';
  profile: 'level2';
  width: number;
  height: number;
  maxWidth: number;
  maxHeight: number;
  maxArea: number;
  sizes: ImageSize[];
  tiles: ImageTiles[];
  extraFormats: string[];
  extraQualities: string[];
  extraFeatures: ImageFeature[];
}

export interface ImageInfoArgs {
  /** Base URI of the image service, without trailing slash. */
  id: string;
  width: number;
  height: number;
  /** Square tile edge in output pixels. */
  tileSize: number;
  /** Defaults to powers of two up to the first level that fits in one tile. */
  scaleFactors?: number[];
  /** Defaults to the full image at each scale factor that fits the limits. */
  sizes?: ImageSize[];
  maxWidth: number;
  maxHeight: number;
  maxArea: number;
  /** Features provided by the HTTP layer, e.g. canonicalLinkHeader. */
  httpFeatures?: ImageFeature[];
}

/** One image request a tiling viewer makes: region and size path segments. */
export interface TileRequest {
  region: string;
  size: string;
}

function assertPositiveInt(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

function withinLimits(size: ImageSize, args: ImageInfoArgs): boolean {
  return (
    size.width <= args.maxWidth && size.height <= args.maxHeight && size.width * size.height <= args.maxArea
  );
}

/** Scale factors 1, 2, 4, … up to the first one at which the whole image fits in one tile. */
export function defaultScaleFactors(width: number, height: number, tileSize: number): number[] {
  const factors = [1];
  for (let sf = 1; Math.ceil(width / sf) > tileSize || Math.ceil(height / sf) > tileSize;) {
    sf *= 2;
    factors.push(sf);
  }
  return factors;
}

/** Builds the info.json document for a level 2 Image API 3.0 service. */
export function buildImageInfo(args: ImageInfoArgs): ImageInfo {
  for (const name of ['width', 'height', 'tileSize', 'maxWidth', 'maxHeight', 'maxArea'] as const) {
    assertPositiveInt(name, args[name]);
  }
  // Tiles are requested at tileSize×tileSize output, so that must be servable.
  if (!withinLimits({ width: args.tileSize, height: args.tileSize }, args)) {
    throw new RangeError(`tileSize ${args.tileSize} exceeds the size limits`);
  }
  const scaleFactors = [
    ...new Set(args.scaleFactors ?? defaultScaleFactors(args.width, args.height, args.tileSize)),
  ].sort((a, b) => a - b);
  scaleFactors.forEach((sf) => assertPositiveInt('scaleFactor', sf));

  // Same ceil as the tile pyramid, so a size equals a stitched level exactly.
  // Sizes beyond the limits are dropped because servers MUST honour every listed size.
  const computedSizes = scaleFactors
    .map((sf) => ({ width: Math.ceil(args.width / sf), height: Math.ceil(args.height / sf) }))
    .filter((size) => withinLimits(size, args));
  const sizes = (args.sizes ?? computedSizes)
    .map((size) => ({ width: size.width, height: size.height }))
    .filter(
      (size, index, all) =>
        all.findIndex((o) => o.width === size.width && o.height === size.height) === index,
    )
    .sort((a, b) => a.width - b.width || a.height - b.height);
  for (const size of sizes) {
    assertPositiveInt('sizes[].width', size.width);
    assertPositiveInt('sizes[].height', size.height);
    if (!withinLimits(size, args))
      throw new RangeError(`size ${size.width}×${size.height} exceeds the size limits`);
  }

  const extraFeatures = [...CALCULATOR_FEATURES, ...(args.httpFeatures ?? [])].filter(
    (feature, index, all) => !LEVEL2_FEATURES.includes(feature) && all.indexOf(feature) === index,
  );

  // Key order matters only for @context, which SHOULD come first (§5.2).
  return {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id: args.id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level2',
    width: args.width,
    height: args.height,
    maxWidth: args.maxWidth,
    maxHeight: args.maxHeight,
    maxArea: args.maxArea,
    sizes,
    tiles: [{ width: args.tileSize, height: args.tileSize, scaleFactors }],
    extraFormats: SUPPORTED_FORMATS.filter((format) => !LEVEL2_FORMATS.includes(format)),
    extraQualities: SUPPORTED_QUALITIES.filter((quality) => quality !== 'default'),
    extraFeatures,
  };
}

/**
 * The region/size pairs OpenSeadragon's IIIF 3 tile source requests for the
 * advertised tile grid, in the same spelling, so they can be pre-generated.
 * Like OpenSeadragon (and the spec's implementation notes §3) the size is
 * `ceil(regionW/sf),ceil(regionH/sf)`: `w,` alone would derive the height by
 * the region's ratio, which for thin edge tiles (e.g. a 1×5 region at sf 4)
 * differs from the level's ceil-based grid.
 */
export function tileRequestsFor(info: Pick<ImageInfo, 'width' | 'height' | 'tiles'>): TileRequest[] {
  const { width, height } = info;
  const sizeString = (w: number, h: number) => (w === width && h === height ? 'max' : `${w},${h}`);
  const requests: TileRequest[] = [];
  for (const tile of info.tiles) {
    for (const sf of tile.scaleFactors) {
      const levelW = Math.ceil(width / sf);
      const levelH = Math.ceil(height / sf);
      if (levelW < tile.width && levelH < tile.height) {
        // The whole level fits in one tile: viewers ask for the full region.
        requests.push({ region: 'full', size: sizeString(levelW, levelH) });
        continue;
      }
      const stepX = tile.width * sf;
      const stepY = tile.height * sf;
      for (let y = 0; y < height; y += stepY) {
        for (let x = 0; x < width; x += stepX) {
          const w = Math.min(stepX, width - x);
          const h = Math.min(stepY, height - y);
          const whole = x === 0 && y === 0 && w === width && h === height;
          requests.push({
            region: whole ? 'full' : `${x},${y},${w},${h}`,
            size: sizeString(Math.ceil(w / sf), Math.ceil(h / sf)),
          });
        }
      }
    }
  }
  return requests;
}
