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

/** Each type in both languages (the value itself is the Chinese name). */
export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, { zh: string; en: string }> = {
  公共图书馆: { zh: '公共图书馆', en: 'Public library' },
  高校图书馆: { zh: '高校图书馆', en: 'University library' },
  博物馆: { zh: '博物馆', en: 'Museum' },
  档案馆: { zh: '档案馆', en: 'Archive' },
  科研机构: { zh: '科研机构', en: 'Research institute' },
  宗教场所: { zh: '宗教场所', en: 'Religious site' },
  其他: { zh: '其他', en: 'Other' },
};

/** The batches of the national key-protection list so far, labelled. */
export const KEY_PROTECTION_BATCHES = [1, 2, 3, 4, 5, 6].map((n) => ({
  value: n,
  label: { zh: `第 ${n} 批`, en: `Batch ${n}` },
}));
