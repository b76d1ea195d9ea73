import { requireActor, type Context } from '../kernel/context.js';
import { presentAssessment } from '../condition/condition.presenter.js';
import type { ConditionAssessment } from '../condition/condition-assessment.entity.js';
import { loadOrder } from './work-order-access.service.js';
import { workOrderDetail } from './work-order-detail.service.js';
import { presentRestorationRecord } from './restoration-record.presenter.js';

/** The restoration record (修复档案) of one work order, as the JSON the printable page is made from. */
export async function restorationRecord(scope: Context, publicUrl: string, id: string) {
  const actor = requireActor(scope);
  const { order, roles } = await loadOrder(scope.em, actor, id);
  const detail = await workOrderDetail(scope.em, order, roles, publicUrl, actor);
  const cn = order.record.censusNumber;
  const before = order.beforeAssessment as ConditionAssessment | null;
  const after = order.afterAssessment as ConditionAssessment | null;
  return presentRestorationRecord({
    detail,
    item: {
      censusNumber: cn,
      title: order.record.title,
      callNumber: order.record.callNumber,
      edition: order.record.editionType ?? null,
      grade: order.record.grade ?? null,
      preciousListNumber: order.record.preciousListNumber ?? null,
      institution: order.institution.name,
    },
    before: before ? presentAssessment(before, cn) : null,
    after: after ? presentAssessment(after, cn) : null,
    generatedAt: new Date(),
  });
}
