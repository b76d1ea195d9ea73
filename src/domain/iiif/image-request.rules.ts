/**
 * IIIF Image API 3.0 request calculator (compliance level 2).
 *
 * Pure functions: `parseImageRequest` checks everything that does not depend on
 * the source image, `planImageRequest` turns the parsed request plus the source
 * size and the server limits into the exact pixel operations and the canonical
 * URI (spec §4.8). No I/O happens here.
 *
 * Rounding rules (the spec leaves them to the implementation, §4.7):
 * - Every derived pixel value is Math.round (round half up) of the exact ratio,
 *   computed with BigInt so that `.5` ties are not lost to binary floating point
 *   (e.g. 41.6% of 300 is 124.8 exactly, not 124.80000000000001).
 * - `pct:` regions round their two edges (x and x+w) rather than x and w, so
 *   adjacent percentage regions tile without gaps or overlaps.
 * - A derived dimension of 0 is a 400 error, except for `max`/`^max`, which clamp
 *   to 1 px because the spec promises that `max` always returns the region.
 */

/** The five path parameters of an image request, URL-decoded. */
export interface ImageRequestParams {
  region: string;
  size: string;
  rotation: string;
  quality: string;
  format: string;
}

export type ImageRequestParameter = keyof ImageRequestParams;

export type ImageRequestErrorCode =
  | 'region-invalid'
  | 'region-empty'
  | 'region-outside'
  | 'size-invalid'
  | 'size-upscaling-not-allowed'
  | 'size-too-small'
  | 'size-exceeds-limits'
  | 'rotation-invalid'
  | 'rotation-out-of-range'
  | 'quality-unsupported'
  | 'format-unsupported';

/** A client error; every one maps to HTTP 400 Bad Request. */
export interface ImageRequestError {
  status: 400;
  code: ImageRequestErrorCode;
  parameter: ImageRequestParameter;
  message: string;
  messageZh: string;
}

export const SUPPORTED_QUALITIES = ['default', 'color', 'gray', 'bitonal'] as const;
export type ImageQuality = (typeof SUPPORTED_QUALITIES)[number];

export const SUPPORTED_FORMATS = ['jpg', 'png', 'webp'] as const;
export type ImageFormat = (typeof SUPPORTED_FORMATS)[number];

// Formats defined by the spec (§4.5) that we do not encode: they get a more
// specific message than arbitrary strings, but the same 400.
const KNOWN_UNSUPPORTED_FORMATS = ['tif', 'gif', 'pdf', 'jp2'];

export type ParsedRegion =
  | { kind: 'full' }
  | { kind: 'square' }
  | { kind: 'pixels'; x: number; y: number; w: number; h: number }
  | { kind: 'percent'; x: number; y: number; w: number; h: number };

export type ParsedSize =
  | { kind: 'max'; upscale: boolean }
  | { kind: 'width'; upscale: boolean; w: number }
  | { kind: 'height'; upscale: boolean; h: number }
  | { kind: 'percent'; upscale: boolean; pct: number }
  | { kind: 'exact'; upscale: boolean; w: number; h: number }
  | { kind: 'confined'; upscale: boolean; w: number; h: number };

export interface ParsedImageRequest {
  region: ParsedRegion;
  size: ParsedSize;
  rotation: { mirror: boolean; degrees: number };
  quality: ImageQuality;
  format: ImageFormat;
}

export interface ImageSourceSize {
  width: number;
  height: number;
}

export interface ImageLimits {
  maxWidth: number;
  maxHeight: number;
  /** Largest output area, counted after upscaling and rotation (what a render really costs). */
  maxArea: number;
  /**
   * Largest output area (after rotation) at an angle that is not a multiple of 90°: such a render
   * goes through uncompressed intermediate copies and an affine transform, several times the work
   * and memory of a plain one. Defaults to maxArea.
   */
  maxRotatedArea?: number;
}

