import path from 'node:path';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import type { SpooledFile } from '../kernel/multipart.js';
import {
  readImageHeader,
  UnreadableImageError,
  verifyDecodes,
  writeWorkingPyramid,
} from './image-processor.js';
import type { ImageFormat } from './record-image.entity.js';
import { MAX_COMPRESSION_RATIO, plausibleImageSize } from './image-plausibility.rules.js';

/** An upload that passed every check, with what the header told. */
export interface CheckedUpload {
  readonly file: SpooledFile;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

const EXTENSIONS: Record<string, ImageFormat> = {
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
};
const MIME_TYPES: Record<string, ImageFormat> = {
  'image/tiff': 'tiff',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
};

function refuse(
  status: number,
  code: string,
  file: SpooledFile,
  rule: string,
  zh: string,
  en: string,
): AppError {
  const detail: ErrorDetail = {
    path: `files[${file.fileName}]`,
    value: file.fileName,
    rule,
    messageZh: zh,
    messageEn: en,
  };
  return new AppError(status, code, `${file.fileName}：${zh}`, `${file.fileName}: ${en}`, [detail]);
}

/**
 * Checks one spooled upload: not empty, within the byte limit, a TIFF/JPEG/PNG whose content
 * matches its name and type, within the pixel limit (from the header, before decoding), with
 * enough bytes to hold the pixels it claims (image-plausibility.rules.ts), and
 * decodable to the end (truncated or corrupt data is refused here, not found by a job later).
 */
export async function checkUpload(
  file: SpooledFile,
  limits: { maxBytes: number; maxPixels: number },
): Promise<CheckedUpload> {
  const checked = await checkUploadHeader(file, limits);
  await checkUploadDecodes(file, limits);
  return checked;
}

/** Every check of checkUpload that reads no more than the header (cheap: run before storing). */
export async function checkUploadHeader(
  file: SpooledFile,
  limits: { maxBytes: number; maxPixels: number },
): Promise<CheckedUpload> {
  if (file.size === 0) {
    throw refuse(400, 'EMPTY_FILE', file, 'not_empty', '文件为空（0 字节）', 'the file is empty (0 bytes)');
  }
  if (file.size > limits.maxBytes) {
    throw refuse(
      413,
      'IMAGE_TOO_LARGE',
      file,
      'max_bytes',
      `文件 ${file.size} 字节，超过 ${limits.maxBytes} 字节的上限`,
      `${file.size} bytes exceeds the limit of ${limits.maxBytes} bytes`,
    );
  }
  let header;
  try {
    header = await readImageHeader(file.path);
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) throw error;
    throw refuse(
      400,
      'UNREADABLE_IMAGE',
      file,
      'image_file',
      '不是可读取的图像文件（或已损坏）',
      `not a readable image file, or damaged (${error.reason})`,
    );
  }
  const format = (['tiff', 'jpeg', 'png'] as const).find((f) => f === header.format);
  if (!format) {
    throw refuse(
      415,
      'UNSUPPORTED_IMAGE_FORMAT',
      file,
      'tiff_jpeg_png',
      `不支持的图像格式 ${header.format}（只接受 TIFF、JPEG、PNG）`,
      `unsupported image format ${header.format} (TIFF, JPEG or PNG only)`,
    );
  }
  const claimed = EXTENSIONS[path.extname(file.fileName).toLowerCase()] ?? MIME_TYPES[file.mimeType];
  if (claimed && claimed !== format) {
    throw refuse(
      400,
      'MISLABELLED_IMAGE',
      file,
      'content_matches_type',
      `文件名或类型标为 ${claimed}，内容却是 ${format}`,
      `named or typed as ${claimed} but the content is ${format}`,
    );
  }
  if (header.width * header.height > limits.maxPixels) {
    throw refuse(
      413,
      'IMAGE_TOO_MANY_PIXELS',
      file,
      'max_pixels',
      `图像 ${header.width}×${header.height} 超过 ${limits.maxPixels} 像素的上限，未解码即拒收`,
      `${header.width}×${header.height} exceeds the limit of ${limits.maxPixels} pixels (refused before decoding)`,
    );
  }
  const { plausible, minBytes } = plausibleImageSize(file.size, header);
  if (!plausible) {
    throw refuse(
      400,
      'IMPLAUSIBLE_IMAGE',
      file,
      'plausible_size',
      `文件头声称 ${header.width}×${header.height} 像素，但文件只有 ${file.size} 字节，至少应有 ${minBytes} 字节（任何编码的压缩比都不超过 ${MAX_COMPRESSION_RATIO}:1）：图像数据不足以构成所声称的尺寸，未解码即拒收`,
      `the header claims ${header.width}×${header.height} pixels but the file has only ${file.size} bytes, fewer than the ${minBytes} bytes such an image needs at least (no codec compresses it beyond ${MAX_COMPRESSION_RATIO}:1): its data cannot hold the pixels it claims (refused before decoding)`,
    );
  }
  return { file, format, width: header.width, height: header.height };
}

/**
 * The last check of checkUpload: the whole image decodes. It reads every pixel (most of the check's
 * time), so the upload runs it while the master is being stored and removes the master if it fails.
 */
export async function checkUploadDecodes(
  file: SpooledFile,
  limits: { maxPixels: number },
  workingTarget?: string,
): Promise<void> {
  try {
    // Given a target, the pixels decoded for the check are kept as the working pyramid.
    if (workingTarget) await writeWorkingPyramid(file.path, workingTarget, limits);
    else await verifyDecodes(file.path, limits.maxPixels);
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) throw error;
    throw refuse(
      400,
      'CORRUPT_IMAGE',
      file,
      'decodable',
      '图像数据不完整或已损坏',
      `the image data is truncated or corrupt (${error.reason})`,
    );
  }
}
