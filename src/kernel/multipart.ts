import busboy from 'busboy';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { ParameterizedContext } from 'koa';
import { AppError } from './app-error.js';
import { assertSafeInput } from './input-safety.js';
import { processScratchDir } from '../runtime/scratch-dir.js';

/** One uploaded file, spooled to a temporary file (never held whole in memory). */
export interface SpooledFile {
  readonly field: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

// Under this process's scratch folder, so a start after a crash can sweep what the crash left.
const SPOOL_DIR = path.join(processScratchDir(), 'uploads');

/**
 * Reads a multipart/form-data request: files are streamed to temporary files while their SHA-256
 * is computed; plain fields are returned as strings. The caller removes the files (`discard`).
 */
export async function receiveMultipart(
  ctx: ParameterizedContext,
  limits: { maxFileBytes: number; maxFiles: number },
): Promise<{ files: SpooledFile[]; fields: Record<string, string>; discard: () => Promise<void> }> {
  if (!ctx.is('multipart/form-data')) {
    throw new AppError(
      415,
      'MULTIPART_REQUIRED',
      '请以 multipart/form-data 上传文件',
      'Upload the file as multipart/form-data',
    );
  }
  await fs.promises.mkdir(SPOOL_DIR, { recursive: true });
  const files: SpooledFile[] = [];
  const fields: Record<string, string> = {};
  const pending: Promise<void>[] = [];
  const discard = async () => {
    await Promise.allSettled(pending);
    await Promise.all(files.map((f) => fs.promises.rm(f.path, { force: true })));
  };
  let failure: AppError | undefined;
  const parser = busboy({
    headers: ctx.req.headers,
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 50, fieldSize: 64 * 1024 },
  });
  parser.on('field', (name, value) => (fields[name] = value));
  parser.on(
    'filesLimit',
    () =>
      (failure ??= new AppError(
        413,
        'TOO_MANY_FILES',
        `一次最多上传 ${limits.maxFiles} 个文件`,
        `At most ${limits.maxFiles} files per upload`,
      )),
  );
  parser.on('file', (field, stream, info) => {
    const target = path.join(SPOOL_DIR, crypto.randomUUID());
    const hash = crypto.createHash('sha256');
    let size = 0;
    const entry = {
      field,
      fileName: info.filename ?? 'upload',
      mimeType: info.mimeType,
      path: target,
      size: 0,
      sha256: '',
    };
    stream.on('limit', () => {
      failure ??= new AppError(
        413,
        'FILE_TOO_LARGE',
        `文件 ${entry.fileName} 超过 ${limits.maxFileBytes} 字节的上限`,
        `File ${entry.fileName} exceeds the limit of ${limits.maxFileBytes} bytes`,
      );
    });
    const measure = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // Files finish writing in any order; keep the order they were sent in (page order for images).
    const slot = pending.length;
    const written = pipeline(stream, measure, fs.createWriteStream(target)).then(() => {
      files[slot] = { ...entry, size, sha256: hash.digest('hex') };
    });
    pending.push(written);
  });
  try {
    await pipeline(ctx.req, parser);
    await Promise.all(pending);
  } catch (error) {
    await discard();
    throw (
      failure ??
      AppError.badRequest(
        'MALFORMED_MULTIPART',
        '上传的表单数据不完整或格式错误',
        'The multipart upload is malformed or incomplete',
        [
          {
            path: 'file',
            rule: 'multipart',
            messageZh: String((error as Error).message),
            messageEn: String((error as Error).message),
          },
        ],
      )
    );
  }
  if (failure) {
    await discard();
    throw failure;
  }
  try {
    assertSafeInput(fields, 'form');
    for (const f of files) assertSafeInput(f.fileName, 'form', `${f.field}.filename`);
  } catch (error) {
    await discard();
    throw error;
  }
  return { files, fields, discard };
}