export interface ImagePlan {
  /** Pixel region of the source, already clipped to the image. */
  region: { x: number; y: number; w: number; h: number };
  /** Output size before rotation. */
  size: { w: number; h: number };
  /** Mirror on the vertical axis, applied before rotation. */
  mirror: boolean;
  /** Clockwise degrees in [0, 360); 360 is normalised to 0. */
  rotation: number;
  quality: ImageQuality;
  format: ImageFormat;
  canonical: {
    region: string;
    size: string;
    rotation: string;
    quality: string;
    format: string;
    /** `{region}/{size}/{rotation}/{quality}.{format}`, without identifier. */
    path: string;
  };
}

/** True when a parse/plan result is an error rather than a value. */
export function isImageRequestError(value: unknown): value is ImageRequestError {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value;
}

function fail(
  parameter: ImageRequestParameter,
  code: ImageRequestErrorCode,
  message: string,
  messageZh: string,
): ImageRequestError {
  return { status: 400, code, parameter, message, messageZh };
}

// ---------------------------------------------------------------------------
// Number syntax (§4 and §4.7): pixels are non-negative integers, percentages and
// rotation are decimals made only of digits and '.', no sign, no exponent.

const INT = '\\d+';
const DEC = '(?:\\d+(?:\\.\\d+)?|\\.\\d+)';

