import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import fs from 'node:fs';
import path from 'node:path';
import { lowerWorkerThreadPriority } from './worker-priority.js';

/**
 * The image processor: the only module that imports `sharp` (libvips). It reads headers, checks
 * that a file decodes, builds the derivatives and renders IIIF requests; it makes no decisions.
 */

// Each request or job gets both cores' worth of libvips threads; more only adds contention here.
sharp.concurrency(2);
// A small libvips cache keeps recently used pyramids open between renders (measured ~15% faster
// per arbitrary region); encoded answers are cached by the IIIF layer's own LRU.
sharp.cache({ files: 20, items: 100, memory: 64 });

/** What the header says, before any pixel is decoded. */
export interface ImageHeader {
  /** libvips' loader name: 'jpeg', 'png', 'tiff', 'webp', … */
  readonly format: string;
  /** Displayed size, i.e. after applying the EXIF orientation. */
  readonly width: number;
  readonly height: number;
  readonly orientation: number;
  readonly channels: number;
  /** Bits per sample as stored (1 for a bilevel TIFF or PNG); 8 when the format does not say. */
  readonly bitsPerSample: number;
  readonly depth: string;
  readonly space: string;
  readonly hasAlpha: boolean;
}

/** Thrown when the bytes are not a readable image; `reason` is libvips' own message. */
export class UnreadableImageError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Reads the header only (libvips opens lazily), so a decompression bomb costs nothing here. */
export async function readImageHeader(file: string): Promise<ImageHeader> {
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new UnreadableImageError((error as Error).message);
  }
  if (!meta.format || !meta.width || !meta.height) throw new UnreadableImageError('no image dimensions');
  const orientation = meta.orientation ?? 1;
  const swap = orientation >= 5 && orientation <= 8;
  return {
    format: meta.format,
    width: swap ? meta.height : meta.width,
    height: swap ? meta.width : meta.height,
    orientation,
    channels: meta.channels ?? 0,
    bitsPerSample: meta.bitsPerSample ?? 8,
    depth: meta.depth ?? 'uchar',
    space: meta.space ?? 'srgb',
    hasAlpha: meta.hasAlpha ?? false,
  };
}

/** Decodes every pixel (at a small output size) so truncated or corrupt data is found now. */
export async function verifyDecodes(file: string, maxPixels: number): Promise<void> {
  try {
    await sharp(file, { failOn: 'truncated', limitInputPixels: maxPixels })
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch (error) {
    throw new UnreadableImageError((error as Error).message);
  }
}

/**
 * Oriented, 8-bit sRGB, alpha flattened onto white paper: the common form every derivative starts
 * from. `strict` (an upload being checked) fails on truncated data and on more pixels than allowed.
 */
function normalised(file: string, strict?: { maxPixels: number }): Sharp {
  const input: SharpOptions = strict
    ? { limitInputPixels: strict.maxPixels, failOn: 'truncated' }
    : { limitInputPixels: false, failOn: 'none' };
  return sharp(file, input).rotate().flatten({ background: '#ffffff' }).toColourspace('srgb');
}

/**
 * Writes the working pyramid of a master: a tiled pyramidal TIFF of normalised pixels, levels
 * halving in size, uncompressed. Every other derivative is cut from it, and it stays in the local
 * pyramid cache: an arbitrary IIIF region then reads its pixels from the nearest level with no
 * decoding at all, which was two thirds of the CPU time of such a request. It costs about
 * 4.2 bytes per master pixel of local disk (200 MB for a 6000×8000 page), never object-store space.
 */
export async function writeWorkingPyramid(
  master: string,
  target: string,
  strict?: { maxPixels: number },
): Promise<void> {
  try {
    await normalised(master, strict)
      .tiff({ tile: true, tileWidth: 256, tileHeight: 256, pyramid: true, compression: 'none' })
      .toFile(target);
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    if (strict) throw new UnreadableImageError((error as Error).message);
    throw error;
  }
}

/**
 * Writes the stored pyramid from a working pyramid (or any normalised image): the same tiled
 * levels, JPEG-compressed, so the object store keeps a compact copy any instance can render from.
 */
export async function writePyramid(working: string, target: string): Promise<void> {
  await sharp(working, { limitInputPixels: false })
    .tiff({ tile: true, tileWidth: 256, tileHeight: 256, pyramid: true, compression: 'jpeg', quality: 90 })
    .toFile(target);
}

/**
 * Writes the IIIF 3 tile grid (libvips' `iiif3` layout: `{region}/{size}/0/default.jpg`) of an
 * image into `dir` and returns the relative paths of the tiles written.
 */
export async function writeTileGrid(source: string, dir: string, tileSize: number): Promise<string[]> {
  const target = path.join(dir, 'grid');
  await sharp(source, { limitInputPixels: false })
    // No Huffman-table optimisation (see encode): the grid is the longest step of an ingest.
    .jpeg({ quality: 85, mozjpeg: false, optimiseCoding: false })
    .tile({ size: tileSize, overlap: 0, layout: 'iiif3', id: 'grid' })
    .toFile(`${target}.dz`);
  const files: string[] = [];
  const walk = async (folder: string, rel: string) => {
    for (const entry of await fs.promises.readdir(folder, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), relPath);
      else if (entry.name.endsWith('.jpg')) files.push(relPath);
    }
  };
  await walk(target, '');
  return files.map((f) => path.join(target, f));
}

