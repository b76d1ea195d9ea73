import type { ActorScope } from '../domain/permissions.rules.js';
import type { RecordStatus } from '../domain/record.types.js';

/** What the access rules need to know about a record. */
export interface RecordScope {
  readonly institutionId: string;
  readonly provinceCode: string;
  readonly status: RecordStatus;
  readonly assignedReviewerId: string | null;
}

/** What the access rules need to know about the actor beyond their role: their review assignments. */
export interface ActorContext extends ActorScope {
  readonly userId: string;
  readonly assignedInstitutionIds: ReadonlySet<string>;
}

/** Statuses a reviewer works on or may look back at (drafts are the institution's own business). */
export const REVIEWER_VISIBLE: readonly RecordStatus[] = [
  'submitted',
  'in_review',
  'returned',
  'approved',
  'published',
  'withdrawn',
];

/** Whether a (possibly anonymous) caller may read a record. The public sees only published records. */
export function canViewRecord(actor: ActorContext | null, record: RecordScope): boolean {
  return record.status === 'published' || canViewWorkflow(actor, record);
}

/**
 * Whether the caller may see a record's workflow: its version history, review rounds and comments,
 * who did what (staff e-mails, user ids) and internal notes. Publishing makes the record public,
 * never its workflow: that stays with the institution's staff and those responsible for the review.
 */
export function canViewWorkflow(actor: ActorContext | null, record: RecordScope): boolean {
  if (!actor) return false;
  switch (actor.role) {
    case 'national_admin':
      return true;
    case 'provincial_admin':
      return actor.provinceCode === record.provinceCode;
    case 'reviewer':
      return isAssignedReviewer(actor, record) && REVIEWER_VISIBLE.includes(record.status);
    case 'cataloguer':
    case 'conservator':
      return actor.institutionId === record.institutionId;
    default:
      return false;
  }
}

/** Whether the actor may create or edit records of an institution (its cataloguers, its province's admin, national admins). */
export function canCatalogue(actor: ActorScope, institution: { id: string; provinceCode: string }): boolean {
  if (actor.role === 'national_admin') return true;
  if (actor.role === 'provincial_admin') return actor.provinceCode === institution.provinceCode;
  return actor.role === 'cataloguer' && actor.institutionId === institution.id;
}

/** Reviewers review what the provincial centre assigned to them: an institution, or single records. */
export function isAssignedReviewer(actor: ActorContext, record: RecordScope): boolean {
  return (
    actor.role === 'reviewer' &&
    actor.provinceCode === record.provinceCode &&
    (record.assignedReviewerId === actor.userId || actor.assignedInstitutionIds.has(record.institutionId))
  );
}

/** Whether the actor may review (start, comment, return, approve) a record. */
export function canReview(actor: ActorContext, record: RecordScope): boolean {
  if (actor.role === 'national_admin') return true;
  if (actor.role === 'provincial_admin') return actor.provinceCode === record.provinceCode;
  return isAssignedReviewer(actor, record);
}

/** Whether the actor may sign off and publish (the provincial centre, or the national centre). */
export function canPublish(actor: ActorScope, record: RecordScope): boolean {
  return (
    actor.role === 'national_admin' ||
    (actor.role === 'provincial_admin' && actor.provinceCode === record.provinceCode)
  );
}
