import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type CensusRecord } from './census-record.entity.js';
import { ReviewCommentSchema, ReviewEventSchema } from './review-event.entity.js';
import {
  allowedWorkflowActions,
  checkWorkflowStep,
  type WorkflowAction,
} from '../domain/record-workflow.rules.js';
import { canReview, type ActorContext, type RecordScope } from './record-access.rules.js';
import { mayTakeAction } from './record-abilities.rules.js';
import { statusLabel } from '../domain/record-labels.rules.js';
import { actorContext } from './record-access.service.js';

import { isFieldOfType } from './record-validation.rules.js';
import { validateOrThrow, type RecordRuleSettings } from './record-validation.service.js';
import { toRecordInput } from './record-body.js';
import { presentRecord } from './record.presenter.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { fromUnknown } from '../kernel/error-mapping.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { RecordsChangedListener } from '../kernel/deps.js';

function scopeOf(record: CensusRecord): RecordScope {
  return {
    institutionId: record.institution.id,
    provinceCode: record.provinceCode,
    status: record.status,
    assignedReviewerId: record.assignedReviewer?.id ?? null,
  };
}

function mayTake(ctx: ActorContext, action: WorkflowAction, record: CensusRecord): boolean {
  return mayTakeAction(ctx, action, scopeOf(record));
}

/** The workflow steps the actor may take on the record now: its status allows them and they are the actor's to take. */
export function allowedActionsOf(ctx: ActorContext, record: CensusRecord): WorkflowAction[] {
  return allowedWorkflowActions(record.status).filter((action) => mayTake(ctx, action, record));
}

// A review round starts with each submission; a recalled submission never reached a reviewer, so
// the next submission continues its round.
async function currentRound(em: EntityManager, record: CensusRecord): Promise<number> {
  const [submits, recalls] = await Promise.all([
    em.count(ReviewEventSchema, { record, action: 'submit' }),
    em.count(ReviewEventSchema, { record, action: 'recall' }),
  ]);
  return submits - recalls;
}

/** One workflow step on one record, inside the caller's transaction. */
async function step(
  em: EntityManager,
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  ctx: ActorContext,
  censusNumber: string,
  action: WorkflowAction,
  note: string | undefined,
  settings: RecordRuleSettings,
) {
  const record = await em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
  if (!record) throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
  if (!mayTake(ctx, action, record))
    throw AppError.forbidden(
      `无权对记录 ${censusNumber} 执行 ${action}`,
      `You may not ${action} record ${censusNumber}`,
    );
  const check = checkWorkflowStep(record.status, action, note);
  if (!check.ok) {
    const status = check.code === 'ILLEGAL_TRANSITION' ? 409 : 400;
    throw new AppError(
      status,
      check.code,
      check.messageZh,
      check.messageEn,
      check.code === 'NOTE_REQUIRED'
        ? [{ path: 'note', rule: 'required', messageZh: check.messageZh, messageEn: check.messageEn }]
        : [],
      { allowedActions: check.allowed },
    );
  }
  // Submission is where grade and damage grade become mandatory (records.md).
  if (action === 'submit') {
    const stored = toRecordInput(record.type, record.institution.id, record.body);
    await validateOrThrow(em, stored, 'submit', stored, settings);
  }
  const from = record.status;
  const now = new Date();
  record.status = check.to;
  if (action === 'submit') record.submittedAt = now;
  if (action === 'recall') record.submittedAt = null;
  if (action === 'approve') record.approvedAt = now;
  if (action === 'publish') record.publishedAt = now;
  if (action === 'withdraw') record.withdrawReason = note!.trim();
  const round = (await currentRound(em, record)) + (action === 'submit' ? 1 : 0);
  em.create(ReviewEventSchema, {
    record,
    round,
    action,
    fromStatus: from,
    toStatus: check.to,
    actorId: ctx.userId,
    actorEmail: scope.actor?.email ?? null,
    note: note?.trim() || null,
    at: now,
  });
  await em.flush();
  // Publishing, withdrawing or reopening a record changes what the public catalogue shows.
  await afterRecordsChanged(em, [record.id]);
  recordAudit(em, scope, {
    action: `record.${action}`,
    entityType: 'census_record',
    entityId: censusNumber,
    before: { status: from },
    after: { status: check.to, ...(note ? { note } : {}) },
    provinceCode: record.provinceCode,
    institutionId: record.institution.id,
  });
  return record;
}

