import type { EntityManager } from '@mikro-orm/postgresql';
import { ConditionAssessmentSchema } from '../condition/condition-assessment.entity.js';
import { recordAudit, diffFields } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { cannotWork, loadOrder } from './work-order-access.service.js';
import { canWorkOn, PLAN_EDITABLE } from './work-order-access.rules.js';
import { assertVersion } from './work-order-conflict.js';
import { workOrderDetail } from './work-order-detail.service.js';
import { checkTerms, termUses } from './restoration-vocabulary.service.js';
import { STATE_LABELS, TERMINAL_STATES, type WorkOrderState } from './work-order-state.rules.js';
import type { UpdateWorkOrderBody } from './work-order.schemas.js';
import type { WorkOrder } from './work-order.entity.js';

function refuse(field: string, state: WorkOrderState, zh: string, en: string): never {
  throw AppError.conflict(
    'FIELD_LOCKED',
    `工单处于“${STATE_LABELS[state].zh}”状态，${zh}`,
    `The work order is ${state}: ${en}`,
    [{ path: field, rule: 'state', messageZh: zh, messageEn: en }],
  );
}

async function assessmentOf(em: EntityManager, order: WorkOrder, id: string, field: string) {
  const found = await em.findOne(ConditionAssessmentSchema, { id, record: order.record.id });
  if (!found) {
    throw AppError.badRequest(
      'ASSESSMENT_NOT_OF_RECORD',
      `破损定级评估 ${id} 不存在或不属于该工单的记录`,
      `condition assessment ${id} does not exist or is not of this work order's record`,
      [
        {
          path: field,
          value: id,
          rule: 'assessment_of_record',
          messageZh: '须为该记录的评估',
          messageEn: "must be one of the record's assessments",
        },
      ],
    );
  }
  return found;
}

function snapshot(o: WorkOrder): Record<string, unknown> {
  return {
    summary: o.summary ?? null,
    plan: o.plan ?? null,
    materials: o.materials ?? null,
    custody: o.custody ?? null,
    beforeAssessmentId: o.beforeAssessment?.id ?? null,
    afterAssessmentId: o.afterAssessment?.id ?? null,
  };
}

/** Saves plan, materials, custody, summary or the linked assessments; `version` must be the one the client saw. */
export async function updateWorkOrder(
  scope: Context,
  publicUrl: string,
  id: string,
  body: UpdateWorkOrderBody,
) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const loaded = await loadOrder(em, actor, id, true);
    const { order, roles } = loaded;
    if (!canWorkOn(roles)) throw cannotWork();
    await assertVersion(em, loaded, body.version, publicUrl);
    const state = order.state as WorkOrderState;
    if (TERMINAL_STATES.includes(state)) {
      refuse('version', state, '已结束的工单不能再修改', 'a closed work order cannot be changed');
    }
    if (body.plan !== undefined && !PLAN_EDITABLE.includes(state)) {
      refuse('plan', state, '修复方案批准后不能再修改', 'the treatment plan cannot change after approval');
    }
    await checkTerms(em, termUses(body.plan, body.materials));
    const before = snapshot(order);
    if (body.summary !== undefined) order.summary = body.summary;
    if (body.plan !== undefined) order.plan = body.plan;
    if (body.materials !== undefined) order.materials = body.materials;
    if (body.custody !== undefined && body.custody !== (order.custody ?? null)) {
      order.custody = body.custody;
      order.custodySince = new Date();
    }
    if (body.beforeAssessmentId !== undefined) {
      order.beforeAssessment = body.beforeAssessmentId
        ? await assessmentOf(em, order, body.beforeAssessmentId, 'beforeAssessmentId')
        : null;
    }
    if (body.afterAssessmentId !== undefined) {
      const after = body.afterAssessmentId
        ? await assessmentOf(em, order, body.afterAssessmentId, 'afterAssessmentId')
        : null;
      if (after && after.id === order.beforeAssessment?.id) {
        throw AppError.badRequest(
          'AFTER_EQUALS_BEFORE',
          '修复后评估不能与修复前评估相同',
          'the after-treatment assessment cannot be the before-treatment one',
          [
            {
              path: 'afterAssessmentId',
              value: after.id,
              rule: 'differs_from_before',
              messageZh: '须为修复后新做的评估',
              messageEn: 'must be a new assessment made after treatment',
            },
          ],
        );
      }
      order.afterAssessment = after;
    }
    const change = diffFields(before, snapshot(order));
    if (Object.keys(change.after).length) {
      // JSON columns are not always seen as dirty; touching updatedAt makes the flush bump the version.
      order.updatedAt = new Date();
      await em.flush();
      recordAudit(em, scope, {
        action: 'work_order.update',
        entityType: 'work_order',
        entityId: order.id,
        ...change,
        provinceCode: order.provinceCode,
        institutionId: order.institution.id,
      });
    }
    return workOrderDetail(em, order, roles, publicUrl, actor);
  });
}
