import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { PreciousListEntrySchema } from './precious-list-entry.entity.js';
import type { PreciousListEntryBody, PreciousListQuery } from './grading.schemas.js';
import { validatePreciousListEntry } from './precious-list.rules.js';
import { canManageNationalData } from '../domain/permissions.rules.js';
import { throwIfIssues } from '../kernel/issues.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';

function present(e: { number: string; batch: number; year: number; title?: string | null }) {
  return { number: e.number, batch: e.batch, year: e.year, title: e.title ?? null };
}

/** Adds an entry to the national precious list (national admins); the number is unique. */
export async function createPreciousListEntry(scope: Context, body: PreciousListEntryBody) {
  const actor = requireActor(scope);
  if (!canManageNationalData(actor)) {
    throw AppError.forbidden(
      '只有国家级管理员可以维护珍贵古籍名录',
      'Only national admins maintain the precious list',
    );
  }
  throwIfIssues('PRECIOUS_LIST_ENTRY_INVALID', validatePreciousListEntry(body));
  try {
    return await scope.em.transactional(async (em) => {
      const entry = em.create(PreciousListEntrySchema, { ...body, title: body.title ?? null });
      await em.flush();
      recordAudit(em, scope, {
        action: 'precious_list_entry.create',
        entityType: 'precious_list_entry',
        entityId: entry.number,
        after: present(entry),
      });
      return present(entry);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw AppError.conflict(
        'PRECIOUS_LIST_NUMBER_EXISTS',
        `名录号 ${body.number} 已在名录中`,
        `List number ${body.number} is already on the list`,
        [
          {
            path: 'number',
            value: body.number,
            rule: 'unique',
            messageZh: `名录号 ${body.number} 已存在`,
            messageEn: `list number ${body.number} already exists`,
          },
        ],
      );
    }
    throw error;
  }
}

/** The list, in number order, optionally one batch. */
export async function listPreciousList(scope: Context, q: PreciousListQuery) {
  const where = q.batch !== undefined ? { batch: q.batch } : {};
  const [rows, total] = await scope.em.findAndCount(PreciousListEntrySchema, where, {
    orderBy: { number: 'asc' },
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}
