import { INSTITUTION_ROLES, PROVINCE_ROLES, ROLE_LABELS, type Role } from '../domain/roles.js';

/** A problem with how an account's role and its institution/province fit together. */
export interface AccountShapeProblem {
  readonly path: 'institutionId' | 'provinceCode';
  readonly rule: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * Cataloguers and conservators belong to exactly one institution; provincial admins and reviewers
 * to one province; national admins and readers to neither.
 */
export function accountShapeProblems(
  role: Role,
  institutionId: string | null,
  provinceCode: string | null,
): AccountShapeProblem[] {
  const problems: AccountShapeProblem[] = [];
  // The role by its name in each language: people read 普查员, not cataloguer.
  const zhRole = `「${ROLE_LABELS[role].zh}」`;
  const enRole = ROLE_LABELS[role].en;
  if (INSTITUTION_ROLES.includes(role)) {
    if (!institutionId) {
      problems.push({
        path: 'institutionId',
        rule: 'required_for_role',
        zh: `角色${zhRole}必须属于一个收藏单位`,
        en: `Role ${enRole} requires institutionId`,
      });
    }
    if (provinceCode) {
      problems.push({
        path: 'provinceCode',
        rule: 'derived_from_institution',
        zh: `角色${zhRole}的省份由所属单位决定，不能另行指定`,
        en: `Role ${enRole} takes its province from its institution; do not send provinceCode`,
      });
    }
  } else if (PROVINCE_ROLES.includes(role)) {
    if (!provinceCode) {
      problems.push({
        path: 'provinceCode',
        rule: 'required_for_role',
        zh: `角色${zhRole}必须指定省份`,
        en: `Role ${enRole} requires provinceCode`,
      });
    }
    if (institutionId) {
      problems.push({
        path: 'institutionId',
        rule: 'not_allowed_for_role',
        zh: `角色${zhRole}不属于收藏单位`,
        en: `Role ${enRole} does not belong to an institution`,
      });
    }
  } else {
    if (institutionId)
      problems.push({
        path: 'institutionId',
        rule: 'not_allowed_for_role',
        zh: `角色${zhRole}不属于收藏单位`,
        en: `Role ${enRole} does not belong to an institution`,
      });
    if (provinceCode)
      problems.push({
        path: 'provinceCode',
        rule: 'not_allowed_for_role',
        zh: `角色${zhRole}不属于省份`,
        en: `Role ${enRole} does not belong to a province`,
      });
  }
  return problems;
}
