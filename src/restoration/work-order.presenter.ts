import { isoDay } from '../condition/dates.js';
import type { ConditionAssessment } from '../condition/condition-assessment.entity.js';
import type { RecordImage } from '../images/record-image.entity.js';
import type { WorkOrder } from './work-order.entity.js';
import type { WorkOrderLogEntry } from './work-order-log.entity.js';
import type { WorkOrderPhoto } from './work-order-photo.entity.js';
import type { WorkOrderTransition } from './work-order-transition.entity.js';
import { logTotals } from './work-order-totals.rules.js';
import {
  allowedActions,
  STATE_LABELS,
  WORK_ORDER_ACTIONS,
  type ActionOffer,
  type ActorRoles,
  type WorkOrderState,
} from './work-order-state.rules.js';

type Person = { id: string; displayName: string } | null | undefined;
const person = (u: Person) => (u ? { id: u.id, displayName: u.displayName } : null);

function presentAssessmentBrief(a: ConditionAssessment | null | undefined) {
  if (!a) return null;
  return {
    id: a.id,
    assessedOn: isoDay(a.assessedOn),
    assessor: a.assessor,
    finalLevel: a.finalLevel,
    computedLevel: a.computedLevel,
  };
}

/** A work order in a list (board card). */
export function presentWorkOrderSummary(o: WorkOrder, totals: { leaves: number; hours: number }) {
  return {
    id: o.id,
    censusNumber: o.record.censusNumber,
    title: o.record.title,
    institution: { id: o.institution.id, name: o.institution.name },
    centre: o.centre ? { id: o.centre.id, name: o.centre.name } : null,
    state: o.state,
    stateLabel: STATE_LABELS[o.state as WorkOrderState],
    stateSince: o.stateSince.toISOString(),
    custody: o.custody ?? null,
    totals,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export interface WorkOrderParts {
  readonly log: readonly WorkOrderLogEntry[];
  readonly photos: ReadonlyArray<WorkOrderPhoto & { image: RecordImage }>;
  readonly transitions: readonly WorkOrderTransition[];
  readonly roles: ActorRoles;
  /** What the caller may do now, and what waits for which guard (work-order-state.rules actionOffers). */
  readonly offers: readonly ActionOffer[];
  readonly publicUrl: string;
}

/** A work order with everything its page shows. */
export function presentWorkOrder(o: WorkOrder, parts: WorkOrderParts) {
  const totals = logTotals(parts.log);
  return {
    ...presentWorkOrderSummary(o, totals),
    recordId: o.record.id,
    grade: o.record.grade ?? null,
    preciousListNumber: o.record.preciousListNumber ?? null,
    summary: o.summary ?? null,
    plan: o.plan ?? null,
    plannedBy: person(o.plannedBy as Person),
    approvedBy: person(o.approvedBy as Person),
    approvedAt: o.approvedAt?.toISOString() ?? null,
    materials: o.materials ?? null,
    custodySince: o.custodySince?.toISOString() ?? null,
    before: presentAssessmentBrief(o.beforeAssessment as ConditionAssessment | null),
    after: presentAssessmentBrief(o.afterAssessment as ConditionAssessment | null),
    damageLevel: {
      before: (o.beforeAssessment as ConditionAssessment | null)?.finalLevel ?? null,
      after: (o.afterAssessment as ConditionAssessment | null)?.finalLevel ?? null,
    },
    acceptance: o.acceptedAt
      ? {
          by: person(o.acceptedBy as Person),
          at: o.acceptedAt.toISOString(),
          rating: o.rating ?? null,
          findings: o.findings ?? null,
        }
      : null,
    findings: o.findings ?? null,
    lastReason: o.lastReason ?? null,
    createdBy: person(o.createdBy as Person),
    log: parts.log.map((e) => ({
      id: e.id,
      workDate: isoDay(e.workDate),
      conservator: person(e.conservator as Person),
      step: e.step,
      leavesTreated: e.leavesTreated,
      hours: Number(e.hours),
      notes: e.notes ?? null,
      photoIds: parts.photos.filter((p) => p.logEntry?.id === e.id).map((p) => p.id),
    })),
    photos: parts.photos.map((p) => ({
      id: p.id,
      imageId: p.image.id,
      phase: p.phase,
      caption: p.caption ?? null,
      logEntryId: p.logEntry?.id ?? null,
      status: p.image.status,
      width: p.image.width,
      height: p.image.height,
      service: `${parts.publicUrl}/iiif/3/${p.image.id}`,
      thumbnail: `${parts.publicUrl}/iiif/3/${p.image.id}/full/!400,400/0/default.jpg`,
    })),
    history: parts.transitions.map((t) => ({
      action: t.action ?? null,
      from: t.fromState ?? null,
      to: t.toState,
      actor: { id: t.actorId, displayName: t.actorName },
      reason: t.reason ?? null,
      at: t.at.toISOString(),
    })),
    allowedActions: allowedActions(o.state as WorkOrderState),
    myActions: parts.offers.map((offer) => offer.action),
    actions: parts.offers,
    roles: parts.roles,
    manifest: `${parts.publicUrl}/iiif/manifest/work-order/${o.id}`,
  };
}

export type PresentedWorkOrder = ReturnType<typeof presentWorkOrder>;

/** Every action name, for the API docs of the board. */
export const ACTIONS = WORK_ORDER_ACTIONS;
