// Field-level differences between two versions of a record, kept with every version (who changed
// what). Top-level fields are compared whole: a change to one seal reports the whole seal list,
// which is what a reviewer reads anyway and keeps versions easy to replay.

import type { RecordInput } from '../domain/record.types.js';

/** One changed top-level field. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Structural equality of JSON-like values; key order is ignored, and null, undefined and missing are the same. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // Bodies stored before a field existed lack it; the field is then "not given", exactly like null.
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // 0 and -0 are the same number to a cataloguer (Object.is says otherwise).
    return typeof a === 'number' && typeof b === 'number' && a === b;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!deepEqual(left[key], right[key])) return false;
  return true;
}

/** The top-level fields that differ, in the order of `after` (then fields only `before` has). */
export function diffRecords(before: RecordInput, after: RecordInput): FieldChange[] {
  const left = before as unknown as Record<string, unknown>;
  const right = after as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(right), ...Object.keys(left)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = left[field];
    const now = right[field];
    if (!deepEqual(was, now)) changes.push({ field, before: was ?? null, after: now ?? null });
  }
  return changes;
}
