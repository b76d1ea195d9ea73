import { INSTITUTION_ROLES, PROVINCE_ROLES, ROLE_LABELS, type Role } from '../domain/roles.js';
import type { NamedRuleIssue } from '../kernel/issues.js';

/**
 * Cataloguers and conservators belong to exactly one institution; provincial admins and reviewers
 * to one province; national admins and readers to neither.
 */
export function accountShapeProblems(
  role: Role,
  institutionId: string | null,
  provinceCode: string | null,
): NamedRuleIssue[] {
  const problems: NamedRuleIssue[] = [];
  // The role by its name in each language: people read 普查员, not cataloguer.
  const zhRole = `「${ROLE_LABELS[role].zh}」`;
  const enRole = ROLE_LABELS[role].en;
  if (INSTITUTION_ROLES.includes(role)) {
    if (!institutionId) {
      problems.push({
        field: 'institutionId',
        value: institutionId,
        code: 'required_for_role',
        messageZh: `角色${zhRole}必须属于一个收藏单位`,
        messageEn: `Role ${enRole} requires institutionId`,
      });
    }
    if (provinceCode) {
      problems.push({
        field: 'provinceCode',
        value: provinceCode,
        code: 'derived_from_institution',
        messageZh: `角色${zhRole}的省份由所属单位决定，不能另行指定`,
        messageEn: `Role ${enRole} takes its province from its institution; do not send provinceCode`,
      });
    }
  } else if (PROVINCE_ROLES.includes(role)) {
    if (!provinceCode) {
      problems.push({
        field: 'provinceCode',
        value: provinceCode,
        code: 'required_for_role',
        messageZh: `角色${zhRole}必须指定省份`,
        messageEn: `Role ${enRole} requires provinceCode`,
      });
    }
    if (institutionId) {
      problems.push({
        field: 'institutionId',
        value: institutionId,
        code: 'not_allowed_for_role',
        messageZh: `角色${zhRole}不属于收藏单位`,
        messageEn: `Role ${enRole} does not belong to an institution`,
      });
    }
  } else {
    if (institutionId)
      problems.push({
        field: 'institutionId',
        value: institutionId,
        code: 'not_allowed_for_role',
        messageZh: `角色${zhRole}不属于收藏单位`,
        messageEn: `Role ${enRole} does not belong to an institution`,
      });
    if (provinceCode)
      problems.push({
        field: 'provinceCode',
        value: provinceCode,
        code: 'not_allowed_for_role',
        messageZh: `角色${zhRole}不属于省份`,
        messageEn: `Role ${enRole} does not belong to a province`,
      });
  }
  return problems;
}
