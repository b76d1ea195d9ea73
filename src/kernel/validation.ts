import type { z } from 'zod';
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

/** Validates input against a schema or throws a 400 listing every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: keyof typeof placeZh,
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => issueToDetail(i as Issue));
  throw AppError.badRequest(
    'VALIDATION_FAILED',
    `${placeZh[where]}校验失败：${details.map((d) => d.messageZh).join('；')}`,
    `Invalid request ${where}: ${details.map((d) => d.messageEn).join('; ')}`,
    details,
  );
}
