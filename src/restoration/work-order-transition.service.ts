import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { Actor } from '../kernel/actor.js';
import { loadOrder } from './work-order-access.service.js';
import { assertVersion } from './work-order-conflict.js';
import { workOrderDetail } from './work-order-detail.service.js';
import { WorkOrderTransitionSchema } from './work-order-transition.entity.js';
import { afterAssessment, guardContext } from './work-order-guards.service.js';
import {
  RATING_REQUIRED,
  transition,
  type TransitionErrorCode,
  type WorkOrderAction,
  type WorkOrderState,
} from './work-order-state.rules.js';
import type { TransitionBody } from './work-order.schemas.js';
import type { WorkOrder } from './work-order.entity.js';

const STATUS_OF: Record<TransitionErrorCode, number> = {
  ILLEGAL_TRANSITION: 409,
  NOT_PERMITTED: 403,
  SAME_PERSON_APPROVAL: 403,
  SAME_PERSON_ACCEPTANCE: 403,
  REASON_REQUIRED: 400,
  PLANNER_UNKNOWN: 409,
  PLAN_REQUIRED: 409,
  AFTER_ASSESSMENT_REQUIRED: 409,
  AFTER_PHOTOS_REQUIRED: 409,
};

function fieldError(code: string, path: string, zh: string, en: string): AppError {
  return AppError.badRequest(code, zh, en, [{ path, rule: 'required', messageZh: zh, messageEn: en }]);
}

function applyEffects(
  order: WorkOrder,
  action: WorkOrderAction,
  actor: Actor,
  body: TransitionBody,
  now: Date,
) {
  const reason = body.reason?.trim() || null;
  if (action === 'plan') order.plannedBy = actor.userId as never;
  if (action === 'approve') {
    order.approvedBy = actor.userId as never;
    order.approvedAt = now;
  }
  if (action === 'start' && !order.custody) {
    order.custody = `${(order.centre ?? order.institution).name} 修复室`;
    order.custodySince = now;
  }
  if (action === 'accept') {
    order.acceptedBy = actor.userId as never;
    order.acceptedAt = now;
    order.rating = body.rating ?? null;
    order.findings = body.findings?.trim() || null;
  }
  if (action === 'reject') order.findings = body.findings?.trim() || reason;
  if (action === 'hold' || action === 'reject' || action === 'cancel') order.lastReason = reason;
  if (action === 'accept' || action === 'cancel') {
    order.custody = '已归还书库 returned to stacks';
    order.custodySince = now;
  }
}

/** Moves a work order on by one action, enforcing the life cycle, who may act and the record's guards. */
export async function transitionWorkOrder(
  scope: Context,
  publicUrl: string,
  id: string,
  body: TransitionBody,
) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const loaded = await loadOrder(em, actor, id, true);
    const { order, roles } = loaded;
    await assertVersion(em, loaded, body.version, publicUrl);
    const state = order.state as WorkOrderState;
    const guards = await guardContext(em, order, actor, roles);
    const result = transition(state, body.action, { ...guards, reason: body.reason ?? null });
    if (!result.ok) {
      throw new AppError(
        STATUS_OF[result.code],
        result.code,
        result.messageZh,
        result.messageEn,
        [
          {
            path: 'action',
            value: body.action,
            rule: result.code,
            messageZh: result.messageZh,
            messageEn: result.messageEn,
          },
        ],
        { allowedActions: result.allowedActions, state },
      );
    }
    if (RATING_REQUIRED.includes(body.action) && !body.rating) {
      throw fieldError(
        'RATING_REQUIRED',
        'rating',
        '验收须给出质量评级（优 / 良 / 合格）',
        'acceptance needs a quality rating (优 / 良 / 合格)',
      );
    }
    const now = new Date();
    // Completing links the assessment that let it through (the newest since work started).
    if (body.action === 'complete' && !order.afterAssessment) {
      order.afterAssessment = (await afterAssessment(em, order)) as never;
    }
    applyEffects(order, body.action, actor, body, now);
    order.state = result.to;
    order.stateSince = now;
    em.create(WorkOrderTransitionSchema, {
      workOrder: order,
      action: body.action,
      fromState: state,
      toState: result.to,
      actorId: actor.userId,
      actorName: actor.displayName,
      reason: body.reason?.trim() || null,
      at: now,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: `work_order.${body.action}`,
      entityType: 'work_order',
      entityId: order.id,
      before: { state },
      after: {
        state: result.to,
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.rating ? { rating: body.rating } : {}),
      },
      provinceCode: order.provinceCode,
      institutionId: order.institution.id,
    });
    return workOrderDetail(em, order, roles, publicUrl, actor);
  });
}
