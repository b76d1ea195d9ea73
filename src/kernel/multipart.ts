import busboy from 'busboy';
import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { ParameterizedContext } from 'koa';
import { AppError } from './app-error.js';
import { assertSafeInput, inputRefusal } from './input-safety.js';
import { processScratchDir } from '../runtime/scratch-dir.js';

/**
 * The text whose bytes `sent` holds one per character (Latin-1), read as UTF-8; undefined when the
 * bytes are not UTF-8. A text with characters beyond Latin-1 was decoded already (an RFC 5987
 * `filename*=UTF-8''…`) and is returned as it is.
 */
export function utf8FromLatin1(sent: string): string | undefined {
  for (let i = 0; i < sent.length; i++) if (sent.charCodeAt(i) > 0xff) return sent;
  const bytes = Buffer.from(sent, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}

function notUtf8Field(path: string): AppError {
  return inputRefusal('form', {
    path,
    rule: 'utf8',
    messageZh: `${path} 含有不是 UTF-8 的字节；请以 UTF-8 编码发送`,
    messageEn: `${path} holds bytes that are not UTF-8; send UTF-8`,
  });
}

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
  // Names and values are read as Latin-1 — one character per byte, nothing lost — and decoded as
  // UTF-8 below, where bytes that are not UTF-8 are refused. busboy's own defaults read a file
  // name as Latin-1 for good (a browser's 卷一第1葉.jpg was stored as å·ä¸ç¬¬1è.jpg) and a value's
  // bad bytes as U+FFFD.
  const parser = busboy({
    headers: ctx.req.headers,
    defCharset: 'latin1',
    defParamCharset: 'latin1',
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 50, fieldSize: 64 * 1024 },
  });
  const undecodable: string[] = [];
  const text = (sent: string, where: string): string => {
    const decoded = utf8FromLatin1(sent);
    if (decoded === undefined) undecodable.push(where);
    return decoded ?? sent;
  };
  parser.on('field', (rawName, value) => {
    const name = text(rawName, '(field name)');
    fields[name] = text(value, name);
  });
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
      fileName: info.filename === undefined ? 'upload' : text(info.filename, `${field}.filename`),
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
  if (undecodable.length) {
    await discard();
    throw notUtf8Field(undecodable[0]!);
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
