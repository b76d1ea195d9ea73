// What a caller may do with one record, as the record's API answer ships it: the workflow steps
// the record's status allows AND the caller may take (the same rules the workflow service checks),
// and the other things the record page offers (edit, images, condition, review, history). The
// page shows these; it decides nothing itself.

import type { ActorScope } from '../domain/permissions.rules.js';
import { canAssess } from '../domain/assessment-access.rules.js';
import {
  canCatalogue,
  canPublish,
  canReview,
  canViewWorkflow,
  type ActorContext,
  type RecordScope,
} from './record-access.rules.js';
import {
  allowedWorkflowActions,
  EDITABLE_WITH_REASON,
  FREELY_EDITABLE,
  WORKFLOW,
  type WorkflowAction,
} from '../domain/record-workflow.rules.js';
import { actionLabel, type Label } from '../domain/record-labels.rules.js';

/** Whether the actor may take a workflow action on a record (its status is checked separately). */
export function mayTakeAction(ctx: ActorContext, action: WorkflowAction, record: RecordScope): boolean {
  const institution = { id: record.institutionId, provinceCode: record.provinceCode };
  switch (WORKFLOW[action].side) {
    case 'catalogue':
      return canCatalogue(ctx, institution);
    case 'review':
      return canReview(ctx, record);
    case 'publish':
      return canPublish(ctx, record);
    case 'catalogue_or_publish':
      return canCatalogue(ctx, institution) || canPublish(ctx, record);
  }
}

/** Whether the actor registers records at all (for some institution): the list's 新建 button. */
export function mayCreateRecords(actor: ActorScope | null): boolean {
  if (!actor) return false;
  if (actor.role === 'national_admin') return true;
  if (actor.role === 'provincial_admin') return actor.provinceCode !== null;
  return actor.role === 'cataloguer' && actor.institutionId !== null;
}

/** Roles that review (assigned reviewers, provincial and national centres). */
function reviews(actor: ActorScope): boolean {
  return ['reviewer', 'provincial_admin', 'national_admin'].includes(actor.role);
}

/**
 * The bulk steps the record list offers: submitting for those who register records, approving for
 * those who review. Each record is still checked on its own (bulk answers say which failed).
 */
export function listBulkActions(actor: ActorScope | null): WorkflowAction[] {
  if (!actor) return [];
  return [
    ...(mayCreateRecords(actor) ? (['submit'] as const) : []),
    ...(reviews(actor) ? (['approve'] as const) : []),
  ];
}

/** The institution whose imports and exports the list links to: the cataloguer's own. */
export function importInstitutionOf(actor: ActorScope | null): string | null {
  return actor && mayCreateRecords(actor) ? actor.institutionId : null;
}

/** One workflow step offered on a record, with what the page needs to ask before taking it. */
export interface ActionOffer {
  readonly action: WorkflowAction;
  /** The API path segment: POST /api/records/:censusNumber/<segment>. */
  readonly segment: string;
  readonly label: Label;
  /** The step needs a written note (return) or reason (withdraw). */
  readonly note: Label | null;
  /** The step cannot be undone by the person taking it: ask for confirmation first. */
  readonly confirm: Label | null;
}

const NOTES: Partial<Record<WorkflowAction, Label>> = {
  return: { zh: '退回说明', en: 'What needs correcting' },
  withdraw: { zh: '撤销理由', en: 'Reason for withdrawal' },
};

const CONFIRMS: Partial<Record<WorkflowAction, Label>> = {
  withdraw: {
    zh: '撤销后记录不再参与审校与发布，普查编号仍被占用，不能恢复。确定撤销？',
    en: 'A withdrawn record leaves review and publication for good; its census number stays taken. Withdraw it?',
  },
  recall: {
    zh: '撤回后记录回到草稿，审校人员不再看到它；修改后可再次提交。确定撤回？',
    en: 'The record goes back to draft and leaves the review queue; you can submit it again after fixing it. Recall it?',
  },
};

/** The workflow steps the record's status allows and the actor may take, in workflow order. */
export function offeredActions(ctx: ActorContext | null, record: RecordScope): ActionOffer[] {
  if (!ctx) return [];
  return allowedWorkflowActions(record.status)
    .filter((action) => mayTakeAction(ctx, action, record))
    .map((action) => ({
      action,
      segment: action.replace('_', '-'),
      label: actionLabel(action),
      note: NOTES[action] ?? null,
      confirm: CONFIRMS[action] ?? null,
    }));
}

/** What else the record page offers the actor. */
export interface RecordAbilities {
  /** Change the record's fields (drafts and returned freely; approved and published with a reason). */
  readonly edit: boolean;
  readonly editNeedsReason: boolean;
  /** Upload, label and order page images (same lock as the fields). */
  readonly manageImages: boolean;
  /** Grade and assess the condition. */
  readonly assess: boolean;
  /** Work on it on the review page. */
  readonly review: boolean;
  /** See its version and review history. */
  readonly history: boolean;
}

export function recordAbilities(ctx: ActorContext | null, record: RecordScope): RecordAbilities {
  const catalogues =
    ctx !== null && canCatalogue(ctx, { id: record.institutionId, provinceCode: record.provinceCode });
  const freely = FREELY_EDITABLE.includes(record.status);
  const withReason = EDITABLE_WITH_REASON.includes(record.status);
  return {
    edit: catalogues && (freely || withReason),
    editNeedsReason: catalogues && withReason,
    manageImages: catalogues && (freely || withReason),
    assess: ctx !== null && canAssess(ctx, record),
    review: ctx !== null && canReview(ctx, record) && ['submitted', 'in_review'].includes(record.status),
    history: canViewWorkflow(ctx, record),
  };
}