// Beyond 2^53 integers stop being exact; such values are nonsense for images.
function toSafeInt(text: string): number | undefined {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

function toFiniteDecimal(text: string): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

// ---------------------------------------------------------------------------
// Parsing

const PIXEL_REGION = new RegExp(`^(${INT}),(${INT}),(${INT}),(${INT})$`);
const PERCENT_REGION = new RegExp(`^pct:(${DEC}),(${DEC}),(${DEC}),(${DEC})$`);

function parseRegion(text: string): ParsedRegion | ImageRequestError {
  if (text === 'full') return { kind: 'full' };
  if (text === 'square') return { kind: 'square' };
  const pixels = PIXEL_REGION.exec(text);
  const percent = pixels ? null : PERCENT_REGION.exec(text);
  const groups = pixels ?? percent;
  if (groups) {
    const convert = pixels ? toSafeInt : toFiniteDecimal;
    const [x, y, w, h] = [groups[1], groups[2], groups[3], groups[4]].map((part) => convert(part ?? ''));
    if (x !== undefined && y !== undefined && w !== undefined && h !== undefined) {
      return { kind: pixels ? 'pixels' : 'percent', x, y, w, h };
    }
  }
  return fail(
    'region',
    'region-invalid',
    `Invalid region "${text}": expected full, square, x,y,w,h (non-negative integers) or pct:x,y,w,h (decimal percentages).`,
    `区域参数“${text}”无效：应为 full、square、x,y,w,h（非负整数）或 pct:x,y,w,h（百分比小数）。`,
  );
}

const SIZE_PERCENT = new RegExp(`^pct:(${DEC})$`);
const SIZE_CONFINED = new RegExp(`^!(${INT}),(${INT})$`);
const SIZE_WH = new RegExp(`^(${INT})?,(${INT})?$`);

function parseSize(text: string): ParsedSize | ImageRequestError {
  const upscale = text.startsWith('^');
  const body = upscale ? text.slice(1) : text;
  const invalid = (detail: string, detailZh: string) =>
    fail('size', 'size-invalid', `Invalid size "${text}": ${detail}`, `尺寸参数“${text}”无效：${detailZh}`);

  if (body === 'max') return { kind: 'max', upscale };
  if (body === 'full') {
    // Image API 2.x spelling; 3.0 removed it, so say what to use instead.
    return invalid('"full" is Image API 2.x syntax, use "max".', '“full”是 2.x 版语法，请使用“max”。');
  }
  const percent = SIZE_PERCENT.exec(body);
  if (percent) {
    const pct = toFiniteDecimal(percent[1] ?? '');
    if (pct !== undefined) return { kind: 'percent', upscale, pct };
  }
  const confined = SIZE_CONFINED.exec(body);
  if (confined) {
    const w = toSafeInt(confined[1] ?? '');
    const h = toSafeInt(confined[2] ?? '');
    if (w !== undefined && h !== undefined) return { kind: 'confined', upscale, w, h };
  }
  const wh = SIZE_WH.exec(body);
  if (wh && (wh[1] !== undefined || wh[2] !== undefined)) {
    const w = wh[1] === undefined ? undefined : toSafeInt(wh[1]);
    const h = wh[2] === undefined ? undefined : toSafeInt(wh[2]);
    if (wh[1] !== undefined && wh[2] !== undefined) {
      if (w !== undefined && h !== undefined) return { kind: 'exact', upscale, w, h };
    } else if (w !== undefined) {
      return { kind: 'width', upscale, w };
    } else if (h !== undefined) {
      return { kind: 'height', upscale, h };
    }
  }
  return invalid(
    'expected max, w,, ,h, pct:n, w,h or !w,h, optionally prefixed with ^.',
    '应为 max、w,、,h、pct:n、w,h 或 !w,h，可加前缀 ^。',
  );
}

const ROTATION = new RegExp(`^(!)?(${DEC})$`);

function parseRotation(text: string): ParsedImageRequest['rotation'] | ImageRequestError {
  const match = ROTATION.exec(text);
  const degrees = match ? toFiniteDecimal(match[2] ?? '') : undefined;
  if (!match || degrees === undefined) {
    return fail(
      'rotation',
      'rotation-invalid',
      `Invalid rotation "${text}": expected a number of degrees from 0 to 360, optionally prefixed with ! to mirror.`,
      `旋转参数“${text}”无效：应为 0 到 360 之间的角度，可加前缀 ! 表示镜像。`,
    );
  }
  if (degrees > 360) {
    return fail(
      'rotation',
      'rotation-out-of-range',
      `Rotation ${text} is out of range: degrees must be between 0 and 360.`,
      `旋转角度 ${text} 超出范围：必须在 0 到 360 之间。`,
    );
  }
  return { mirror: match[1] === '!', degrees };
}

function parseQuality(text: string): ImageQuality | ImageRequestError {
  const found = SUPPORTED_QUALITIES.find((quality) => quality === text);
  if (found) return found;
  return fail(
    'quality',
    'quality-unsupported',
    `Unsupported quality "${text}": supported qualities are ${SUPPORTED_QUALITIES.join(', ')}.`,
    `不支持的色彩质量“${text}”：支持 ${SUPPORTED_QUALITIES.join('、')}。`,
  );
}

function parseFormat(text: string): ImageFormat | ImageRequestError {
  const found = SUPPORTED_FORMATS.find((format) => format === text);
  if (found) return found;
  const known = KNOWN_UNSUPPORTED_FORMATS.includes(text);
  const list = SUPPORTED_FORMATS.join(', ');
  return fail(
    'format',
    'format-unsupported',
    known
      ? `Format "${text}" is not offered by this server: supported formats are ${list}.`
      : `Unknown format "${text}": supported formats are ${list}.`,
    known
      ? `本服务器不提供“${text}”格式：支持 ${SUPPORTED_FORMATS.join('、')}。`
      : `未知格式“${text}”：支持 ${SUPPORTED_FORMATS.join('、')}。`,
  );
}

/** Validates the five path parameters; checks only what does not depend on the image. */
export function parseImageRequest(params: ImageRequestParams): ParsedImageRequest | ImageRequestError {
  const region = parseRegion(params.region);
  if (isImageRequestError(region)) return region;
  const size = parseSize(params.size);
  if (isImageRequestError(size)) return size;
  const rotation = parseRotation(params.rotation);
  if (isImageRequestError(rotation)) return rotation;
  const quality = parseQuality(params.quality);
  if (isImageRequestError(quality)) return quality;
  const format = parseFormat(params.format);
  if (isImageRequestError(format)) return format;
  return { region, size, rotation, quality, format };
}

// ---------------------------------------------------------------------------
// Exact arithmetic

interface Ratio {
  num: bigint;
  den: bigint;
}

// A JS number's shortest string form is the decimal the client typed (for any
// input up to 15 significant digits), so rebuild that decimal exactly.
function exactRatio(value: number): Ratio {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`Not a non-negative finite number: ${value}`);
  const fraction = match[2] ?? '';
  const digits = BigInt((match[1] ?? '0') + fraction);
  const exponent = Number(match[3] ?? '0') - fraction.length;
  return exponent >= 0
    ? { num: digits * 10n ** BigInt(exponent), den: 1n }
    : { num: digits, den: 10n ** BigInt(-exponent) };
}