/** Takes one workflow action on one record. */
export async function transitionRecord(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  censusNumber: string,
  action: WorkflowAction,
  note?: string,
  settings: RecordRuleSettings = {},
) {
  const ctx = await actorContext(scope.em, requireActor(scope));
  const record = await scope.em.transactional((em) =>
    step(em, scope, afterRecordsChanged, ctx, censusNumber, action, note, settings),
  );
  return presentRecord(record);
}

/** The same action on many records; each succeeds or fails on its own, and the answer says which. */
export async function bulkTransition(
  scope: Context,
  afterRecordsChanged: RecordsChangedListener,
  censusNumbers: string[],
  action: WorkflowAction,
  note?: string,
  settings: RecordRuleSettings = {},
) {
  const ctx = await actorContext(scope.em, requireActor(scope));
  const results: Array<{
    censusNumber: string;
    ok: boolean;
    status?: string;
    statusLabel?: { zh: string; en: string };
    error?: { code: string; message: string; messageZh: string; messageEn: string; details: unknown };
  }> = [];
  for (const censusNumber of [...new Set(censusNumbers)]) {
    try {
      const record = await scope.em
        .fork()
        .transactional((em) =>
          step(em, scope, afterRecordsChanged, ctx, censusNumber, action, note, settings),
        );
      results.push({
        censusNumber,
        ok: true,
        status: record.status,
        statusLabel: statusLabel(record.status),
      });
    } catch (error) {
      const e = fromUnknown(error);
      if (e.status >= 500) throw error;
      results.push({
        censusNumber,
        ok: false,
        error: {
          code: e.code,
          message: `${e.messageZh} / ${e.messageEn}`,
          messageZh: e.messageZh,
          messageEn: e.messageEn,
          details: e.details,
        },
      });
    }
  }
  return {
    action,
    succeeded: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    results,
  };
}

/** A reviewer's comment on one field of a record under review. */
export async function commentOnField(scope: Context, censusNumber: string, field: string, text: string) {
  const ctx = await actorContext(scope.em, requireActor(scope));
  return scope.em.transactional(async (em) => {
    const record = await em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
    if (!record) throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
    if (!canReview(ctx, scopeOf(record)))
      throw AppError.forbidden('只有负责审校的人员可以批注', 'Only the reviewers of this record may comment');
    if (!['submitted', 'in_review'].includes(record.status)) {
      throw AppError.conflict(
        'NOT_UNDER_REVIEW',
        '只能对审校中的记录批注',
        'Comments are only possible while the record is under review',
      );
    }
    if (!isFieldOfType(record.type, field)) {
      const [zh, en] = record.type === 'guji' ? ['古籍', 'guji'] : ['民国文献', 'minguo'];
      const messageZh = `${field} 不是${zh}记录的字段`;
      const messageEn = `${field} is not a field of a ${en} record`;
      throw AppError.badRequest('VALIDATION_FAILED', messageZh, messageEn, [
        { path: 'field', value: field, rule: 'field_of_record_type', messageZh, messageEn },
      ]);
    }
    const comment = em.create(ReviewCommentSchema, {
      record,
      round: await currentRound(em, record),
      field,
      text,
      actorId: ctx.userId,
      actorEmail: scope.actor?.email ?? null,
      resolved: false,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: 'record.comment',
      entityType: 'census_record',
      entityId: censusNumber,
      after: { field, text },
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
    return {
      id: comment.id,
      round: comment.round,
      field,
      text,
      actorEmail: comment.actorEmail ?? null,
      resolved: false,
      at: comment.at.toISOString(),
    };
  });
}
