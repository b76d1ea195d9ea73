import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { validateRecord } from './record-validation.rules.js';
import { completenessTier } from './completeness.rules.js';
import { loadCodeLists } from './code-list.service.js';
import type { RecordInput } from '../domain/record.types.js';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import type { Caches } from '../kernel/caches.js';
import type { Deps } from '../kernel/deps.js';

/** What record validation needs from the app (passed down from the routes). */
export interface RecordRuleSettings {
  /** Years past an era's end accepted with a warning (config ERA_YEAR_MARGIN). */
  readonly eraYearMargin?: number;
  /** The app's caches, which keep the code lists; absent, they are read from the database. */
  readonly caches?: Caches;
}

/** The rule settings of the app a route serves: its era margin and its caches. */
export function ruleSettingsOf(deps: Deps): RecordRuleSettings {
  return { eraYearMargin: deps.config.eraYearMargin, caches: deps.caches };
}

/** The record rules' verdict with the current code lists (errors, warnings, the normalised record). */
export async function checkRecord(
  em: EntityManager,
  input: RecordInput,
  intent: 'save' | 'submit',
  previous?: RecordInput,
  settings: RecordRuleSettings = {},
) {
  const { caches, ...rules } = settings;
  const codeLists = await loadCodeLists(em, caches);
  return validateRecord(input, {
    codeLists,
    intent,
    today: new Date(),
    previous: previous ?? null,
    ...rules,
  });
}

/**
 * Validates a record with the current code lists; throws one 400 naming every field that is wrong
 * (with `earlier`, problems the service found before the rules, in the same answer).
 * `previous` is the stored record, whose retired code values stay acceptable.
 */
export async function validateOrThrow(
  em: EntityManager,
  input: RecordInput,
  intent: 'save' | 'submit',
  previous?: RecordInput,
  settings: RecordRuleSettings = {},
  earlier: readonly ErrorDetail[] = [],
) {
  const result = await checkRecord(em, input, intent, previous, settings);
  if (result.errors.length) {
    const details = [...earlier, ...result.errors];
    throw AppError.badRequest(
      intent === 'submit' ? 'RECORD_NOT_SUBMITTABLE' : 'RECORD_INVALID',
      details.map((e) => e.messageZh).join('；'),
      details.map((e) => e.messageEn).join('; '),
      details,
    );
  }
  return { ...result, tier: completenessTier(result.normalised) };
}

/** Turns a unique-key violation on save into the 409 that names the field. */
export function recordConflict(error: unknown, input: RecordInput): never {
  if (error instanceof UniqueConstraintViolationException) {
    const message = String((error as Error).message);
    if (message.includes('census_record_precious_list_number_unique')) {
      throw AppError.conflict(
        'PRECIOUS_LIST_NUMBER_TAKEN',
        `名录号 ${input.preciousListNumber} 已被其他记录使用`,
        `Precious-list number ${input.preciousListNumber} is already used by another record`,
        [
          {
            path: 'preciousListNumber',
            value: input.preciousListNumber,
            rule: 'unique',
            messageZh: '名录号必须唯一',
            messageEn: 'must be unique',
          },
        ],
      );
    }
    throw AppError.conflict(
      'CALL_NUMBER_TAKEN',
      `本单位已有索书号为 ${input.callNumber} 的记录`,
      `The institution already has a record with call number ${input.callNumber}`,
      [
        {
          path: 'callNumber',
          value: input.callNumber,
          rule: 'unique_within_institution',
          messageZh: '索书号在单位内唯一',
          messageEn: 'must be unique within the institution',
        },
      ],
    );
  }
  throw error;
}
