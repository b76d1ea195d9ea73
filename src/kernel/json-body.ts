// Reads JSON request bodies as UTF-8 and refuses bytes that are not, naming the field they are in.
// A decoder that replaces what it cannot read with U+FFFD (what body parsers do) would store a
// title sent as GBK by an older cataloguing tool as "������" — not what was written, and nothing
// could bring it back. JSON between systems is UTF-8 (RFC 8259 §8.1); a body declaring another
// charset is refused with 415 rather than guessed at. Compressed bodies (gzip, deflate, br) are
// read through zlib, and the size limit counts the bytes after decompression.
import bourne from '@hapi/bourne';
import getRawBody from 'raw-body';
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Middleware } from 'koa';
import { AppError } from './app-error.js';
import { forbiddenKeyRefusal, inputRefusal, keyPath } from './input-safety.js';

/** The methods whose JSON bodies are read (others keep no body, as before). */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
/** The media types read as JSON: application/json and any `+json` type. */
const JSON_TYPES = ['json', '+json'];
const UTF8_CHARSETS = new Set(['', 'utf-8', 'utf8']);
// Only an object or an array is a request body here (a bare string or number is a mistake).
const OBJECT_OR_ARRAY = /^[ \t\n\r]*[[{]/;
const REPLACEMENT = '\uFFFD';
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');
const SHOWN_VALUE_CHARS = 200;

/** The body stream, decompressed as its Content-Encoding says; 415 for a coding it cannot read. */
function decodedStream(req: Readable, coding: string): Readable {
  if (coding === 'identity') return req;
  if (coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate') return req.pipe(zlib.createUnzip());
  if (coding === 'br') return req.pipe(zlib.createBrotliDecompress());
  throw new AppError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `不支持的请求体压缩方式：${coding}（可用 gzip、deflate、br）`,
    `Unsupported Content-Encoding: ${coding} (gzip, deflate and br are read)`,
  );
}

/**
 * A clear refusal of a body that could not be read: compressed bytes that do not decompress, or
 * fewer or more bytes than Content-Length said. Undefined for anything else (too large: 413).
 */
function unreadableBodyRefusal(error: unknown): AppError | undefined {
  const e = error as { code?: string; type?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('Z_'))
    return AppError.badRequest(
      'INVALID_BODY',
      '请求体无法按 Content-Encoding 解压',
      'The request body does not decompress as its Content-Encoding says',
    );
  if (e?.type === 'request.size.invalid')
    return AppError.badRequest(
      'INVALID_BODY',
      '请求体的长度与 Content-Length 不符',
      'The request body is not as long as its Content-Length says',
    );
  return undefined;
}

/** The path of the first string or key holding U+FFFD in a parsed body (undefined: none). */
function pathOfReplacement(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes(REPLACEMENT) ? path || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    const childPath = keyPath(path, key);
    if (typeof key === 'string' && key.includes(REPLACEMENT)) return childPath;
    const found = pathOfReplacement(item, childPath);
    if (found) return found;
  }
  return undefined;
}

/**
 * The refusal of bytes that are not UTF-8: which field they are in (when the body is JSON once
 * read leniently and held no U+FFFD of its own, every U+FFFD marks bytes that could not be read),
 * at which byte, and the text as far as it could be read.
 */
export function invalidUtf8Refusal(bytes: Buffer): AppError {
  const lenient = bytes.toString('utf8');
  const ownReplacements = bytes.includes(REPLACEMENT_BYTES);
  const at = ownReplacements ? -1 : lenient.indexOf(REPLACEMENT);
  const offset = at >= 0 ? Buffer.byteLength(lenient.slice(0, at)) : undefined;
  let path = '(body)';
  let shown: string | undefined;
  if (!ownReplacements) {
    try {
      const parsed: unknown = JSON.parse(lenient);
      path = pathOfReplacement(parsed) ?? path;
    } catch {
      // Not JSON even when read leniently: the byte offset is all there is to say.
    }
    const from = Math.max(0, at - 40);
    shown = lenient.slice(from, from + SHOWN_VALUE_CHARS);
  }
  const where = offset === undefined ? '' : `（第 ${offset} 字节起）`;
  const whereEn = offset === undefined ? '' : ` (from byte ${offset})`;
  return inputRefusal('body', {
    path,
    ...(shown === undefined ? {} : { value: shown }),
    rule: 'utf8',
    messageZh: `${path} 含有不是 UTF-8 的字节${where}；请以 UTF-8 编码发送（GBK 等编码的文字会变成乱码，无法保存原文）`,
    messageEn: `${path} holds bytes that are not UTF-8${whereEn}; send UTF-8 (text in GBK or another encoding cannot be stored as written)`,
  });
}

/** The parsed JSON of a UTF-8 body: an object or array, `{}` when empty. */
export function parseJsonBody(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) throw invalidUtf8Refusal(bytes);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!text.trim()) return {};
  const notJson = () =>
    AppError.badRequest(
      'INVALID_JSON',
      '请求体不是合法的 JSON（须为对象或数组）',
      'The request body is not valid JSON (an object or an array)',
    );
  if (!OBJECT_OR_ARRAY.test(text)) throw notJson();
  try {
    return bourne.parse(text, { protoAction: 'error' });
  } catch (error) {
    if (/prototype property/.test((error as Error).message)) throw forbiddenKeyRefusal(text);
    throw notJson();
  }
}

/**
 * Middleware: `ctx.request.body` is the parsed JSON body of a POST, PUT or PATCH sent as JSON, `{}`
 * for those methods' other bodies (multipart is read by its route), and absent otherwise.
 */
export function jsonBody(options: { limitBytes: number }): Middleware {
  return async (ctx, next) => {
    const request = ctx.request as { body?: unknown };
    if (!METHODS_WITH_BODY.has(ctx.method)) return next();
    if (!ctx.request.is(JSON_TYPES)) {
      request.body = {};
      return next();
    }
    const charset = (ctx.request.charset ?? '').toLowerCase();
    if (!UTF8_CHARSETS.has(charset)) {
      throw new AppError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `JSON 请求体须以 UTF-8 编码发送，不接受 charset=${charset}`,
        `JSON bodies must be sent as UTF-8; charset=${charset} is not accepted`,
      );
    }
    const coding = (ctx.get('content-encoding') || 'identity').toLowerCase();
    // Content-Length counts the bytes as sent: it bounds the read only when they are not compressed.
    const length =
      coding === 'identity' && ctx.get('content-length') ? Number(ctx.get('content-length')) : undefined;
    const bytes = await getRawBody(decodedStream(ctx.req, coding), {
      limit: options.limitBytes,
      ...(length !== undefined && Number.isSafeInteger(length) ? { length } : {}),
    }).catch((error: unknown) => {
      throw unreadableBodyRefusal(error) ?? error;
    });
    request.body = parseJsonBody(bytes);
    await next();
  };
}
