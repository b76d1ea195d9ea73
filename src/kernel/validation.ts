import { z } from 'zod';
import { AppError, type ErrorDetail } from './app-error.js';
import { splitBilingual } from './bilingual.js';

type Issue = z.core.$ZodIssue & { input?: unknown };

const typeNamesZh: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
};

/** Turns one zod issue into a field-level error in both languages. */
export function issueToDetail(issue: Issue): ErrorDetail {
  // Same path style as the domain rules: authors[0].name.
  const path =
    issue.path.reduce<string>(
      (acc, key) =>
        typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
      '',
    ) || '(body)';
  const packed = splitBilingual(issue.message);
  const base = { path, rule: issue.code, ...(issue.input !== undefined ? { value: issue.input } : {}) };
  if (packed) return { ...base, messageZh: packed.zh, messageEn: packed.en };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return {
          ...base,
          rule: 'required',
          messageZh: `缺少必填字段 ${path}`,
          messageEn: `${path} is required`,
        };
      }
      return {
        ...base,
        messageZh: `${path} 类型错误，应为${typeNamesZh[issue.expected] ?? issue.expected}`,
        messageEn: `${path} must be of type ${issue.expected}`,
      };
    case 'unrecognized_keys':
      return {
        ...base,
        value: issue.keys,
        messageZh: `不认识的字段：${issue.keys.join('、')}`,
        messageEn: `Unknown field(s): ${issue.keys.join(', ')}`,
      };
    case 'too_small':
      return {
        ...base,
        messageZh: `${path} 过小或过短（最小 ${String(issue.minimum)}）`,
        messageEn: `${path}: ${issue.message}`,
      };
    case 'too_big':
      return {
        ...base,
        messageZh: `${path} 过大或过长（最大 ${String(issue.maximum)}）`,
        messageEn: `${path}: ${issue.message}`,
      };
    case 'invalid_value':
      return {
        ...base,
        messageZh: `${path} 的值不在允许范围内：${issue.values.map(String).join('、')}`,
        messageEn: `${path} must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_format':
      return { ...base, messageZh: `${path} 格式错误`, messageEn: `${path}: ${issue.message}` };
    default:
      return { ...base, messageZh: `${path} 无效`, messageEn: `${path}: ${issue.message}` };
  }
}

const placeZh = { body: '请求体', query: '查询参数', params: '路径参数' } as const;

/** The one 400 for a request part: every problem, field by field, in both languages. */
export function invalidInput(where: keyof typeof placeZh, details: readonly ErrorDetail[]): AppError {
  return AppError.badRequest(
    'VALIDATION_FAILED',
    `${placeZh[where]}校验失败：${details.map((d) => d.messageZh).join('；')}`,
    `Invalid request ${where}: ${details.map((d) => d.messageEn).join('; ')}`,
    details,
  );
}

/** The schema's problems with an input, or its parsed value. */
export function schemaCheck<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; details: ErrorDetail[] } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, details: result.error.issues.map((i) => issueToDetail(i as Issue)) };
}

/** Nested partial: what of an input's objects the schema accepts (a refused leaf is left out). */
export type DeepPartial<T> = T extends readonly (infer _E)[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

/**
 * The input parsed as far as the schema allows: every member of an object that passes is kept
 * (parsed), a member that fails is left out, objects inside are taken apart the same way; lists
 * are kept or left out whole (their paths carry indices). Lets a service check the rest of a body
 * the schema refused, so the person gets every problem in one answer.
 */
export function parsedAsFarAsPossible<S extends z.ZodType>(
  schema: S,
  input: unknown,
): DeepPartial<z.output<S>> | undefined {
  const whole = schema.safeParse(input);
  if (whole.success) return whole.data as DeepPartial<z.output<S>>;
  const inner = unwrapped(schema);
  if (!(inner instanceof z.ZodObject) || typeof input !== 'object' || input === null || Array.isArray(input))
    return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const value = Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
    const parsed = parsedAsFarAsPossible(member, value);
    if (parsed !== undefined) out[key] = parsed;
  }
  return out as DeepPartial<z.output<S>>;
}

/**
 * The schema's problems followed by the service's; a field the schema refused is not judged again
 * (it was left out, so the service would only say it is missing).
 */
export function mergeProblems(
  schema: readonly ErrorDetail[],
  service: readonly ErrorDetail[],
): ErrorDetail[] {
  const refused = new Set(schema.map((d) => d.path));
  return [...schema, ...service.filter((d) => !refused.has(d.path))];
}

/** Validates input against a schema or throws a 400 listing every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: keyof typeof placeZh,
): z.output<S> {
  const checked = schemaCheck(schema, input);
  if (checked.ok) return checked.data;
  throw invalidInput(where, checked.details);
}
