import type { CodeListName } from './record.types.js';

/**
 * Seed values of the code lists (records.md). They are data: national admins add, rename and
 * retire values at run time; this file only fills an empty database. Values are stored as written
 * here (simplified); traditional spellings are folded onto them when records are validated.
 */
export const CODE_LIST_SEED: Record<CodeListName, { zh: string; en: string; values: string[] }> = {
  document_type: {
    zh: '文献类型',
    en: 'Document type',
    values: ['汉文古籍', '少数民族文字古籍', '其他文字古籍', '甲骨', '简帛', '敦煌遗书', '碑帖拓本', '古地图'],
  },
  script: {
    zh: '文种',
    en: 'Script',
    values: ['汉文', '藏文', '蒙古文', '满文', '彝文', '东巴文', '傣文', '水文', '回鹘文', '西夏文', '察合台文', '于阗文', '焉耆—龟兹文', '白文', '古壮字', '布依文', '多文种', '其他'],
  },
  edition_type: {
    zh: '版本类型',
    en: 'Edition type',
    values: [
      '写本', '稿本', '手稿本', '清稿本', '修改稿本', '抄本', '影抄本', '彩绘本',
      '刻本', '初刻本', '重刻本', '翻刻本', '覆刻本', '影刻本', '重修本', '修补本', '递修本',
      '活字本', '木活字本', '铜活字本', '泥活字本', '聚珍版',
      '套印本', '饾版', '拱花', '铜版印本', '磁版印本', '石印本', '铅印本', '影印本', '珂罗版',
      '拓本', '批校题跋本', '过录本',
    ],
  },
  binding: {
    zh: '装帧形式',
    en: 'Binding',
    values: ['线装', '包背装', '蝴蝶装', '经折装', '卷轴装', '梵夹装', '旋风装', '毛装', '金镶玉', '平装', '精装', '其他'],
  },
  classification: { zh: '分类', en: 'Classification', values: ['经', '史', '子', '集', '丛', '类丛', '新学'] },
  authorship_mode: {
    zh: '著作方式',
    en: 'Mode of responsibility',
    values: ['撰', '辑', '编', '纂', '修', '注', '疏', '译', '述', '评', '校', '批', '批校', '批点', '题识', '题', '跋', '过录', '刻', '抄', '著', '绘', '书', '订', '补', '集注', '选'],
  },
  annotation_mode: {
    zh: '批校题跋方式',
    en: 'Annotation mode',
    values: ['批', '校', '批校', '批点', '题', '跋', '题识', '题跋', '过录', '评', '注'],
  },
  minguo_document_type: {
    zh: '民国文献类型',
    en: 'Republican-era document type',
    values: ['图书', '期刊', '报纸', '手稿', '档案', '舆图', '照片', '唱片', '传单', '票据', '契约'],
  },
  paper: { zh: '纸张', en: 'Paper', values: ['机制纸', '土纸', '其他'] },
  brittleness: { zh: '脆化程度', en: 'Brittleness', values: ['无', '轻微', '脆化', '一触即碎'] },
};
