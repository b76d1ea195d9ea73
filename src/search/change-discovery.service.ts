import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../kernel/app-error.js';
import { changesPage } from './catalogue.repository.js';
import { CHANGE_PAGE_SIZE, changeCollection, changePage } from './change-discovery.presenter.js';

/** The Change Discovery collection document. */
export async function changeFeed(em: EntityManager, base: string) {
  const { total } = await changesPage(em, 0, 0);
  return changeCollection(base, total);
}

/** One page of the Change Discovery feed (404 past the last page). */
export async function changeFeedPage(em: EntityManager, base: string, page: number) {
  const { rows, total } = await changesPage(em, page * CHANGE_PAGE_SIZE, CHANGE_PAGE_SIZE);
  if (page > 0 && rows.length === 0) throw AppError.notFound(`Change page ${page}`, `变更页 ${page} `);
  return changePage(base, page, total, rows);
}
