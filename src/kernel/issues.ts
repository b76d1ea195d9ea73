import { AppError, type ErrorDetail } from './app-error.js';
import type { RuleIssue } from '../domain/rule-issue.js';

// The type lives with the pure rules that report it (domain/ imports nothing else); services and
// the rules of features name it from here, beside what turns it into error details.
export type { NamedRuleIssue, RuleIssue } from '../domain/rule-issue.js';

/** Rule issues as field-level error details. */
export function toDetails(issues: readonly RuleIssue[], prefix = ''): ErrorDetail[] {
  return issues.map((i) => ({
    path: prefix && i.field ? `${prefix}.${i.field}` : prefix || i.field || '(body)',
    value: i.value,
    rule: (i.code ?? 'invalid').toLowerCase(),
    messageZh: i.messageZh,
    messageEn: i.messageEn,
  }));
}

/** One 400 naming every problem, or nothing when there is none. */
export function throwIfIssues(code: string, issues: readonly RuleIssue[], prefix = ''): void {
  if (!issues.length) return;
  throw AppError.badRequest(
    code,
    issues.map((i) => i.messageZh).join('；'),
    issues.map((i) => i.messageEn).join('; '),
    toDetails(issues, prefix),
  );
}
