// One gate for every piece of client text before any route sees it: JSON bodies, query strings,
// path segments and multipart fields. PostgreSQL cannot store U+0000, a lone surrogate is not
// Unicode (it breaks encoders and indexes downstream), `__proto__`-style keys reach object
// prototypes in any code that merges objects, and absurd nesting overflows the stack of every
// recursive walker (validation, JSON.stringify of an error). Refusing these here, naming the
// field, means no route can forget to.
import type { Middleware } from 'koa';
import { AppError, type ErrorDetail } from './app-error.js';

/** Deepest nesting accepted in a JSON body (records nest 3 levels; rule sets a few more). */
export const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const SHOWN_VALUE_CHARS = 200;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The same test without the global flag's lastIndex state (safe to reuse). */
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** The path of a key or index under `parent`, as refusals name fields: `authors[0].name`. */
export const keyPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

function textProblem(text: string, path: string): ErrorDetail | null {
  const shown = text.length > SHOWN_VALUE_CHARS ? `${text.slice(0, SHOWN_VALUE_CHARS)}…` : text;
  if (text.includes('\u0000')) {
    return {
      path,
      value: shown.replaceAll('\u0000', '\\u0000'),
      rule: 'no_nul',
      messageZh: `${path} 含有空字符（U+0000），无法保存`,
      messageEn: `${path} contains a NUL character (U+0000), which cannot be stored`,
    };
  }
  if (HAS_LONE_SURROGATE.test(text)) {
    return {
      path,
      value: shown.replace(LONE_SURROGATE, '\uFFFD'),
      rule: 'well_formed_unicode',
      messageZh: `${path} 含有不成对的代理项，不是合法的 Unicode 文本`,
      messageEn: `${path} contains a lone surrogate and is not valid Unicode text`,
    };
  }
  return null;
}

/**
 * The first unsafe spot in a parsed value (strings, keys, nesting), or null. Iterative, so a
 * 50,000-deep array cannot overflow the stack while being checked.
 */
export function findUnsafeInput(value: unknown, rootPath = ''): ErrorDetail | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: rootPath, depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v, path || '(body)');
      if (problem) return problem;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      return {
        path: path || '(body)',
        rule: 'max_depth',
        messageZh: `${path || '请求体'} 嵌套过深（最多 ${MAX_JSON_DEPTH} 层）`,
        messageEn: `${path || 'The body'} is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
      };
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    // Reversed so the first problem in document order is the one reported.
    for (const [key, item] of entries.reverse()) {
      const childPath = keyPath(path, key);
      if (typeof key === 'string') {
        if (FORBIDDEN_KEYS.has(key)) {
          return {
            path: childPath,
            value: key,
            rule: 'forbidden_key',
            messageZh: `不允许的字段名：${key}`,
            messageEn: `Field name not allowed: ${key}`,
          };
        }
        const problem = textProblem(key, childPath);
        if (problem) return { ...problem, value: undefined };
      }
      stack.push({ value: item, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

const placeZh = { body: '请求体', query: '查询参数', path: '路径', form: '表单字段' } as const;

/** Where in a request refused input was. */
export type InputPlace = keyof typeof placeZh;

/** The 400 `INVALID_INPUT` of one refused spot, in the shape every input refusal has. */
export function inputRefusal(where: InputPlace, detail: ErrorDetail): AppError {
  return AppError.badRequest(
    'INVALID_INPUT',
    `${placeZh[where]}无效：${detail.messageZh}`,
    `Invalid request ${where}: ${detail.messageEn}`,
    [detail],
  );
}

/** Throws a 400 naming the field when `value` holds anything findUnsafeInput refuses. */
export function assertSafeInput(value: unknown, where: InputPlace, rootPath = ''): void {
  const problem = findUnsafeInput(value, rootPath);
  if (!problem) return;
  const detail = Object.fromEntries(
    Object.entries(problem).filter(([, v]) => v !== undefined),
  ) as ErrorDetail;
  throw inputRefusal(where, detail);
}

/**
 * A piece of a URL (a path segment, a query name or value) decoded from its percent-escapes as
 * UTF-8, or undefined when the escapes are bytes that are not UTF-8 (`%FF`, a cut-off `%E5%AE`, a
 * surrogate's `%ED%A0%80`): the URL parsers would read those as U+FFFD and search or store that.
 * A `%` without two hex digits after it is a literal `%`, as the parsers read it. `plus`: `+` is
 * a space (query strings).
 */
export function decodedUrlPiece(piece: string, plus: boolean): string | undefined {
  const text = (plus ? piece.replaceAll('+', ' ') : piece).replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function notUtf8(place: 'path' | 'query', name: string, sent: string): AppError {
  const shown = sent.length > SHOWN_VALUE_CHARS ? `${sent.slice(0, SHOWN_VALUE_CHARS)}…` : sent;
  return inputRefusal(place, {
    path: name,
    value: shown,
    rule: 'utf8',
    messageZh: `${name} 的百分号编码不是 UTF-8 文字；请以 UTF-8 编码`,
    messageEn: `${name} is percent-encoded bytes that are not UTF-8 text; encode it as UTF-8`,
  });
}

/** The path's segments decoded; 400 for one whose escapes are not UTF-8. */
function decodedSegments(path: string): string[] {
  return path.split('/').map((segment) => {
    const decoded = decodedUrlPiece(segment, false);
    if (decoded === undefined) throw notUtf8('path', '(path)', segment);
    return decoded;
  });
}

/** 400 naming the first query parameter (name or value) whose escapes are not UTF-8. */
function assertUtf8Query(querystring: string): void {
  if (!querystring.includes('%')) return;
  for (const pair of querystring.split('&')) {
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const name = decodedUrlPiece(rawName, true);
    if (name === undefined) throw notUtf8('query', '(query)', rawName);
    if (equals >= 0 && decodedUrlPiece(pair.slice(equals + 1), true) === undefined)
      throw notUtf8('query', name, pair.slice(equals + 1));
  }
}

const PLAIN_PATH = /^[\x20-\x24\x26-\x7e]*$/;

/** Middleware (after the body parser, before the router): checks path, query and JSON body. */
export function rejectUnsafeInput(): Middleware {
  return async (ctx, next) => {
    // A path of plain printable ASCII without escapes decodes to itself and holds nothing to refuse.
    if (!PLAIN_PATH.test(ctx.path))
      for (const segment of decodedSegments(ctx.path)) assertSafeInput(segment, 'path', '(path)');
    if (ctx.querystring) {
      assertUtf8Query(ctx.querystring);
      assertSafeInput({ ...ctx.query }, 'query');
    }
    const body = (ctx.request as { body?: unknown }).body;
    if (body !== undefined) assertSafeInput(body, 'body');
    await next();
  };
}

/**
 * The refusal of a JSON text holding a `__proto__` or `constructor.prototype` key (found by the
 * prototype-safe parser, which names no field): the key is found in a plain parse, which keeps such
 * keys as own data, so the answer names the field like every other refusal.
 */
export function forbiddenKeyRefusal(text: string): AppError {
  try {
    assertSafeInput(JSON.parse(text), 'body');
  } catch (refused) {
    if (refused instanceof AppError) return refused;
  }
  return AppError.badRequest(
    'INVALID_INPUT',
    '请求体含有不允许的字段名',
    'The body contains a field name that is not allowed',
    [
      {
        path: '(body)',
        rule: 'forbidden_key',
        messageZh: '请求体含有不允许的字段名（__proto__ / constructor）',
        messageEn: 'The body contains a field name that is not allowed (__proto__ / constructor)',
      },
    ],
  );
}
