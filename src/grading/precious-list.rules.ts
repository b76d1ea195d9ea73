// The national precious list (国家珍贵古籍名录): numbers are five digits with rare sub-numbers
// (00940.1); six batches so far, each published in one year (grading-condition.md).

import type { NamedRuleIssue } from '../kernel/issues.js';

export const PRECIOUS_LIST_NUMBER = /^\d{5}(\.\d+)?$/;

/** Batch → year of publication. */
export const PRECIOUS_LIST_BATCHES: Readonly<Record<number, number>> = {
  1: 2008,
  2: 2009,
  3: 2010,
  4: 2013,
  5: 2016,
  6: 2020,
};

/** Checks a list entry: number format, a known batch, and the year that batch was published. */
export function validatePreciousListEntry(e: {
  number: string;
  batch: number;
  year: number;
}): NamedRuleIssue[] {
  const issues: NamedRuleIssue[] = [];
  if (!PRECIOUS_LIST_NUMBER.test(e.number)) {
    issues.push({
      code: 'PRECIOUS_LIST_NUMBER_FORMAT',
      field: 'number',
      value: e.number,
      messageZh: `名录号“${e.number}”格式不对：应为五位数字，可带分号（如 00940 或 00940.1）`,
      messageEn: `list number "${e.number}" is malformed: five digits, optionally with a sub-number (00940, 00940.1)`,
    });
  }
  const year = PRECIOUS_LIST_BATCHES[e.batch];
  if (year === undefined) {
    issues.push({
      code: 'PRECIOUS_LIST_BATCH_UNKNOWN',
      field: 'batch',
      value: e.batch,
      messageZh: `批次 ${e.batch} 不存在：名录已公布第 1 至 6 批`,
      messageEn: `batch ${e.batch} does not exist: batches 1 to 6 have been published`,
    });
  } else if (e.year !== year) {
    issues.push({
      code: 'PRECIOUS_LIST_YEAR_MISMATCH',
      field: 'year',
      value: e.year,
      messageZh: `第 ${e.batch} 批名录公布于 ${year} 年，而非 ${e.year} 年`,
      messageEn: `batch ${e.batch} was published in ${year}, not ${e.year}`,
    });
  }
  return issues;
}
