import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { UserSchema } from '../users/user.entity.js';
import { ConditionAssessmentSchema } from '../condition/condition-assessment.entity.js';
import { WORK_ORDER_STATES } from './work-order-state.rules.js';
import type { WorkOrderMaterials, WorkOrderPlan } from './work-order.schemas.js';

/**
 * One restoration work order (修复工单) of a census record. The holding institution owns it; `centre`
 * is the national restoration centre doing the work when the holding institution granted it the job.
 * `version` is the optimistic lock every write checks, so two conservators never overwrite each other.
 */
export const WorkOrderSchema = defineEntity({
  name: 'WorkOrder',
  tableName: 'work_order',
  indexes: [{ properties: ['institution', 'state'] }, { properties: ['centre', 'state'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    record: () => p.manyToOne(CensusRecordSchema).index(),
    institution: () => p.manyToOne(InstitutionSchema),
    centre: () => p.manyToOne(InstitutionSchema).nullable(),
    provinceCode: p.string().length(6),
    state: p.enum([...WORK_ORDER_STATES]).default('proposed'),
    summary: p.text().nullable(),
    beforeAssessment: () => p.manyToOne(ConditionAssessmentSchema).nullable().deleteRule('set null'),
    afterAssessment: () => p.manyToOne(ConditionAssessmentSchema).nullable().deleteRule('set null'),
    plan: p.json<WorkOrderPlan>().nullable(),
    plannedBy: () => p.manyToOne(UserSchema).nullable(),
    approvedBy: () => p.manyToOne(UserSchema).nullable(),
    approvedAt: p.datetime().nullable(),
    materials: p.json<WorkOrderMaterials>().nullable(),
    /** Where the item is while out of its stack (custody), with when it was last moved. */
    custody: p.string().length(300).nullable(),
    custodySince: p.datetime().nullable(),
    acceptedBy: () => p.manyToOne(UserSchema).nullable(),
    acceptedAt: p.datetime().nullable(),
    rating: p.string().length(8).nullable(),
    findings: p.text().nullable(),
    /** The reason of the latest hold, rejection or cancellation. */
    lastReason: p.text().nullable(),
    stateSince: p.datetime().onCreate(() => new Date()),
    createdBy: () => p.manyToOne(UserSchema),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type WorkOrder = InferEntity<typeof WorkOrderSchema>;
