// The names of the record vocabulary (statuses, types, workflow steps) in both languages, as the
// pages show them: the server ships these labels with its answers, so no page keeps its own copy.
import type { RecordStatus, RecordType } from './record.types.js';
import type { WorkflowAction } from './record-workflow.rules.js';

export interface Label {
  zh: string;
  en: string;
}

export const RECORD_STATUS_LABELS: Readonly<Record<RecordStatus, Label>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  in_review: { zh: '审校中', en: 'In review' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已通过', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};

export const RECORD_TYPE_LABELS: Readonly<Record<RecordType, Label>> = {
  guji: { zh: '古籍', en: 'Ancient book' },
  minguo: { zh: '民国文献', en: 'Republican-era document' },
};

export const WORKFLOW_ACTION_LABELS: Readonly<Record<WorkflowAction, Label>> = {
  submit: { zh: '提交审校', en: 'Submit for review' },
  recall: { zh: '撤回提交', en: 'Recall submission' },
  start_review: { zh: '开始审校', en: 'Start review' },
  return: { zh: '退回修改', en: 'Return for correction' },
  approve: { zh: '审校通过', en: 'Approve' },
  publish: { zh: '发布', en: 'Publish' },
  withdraw: { zh: '撤销记录', en: 'Withdraw record' },
};
