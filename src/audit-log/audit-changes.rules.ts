// What an audit entry changed, as an inspector reads it: for each field the entry stored, the
// field's name and its value before and after in both languages — codes of a known vocabulary by
// their labels (roles, record and work-order states, institution types, grades, damage levels…),
// people and institutions by name, long texts as they are; bookkeeping (ids without a name,
// versions, derived labels) left out. The vocabularies are the features' own label rules (pure
// rules that import nothing of the audit log, so no cycle), never a second copy here.
import { ROLE_LABELS, type Role } from '../domain/roles.js';
import { statusLabel, typeLabel } from '../domain/record-labels.rules.js';
import { recordFieldLabel, RECORD_FIELD_GROUPS } from '../census/record-fields.rules.js';
import { damageLevelLabel, gradeLabel } from '../domain/condition-labels.rules.js';
import {
  IMPORT_KIND_LABELS,
  IMPORT_MODE_LABELS,
  IMPORT_STATUS_LABELS,
} from '../imports/import-labels.rules.js';
import { restorationRoleLabel, STATE_LABELS } from '../restoration/work-order-state.rules.js';
import { INSTITUTION_TYPE_LABELS, KEY_PROTECTION_BATCHES } from '../institutions/institution-types.js';
import { PROVINCES } from '../institutions/provinces.data.js';
import { isRightsStatement, RIGHTS_STATEMENT_TEXT } from '../institutions/rights-statement.rules.js';
import type { Label } from './audit-labels.rules.js';
import { GRADE_WARNING_LABELS } from '../domain/grade.rules.js';

/** One changed field: its name, and its value before and after (null: none). */
export interface AuditChange {
  readonly field: string;
  readonly label: Label;
  readonly before: Label | null;
  readonly after: Label | null;
}

/** The names of the people and institutions entries refer to, by id. */
export interface AuditNames {
  readonly people: ReadonlyMap<string, string>;
  readonly institutions: ReadonlyMap<string, string>;
}

const L = (zh: string, en: string): Label => ({ zh, en });

/** Fields whose value is a person's id, or an institution's. */
export const PERSON_FIELDS: ReadonlySet<string> = new Set(['userId', 'reviewerId']);
export const INSTITUTION_FIELDS: ReadonlySet<string> = new Set(['institutionId', 'centreId']);

// The names of the fields the features write that are not record fields (those come from the
// record's own field table).
const FIELD_LABELS: Readonly<Record<string, Label>> = {
  role: L('角色', 'Role'),
  userId: L('人员', 'Person'),
  reviewerId: L('审校人', 'Reviewer'),
  institutionId: L('收藏单位', 'Institution'),
  centreId: L('修复中心', 'Restoration centre'),
  provinceCode: L('省份', 'Province'),
  email: L('邮箱', 'E-mail'),
  displayName: L('姓名', 'Name'),
  active: L('启用', 'Active'),
  password: L('密码', 'Password'),
  status: L('状态', 'Status'),
  state: L('工单状态', 'Work-order state'),
  note: L('说明', 'Note'),
  reason: L('理由', 'Reason'),
  rating: L('验收评价', 'Rating'),
  text: L('意见', 'Comment'),
  field: L('所批注的字段', 'Field commented on'),
  name: L('名称', 'Name'),
  type: L('类型', 'Type'),
  recordType: L('文献类型', 'Record type'),
  code: L('单位代码', 'Institution code'),
  fullCode: L('单位完整代码', 'Full institution code'),
  address: L('地址', 'Address'),
  contactName: L('联系人', 'Contact'),
  contactPhone: L('联系电话', 'Phone'),
  contactEmail: L('联系邮箱', 'Contact e-mail'),
  keyProtectionBatch: L('全国古籍重点保护单位', 'National key-protection unit'),
  isRestorationCentre: L('修复中心', 'Restoration centre'),
  rightsStatement: L('图像使用条件', 'Rights statement'),
  onSiteNetworks: L('馆内阅览网络', 'Reading-room networks'),
  label: L('标注', 'Label'),
  order: L('书影顺序', 'Page order'),
  censusNumber: L('普查登记编号', 'Census number'),
  summary: L('摘要', 'Summary'),
  phase: L('阶段', 'Phase'),
  caption: L('说明', 'Caption'),
  fileName: L('文件名', 'File name'),
  kind: L('种类', 'Kind'),
  mode: L('方式', 'Mode'),
  format: L('格式', 'Format'),
  cancelRequested: L('已请求取消', 'Cancellation requested'),
  value: L('代码值', 'Value'),
  list: L('代码表', 'Code list'),
  aliases: L('别名', 'Aliases'),
  sortOrder: L('排序', 'Sort order'),
  labelEn: L('英文名', 'English label'),
  expiresAt: L('有效期至', 'Expires'),
  revokedAt: L('吊销时间', 'Revoked at'),
  ip: L('IP 地址', 'IP address'),
  number: L('名录号', 'List number'),
  batch: L('批次', 'Batch'),
  year: L('年份', 'Year'),
  version: L('版本', 'Version'),
  records: L('记录数', 'Records'),
  warnings: L('提示', 'Warnings'),
  plan: L('修复方案', 'Treatment plan'),
  materials: L('修复材料', 'Materials'),
  custody: L('交接', 'Custody'),
  sequence: L('页序', 'Sequence'),
  width: L('宽（像素）', 'Width (px)'),
  height: L('高（像素）', 'Height (px)'),
  originalFilename: L('原文件名', 'Original file name'),
  ruleSetVersion: L('定级规则版本', 'Rule set version'),
  workDate: L('工作日期', 'Work date'),
  step: L('工序', 'Step'),
  leavesTreated: L('修复叶数', 'Leaves treated'),
  hours: L('工时', 'Hours'),
  notes: L('备注', 'Notes'),
  preciousList: L('珍贵古籍名录', 'Precious list'),
  acidity: L('酸化', 'Acidity'),
  damageLevel: L('破损级别', 'Damage level'),
  level: L('破损级别', 'Damage level'),
  finalLevel: L('破损级别', 'Damage level'),
  computedLevel: L('计算所得破损级别', 'Computed damage level'),
  overrideLevel: L('人工认定破损级别', 'Overridden damage level'),
  overrideReason: L('认定理由', 'Reason for the override'),
};

