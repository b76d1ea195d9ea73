// Who may see and act on restoration work orders (restoration.md, issue 6): the holding institution's
// staff, and the staff of a national restoration centre while the holding institution's grant of the
// job is active. Studio heads and inspectors are capabilities on top of an institution account.

import type { ActorScope } from '../domain/permissions.rules.js';
import { TERMINAL_STATES, type ActorRoles, type WorkOrderState } from './work-order-state.rules.js';
import type { RestorationRoleName } from './work-order.schemas.js';

/** What the rules need to know about a work order (or the record one would be raised for). */
export interface WorkOrderScope {
  readonly institutionId: string;
  readonly provinceCode: string;
  /** The restoration centre doing the work, when its grant is still active. */
  readonly grantedCentreId: string | null;
}

/** Whether the actor works at the holding institution or at the centre granted the job. */
export function worksOnOrder(actor: ActorScope, order: WorkOrderScope): boolean {
  if (!actor.institutionId) return false;
  return actor.institutionId === order.institutionId || actor.institutionId === order.grantedCentreId;
}

/** Read access: admins of the scope, the holding institution's staff (cataloguers included), the granted centre. */
export function canViewWorkOrder(actor: ActorScope, order: WorkOrderScope): boolean {
  if (actor.role === 'national_admin') return true;
  if (actor.role === 'provincial_admin') return actor.provinceCode === order.provinceCode;
  return worksOnOrder(actor, order);
}

/** The roles the state machine checks, for this actor on this order. */
export function actorRolesFor(
  actor: ActorScope,
  capabilities: ReadonlySet<RestorationRoleName>,
  order: WorkOrderScope,
): ActorRoles {
  const acting = worksOnOrder(actor, order);
  // The provincial centre may stand in for a studio head (restoration.md, "studio head (or provincial centre)").
  const provincialCentre = actor.role === 'provincial_admin' && actor.provinceCode === order.provinceCode;
  return {
    isConservator: acting && actor.role === 'conservator',
    isStudioHead: (acting && capabilities.has('studio_head')) || provincialCentre,
    isInspector: acting && capabilities.has('inspector'),
  };
}

/** Editing content (plan, materials, custody, log, photos): conservators and studio heads doing the work. */
export function canWorkOn(roles: ActorRoles): boolean {
  return roles.isConservator || roles.isStudioHead;
}

/** The plan is fixed once approved: it can be written only while the order is proposed or planned. */
export const PLAN_EDITABLE: readonly WorkOrderState[] = ['proposed', 'planned'];

/** What the caller may do on an order besides moving it on (the order's page shows exactly these). */
export interface WorkOrderAbilities {
  /** Write the treatment plan and materials. */
  readonly editPlan: boolean;
  /** Add to the treatment log (conservators, while the order is in progress). */
  readonly log: boolean;
  /** Upload before / during / after photos (until the order is closed). */
  readonly uploadPhotos: boolean;
  /** Record the after-treatment condition assessment (while the order is in progress). */
  readonly assessAfter: boolean;
}

/** The same checks the update, log and photo services make, for one caller and state. */
export function workOrderAbilities(roles: ActorRoles, state: WorkOrderState): WorkOrderAbilities {
  const working = canWorkOn(roles);
  return {
    editPlan: working && PLAN_EDITABLE.includes(state),
    log: roles.isConservator && state === 'in_progress',
    uploadPhotos: working && !TERMINAL_STATES.includes(state),
    assessAfter: working && state === 'in_progress',
  };
}

// Whether the actor raises work orders at all: in the shared permission rules, since the triage list
// offers it on each row too.
export { mayRaiseWorkOrders } from '../domain/permissions.rules.js';

/**
 * Raising an order for a record: the holding institution's cataloguers and conservators, a conservator of
 * a centre the holding institution granted the record to, and admins of the record's scope.
 */
export function canRaiseWorkOrder(
  actor: ActorScope,
  record: { institutionId: string; provinceCode: string },
  grantedCentreIds: readonly string[],
): boolean {
  switch (actor.role) {
    case 'national_admin':
      return true;
    case 'provincial_admin':
      return actor.provinceCode === record.provinceCode;
    case 'cataloguer':
      return actor.institutionId === record.institutionId;
    case 'conservator':
      return (
        actor.institutionId === record.institutionId ||
        (actor.institutionId !== null && grantedCentreIds.includes(actor.institutionId))
      );
    default:
      return false;
  }
}

/** Granting (or revoking) a record's restoration to a centre: the holding institution's cataloguers or studio head, admins. */
export function canGrantRestoration(
  actor: ActorScope,
  record: { institutionId: string; provinceCode: string },
  isStudioHead: boolean,
): boolean {
  if (actor.role === 'national_admin') return true;
  if (actor.role === 'provincial_admin') return actor.provinceCode === record.provinceCode;
  if (actor.institutionId !== record.institutionId) return false;
  return actor.role === 'cataloguer' || isStudioHead;
}

/** Items graded 一级/二级 or on the precious list need their plan approved by someone other than the planner. */
export function needsIndependentApproval(record: {
  grade: string | null;
  preciousListNumber: string | null;
}): boolean {
  const grade = record.grade ?? '';
  return grade.startsWith('一级') || grade.startsWith('二级') || !!record.preciousListNumber;
}