function addRatio(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

// Math.round(num / den) for non-negative integers, without floating point.
function roundDiv(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** Math.round(value * numerator / denominator), exact for integer inputs. */
export function scaleRound(value: number, numerator: number, denominator: number): number {
  return Number(roundDiv(BigInt(value) * BigInt(numerator), BigInt(denominator)));
}

// Math.round(percent% of total), exact.
function percentOf(percent: Ratio, total: number): number {
  return Number(roundDiv(percent.num * BigInt(total), percent.den * 100n));
}

// Decimal without exponent or trailing zeros, as §4.7 requires for URIs.
function formatDecimal(value: number): string {
  const { num, den } = exactRatio(value);
  const whole = (num / den).toString();
  if (den === 1n) return whole;
  const digits = den.toString().length - 1;
  const fraction = (num % den).toString().padStart(digits, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

// ---------------------------------------------------------------------------
// Region

type PixelRect = ImagePlan['region'];

function regionOutside(text: string): ImageRequestError {
  return fail(
    'region',
    'region-outside',
    `Region ${text} lies entirely outside the image.`,
    `区域 ${text} 完全位于图像范围之外。`,
  );
}

function regionEmpty(text: string): ImageRequestError {
  return fail(
    'region',
    'region-empty',
    `Region ${text} has zero width or height.`,
    `区域 ${text} 的宽度或高度为零。`,
  );
}

function describeRegion(region: ParsedRegion): string {
  if (region.kind === 'full' || region.kind === 'square') return region.kind;
  const values = [region.x, region.y, region.w, region.h].map(formatDecimal).join(',');
  return region.kind === 'percent' ? `pct:${values}` : values;
}

function planRegion(region: ParsedRegion, source: ImageSourceSize): PixelRect | ImageRequestError {
  const { width, height } = source;
  switch (region.kind) {
    case 'full':
      return { x: 0, y: 0, w: width, h: height };
    case 'square': {
      // Centred; for an odd difference the spare pixel goes to the right/bottom.
      const side = Math.min(width, height);
      return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), w: side, h: side };
    }
    case 'pixels': {
      const { x, y, w, h } = region;
      if (w === 0 || h === 0) return regionEmpty(describeRegion(region));
      if (x >= width || y >= height) return regionOutside(describeRegion(region));
      return { x, y, w: Math.min(w, width - x), h: Math.min(h, height - y) };
    }
    case 'percent': {
      if (region.w === 0 || region.h === 0) return regionEmpty(describeRegion(region));
      const px = exactRatio(region.x);
      const py = exactRatio(region.y);
      // Round the edges, not the extents, so neighbouring pct regions abut.
      const x0 = percentOf(px, width);
      const y0 = percentOf(py, height);
      if (x0 >= width || y0 >= height) return regionOutside(describeRegion(region));
      const x1 = Math.min(percentOf(addRatio(px, exactRatio(region.w)), width), width);
      const y1 = Math.min(percentOf(addRatio(py, exactRatio(region.h)), height), height);
      if (x1 <= x0 || y1 <= y0) {
        return fail(
          'region',
          'region-empty',
          `Region ${describeRegion(region)} is smaller than one pixel of this ${width}×${height} image.`,
          `区域 ${describeRegion(region)} 在此 ${width}×${height} 图像上不足一个像素。`,
        );
      }
      return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    }
  }
}

// ---------------------------------------------------------------------------
// Size

interface Dimensions {
  w: number;
  h: number;
}

/**
 * Largest size with the aspect ratio of rw×rh that fits in boxW×boxH and in
 * maxArea. The side that binds is hit exactly and the other side is derived
 * with the same Math.round as `w,`/`,h`, so `!225,100` equals `,100` when the
 * height binds. May return 0 for the short side; callers decide what that means.
 */
export function fitInside(rw: number, rh: number, boxW: number, boxH: number, maxArea: number): Dimensions {
  let w: number;
  let h: number;
  if (rw * boxH >= rh * boxW) {
    w = boxW;
    h = scaleRound(rh, boxW, rw);
  } else {
    h = boxH;
    w = scaleRound(rw, boxH, rh);
  }
  if (Math.max(w, 1) * Math.max(h, 1) <= maxArea) return { w, h };
  // Area binds: find the largest long side whose rounded short side still fits.
  // Not floor(sqrt(area × ratio)): rounding the short side down leaves slack
  // (1×5 in 50 px² is 3×16, not 3×15). Area grows monotonically with the long
  // side, so binary search; a short side of 0 is counted as 1 px of area.
  const wide = rw >= rh;
  const [long, short, boxLong, boxShort] = wide ? [rw, rh, boxW, boxH] : [rh, rw, boxH, boxW];
  const fits = (side: number) => {
    const other = scaleRound(short, side, long);
    return other <= boxShort && side * Math.max(other, 1) <= maxArea;
  };
  let lo = 1; // always fits: its short side rounds to 0 or 1
  let hi = Math.min(boxLong, maxArea);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const other = scaleRound(short, lo, long);
  return wide ? { w: lo, h: other } : { w: other, h: lo };
}

// `max` must always produce an image (spec §3.2 of compliance: "The full image
// will be available at the max size"), so a sliver rounds up to 1 px.
function maxSize(rw: number, rh: number, limits: ImageLimits, upscale: boolean): Dimensions {
  const boxW = upscale ? limits.maxWidth : Math.min(rw, limits.maxWidth);
  const boxH = upscale ? limits.maxHeight : Math.min(rh, limits.maxHeight);
  const fit = fitInside(rw, rh, boxW, boxH, limits.maxArea);
  return { w: Math.max(fit.w, 1), h: Math.max(fit.h, 1) };
}

function upscaleNotAllowed(text: string, detail: string, detailZh: string): ImageRequestError {
  return fail(
    'size',
    'size-upscaling-not-allowed',
    `Size ${text} would upscale the region (${detail}); prefix the size with ^ to allow upscaling.`,
    `尺寸 ${text} 需要放大区域（${detailZh}）；如需放大，请在尺寸前加 ^。`,
  );
}

function describeSize(size: ParsedSize): string {
  const prefix = size.upscale ? '^' : '';
  switch (size.kind) {
    case 'max':
      return `${prefix}max`;
    case 'width':
      return `${prefix}${size.w},`;
    case 'height':
      return `${prefix},${size.h}`;
    case 'percent':
      return `${prefix}pct:${formatDecimal(size.pct)}`;
    case 'exact':
      return `${prefix}${size.w},${size.h}`;
    case 'confined':
      return `${prefix}!${size.w},${size.h}`;
  }
}

function computeSize(
  size: ParsedSize,
  region: PixelRect,
  limits: ImageLimits,
): Dimensions | ImageRequestError {
  const { w: rw, h: rh } = region;
  const text = describeSize(size);
  switch (size.kind) {
    case 'max':
      return maxSize(rw, rh, limits, size.upscale);
    case 'width':
      if (!size.upscale && size.w > rw) {
        return upscaleNotAllowed(
          text,
          `width ${size.w} > region width ${rw}`,
          `宽度 ${size.w} > 区域宽度 ${rw}`,
        );
      }
      return { w: size.w, h: scaleRound(rh, size.w, rw) };
    case 'height':
      if (!size.upscale && size.h > rh) {
        return upscaleNotAllowed(
          text,
          `height ${size.h} > region height ${rh}`,
          `高度 ${size.h} > 区域高度 ${rh}`,
        );
      }
      return { w: scaleRound(rw, size.h, rh), h: size.h };
    case 'percent': {
      // Checked on the number itself: rounding could hide 100.1% on small regions.
      if (!size.upscale && size.pct > 100) {
        return upscaleNotAllowed(
          text,
          `${formatDecimal(size.pct)}% > 100%`,
          `${formatDecimal(size.pct)}% > 100%`,
        );
      }
      const pct = exactRatio(size.pct);
      return { w: percentOf(pct, rw), h: percentOf(pct, rh) };
    }
    case 'exact':
      if (!size.upscale && (size.w > rw || size.h > rh)) {
        return upscaleNotAllowed(
          text,
          `${size.w}×${size.h} > region ${rw}×${rh}`,
          `${size.w}×${size.h} > 区域 ${rw}×${rh}`,
        );
      }
      return { w: size.w, h: size.h };
    case 'confined': {
      // The spec confines !w,h by the region (without ^) and the server limits
      // instead of rejecting, so only an empty box can fail here.
      const boxW = Math.min(size.w, limits.maxWidth, size.upscale ? Infinity : rw);
      const boxH = Math.min(size.h, limits.maxHeight, size.upscale ? Infinity : rh);
      if (boxW === 0 || boxH === 0) return { w: boxW, h: boxH };
      return fitInside(rw, rh, boxW, boxH, limits.maxArea);
    }
  }
}

function planSize(
  size: ParsedSize,
  region: PixelRect,
  limits: ImageLimits,
): { size: Dimensions; canonical: string } | ImageRequestError {
  const result = computeSize(size, region, limits);
  if (isImageRequestError(result)) return result;
  const text = describeSize(size);
  const { w, h } = result;
  if (w < 1 || h < 1) {
    return fail(
      'size',
      'size-too-small',
      `Size ${text} of a ${region.w}×${region.h} region gives ${w}×${h}; both dimensions must be at least 1 pixel.`,
      `尺寸 ${text} 作用于 ${region.w}×${region.h} 区域得到 ${w}×${h}；宽和高都必须至少为 1 像素。`,
    );
  }
  if (w > limits.maxWidth || h > limits.maxHeight || w * h > limits.maxArea) {
    return fail(
      'size',
      'size-exceeds-limits',
      `Size ${text} gives ${w}×${h}, beyond this image's limits (maxWidth ${limits.maxWidth}, maxHeight ${limits.maxHeight}, maxArea ${limits.maxArea}).`,
      `尺寸 ${text} 得到 ${w}×${h}，超出此图像的限制（最大宽度 ${limits.maxWidth}，最大高度 ${limits.maxHeight}，最大面积 ${limits.maxArea}）。`,
    );
  }
  return { size: result, canonical: canonicalSize(result, region, limits) };
}

// §4.8: `max` if it equals the non-upscaled maximum, `^max` if it equals the
// upscaled maximum, else `w,h` with `^` exactly when it exceeds the region.
// Compared on the result, so every spelling of the same output shares one URI.
function canonicalSize(size: Dimensions, region: PixelRect, limits: ImageLimits): string {
  const same = (other: Dimensions) => other.w === size.w && other.h === size.h;
  if (same(maxSize(region.w, region.h, limits, false))) return 'max';
  const upscaled = size.w > region.w || size.h > region.h;
  if (upscaled && same(maxSize(region.w, region.h, limits, true))) return '^max';
  return `${upscaled ? '^' : ''}${size.w},${size.h}`;
}

// ---------------------------------------------------------------------------
// Rotation

/** Whether an angle turns the image by a multiple of 90° (a pixel transpose, no resampling). */
export function isRightAngle(degrees: number): boolean {
  return degrees % 90 === 0;
}

/**
 * Size of the output after rotating a w×h image clockwise by `degrees`: the bounding box of the
 * turned rectangle, which is what the renderer produces (blank corners included).
 */
export function rotatedSize(w: number, h: number, degrees: number): Dimensions {
  if (isRightAngle(degrees)) return degrees % 180 === 0 ? { w, h } : { w: h, h: w };
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(rad));
  const sin = Math.abs(Math.sin(rad));
  // The tolerance keeps 300×400 at 45° at 495 px (494.97…) rather than a float hair above it.
  return { w: Math.ceil(w * cos + h * sin - 1e-6), h: Math.ceil(w * sin + h * cos - 1e-6) };
}

/** The output area allowed for a rotation: maxArea, or maxRotatedArea off the right angles. */
function areaCap(limits: ImageLimits, degrees: number): number {
  return isRightAngle(degrees)
    ? limits.maxArea
    : Math.min(limits.maxArea, limits.maxRotatedArea ?? limits.maxArea);
}

function fitsAfterRotation(size: Dimensions, degrees: number, limits: ImageLimits): boolean {
  const out = rotatedSize(size.w, size.h, degrees);
  return (
    out.w <= Math.max(limits.maxWidth, limits.maxHeight) &&
    out.h <= Math.max(limits.maxWidth, limits.maxHeight) &&
    out.w * out.h <= areaCap(limits, degrees)
  );
}

/**
 * `max` promises an image, so when its rotated output would exceed the limits it shrinks (keeping
 * the aspect ratio) until it fits; any other size that does not fit is the client's error.
 */
function boundRotation(
  parsed: ParsedSize,
  sized: { size: Dimensions; canonical: string },
  region: PixelRect,
  degrees: number,
  limits: ImageLimits,
): { size: Dimensions; canonical: string } | ImageRequestError {
  if (fitsAfterRotation(sized.size, degrees, limits)) return sized;
  const out = rotatedSize(sized.size.w, sized.size.h, degrees);
  if (parsed.kind === 'max') {
    let scale = Math.sqrt(areaCap(limits, degrees) / (out.w * out.h));
    for (;;) {
      const box = {
        maxWidth: Math.max(1, Math.floor(sized.size.w * scale)),
        maxHeight: Math.max(1, Math.floor(sized.size.h * scale)),
        maxArea: limits.maxArea,
      };
      const size = maxSize(region.w, region.h, box, true);
      if (fitsAfterRotation(size, degrees, limits) || (size.w === 1 && size.h === 1)) {
        return { size, canonical: `${size.w > region.w || size.h > region.h ? '^' : ''}${size.w},${size.h}` };
      }
      scale *= 0.99;
    }
  }
  const text = describeSize(parsed);
  const cap = areaCap(limits, degrees);
  return fail(
    'size',
    'size-exceeds-limits',
    `Size ${text} rotated by ${formatDecimal(degrees)}° gives ${out.w}×${out.h} (${out.w * out.h} pixels), beyond this image's limits (maxArea ${cap} after rotation${isRightAngle(degrees) ? '' : ' at an angle that is not a multiple of 90°'}).`,
    `尺寸 ${text} 旋转 ${formatDecimal(degrees)}° 后得到 ${out.w}×${out.h}（${out.w * out.h} 像素），超出此图像的限制（旋转后最大面积 ${cap}${isRightAngle(degrees) ? '' : '，非 90° 倍数的角度'}）。`,
  );
}

// ---------------------------------------------------------------------------
// Plan

function assertPositiveInts(what: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      // Programming/configuration error, not a client error.
      throw new RangeError(`${what}.${name} must be a positive integer, got ${value}`);
    }
  }
}

