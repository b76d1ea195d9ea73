import { recordAudit } from '../audit/audit.service.js';
import { today } from '../domain/dates.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { loadOrder } from './work-order-access.service.js';
import { checkTerms } from './restoration-vocabulary.service.js';
import { WorkOrderLogEntrySchema } from './work-order-log.entity.js';
import { logTotals } from './work-order-totals.rules.js';
import { STATE_LABELS, type WorkOrderState } from './work-order-state.rules.js';
import type { LogEntryBody } from './work-order.schemas.js';

/** Adds a treatment log entry (only while the item is in treatment); answers the entry and the new totals. */
export async function addLogEntry(scope: Context, id: string, body: LogEntryBody) {
  const actor = requireActor(scope);
  return scope.em.transactional(async (em) => {
    const { order, roles } = await loadOrder(em, actor, id, true);
    if (!roles.isConservator) {
      throw AppError.forbidden(
        '只有承担该工单的修复师可以填写修复记录',
        'Only conservators working on this order may write its treatment log',
      );
    }
    const state = order.state as WorkOrderState;
    if (state !== 'in_progress') {
      throw AppError.conflict(
        'NOT_IN_PROGRESS',
        `工单处于“${STATE_LABELS[state].zh}”状态，只有“修复中”的工单可以记录修复过程`,
        `The work order is ${state}: treatment can be logged only while it is in_progress`,
        [
          {
            path: 'state',
            value: state,
            rule: 'in_progress',
            messageZh: '须为修复中',
            messageEn: 'must be in_progress',
          },
        ],
      );
    }
    await checkTerms(em, [{ path: 'step', kind: 'technique', value: body.step }]);
    const entry = em.create(WorkOrderLogEntrySchema, {
      workOrder: order,
      workDate: body.workDate ?? today(),
      conservator: actor.userId,
      step: body.step,
      leavesTreated: body.leavesTreated,
      hours: body.hours,
      notes: body.notes ?? null,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: 'work_order.log',
      entityType: 'work_order',
      entityId: order.id,
      after: { logEntryId: entry.id, ...body },
      provinceCode: order.provinceCode,
      institutionId: order.institution.id,
    });
    const all = await em.find(WorkOrderLogEntrySchema, { workOrder: order.id });
    return {
      entry: {
        id: entry.id,
        workOrderId: order.id,
        workDate: body.workDate ?? today(),
        conservator: { id: actor.userId, displayName: actor.displayName },
        step: entry.step,
        leavesTreated: entry.leavesTreated,
        hours: Number(entry.hours),
        notes: entry.notes ?? null,
      },
      totals: logTotals(all),
    };
  });
}
