// The import refuses what the JSON API refuses: the length and count limits of the record schema
// (title ≤ 2,000 characters, notes ≤ 10,000, ≤ 100 authors …) apply to every imported row, read
// from the same zod schema so the two can never drift apart.

import { z } from 'zod';
import { createRecordBody } from '../record.schemas.js';
import { issueToDetail } from '../../kernel/validation.js';
import type { ErrorDetail } from '../../kernel/app-error.js';
import type { RecordInput } from '../../domain/record.types.js';

// Not strict: the importer's RecordInput may carry fields the create body does not take.
const limits = z.object(createRecordBody.shape);

/** The row's fields that break a length or count limit of the API (other rules are the validator's). */
export function fieldLimitErrors(input: RecordInput): ErrorDetail[] {
  const result = limits.safeParse(input, { reportInput: true });
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => issue.code === 'too_big')
    .map((issue) => {
      const detail = issueToDetail(issue);
      const text = typeof detail.value === 'string' ? detail.value : null;
      // The report shows where the text starts and how long it is, not all of it.
      return text && text.length > 100
        ? { ...detail, value: `${text.slice(0, 50)}…（${text.length} 字 / characters）` }
        : detail;
    });
}
