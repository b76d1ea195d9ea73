/** Roles of the census system (see shared/domain/overview.md). */
export const ROLES = [
  'national_admin',
  'provincial_admin',
  'reviewer',
  'cataloguer',
  'conservator',
  'reader',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose users belong to one institution. */
export const INSTITUTION_ROLES: readonly Role[] = ['cataloguer', 'conservator'];
/** Roles whose users belong to one province. */
export const PROVINCE_ROLES: readonly Role[] = ['provincial_admin', 'reviewer'];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  national_admin: { zh: '国家级管理员', en: 'National administrator' },
  provincial_admin: { zh: '省级管理员', en: 'Provincial administrator' },
  reviewer: { zh: '审校员', en: 'Reviewer' },
  cataloguer: { zh: '普查员', en: 'Cataloguer' },
  conservator: { zh: '修复师', en: 'Conservator' },
  reader: { zh: '注册读者', en: 'Registered reader' },
};

/** What an account of this role belongs to: one institution, one province, or neither. */
export type RoleScope = 'institution' | 'province' | 'none';
export function roleScope(role: Role): RoleScope {
  if (INSTITUTION_ROLES.includes(role)) return 'institution';
  if (PROVINCE_ROLES.includes(role)) return 'province';
  return 'none';
}
