// Bilingual labels of the record vocabulary the pages show: record types, workflow statuses,
// completeness tiers and workflow actions (date precisions: dates/edition-date-display.rules.ts). The pages take them from the API, so
// no page keeps its own copy of a status or action name.

import type { CompletenessTier, RecordStatus, RecordType } from './record.types.js';
import { STATUS_ZH, type WorkflowAction } from './record-workflow.rules.js';

/** A label in both interface languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** A code value with its label, as lists of choices are shipped. */
export interface LabelledValue {
  readonly value: string;
  readonly label: Label;
}

const STATUS_EN: Readonly<Record<RecordStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  returned: 'Returned',
  approved: 'Approved',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

const TYPE_LABELS: Readonly<Record<RecordType, Label>> = {
  guji: { zh: '古籍', en: 'Ancient book (古籍)' },
  minguo: { zh: '民国文献', en: 'Republican-era document (民国文献)' },
};

const TIER_LABELS: Readonly<Record<CompletenessTier, Label>> = {
  none: { zh: '未达必登', en: 'Below mandatory' },
  mandatory: { zh: '必登项目', en: 'Mandatory' },
  basic: { zh: '基本项目', en: 'Basic' },
  full: { zh: '全部项目', en: 'Full' },
};

const ACTION_LABELS: Readonly<Record<WorkflowAction, Label>> = {
  submit: { zh: '提交审校', en: 'Submit for review' },
  recall: { zh: '撤回提交', en: 'Recall submission' },
  start_review: { zh: '开始审校', en: 'Start review' },
  return: { zh: '退回修改', en: 'Return for correction' },
  approve: { zh: '审校通过', en: 'Approve' },
  publish: { zh: '发布', en: 'Publish' },
  withdraw: { zh: '撤销记录', en: 'Withdraw record' },
};

/** Falls back to the code itself for a value no table knows (an old row, a new status). */
function lookup<K extends string>(table: Readonly<Record<K, Label>>, value: string): Label {
  return (table as Record<string, Label>)[value] ?? { zh: value, en: value };
}

export const statusLabel = (status: string): Label =>
  status in STATUS_EN
    ? { zh: STATUS_ZH[status as RecordStatus], en: STATUS_EN[status as RecordStatus] }
    : { zh: status, en: status };
export const typeLabel = (type: string): Label => lookup(TYPE_LABELS, type);
export const tierLabel = (tier: string): Label => lookup(TIER_LABELS, tier);
export const actionLabel = (action: WorkflowAction): Label => ACTION_LABELS[action];