/** Joins JPEG tiles into one JPEG of `width`×`height` (each tile at its offset; the paper shows through nowhere). */
export async function joinTiles(
  tiles: ReadonlyArray<{ jpeg: Buffer; left: number; top: number }>,
  width: number,
  height: number,
  quality: number,
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(tiles.map((tile) => ({ input: tile.jpeg, left: tile.left, top: tile.top })))
    .jpeg({ quality })
    .toBuffer();
}

/** Sizes of the levels of a pyramid written by writePyramid, largest first. */
export async function pyramidLevels(file: string): Promise<Array<{ width: number; height: number }>> {
  const pages = (await sharp(file).metadata()).pages ?? 1;
  const levels = [];
  for (let page = 0; page < pages; page++) {
    const m = await sharp(file, { page }).metadata();
    levels.push({ width: m.width ?? 1, height: m.height ?? 1 });
  }
  return levels;
}

/** The pixel operations of one IIIF request (from the pure request calculator). */
export interface RenderPlan {
  readonly region: { x: number; y: number; w: number; h: number };
  readonly size: { w: number; h: number };
  readonly mirror: boolean;
  readonly rotation: number;
  readonly quality: 'default' | 'color' | 'gray' | 'bitonal';
  readonly format: 'jpg' | 'png' | 'webp';
}

/** Picks the smallest level that still has at least the requested resolution. */
function pickLevel(
  levels: ReadonlyArray<{ width: number; height: number }>,
  plan: RenderPlan,
): { page: number; width: number; height: number } {
  const full = levels[0]!;
  const scale = Math.min(plan.region.w / plan.size.w, plan.region.h / plan.size.h);
  let page = 0;
  for (let i = 1; i < levels.length; i++) if (full.width / levels[i]!.width <= scale) page = i;
  return { page, ...levels[page]! };
}

/** Renders an IIIF request from the pyramid: crop at the nearest level, resize, mirror, rotate, colour, encode. */
export async function renderFromPyramid(
  file: string,
  levels: ReadonlyArray<{ width: number; height: number }>,
  plan: RenderPlan,
  limits: { timeoutMs?: number } = {},
): Promise<Buffer> {
  // libvips checks the deadline as it works and stops with an error, so abandoned work ends too.
  const seconds = limits.timeoutMs ? Math.max(1, Math.ceil(limits.timeoutMs / 1000)) : 0;
  const bounded = (image: Sharp) => (seconds ? image.timeout({ seconds }) : image);
  lowerWorkerThreadPriority();
  const full = levels[0]!;
  const level = pickLevel(levels, plan);
  const fx = level.width / full.width;
  const fy = level.height / full.height;
  const left = Math.min(level.width - 1, Math.floor(plan.region.x * fx));
  const top = Math.min(level.height - 1, Math.floor(plan.region.y * fy));
  const right = Math.min(level.width, Math.max(left + 1, Math.ceil((plan.region.x + plan.region.w) * fx)));
  const bottom = Math.min(level.height, Math.max(top + 1, Math.ceil((plan.region.y + plan.region.h) * fy)));
  const source = sharp(file, { page: level.page, limitInputPixels: false })
    .extract({ left, top, width: right - left, height: bottom - top })
    .resize(plan.size.w, plan.size.h, { fit: 'fill', kernel: 'lanczos3' });
  // The common case (no mirror, no rotation) in one pipeline.
  if (!plan.mirror && !plan.rotation) return encode(bounded(source), plan);
  // Two stages: sharp orders operations itself, and IIIF wants region → size → mirror → rotate.
  const sized = await bounded(source).raw().toBuffer({ resolveWithObject: true });
  let out = sharp(sized.data, {
    raw: { width: sized.info.width, height: sized.info.height, channels: sized.info.channels },
  });
  if (plan.mirror) out = out.flop();
  const transparent = plan.format !== 'jpg';
  if (plan.rotation) {
    out = sharp(
      await bounded(out)
        .rotate(plan.rotation, {
          background: transparent ? { r: 255, g: 255, b: 255, alpha: 0 } : '#ffffff',
        })
        .png({ compressionLevel: 0 })
        .toBuffer(),
    );
  }
  return encode(bounded(out), plan);
}

/** Whether an error is libvips stopping a pipeline at its `timeout`. */
export function isRenderTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout: \d+% complete/.test(error.message);
}

/** Applies the quality (colour, gray, bitonal) and encodes in the requested format. */
function encode(image: Sharp, plan: RenderPlan): Promise<Buffer> {
  let out = image;
  if (plan.quality === 'gray') out = out.toColourspace('b-w');
  if (plan.quality === 'bitonal') out = out.threshold(128).toColourspace('b-w');
  if (plan.format === 'png') return out.png().toBuffer();
  if (plan.format === 'webp') return out.webp({ quality: 80 }).toBuffer();
  // No Huffman-table optimisation: it is a second pass over the coefficients costing about a
  // quarter of an arbitrary render's CPU for answers ~4% smaller (measured on a 6000×8000 page).
  return out.flatten({ background: '#ffffff' }).jpeg({ quality: 85, optimiseCoding: false }).toBuffer();
}

/** Pixel size and format of an encoded image (tests and the fixity report use it). */
export async function describeEncoded(
  data: Buffer,
): Promise<{ width: number; height: number; format: string }> {
  const m = await sharp(data).metadata();
  return { width: m.width ?? 0, height: m.height ?? 0, format: m.format ?? '' };
}
