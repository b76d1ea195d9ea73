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

const keyPath = (parent: string, key: string | number): string =>
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

/** Throws a 400 naming the field when `value` holds anything findUnsafeInput refuses. */
export function assertSafeInput(value: unknown, where: keyof typeof placeZh, rootPath = ''): void {
  const problem = findUnsafeInput(value, rootPath);
  if (!problem) return;
  const detail = Object.fromEntries(
    Object.entries(problem).filter(([, v]) => v !== undefined),
  ) as ErrorDetail;
  throw AppError.badRequest(
    'INVALID_INPUT',
    `${placeZh[where]}无效：${detail.messageZh}`,
    `Invalid request ${where}: ${detail.messageEn}`,
    [detail],
  );
}

/** The path's segments decoded as the router will decode them (undecodable ones stay as sent). */
function decodedSegments(path: string): string[] {
  return path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

const PLAIN_PATH = /^[\x20-\x24\x26-\x7e]*$/;

/** Middleware (after the body parser, before the router): checks path, query and JSON body. */
export function rejectUnsafeInput(): Middleware {
  return async (ctx, next) => {
    // A path of plain printable ASCII without escapes decodes to itself and holds nothing to refuse.
    if (!PLAIN_PATH.test(ctx.path))
      for (const segment of decodedSegments(ctx.path)) assertSafeInput(segment, 'path', '(path)');
    if (ctx.querystring) assertSafeInput({ ...ctx.query }, 'query');
    const body = (ctx.request as { body?: unknown }).body;
    if (body !== undefined) assertSafeInput(body, 'body');
    await next();
  };
}

/**
 * The body parser (co-body with bourne) refuses `__proto__`/`constructor.prototype` keys itself,
 * with a bare 400 that names no field. Its error carries the raw text: find the key in it so the
 * answer names the field like every other refusal (plain JSON.parse keeps such keys as own data).
 */
export function prototypeKeyError(error: unknown): AppError | null {
  const e = error as { status?: number; message?: string; body?: unknown };
  if (e?.status !== 400 || typeof e.body !== 'string' || !/prototype property/.test(e.message ?? ''))
    return null;
  try {
    assertSafeInput(JSON.parse(e.body), 'body');
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
