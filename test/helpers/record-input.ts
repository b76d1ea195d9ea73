// Valid census records for tests: a complete 古籍 and a complete 民国文献 (both reach the 'full'
// completeness tier and pass validation for submission). Override any field to make a case.

import type { RecordInput } from '../../src/domain/record.types.js';

/** A fixed institution id for records built here. */
export const TEST_INSTITUTION_ID = '8f7c2b1e-4d3a-4c5b-9e6f-0a1b2c3d4e5f';

/** A fixed "today" for validation contexts (pH readings below are dated before it). */
export const TEST_TODAY = new Date('2025-03-15T08:00:00Z');

/** A complete, valid 古籍 record (朱子大全, Ming 1460 edition, 二级乙等); overrides replace fields. */
export function validGujiInput(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    type: 'guji',
    institutionId: TEST_INSTITUTION_ID,
    callNumber: '善 01234',
    title: '朱子大全一百卷目錄二卷',
    otherTitles: ['晦庵先生朱文公文集'],
    titleSource: '卷端',
    authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
    edition: '明天順四年（1460）賀沈、胡緝刻本',
    editionType: '刻本',
    publisher: '賀沈、胡緝',
    place: null,
    mixedCopies: null,
    printingState: null,
    volumes: 40,
    cases: 4,
    extant: null,
    totalJuan: 102,
    extantJuan: 102,
    binding: '线装',
    size: { height: 27.5, width: 17.2 },
    frame: { height: 20.1, width: 14.3 },
    layout: '半葉十二行，行二十字，黑口，四周雙邊，雙魚尾',
    classification: '集',
    subclass: '別集類',
    annotations: [{ person: '黄丕烈', mode: '跋', note: '卷末有黄丕烈跋' }],
    seals: [{ text: '汲古閣', owner: '毛晉', ownerUnknown: false, position: '卷一首葉' }],
    grade: '二级乙等',
    damageGrade: '三级',
    documentType: '汉文古籍',
    script: '汉文',
    notes: '目錄卷上配清抄本',
    abstract: null,
    preciousListNumber: null,
    minguoDocumentType: null,
    editionStatement: null,
    printing: null,
    pages: null,
    serialHoldings: null,
    paper: null,
    brittleness: null,
    phReadings: [],
    collectionHistory: null,
    ...overrides,
  };
}

/** A complete, valid 民国文献 record (呐喊, 1923 first edition); overrides replace fields. */
export function validMinguoInput(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    type: 'minguo',
    institutionId: TEST_INSTITUTION_ID,
    callNumber: '民 0567',
    title: '吶喊',
    otherTitles: [],
    titleSource: '封面',
    authors: [{ dynasty: null, name: '魯迅', role: '著' }],
    edition: '民國十二年（1923）北京新潮社鉛印本',
    editionType: '铅印本',
    publisher: '新潮社',
    place: '北京',
    mixedCopies: null,
    printingState: null,
    volumes: 1,
    cases: null,
    extant: null,
    totalJuan: null,
    extantJuan: null,
    binding: '平装',
    size: { height: 19, width: 13 },
    frame: null,
    layout: null,
    classification: null,
    subclass: null,
    annotations: [],
    seals: [],
    grade: null,
    damageGrade: '二级',
    // A new record carries the 古籍 defaults of documentType and script whatever its type.
    documentType: '汉文古籍',
    script: '汉文',
    notes: '新潮社文艺丛书之一',
    abstract: null,
    preciousListNumber: null,
    minguoDocumentType: '图书',
    editionStatement: '初版',
    printing: '第一次印刷',
    pages: 278,
    serialHoldings: null,
    paper: '机制纸',
    brittleness: '轻微',
    phReadings: [{ value: 4.3, method: '表面电极法', point: '书芯中部', measuredAt: '2024-11-02' }],
    collectionHistory: '1950 年代入藏',
    ...overrides,
  };
}

/** 文選六十卷 as published catalogues list it (宋淳熙八年池陽郡齋刻本), for the public pages' tests and bench. */
export function wenxuanInput(institutionId: string, overrides: Partial<RecordInput> = {}) {
  return {
    type: 'guji' as const,
    institutionId,
    callNumber: '善 07012',
    title: '文選六十卷',
    authors: [
      { dynasty: '梁', name: '蕭統', role: '輯' },
      { dynasty: '唐', name: '李善', role: '注' },
    ],
    edition: '宋淳熙八年（1181）池陽郡齋刻本',
    editionType: '刻本',
    volumes: 24,
    binding: '线装',
    layout: '半葉十行，行二十一字，小字雙行，白口，左右雙邊',
    classification: '集',
    grade: '一级甲等',
    damageGrade: '三级',
    ...overrides,
  };
}