/** Computes the exact operations and canonical URI for a parsed request on a given image. */
export function planImageRequest(
  parsed: ParsedImageRequest,
  source: ImageSourceSize,
  limits: ImageLimits,
): ImagePlan | ImageRequestError {
  assertPositiveInts('source', { width: source.width, height: source.height });
  // Only the three fields: callers may pass a wider object (e.g. info.json args).
  assertPositiveInts('limits', {
    maxWidth: limits.maxWidth,
    maxHeight: limits.maxHeight,
    maxArea: limits.maxArea,
  });

  const region = planRegion(parsed.region, source);
  if (isImageRequestError(region)) return region;
  const planned = planSize(parsed.size, region, limits);
  if (isImageRequestError(planned)) return planned;

  // 360° and 0° produce the same pixels, so they share one canonical URI.
  const rotation = parsed.rotation.degrees === 360 ? 0 : parsed.rotation.degrees;
  // The output after rotation is what the render costs, so that is what the limits bound.
  const sized = boundRotation(parsed.size, planned, region, rotation, limits);
  if (isImageRequestError(sized)) return sized;
  const isFull = region.x === 0 && region.y === 0 && region.w === source.width && region.h === source.height;
  const canonicalRegion = isFull ? 'full' : `${region.x},${region.y},${region.w},${region.h}`;
  const canonicalRotation = `${parsed.rotation.mirror ? '!' : ''}${formatDecimal(rotation)}`;
  return {
    region,
    size: sized.size,
    mirror: parsed.rotation.mirror,
    rotation,
    quality: parsed.quality,
    format: parsed.format,
    canonical: {
      region: canonicalRegion,
      size: sized.canonical,
      rotation: canonicalRotation,
      quality: parsed.quality,
      format: parsed.format,
      path: `${canonicalRegion}/${sized.canonical}/${canonicalRotation}/${parsed.quality}.${parsed.format}`,
    },
  };
}
