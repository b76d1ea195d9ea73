import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../kernel/app-error.js';
import { presentEntry } from './catalogue.presenter.js';
import { copiesInGroup, editionKeyOf } from './same-edition.repository.js';

/**
 * Other copies of the same edition (同版, edition-group.rules.ts) held as published records:
 * `grouped` false when the record's edition is too vague or a manuscript to form a group.
 */
export async function sameEditionCopies(em: EntityManager, censusNumber: string) {
  const key = await editionKeyOf(em, censusNumber);
  if (key === undefined)
    throw AppError.notFound(`Published record ${censusNumber}`, `已发布记录 ${censusNumber} `);
  const rows = key ? await copiesInGroup(em, key, censusNumber) : [];
  return { censusNumber, grouped: Boolean(key), copies: rows.map((row) => presentEntry(row, [])) };
}
