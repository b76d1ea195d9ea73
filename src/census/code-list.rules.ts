// Resolving what a cataloguer typed against a code list (records.md "Code lists"): simplified and
// traditional forms, aliases (old spellings kept when a value is renamed) and retired values.

import { CODE_LIST_SEED } from './code-lists.data.js';
import { CODE_LIST_NAMES, type CodeListName } from '../domain/record.types.js';
import { foldTerm } from './term-folding.rules.js';

/** One value of a code list as stored: its canonical spelling, accepted aliases, and whether it is in use. */
export interface CodeListEntry {
  value: string;
  aliases?: string[];
  active: boolean;
}

/** A code list as the rules consume it. Treat it as immutable once built: lookups are indexed. */
export type CodeListValues = { name: CodeListName; values: CodeListEntry[] };

export type ResolveCodeResult =
  | { ok: true; value: string }
  | {
      ok: false;
      /** The active values, canonical spelling, in list order. */
      allowed: string[];
      /** Set when the input names a retired value (so the message can say so). */
      retired?: string;
    };

export interface ResolveCodeOptions {
  /**
   * Accept a retired value. Retired values stay valid on records that already hold them, so the
   * caller passes true when the input is the value stored on the record being changed.
   */
  allowRetired?: boolean;
}

interface ListIndex {
  byKey: Map<string, CodeListEntry[]>;
  allowed: string[];
}

// Keyed by the values array: a list loaded once is resolved many times (every import row).
const indexes = new WeakMap<readonly CodeListEntry[], ListIndex>();

function indexOf(list: CodeListValues): ListIndex {
  const existing = indexes.get(list.values);
  if (existing) return existing;
  const byKey = new Map<string, CodeListEntry[]>();
  for (const entry of list.values) {
    for (const spelling of [entry.value, ...(entry.aliases ?? [])]) {
      const key = foldTerm(spelling);
      const entries = byKey.get(key) ?? [];
      if (!entries.includes(entry)) entries.push(entry);
      byKey.set(key, entries);
    }
  }
  const index = { byKey, allowed: list.values.filter((v) => v.active).map((v) => v.value) };
  indexes.set(list.values, index);
  return index;
}

/** Finds the canonical value a term names (by folded value or alias); unknown or retired terms get the allowed values. */
export function resolveCodeValue(
  list: CodeListValues,
  input: string,
  options: ResolveCodeOptions = {},
): ResolveCodeResult {
  const index = indexOf(list);
  const key = foldTerm(input);
  const matches = key === '' ? [] : (index.byKey.get(key) ?? []);
  // An active value wins over a retired one that folds the same (e.g. a renamed value's old alias).
  const active = matches.find((m) => m.active);
  if (active) return { ok: true, value: active.value };
  const retired = matches[0];
  if (retired && options.allowRetired) return { ok: true, value: retired.value };
  return retired
    ? { ok: false, allowed: index.allowed, retired: retired.value }
    : { ok: false, allowed: index.allowed };
}

/** The code lists as seeded (all values active, no aliases): the default when none are loaded, and for tests. */
export function codeListsFromSeed(): ReadonlyMap<CodeListName, CodeListValues> {
  return new Map(
    CODE_LIST_NAMES.map((name) => [
      name,
      { name, values: CODE_LIST_SEED[name].values.map((value) => ({ value, aliases: [], active: true })) },
    ]),
  );
}
