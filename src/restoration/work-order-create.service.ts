import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type CensusRecord } from '../census/census-record.entity.js';
import { ConditionAssessmentSchema } from '../condition/condition-assessment.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { WorkOrderSchema } from './work-order.entity.js';
import { lockRecordForNewOrder } from './work-order.repository.js';
import { WorkOrderTransitionSchema } from './work-order-transition.entity.js';
import { canRaiseWorkOrder, actorRolesFor } from './work-order-access.rules.js';
import { capabilitiesOf, grantedCentres } from './work-order-access.service.js';
import { workOrderDetail } from './work-order-detail.service.js';
import { TERMINAL_STATES } from './work-order-state.rules.js';
import type { CreateWorkOrderBody } from './work-order.schemas.js';

/** The assessment that raised the order: the one named (it must be the record's), else the record's current one. */
async function beforeAssessment(em: EntityManager, record: CensusRecord, id: string | null | undefined) {
  if (id) {
    const found = await em.findOne(ConditionAssessmentSchema, { id, record: record.id });
    if (!found) {
      throw AppError.badRequest(
        'ASSESSMENT_NOT_OF_RECORD',
        `破损定级评估 ${id} 不存在或不属于记录 ${record.censusNumber}`,
        `condition assessment ${id} does not exist or is not of record ${record.censusNumber}`,
        [
          {
            path: 'assessmentId',
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
  const [current] = await em.find(
    ConditionAssessmentSchema,
    { record: record.id },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' }, limit: 1 },
  );
  return current ?? null;
}

/**
 * Raises a work order (state `proposed`) for a record, from the triage list or a condition assessment
 * (linked as "before"). A centre's conservator may raise one only for a record granted to the centre.
 */
export async function createWorkOrder(scope: Context, publicUrl: string, body: CreateWorkOrderBody) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const record = await em.findOne(
      CensusRecordSchema,
      { censusNumber: body.censusNumber },
      { populate: ['institution'] },
    );
    if (!record) throw AppError.notFound(`Record ${body.censusNumber}`, `记录 ${body.censusNumber} `);
    const granted = await grantedCentres(em, record.id);
    const recordScope = { institutionId: record.institution.id, provinceCode: record.provinceCode };
    if (!canRaiseWorkOrder(actor, recordScope, granted)) {
      throw AppError.forbidden(
        `无权为记录 ${record.censusNumber} 建立修复工单：须为持有单位人员，或持有单位已授权的修复中心的修复师`,
        `You may not raise a work order for record ${record.censusNumber}: only the holding institution's staff, or conservators of a restoration centre it granted the job to, may`,
      );
    }
    const ownCentre =
      actor.institutionId && granted.includes(actor.institutionId) ? actor.institutionId : null;
    const centreId = body.centreId ?? ownCentre;
    if (centreId && !granted.includes(centreId)) {
      throw AppError.forbidden(
        `持有单位未将记录 ${record.censusNumber} 授权给修复中心 ${centreId}`,
        `The holding institution has not granted record ${record.censusNumber} to restoration centre ${centreId}`,
      );
    }
    // Lock the record so two people raising an order at once do not both pass the open-order check.
    await lockRecordForNewOrder(em, record.id);
    const open = await em.findOne(WorkOrderSchema, {
      record: record.id,
      state: { $nin: [...TERMINAL_STATES] },
    });
    if (open) {
      throw new AppError(
        409,
        'OPEN_WORK_ORDER_EXISTS',
        `记录 ${record.censusNumber} 已有未结束的修复工单 ${open.id}`,
        `Record ${record.censusNumber} already has an open work order ${open.id}`,
        [],
        { workOrderId: open.id },
      );
    }
    const before = await beforeAssessment(em, record, body.assessmentId);
    const now = new Date();
    const order = em.create(WorkOrderSchema, {
      record,
      institution: record.institution,
      centre: centreId,
      provinceCode: record.provinceCode,
      state: 'proposed',
      summary: body.summary ?? null,
      beforeAssessment: before,
      custody: body.custody ?? null,
      custodySince: body.custody ? now : null,
      stateSince: now,
      createdBy: actor.userId,
    });
    em.create(WorkOrderTransitionSchema, {
      workOrder: order,
      action: null,
      fromState: null,
      toState: 'proposed',
      actorId: actor.userId,
      actorName: actor.displayName,
      reason: null,
      at: now,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: 'work_order.create',
      entityType: 'work_order',
      entityId: order.id,
      after: {
        censusNumber: record.censusNumber,
        centreId,
        beforeAssessmentId: before?.id ?? null,
        summary: order.summary ?? null,
      },
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
    const roles = actorRolesFor(actor, await capabilitiesOf(em, actor.userId), {
      ...recordScope,
      grantedCentreId: centreId,
    });
    return workOrderDetail(em, order, roles, publicUrl, actor);
  });
}
