// The census record as the API, the import template and the rules see it (records.md).
// 古籍 (`guji`) and 民国文献 (`minguo`) share one registry; type-specific fields are null on the other.

export const RECORD_TYPES = ['guji', 'minguo'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
  'published',
  'withdrawn',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** One responsibility statement: （宋）朱熹撰. */
export interface Responsibility {
  dynasty: string | null; // 朝代/国别, e.g. 宋, 後秦
  name: string;
  role: string | null; // 著作方式 (code list `authorship_mode`): 撰 辑 编 注 …
}

/** One 批校题跋 entry. */
export interface Annotation {
  person: string | null;
  mode: string; // code list `annotation_mode`: 批 校 批校 题 跋 题识 过录 …
  note: string | null;
}

/** One seal (钤印), in catalogue order. */
export interface Seal {
  text: string; // 印文
  owner: string | null; // 印主; null with ownerUnknown = true when not identified
  ownerUnknown: boolean;
  position: string | null;
}

/** A size in centimetres (开本, 版框). */
export interface SizeCm {
  height: number;
  width: number;
}

/** One pH reading (民国 acidity). */
export interface PhReading {
  value: number;
  method: string | null; // surface electrode, cold extraction …
  point: string | null;
  measuredAt: string | null; // ISO date
}

/** What a client sends to create or change a record (the census number is never sent). */
export interface RecordInput {
  type: RecordType;
  institutionId: string;
  callNumber: string; // 索书号, unique within the institution
  title: string; // 题名卷数, verbatim
  otherTitles: string[];
  titleSource: string | null;
  authors: Responsibility[];
  edition: string; // 版本 statement, verbatim (for 民国: publication statement)
  editionType: string | null; // code list `edition_type`
  publisher: string | null; // 出版者/堂号
  place: string | null;
  mixedCopies: string | null; // 配本/补配
  printingState: string | null; // 初印/后印/递修
  volumes: number | null; // 册数 (≥ 1; required to submit)
  cases: number | null; // 函数
  extant: string | null; // 存缺卷 text, e.g. 存一百九卷（一至二十二…）
  totalJuan: number | null; // numeric 卷 total when known
  extantJuan: number | null; // numeric extant 卷 when known (≤ totalJuan)
  binding: string | null; // code list `binding`
  size: SizeCm | null; // 开本
  frame: SizeCm | null; // 版框
  layout: string | null; // 行款版式
  classification: string | null; // code list `classification`: 经 史 子 集 丛 …
  subclass: string | null;
  annotations: Annotation[];
  seals: Seal[];
  grade: string | null; // label as catalogued: 一级甲等 … 四级, 未定级 (null = not given)
  damageGrade: string | null; // 一级 … 五级, 完好, 未评估
  documentType: string; // code list `document_type` (文献类型), default 汉文古籍
  script: string; // code list `script` (文种), default 汉文
  notes: string | null; // 附注
  abstract: string | null; // 提要
  preciousListNumber: string | null; // 名录号 ^\d{5}(\.\d+)?$
  // 民国 only
  minguoDocumentType: string | null; // code list `minguo_document_type`: 图书 期刊 报纸 …
  editionStatement: string | null; // 版次: 初版, 再版 …
  printing: string | null; // 印次
  pages: number | null;
  serialHoldings: string | null; // volumes/issues held, for serials
  paper: string | null; // code list `paper`: 机制纸 土纸 其他
  brittleness: string | null; // code list `brittleness`: 无 轻微 脆化 一触即碎
  phReadings: PhReading[];
  collectionHistory: string | null; // 典藏史
}

/** The normalised date derived from the edition statement (dates.md). */
export interface DerivedEditionDate {
  dynasty: string | null;
  era: string | null;
  eraYear: number | null;
  yearFrom: number | null;
  yearTo: number | null;
  precision: 'year' | 'era' | 'period' | 'dynasty' | 'century' | 'unknown';
}

/** Completeness tiers (必登 / 基本 / 全部), computed from which fields are filled. */
export const TIERS = ['none', 'mandatory', 'basic', 'full'] as const;
export type CompletenessTier = (typeof TIERS)[number];

/** The code lists a record refers to (seeded as data; editable by national admins). */
export const CODE_LIST_NAMES = [
  'document_type',
  'script',
  'edition_type',
  'binding',
  'classification',
  'authorship_mode',
  'annotation_mode',
  'minguo_document_type',
  'paper',
  'brittleness',
] as const;
export type CodeListName = (typeof CODE_LIST_NAMES)[number];

/** Which input field is checked against which code list. */
export const CODE_LIST_FIELDS: ReadonlyArray<{ path: string; list: CodeListName }> = [
  { path: 'documentType', list: 'document_type' },
  { path: 'script', list: 'script' },
  { path: 'editionType', list: 'edition_type' },
  { path: 'binding', list: 'binding' },
  { path: 'classification', list: 'classification' },
  { path: 'minguoDocumentType', list: 'minguo_document_type' },
  { path: 'paper', list: 'paper' },
  { path: 'brittleness', list: 'brittleness' },
];
