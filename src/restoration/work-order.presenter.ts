import { isoDay } from '../domain/dates.js';
import type { ConditionAssessment } from '../condition/condition-assessment.entity.js';
import type { RecordImage } from '../images/record-image.entity.js';
import type { WorkOrder } from './work-order.entity.js';
import type { WorkOrderLogEntry } from './work-order-log.entity.js';
import type { WorkOrderPhoto } from './work-order-photo.entity.js';
import type { WorkOrderTransition } from './work-order-transition.entity.js';
import { damageLevelLabel } from '../domain/condition-labels.rules.js';
import { logTotals } from './work-order-totals.rules.js';
import { workOrderAbilities } from './work-order-access.rules.js';
import {
  ACTION_LABELS,
  allowedActions,
  STATE_LABELS,
  WORK_ORDER_ACTIONS,
  type ActionOffer,
  type ActorRoles,
  type WorkOrderAction,
  type WorkOrderState,
} from './work-order-state.rules.js';
import { ACCEPTANCE_RATINGS, PHOTO_PHASES, type PhotoPhase } from './work-order.schemas.js';

type Person = { id: string; displayName: string } | null | undefined;
const person = (u: Person) => (u ? { id: u.id, displayName: u.displayName } : null);

function presentAssessmentBrief(a: ConditionAssessment | null | undefined) {
  if (!a) return null;
  return {
    id: a.id,
    assessedOn: isoDay(a.assessedOn),
    assessor: a.assessor,
    finalLevel: a.finalLevel,
    finalLevelLabel: damageLevelLabel(a.finalLevel),
    computedLevel: a.computedLevel,
  };
}

const levelLabel = (level: string | null | undefined) => (level ? damageLevelLabel(level) : null);

export const PHOTO_PHASE_LABELS: Record<PhotoPhase, { zh: string; en: string }> = {
  before: { zh: '修复前', en: 'Before' },
  during: { zh: '修复中', en: 'During' },
  after: { zh: '修复后', en: 'After' },
};

const RATING_EN: Record<(typeof ACCEPTANCE_RATINGS)[number], string> = {
  优: 'Excellent',
  良: 'Good',
  合格: 'Satisfactory',
};

/** The acceptance ratings (优 / 良 / 合格) an inspector chooses from, with their labels. */
export const RATING_OPTIONS = ACCEPTANCE_RATINGS.map((value) => ({
  value,
  label: { zh: value, en: RATING_EN[value] },
}));

const stateLabel = (state: string | null | undefined) =>
  state && state in STATE_LABELS ? STATE_LABELS[state as WorkOrderState] : null;

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
      beforeLabel: levelLabel((o.beforeAssessment as ConditionAssessment | null)?.finalLevel),
      afterLabel: levelLabel((o.afterAssessment as ConditionAssessment | null)?.finalLevel),
    },
    acceptance: o.acceptedAt
      ? {
          by: person(o.acceptedBy as Person),
          at: o.acceptedAt.toISOString(),
          rating: o.rating ?? null,
          ratingLabel: RATING_OPTIONS.find((r) => r.value === o.rating)?.label ?? null,
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
      phaseLabel: PHOTO_PHASE_LABELS[p.phase as PhotoPhase] ?? { zh: p.phase, en: p.phase },
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
      actionLabel: t.action && t.action in ACTION_LABELS ? ACTION_LABELS[t.action as WorkOrderAction] : null,
      from: t.fromState ?? null,
      fromLabel: stateLabel(t.fromState),
      to: t.toState,
      toLabel: stateLabel(t.toState),
      actor: { id: t.actorId, displayName: t.actorName },
      reason: t.reason ?? null,
      at: t.at.toISOString(),
    })),
    allowedActions: allowedActions(o.state as WorkOrderState),
    myActions: parts.offers.map((offer) => offer.action),
    actions: parts.offers,
    roles: parts.roles,
    abilities: workOrderAbilities(parts.roles, o.state as WorkOrderState),
    /** The photo phases an upload chooses from, and the ratings of an acceptance. */
    photoPhases: PHOTO_PHASES.map((phase) => ({ value: phase, label: PHOTO_PHASE_LABELS[phase] })),
    ratings: RATING_OPTIONS,
    manifest: `${parts.publicUrl}/iiif/manifest/work-order/${o.id}`,
  };
}

export type PresentedWorkOrder = ReturnType<typeof presentWorkOrder>;

/** Every action name, for the API docs of the board. */
export const ACTIONS = WORK_ORDER_ACTIONS;
