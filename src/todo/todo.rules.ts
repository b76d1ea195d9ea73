// "My work" (/): what each person's to-do list holds, by their census role and their restoration
// capabilities (studio head, inspector). The counts are made by todo.service.ts; the page shows
// these items as they come, so no role table lives in the front end.
import type { Role } from '../domain/roles.js';
import type { RestorationRoleName } from '../restoration/work-order.schemas.js';

export const TODO_KINDS = [
  'returnedRecords',
  'draftRecords',
  'awaitingReview',
  'awaitingPublication',
  'ordersToWork',
  'plansToApprove',
  'ordersToAccept',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** Each kind's name in both languages and the page where the work is done. */
export const TODO_ITEMS: Readonly<Record<TodoKind, { label: { zh: string; en: string }; href: string }>> = {
  returnedRecords: {
    label: { zh: '退回待修改的记录', en: 'Returned records to fix' },
    href: '/records?status=returned',
  },
  draftRecords: {
    label: { zh: '未提交的草稿', en: 'Drafts not yet submitted' },
    href: '/records?status=draft',
  },
  awaitingReview: { label: { zh: '待审校记录', en: 'Records awaiting review' }, href: '/review' },
  awaitingPublication: {
    label: { zh: '审校通过待发布', en: 'Approved, awaiting publication' },
    href: '/records?status=approved',
  },
  ordersToWork: { label: { zh: '待处理的修复工单', en: 'Work orders to work on' }, href: '/restoration' },
  plansToApprove: {
    label: { zh: '待批准的修复方案', en: 'Treatment plans to approve' },
    href: '/restoration',
  },
  ordersToAccept: { label: { zh: '待验收的修复工单', en: 'Work orders to accept' }, href: '/restoration' },
};

const BY_ROLE: Readonly<Record<Role, readonly TodoKind[]>> = {
  cataloguer: ['returnedRecords', 'draftRecords'],
  reviewer: ['awaitingReview'],
  conservator: ['ordersToWork'],
  // The provincial centre may stand in for a studio head (restoration.md), as may the national one.
  provincial_admin: ['awaitingReview', 'awaitingPublication', 'plansToApprove'],
  national_admin: ['awaitingReview', 'awaitingPublication', 'plansToApprove'],
  reader: [],
};

/** The to-do items of a person, in the order the page lists them. */
export function todoKindsOf(role: Role, capabilities: ReadonlySet<RestorationRoleName>): TodoKind[] {
  const kinds = new Set<TodoKind>(BY_ROLE[role]);
  if (capabilities.has('studio_head')) kinds.add('plansToApprove');
  if (capabilities.has('inspector')) kinds.add('ordersToAccept');
  return TODO_KINDS.filter((k) => kinds.has(k));
}
