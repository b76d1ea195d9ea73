import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CodeListValueSchema, type CodeListValue } from './code-list-value.entity.js';
import { CODE_LIST_SEED } from './code-lists.data.js';
import { insertCodeValues, listsWithValues } from './code-list.repository.js';
import { CODE_LIST_NAMES, type CodeListName } from '../domain/record.types.js';
import type { CodeListValues } from './code-list.rules.js';
import { foldTerm } from './term-folding.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { CacheKey, type Caches } from '../kernel/caches.js';

// Code lists change rarely and are read on every record save and search: the app keeps them for a
// short while (in its caches, see kernel/caches.ts) and forgets them on every change it makes.
const CODE_LISTS = new CacheKey<ReadonlyMap<CodeListName, CodeListValues>>('code lists', 30_000);

/**
 * All code lists, as the validation rules consume them. Without the app's caches (a one-off job,
 * a script) they are read from the database.
 */
export async function loadCodeLists(
  em: EntityManager,
  caches?: Caches,
): Promise<ReadonlyMap<CodeListName, CodeListValues>> {
  const cached = caches?.get(CODE_LISTS);
  if (cached) return cached;
  const rows = await em.find(
    CodeListValueSchema,
    {},
    { orderBy: { list: 'asc', sortOrder: 'asc', value: 'asc' } },
  );
  const lists = new Map<CodeListName, CodeListValues>();
  for (const name of CODE_LIST_NAMES) lists.set(name, { name, values: [] });
  for (const row of rows)
    lists.get(row.list)!.values.push({ value: row.value, aliases: row.aliases, active: row.active });
  caches?.set(CODE_LISTS, lists);
  return lists;
}

/** Fills every empty code list with its seed values (a list someone has edited is left alone). */
export async function seedCodeLists(em: EntityManager): Promise<void> {
  const present = await listsWithValues(em);
  const values = CODE_LIST_NAMES.filter((name) => !present.has(name)).flatMap((name) =>
    CODE_LIST_SEED[name].values.map((value, sortOrder) => ({ list: name, value, sortOrder })),
  );
  // Seeding runs before the app serves (start-up, the test template): no app has cached the lists yet.
  await insertCodeValues(em, values);
}

function presentValue(v: CodeListValue) {
  return {
    id: v.id,
    list: v.list,
    value: v.value,
    aliases: v.aliases,
    active: v.active,
    sortOrder: v.sortOrder,
    history: v.history,
  };
}

/** Every code list with its values (public: the catalogue uses the same vocabulary). */
export async function listCodeLists(em: EntityManager) {
  const rows = await em.find(CodeListValueSchema, {}, { orderBy: { list: 'asc', sortOrder: 'asc' } });
  return CODE_LIST_NAMES.map((name) => ({
    name,
    labelZh: CODE_LIST_SEED[name].zh,
    labelEn: CODE_LIST_SEED[name].en,
    values: rows.filter((r) => r.list === name).map(presentValue),
  }));
}

function requireNationalAdmin(scope: Context) {
  const actor = requireActor(scope);
  if (actor.role !== 'national_admin')
    throw AppError.forbidden(
      '只有国家级管理员可以维护代码表',
      'Only national administrators maintain the code lists',
    );
  return actor;
}

function assertNoFoldedClash(existing: CodeListValue[], value: string, exceptId?: string) {
  const key = foldTerm(value);
  const clash = existing.find(
    (v) => v.id !== exceptId && [v.value, ...v.aliases].some((s) => foldTerm(s) === key),
  );
  if (clash) {
    throw AppError.conflict(
      'CODE_VALUE_EXISTS',
      `代码表中已有同一值（繁简视为相同）：${clash.value}`,
      `The list already has this value (simplified and traditional are the same): ${clash.value}`,
      [
        {
          path: 'value',
          value,
          rule: 'unique_folded',
          messageZh: `与已有值「${clash.value}」相同`,
          messageEn: `same as existing value "${clash.value}"`,
        },
      ],
    );
  }
}

/** Adds a value to a code list. */
export async function addCodeValue(scope: Context, list: CodeListName, value: string, caches: Caches) {
  requireNationalAdmin(scope);
  try {
    const added = await scope.em.transactional(async (em) => {
      const existing = await em.find(CodeListValueSchema, { list });
      assertNoFoldedClash(existing, value);
      const row = em.create(CodeListValueSchema, {
        list,
        value,
        aliases: [],
        history: [],
        active: true,
        sortOrder: existing.length,
      });
      await em.flush();
      recordAudit(em, scope, {
        action: 'code_list.add',
        entityType: 'code_list_value',
        entityId: row.id,
        after: presentValue(row),
      });
      return presentValue(row);
    });
    caches.forget(CODE_LISTS); // after commit: a reload inside the transaction would cache the old lists
    return added;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) assertNoFoldedClash([], value);
    throw error;
  }
}

/** Renames (old spelling kept as an alias and in history) and/or retires or re-activates a value. */
export async function changeCodeValue(
  scope: Context,
  list: CodeListName,
  id: string,
  change: { value?: string; active?: boolean },
  caches: Caches,
) {
  const actor = requireNationalAdmin(scope);
  const changed = await scope.em.transactional(async (em) => {
    const row = await em.findOne(CodeListValueSchema, { id, list });
    if (!row) throw AppError.notFound(`Code list value ${id}`, `代码值 ${id} `);
    const before = presentValue(row);
    if (change.value !== undefined && change.value !== row.value) {
      assertNoFoldedClash(await em.find(CodeListValueSchema, { list }), change.value, row.id);
      row.history = [
        ...row.history,
        { at: new Date().toISOString(), by: actor.email, from: row.value, to: change.value },
      ];
      row.aliases = [...new Set([...row.aliases, row.value])];
      row.value = change.value;
    }
    if (change.active !== undefined) row.active = change.active;
    await em.flush();
    recordAudit(em, scope, {
      action: 'code_list.change',
      entityType: 'code_list_value',
      entityId: row.id,
      before,
      after: presentValue(row),
    });
    return presentValue(row);
  });
  caches.forget(CODE_LISTS);
  return changed;
}