const RECORD_FIELDS: ReadonlySet<string> = new Set(
  RECORD_FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.key)),
);

// Bookkeeping an inspector does not read: ids without a name, versions and timestamps the entry
// already carries, fingerprints, and labels derived from a code the entry also holds.
const SKIPPED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'lastUsedAt', 'sha256', 'history']);
const isSkipped = (key: string) =>
  SKIPPED.has(key) ||
  key.endsWith('Label') ||
  (key.endsWith('Email') && key !== 'contactEmail') ||
  ((key.endsWith('Id') || key.endsWith('Ids')) && !PERSON_FIELDS.has(key) && !INSTITUTION_FIELDS.has(key)) ||
  (key.endsWith('Name') && key !== 'displayName' && key !== 'fileName' && key !== 'contactName');

const lookup = (table: Readonly<Record<string, Label>>, value: string): Label =>
  table[value] ?? { zh: value, en: value };

const provinces = new Map(PROVINCES.map((p) => [p.code, L(p.nameZh, p.nameEn)]));

/** The label of a field's code value, where the field holds a code of a known vocabulary. */
function vocabularyLabel(entityType: string, key: string, value: string): Label | null {
  switch (key) {
    case 'role':
      return entityType === 'restoration_role'
        ? restorationRoleLabel(value)
        : (ROLE_LABELS[value as Role] ?? L(value, value));
    case 'status':
      return entityType === 'import_job' ? lookup(IMPORT_STATUS_LABELS, value) : statusLabel(value);
    case 'state':
      return lookup(STATE_LABELS, value);
    case 'type':
      return entityType === 'institution' ? lookup(INSTITUTION_TYPE_LABELS, value) : null;
    case 'recordType':
      return typeLabel(value);
    case 'provinceCode':
      return provinces.get(value) ?? L(value, value);
    case 'grade':
      return gradeLabel(value);
    case 'warnings':
      return lookup(GRADE_WARNING_LABELS, value);
    case 'damageGrade':
    case 'level':
    case 'finalLevel':
    case 'computedLevel':
    case 'overrideLevel':
      return damageLevelLabel(value);
    case 'rightsStatement': {
      const text = isRightsStatement(value) ? RIGHTS_STATEMENT_TEXT[value] : undefined;
      return text ? L(text.labelZh, text.labelEn) : null;
    }
    case 'kind':
      return entityType === 'import_job' ? lookup(IMPORT_KIND_LABELS, value) : null;
    case 'mode':
      return entityType === 'import_job' ? lookup(IMPORT_MODE_LABELS, value) : null;
    default:
      return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Any stored value as text: lists joined, objects by their values, times to the minute. */
function plainText(value: unknown, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (typeof value === 'string')
    return ISO_TIME.test(value)
      ? value.slice(0, 16).replace('T', ' ') + (value.endsWith('Z') ? ' UTC' : '')
      : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return value
      .map((v) => plainText(v, lang))
      .filter(Boolean)
      .join(lang === 'zh' ? '；' : '; ');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map((v) => plainText(v, lang))
      .filter(Boolean)
      .join(' ');
  return '';
}

/** A field's value as shown: a code by its label, an id by its name, anything else as text. */
function valueLabel(
  entityType: string,
  key: string,
  value: unknown,
  names: AuditNames,
  recordType: 'guji' | 'minguo',
): Label | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === 'string') {
    if (PERSON_FIELDS.has(key)) {
      const name = names.people.get(value);
      return name ? L(name, name) : L('（已不存在的账户）', '(an account no longer there)');
    }
    if (INSTITUTION_FIELDS.has(key)) {
      const name = names.institutions.get(value);
      return name ? L(name, name) : L('（已不存在的单位）', '(an institution no longer there)');
    }
    if (key === 'field' && entityType === 'census_record') return recordFieldLabel(value, recordType);
    const code = vocabularyLabel(entityType, key, value);
    if (code) return code;
  }
  // The new password itself is never stored; the entry says that it was reset.
  if (key === 'password') return L('已重置', 'reset');
  if (key === 'keyProtectionBatch' && typeof value === 'number')
    return KEY_PROTECTION_BATCHES.find((b) => b.value === value)?.label ?? L(String(value), String(value));
  if (key === 'order' && Array.isArray(value)) return L(`${value.length} 页`, `${value.length} pages`);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return {
      zh: value.map((v) => vocabularyLabel(entityType, key, v)?.zh ?? v).join('；'),
      en: value.map((v) => vocabularyLabel(entityType, key, v)?.en ?? v).join('; '),
    };
  const zh = plainText(value, 'zh');
  const en = plainText(value, 'en');
  return zh || en ? { zh, en } : null;
}

