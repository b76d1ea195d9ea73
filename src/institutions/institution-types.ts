/** Kinds of collecting institution (收藏单位类型). */
export const INSTITUTION_TYPES = [
  '公共图书馆',
  '高校图书馆',
  '博物馆',
  '档案馆',
  '科研机构',
  '宗教场所',
  '其他',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
