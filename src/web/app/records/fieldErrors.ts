// Field errors of an API answer by field path, in the interface language: every problem the server
// found, each shown next to its field (nothing is checked twice in the browser).
import { ApiError } from '../api/client.js';
import type { Lang } from '../i18n/index.js';

/** `authors.0.name` (zod) and `authors[0].name` (rules) name the same field: one spelling. */
export function normalisePath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** Messages by field path; problems without a path under ''. */
export function fieldErrors(error: unknown, lang: Lang): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return byPath;
  for (const d of error.details) {
    const text =
      (lang === 'en' ? (d.messageEn ?? d.messageZh) : (d.messageZh ?? d.messageEn)) ?? d.rule ?? '';
    const key = d.path ? normalisePath(d.path) : '';
    byPath.set(key, [...(byPath.get(key) ?? []), text]);
  }
  return byPath;
}
