// What the audit log's codes mean, in both languages, so administrators read "发布记录" rather than
// record.publish. The log names events (what happened), so its wording is its own, not the buttons'.
// Kept here, not taken from the features, because every feature writes to the audit log and the
// log must not import them back.

/** A bilingual label. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

const ACTIONS: Record<string, Label> = {
  'auth.login': { zh: '登录', en: 'Logged in' },
  'auth.logout': { zh: '退出登录', en: 'Logged out' },
  'auth.password_change': { zh: '修改密码', en: 'Changed password' },
  'token.create': { zh: '创建访问令牌', en: 'Created an access token' },
  'token.revoke': { zh: '吊销访问令牌', en: 'Revoked an access token' },
  'user.create': { zh: '创建账户', en: 'Created an account' },
  'user.create.initial_admin': { zh: '创建首个全国管理员', en: 'Created the first national administrator' },
  'user.update': { zh: '修改账户', en: 'Changed an account' },
  'institution.create': { zh: '登记收藏单位', en: 'Registered an institution' },
  'institution.update': { zh: '修改收藏单位', en: 'Changed an institution' },
  'institution.rights_statement': { zh: '设置图像使用条件', en: 'Set the rights statement of its images' },
  'institution.on_site_networks': { zh: '设置馆内阅览网络', en: 'Set its reading-room networks' },
  'code_list.add': { zh: '增加代码值', en: 'Added a code value' },
  'code_list.change': { zh: '修改代码值', en: 'Changed a code value' },
  'record.create': { zh: '新建普查记录', en: 'Created a census record' },
  'record.update': { zh: '修改普查记录', en: 'Changed a census record' },
  'record.import_batch': { zh: '表格导入记录', en: 'Imported records from a spreadsheet' },
  'record.comment': { zh: '审校意见', en: 'Review comment' },
  'record.assign_reviewer': { zh: '指定审校人', en: 'Assigned a reviewer' },
  'record.submit': { zh: '提交审校', en: 'Submitted for review' },
  'record.recall': { zh: '撤回提交', en: 'Recalled a submission' },
  'record.start_review': { zh: '开始审校', en: 'Started review' },
  'record.return': { zh: '退回修改', en: 'Returned for correction' },
  'record.approve': { zh: '审校通过', en: 'Approved' },
  'record.publish': { zh: '发布记录', en: 'Published' },
  'record.withdraw': { zh: '撤销记录', en: 'Withdrew a record' },
  'review_assignment.create': { zh: '分配审校范围', en: 'Assigned an institution to a reviewer' },
  'review_assignment.delete': { zh: '取消审校分配', en: 'Removed a review assignment' },
  'import.queue': { zh: '上传导入文件', en: 'Queued a spreadsheet import' },
  'import.cancel': { zh: '取消导入', en: 'Cancelled a spreadsheet import' },
  'record.grade_from_assessment': { zh: '按定级结果更新古籍级别', en: 'Took the grade from a grading' },
  'record.damage_grade_from_assessment': {
    zh: '按破损评估更新破损级别',
    en: 'Took the damage grade from a condition assessment',
  },
  'grading_assessment.create': { zh: '定级', en: 'Graded a record' },
  'grading_assessment.import': { zh: '表格导入定级', en: 'Imported gradings' },
  'precious_list_entry.create': { zh: '登记名录号', en: 'Registered a precious-list number' },
  'condition_assessment.create': { zh: '破损评估', en: 'Assessed condition' },
  'condition_assessment.import': { zh: '表格导入破损评估', en: 'Imported condition assessments' },
  'damage_rule_set.publish': { zh: '发布破损定级规则', en: 'Published a damage rule set' },
  'triage_state.rebuild': { zh: '重算抢救排序', en: 'Rebuilt the rescue ranking' },
  'triage_weights.update': { zh: '修改排序权重', en: 'Changed the ranking weights' },
  'image.upload': { zh: '上传书影', en: 'Uploaded page images' },
  'image.replace': { zh: '替换书影', en: 'Replaced a page image' },
  'image.relabel': { zh: '修改书影标注', en: 'Relabelled page images' },
  'image.reorder': { zh: '调整书影顺序', en: 'Reordered page images' },
  'image.delete': { zh: '删除书影', en: 'Deleted a page image' },
  'work_order.create': { zh: '建立修复工单', en: 'Created a work order' },
  'work_order.update': { zh: '修改修复工单', en: 'Changed a work order' },
  'work_order.log': { zh: '修复记录', en: 'Logged restoration work' },
  'work_order.photo': { zh: '上传修复照片', en: 'Uploaded a restoration photo' },
  'work_order.plan': { zh: '提交修复方案', en: 'Submitted a treatment plan' },
  'work_order.approve': { zh: '批准修复方案', en: 'Approved a treatment plan' },
  'work_order.start': { zh: '开始修复', en: 'Started treatment' },
  'work_order.hold': { zh: '暂停修复', en: 'Put treatment on hold' },
  'work_order.resume': { zh: '继续修复', en: 'Resumed treatment' },
  'work_order.complete': { zh: '完成修复', en: 'Completed treatment' },
  'work_order.accept': { zh: '验收通过', en: 'Accepted the treatment' },
  'work_order.reject': { zh: '验收不通过', en: 'Rejected the treatment' },
  'work_order.cancel': { zh: '撤销修复工单', en: 'Cancelled a work order' },
  'restoration_grant.create': { zh: '委托修复中心', en: 'Granted a restoration centre' },
  'restoration_grant.revoke': { zh: '撤回修复委托', en: 'Revoked a restoration grant' },
  'restoration_role.grant': { zh: '任命修复岗位', en: 'Appointed a restoration role' },
  'restoration_role.revoke': { zh: '撤销修复岗位', en: 'Revoked a restoration role' },
  'restoration_term.create': { zh: '增加修复术语', en: 'Added a restoration term' },
  'restoration_term.update': { zh: '修改修复术语', en: 'Changed a restoration term' },
};

/** What an audited thing is, by its entity type. */
export const ENTITY_TYPE_LABELS: Record<string, Label> = {
  auth_token: { zh: '访问令牌', en: 'access token' },
  census_record: { zh: '普查记录', en: 'census record' },
  code_list_value: { zh: '代码值', en: 'code value' },
  condition_assessment: { zh: '破损评估', en: 'condition assessment' },
  damage_rule_set: { zh: '破损定级规则', en: 'damage rule set' },
  grading_assessment: { zh: '定级', en: 'grading' },
  import_job: { zh: '导入任务', en: 'import job' },
  institution: { zh: '收藏单位', en: 'institution' },
  precious_list_entry: { zh: '珍贵古籍名录', en: 'precious-list entry' },
  record_image: { zh: '书影', en: 'page image' },
  record_triage_state: { zh: '抢救排序', en: 'rescue ranking' },
  restoration_grant: { zh: '修复委托', en: 'restoration grant' },
  restoration_role: { zh: '修复岗位', en: 'restoration role' },
  restoration_term: { zh: '修复术语', en: 'restoration term' },
  review_assignment: { zh: '审校分配', en: 'review assignment' },
  setting: { zh: '系统设置', en: 'setting' },
  user: { zh: '账户', en: 'account' },
  work_order: { zh: '修复工单', en: 'work order' },
};

/** The actions this table names (a unit test holds every action the features write against it). */
export const AUDIT_ACTIONS: readonly string[] = Object.keys(ACTIONS);

/**
 * The label of an audit action. An action this table does not know yet is still not shown as a
 * code: "其他操作（code）" tells the reader it is an event without a name here.
 */
export function auditActionLabel(action: string): Label {
  return ACTIONS[action] ?? { zh: `其他操作（${action}）`, en: `Other action (${action})` };
}

/** Who did it: the person by name, or — with no person — the service itself, saying so. */
export function auditActorLabel(name: string | null): Label {
  return name === null ? { zh: '系统（自动任务）', en: 'System (automatic task)' } : { zh: name, en: name };
}

/** The label of an entity type (said to be another kind of thing when unknown, never the bare code). */
export const entityTypeLabel = (type: string): Label =>
  ENTITY_TYPE_LABELS[type] ?? { zh: `其他（${type}）`, en: `other (${type})` };
