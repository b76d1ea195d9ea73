import type { RecordStatus } from './record.types.js';

/**
 * Review workflow actions (overview.md): draft → submitted → in_review → returned | approved → published,
 * plus withdrawn; a submission not yet in review can be recalled to draft.
 */
export const WORKFLOW_ACTIONS = [
  'submit',
  'recall',
  'start_review',
  'return',
  'approve',
  'publish',
  'withdraw',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Who performs an action: the cataloguing side, the reviewing side, or the publishing centre. */
export type ActionSide = 'catalogue' | 'review' | 'publish' | 'catalogue_or_publish';

interface ActionRule {
  readonly from: readonly RecordStatus[];
  readonly to: RecordStatus;
  readonly side: ActionSide;
  readonly needsNote: boolean;
}

/** The workflow as data: where each action may start, where it leads, who takes it, whether it needs a note. */
export const WORKFLOW: Record<WorkflowAction, ActionRule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', side: 'catalogue', needsNote: false },
  // 撤回提交: the cataloguer takes a submission back to fix it, as long as no reviewer has started.
  recall: { from: ['submitted'], to: 'draft', side: 'catalogue', needsNote: false },
  start_review: { from: ['submitted'], to: 'in_review', side: 'review', needsNote: false },
  // Returning for correction (返修) must say why; the comments on fields say where.
  return: { from: ['submitted', 'in_review'], to: 'returned', side: 'review', needsNote: true },
  approve: { from: ['submitted', 'in_review'], to: 'approved', side: 'review', needsNote: false },
  publish: { from: ['approved'], to: 'published', side: 'publish', needsNote: false },
  // Withdrawal is a state change with a reason, never a delete; the census number stays taken.
  withdraw: {
    from: ['draft', 'submitted', 'in_review', 'returned', 'approved', 'published'],
    to: 'withdrawn',
    side: 'catalogue_or_publish',
    needsNote: true,
  },
};

export type WorkflowCheck =
  | { ok: true; to: RecordStatus }
  | {
      ok: false;
      code: 'ILLEGAL_TRANSITION' | 'NOTE_REQUIRED';
      allowed: WorkflowAction[];
      messageZh: string;
      messageEn: string;
    };

/** The Chinese label of each record status, as the pages show it. */
export const STATUS_ZH: Readonly<Record<RecordStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审校中',
  returned: '已退回',
  approved: '已通过',
  published: '已发布',
  withdrawn: '已撤销',
};

/** Actions possible from a status. */
export function allowedWorkflowActions(status: RecordStatus): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => WORKFLOW[a].from.includes(status));
}

/** Checks one workflow step (permission is checked separately by the access rules). */
export function checkWorkflowStep(
  status: RecordStatus,
  action: WorkflowAction,
  note: string | null | undefined,
): WorkflowCheck {
  const rule = WORKFLOW[action];
  const allowed = allowedWorkflowActions(status);
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      allowed,
      messageZh: `状态为「${STATUS_ZH[status]}」的记录不能执行 ${action}；可执行：${allowed.join('、') || '无'}`,
      messageEn: `A record in status ${status} cannot ${action}; allowed: ${allowed.join(', ') || 'none'}`,
    };
  }
  if (rule.needsNote && !note?.trim()) {
    return {
      ok: false,
      code: 'NOTE_REQUIRED',
      allowed,
      messageZh: `${action} 必须说明理由`,
      messageEn: `${action} needs a reason`,
    };
  }
  return { ok: true, to: rule.to };
}

/** Statuses in which the cataloguing side may edit freely; approved and published edits need a reason. */
export const FREELY_EDITABLE: readonly RecordStatus[] = ['draft', 'returned'];
export const EDITABLE_WITH_REASON: readonly RecordStatus[] = ['approved', 'published'];

/** Status label in Chinese, for messages. */
export function statusLabelZh(status: RecordStatus): string {
  return STATUS_ZH[status];
}
