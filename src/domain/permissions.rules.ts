import { ROLES, type Role } from './roles.js';

/** What the permission rules need to know about the caller. */
export interface ActorScope {
  readonly role: Role;
  readonly institutionId: string | null;
  readonly provinceCode: string | null;
}

/** National admins administer everything; provincial admins their own province. */
export function canAdministerProvince(actor: ActorScope, provinceCode: string): boolean {
  if (actor.role === 'national_admin') return true;
  return actor.role === 'provincial_admin' && actor.provinceCode === provinceCode;
}

/**
 * Designations of an institution that are national decisions: a national restoration centre (it may
 * be granted other institutions' restoration work) and a batch of the national key-protection list.
 * Provincial admins manage their institutions' other fields, never these.
 */
export const NATIONAL_DESIGNATIONS = ['isRestorationCentre', 'keyProtectionBatch'] as const;

/** Whether the actor may set or change an institution's national designations. */
export function canSetNationalDesignations(actor: ActorScope): boolean {
  return actor.role === 'national_admin';
}

/** Roles a provincial admin may hand out inside their province; the rest is the national centre's. */
const PROVINCIAL_GRANTABLE: readonly Role[] = ['reviewer', 'cataloguer', 'conservator'];

/** Whether the actor may create or change an account with this role in this province. */
export function canManageAccount(
  actor: ActorScope,
  target: { role: Role; provinceCode: string | null },
): boolean {
  if (actor.role === 'national_admin') return true;
  return (
    actor.role === 'provincial_admin' &&
    target.provinceCode !== null &&
    target.provinceCode === actor.provinceCode &&
    PROVINCIAL_GRANTABLE.includes(target.role)
  );
}

/** The roles the actor may give to new or existing accounts (none: the actor manages no accounts). */
export function grantableRoles(actor: ActorScope): readonly Role[] {
  if (actor.role === 'national_admin') return ROLES;
  if (actor.role === 'provincial_admin') return PROVINCIAL_GRANTABLE;
  return [];
}

/** The provinces the actor may put accounts in (null: every province). */
export function grantableProvince(actor: ActorScope): string | null {
  return actor.role === 'national_admin' ? null : actor.provinceCode;
}

/**
 * What the actor may do with one account. Nobody disables, demotes or resets their own account here:
 * one's own password is changed on /account, with the current password.
 */
export function accountAbilities(
  actor: ActorScope & { userId: string },
  target: { id: string; role: Role; provinceCode: string | null },
): { setActive: boolean; resetPassword: boolean; changeRole: boolean } {
  const manage = canManageAccount(actor, target);
  const self = actor.userId === target.id;
  const other = manage && !self;
  return { setActive: other, resetPassword: other, changeRole: other };
}

/** Whether the actor maintains the census code lists (a national decision). */
export function canMaintainCodeLists(actor: ActorScope | null): boolean {
  return actor?.role === 'national_admin';
}

/** Whether the actor may see the accounts of an institution (its own staff may, to know who is who). */
export function canViewInstitutionStaff(
  actor: ActorScope,
  institution: { id: string; provinceCode: string },
): boolean {
  return canAdministerProvince(actor, institution.provinceCode) || actor.institutionId === institution.id;
}

/** Whether the actor may read the audit log, and limited to which province (null = everything). */
export function auditScope(actor: ActorScope): { allowed: boolean; provinceCode: string | null } {
  if (actor.role === 'national_admin') return { allowed: true, provinceCode: null };
  if (actor.role === 'provincial_admin') return { allowed: true, provinceCode: actor.provinceCode };
  return { allowed: false, provinceCode: null };
}

/**
 * Whether the actor may set an institution's rights statement (who is sent its images): its province's
 * or the national administrators, and the institution's own staff who act for it in the census — its
 * cataloguers (there is no separate institution-administrator role).
 */
export function canSetRightsStatement(
  actor: ActorScope,
  institution: { id: string; provinceCode: string },
): boolean {
  return (
    canAdministerProvince(actor, institution.provinceCode) ||
    (actor.role === 'cataloguer' && actor.institutionId === institution.id)
  );
}

/** Rule sets and ranking weights are national reference data: national admins only. */
export function canManageNationalData(actor: ActorScope): boolean {
  return actor.role === 'national_admin';
}

/**
 * Whether the actor raises restoration work orders at all (for some record): the work-order board's
 * 新建 form, and the triage list's offer on each row.
 */
export function mayRaiseWorkOrders(actor: ActorScope): boolean {
  if (actor.role === 'national_admin') return true;
  if (actor.role === 'provincial_admin') return actor.provinceCode !== null;
  return (actor.role === 'cataloguer' || actor.role === 'conservator') && actor.institutionId !== null;
}