/** The name of a field: a record's field by the record's field table, others by this log's table. */
function fieldLabel(entityType: string, key: string, recordType: 'guji' | 'minguo'): Label {
  if (entityType === 'census_record' && RECORD_FIELDS.has(key)) return recordFieldLabel(key, recordType);
  return (
    FIELD_LABELS[key] ??
    (RECORD_FIELDS.has(key) ? recordFieldLabel(key, recordType) : L(`其他（${key}）`, `other (${key})`))
  );
}

/**
 * The changed fields of an entry, in the order it stored them: a field in `after` or `before`
 * whose shown values differ (or that only one side has), bookkeeping left out.
 */
export function auditChanges(
  entry: {
    entityType: string;
    before: Record<string, unknown> | null | undefined;
    after: Record<string, unknown> | null | undefined;
  },
  names: AuditNames,
): AuditChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const recordType = after['type'] === 'minguo' || before['type'] === 'minguo' ? 'minguo' : 'guji';
  const changes: AuditChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (isSkipped(key)) continue;
    const was = valueLabel(entry.entityType, key, before[key], names, recordType);
    const now = valueLabel(entry.entityType, key, after[key], names, recordType);
    if (!was && !now) continue;
    if (was && now && was.zh === now.zh && was.en === now.en && key in before && key in after) continue;
    changes.push({
      field: key,
      label: fieldLabel(entry.entityType, key, recordType),
      before: was,
      after: now,
    });
  }
  return changes;
}

/** The ids of people and institutions the entries' changes refer to (to look their names up). */
export function referencedIds(
  entries: ReadonlyArray<{ before?: Record<string, unknown> | null; after?: Record<string, unknown> | null }>,
): { people: string[]; institutions: string[] } {
  const people = new Set<string>();
  const institutions = new Set<string>();
  for (const e of entries)
    for (const side of [e.before, e.after])
      for (const [key, value] of Object.entries(side ?? {})) {
        // Only well-formed ids are looked up (an old or odd entry must not break the page).
        if (typeof value !== 'string' || !UUID.test(value)) continue;
        if (PERSON_FIELDS.has(key)) people.add(value);
        if (INSTITUTION_FIELDS.has(key)) institutions.add(value);
      }
  return { people: [...people], institutions: [...institutions] };
}
