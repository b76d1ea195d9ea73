// The census record's fields in catalogue order, grouped as the catalogue and the form show them,
// with their bilingual labels, which record type each belongs to, how it is entered (text, number,
// code list, repeated rows …) and, for code-list fields, which list. `GET /api/record-fields`
// ships this, so the pages draw the record and its form without a field list of their own.

import { DAMAGE_LEVELS } from '../domain/damage.rules.js';
import { RANKED_GRADES, RANKS } from '../domain/grade.rules.js';
import type { CodeListName, RecordType } from '../domain/record.types.js';
import type { Label } from '../domain/record-labels.rules.js';

/** How a field is entered and shown. */
export type FieldInput =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'checkbox'
  | 'lines' // a list of strings, one per line (other titles)
  | 'size' // {height, width} in centimetres
  | 'code' // a value of the code list `codeList`
  | 'choice' // one of `choices`
  | 'editionDate' // derived from the edition statement; shown, never entered
  | 'rows'; // repeated rows of `items`

export interface RecordField {
  readonly key: string;
  readonly label: Label;
  /** The label for 民国 records where it differs (题名, 出版项). */
  readonly labelMinguo?: Label;
  /** The record types that have this field (absent: both). */
  readonly types?: readonly RecordType[];
  readonly input: FieldInput;
  readonly codeList?: CodeListName;
  readonly choices?: readonly string[];
  readonly hint?: Label;
  /** Needed to save (the server checks; the form marks it). */
  readonly required?: boolean;
  /**
   * What an emptied field is sent as: null (the default), '' (text the record always has: call
   * number, title, edition statement) or nothing at all (code values with a default: 文献类型, 文种).
   */
  readonly empty?: 'text' | 'default';
  /** For `rows`: the fields of one row, and the label of a row ("著者 1"). */
  readonly items?: readonly RecordField[];
  readonly rowLabel?: Label;
}

export interface RecordFieldGroup {
  readonly key: string;
  readonly label: Label;
  readonly labelMinguo?: Label;
  readonly types?: readonly RecordType[];
  readonly fields: readonly RecordField[];
}

const L = (zh: string, en: string): Label => ({ zh, en });
const GUJI: readonly RecordType[] = ['guji'];
const MINGUO: readonly RecordType[] = ['minguo'];

/** Grades as catalogues write them: 一级甲等 … 三级丙等, 四级, 未定级 (grading-condition.md). */
export const GRADE_CHOICES: readonly string[] = [
  ...RANKED_GRADES.flatMap((g) => RANKS.map((r) => `${g}${r}等`)),
  '四级',
  '未定级',
];
/** Damage grades: 一级 (most damaged) … 五级, 完好, 未评估. */
export const DAMAGE_CHOICES: readonly string[] = [...DAMAGE_LEVELS, '完好', '未评估'];

const REQUIRED_TO_SUBMIT = L('提交审校时必填', 'Required to submit');

export const RECORD_FIELD_GROUPS: readonly RecordFieldGroup[] = [
  {
    key: 'identity',
    label: L('标识与题名', 'Identity and title'),
    fields: [
      { key: 'callNumber', label: L('索书号', 'Call number'), input: 'text', required: true, empty: 'text' },
      {
        key: 'title',
        label: L('题名卷数', 'Title (with 卷数)'),
        labelMinguo: L('题名', 'Title'),
        input: 'text',
        required: true,
        empty: 'text',
      },
      {
        key: 'otherTitles',
        label: L('其他题名', 'Other titles'),
        input: 'lines',
        hint: L('每行一个', 'One per line'),
      },
      { key: 'titleSource', label: L('题名来源', 'Title source'), input: 'text' },
    ],
  },
  {
    key: 'responsibility',
    label: L('著者', 'Responsibility'),
    fields: [
      {
        key: 'authors',
        label: L('著者', 'Responsibility'),
        input: 'rows',
        rowLabel: L('著者', 'Author'),
        items: [
          { key: 'dynasty', label: L('朝代', 'Dynasty'), input: 'text' },
          { key: 'name', label: L('姓名', 'Name'), input: 'text', required: true },
          { key: 'role', label: L('著作方式', 'Mode'), input: 'code', codeList: 'authorship_mode' },
        ],
      },
    ],
  },
  {
    key: 'edition',
    label: L('版本', 'Edition'),
    labelMinguo: L('出版', 'Publication'),
    fields: [
      {
        key: 'edition',
        label: L('版本', 'Edition statement'),
        labelMinguo: L('出版项', 'Publication statement'),
        input: 'text',
        empty: 'text',
        hint: L(
          '照录版本项，如：明嘉靖四年（1525）汪諒刻本；版本年代自动识别',
          'As catalogued, e.g. 明嘉靖四年（1525）汪諒刻本; the date is derived automatically',
        ),
      },
      {
        key: 'editionDate',
        label: L('版本年代（自动识别）', 'Edition date (derived)'),
        input: 'editionDate',
      },
      { key: 'editionType', label: L('版本类型', 'Edition type'), input: 'code', codeList: 'edition_type' },
      { key: 'publisher', label: L('出版者 / 堂号', 'Publisher / studio'), input: 'text' },
      { key: 'place', label: L('出版地', 'Place'), input: 'text' },
      { key: 'editionStatement', label: L('版次', 'Edition (版次)'), types: MINGUO, input: 'text' },
      { key: 'printing', label: L('印次', 'Printing (印次)'), types: MINGUO, input: 'text' },
      { key: 'mixedCopies', label: L('配本 / 补配', 'Mixed copies'), input: 'text' },
      { key: 'printingState', label: L('印本状态', 'Printing state'), input: 'text' },
    ],
  },
  {
    key: 'physical',
    label: L('数量与形态', 'Quantity and physical description'),
    fields: [
      { key: 'volumes', label: L('册数', 'Volumes (册)'), input: 'integer' },
      { key: 'cases', label: L('函数', 'Cases (函)'), input: 'integer' },
      { key: 'extant', label: L('存缺卷', 'Extant / missing 卷'), types: GUJI, input: 'text' },
      { key: 'totalJuan', label: L('总卷数', 'Total 卷'), types: GUJI, input: 'integer' },
      { key: 'extantJuan', label: L('存卷数', 'Extant 卷'), types: GUJI, input: 'integer' },
      { key: 'pages', label: L('页数', 'Pages'), types: MINGUO, input: 'integer' },
      { key: 'serialHoldings', label: L('馆藏卷期', 'Serial holdings'), types: MINGUO, input: 'text' },
      { key: 'binding', label: L('装帧形式', 'Binding'), input: 'code', codeList: 'binding' },
      { key: 'size', label: L('开本（厘米）', 'Size (cm)'), input: 'size' },
      { key: 'frame', label: L('版框（厘米）', 'Frame (cm)'), input: 'size' },
      { key: 'layout', label: L('行款版式', 'Layout'), input: 'text' },
    ],
  },
  {
    key: 'classification',
    label: L('分类与文献类型', 'Classification and type'),
    fields: [
      {
        key: 'classification',
        label: L('分类', 'Classification'),
        input: 'code',
        codeList: 'classification',
      },
      { key: 'subclass', label: L('子目', 'Subclass'), input: 'text' },
      {
        key: 'minguoDocumentType',
        label: L('民国文献类型', 'Republican-era document type'),
        types: MINGUO,
        input: 'code',
        codeList: 'minguo_document_type',
      },
      {
        key: 'documentType',
        label: L('文献类型', 'Document type'),
        input: 'code',
        codeList: 'document_type',
        empty: 'default',
      },
      { key: 'script', label: L('文种', 'Script'), input: 'code', codeList: 'script', empty: 'default' },
    ],
  },
  {
    key: 'annotations',
    label: L('批校题跋', 'Annotations (批校题跋)'),
    fields: [
      {
        key: 'annotations',
        label: L('批校题跋', 'Annotations'),
        input: 'rows',
        rowLabel: L('批校题跋', 'Annotation'),
        items: [
          { key: 'person', label: L('批校题跋者', 'Person'), input: 'text' },
          {
            key: 'mode',
            label: L('方式', 'Mode'),
            input: 'code',
            codeList: 'annotation_mode',
            required: true,
          },
          { key: 'note', label: L('说明', 'Note'), input: 'text' },
        ],
      },
    ],
  },
  {
    key: 'seals',
    label: L('钤印', 'Seals (钤印)'),
    fields: [
      {
        key: 'seals',
        label: L('钤印', 'Seals'),
        input: 'rows',
        rowLabel: L('钤印', 'Seal'),
        items: [
          { key: 'text', label: L('印文', 'Seal text'), input: 'text', required: true },
          { key: 'owner', label: L('印主', 'Owner'), input: 'text' },
          { key: 'ownerUnknown', label: L('印主不详', 'Owner unknown'), input: 'checkbox' },
          { key: 'position', label: L('位置', 'Position'), input: 'text' },
        ],
      },
    ],
  },
  {
    key: 'grading',
    label: L('定级', 'Grading'),
    fields: [
      {
        key: 'grade',
        label: L('古籍级别', 'Grade'),
        types: GUJI,
        input: 'choice',
        choices: GRADE_CHOICES,
        hint: REQUIRED_TO_SUBMIT,
      },
      {
        key: 'damageGrade',
        label: L('破损级别', 'Damage grade'),
        input: 'choice',
        choices: DAMAGE_CHOICES,
        hint: REQUIRED_TO_SUBMIT,
      },
      {
        key: 'preciousListNumber',
        label: L('名录号', 'Precious-list number'),
        types: GUJI,
        input: 'text',
        hint: L('五位数字，如 00940 或 00940.1', 'Five digits, e.g. 00940 or 00940.1'),
      },
    ],
  },
  {
    key: 'paper',
    label: L('纸张与酸度', 'Paper and acidity'),
    types: MINGUO,
    fields: [
      { key: 'paper', label: L('纸张', 'Paper'), input: 'code', codeList: 'paper' },
      { key: 'brittleness', label: L('脆化程度', 'Brittleness'), input: 'code', codeList: 'brittleness' },
      {
        key: 'phReadings',
        label: L('酸度（pH）', 'Acidity (pH)'),
        input: 'rows',
        rowLabel: L('pH 记录', 'pH reading'),
        items: [
          { key: 'value', label: L('pH 值', 'pH value'), input: 'decimal', required: true },
          { key: 'method', label: L('测量方法', 'Method'), input: 'text' },
          { key: 'point', label: L('测量位置', 'Point'), input: 'text' },
          { key: 'measuredAt', label: L('测量日期', 'Date'), input: 'date' },
        ],
      },
    ],
  },
  {
    key: 'notes',
    label: L('附注与提要', 'Notes and abstract'),
    fields: [
      { key: 'notes', label: L('附注', 'Notes'), input: 'textarea' },
      { key: 'abstract', label: L('提要', 'Abstract'), input: 'textarea' },
      {
        key: 'collectionHistory',
        label: L('典藏史', 'Collection history'),
        types: MINGUO,
        input: 'textarea',
      },
    ],
  },
];

/** The label of a field path a comment or an error names (`edition`, `authors[0].name` → 著者), for a record type. */
export function recordFieldLabel(path: string, type: RecordType): Label {
  // A version that created the whole record (an import) records its change under '*'.
  if (path === '*') return { zh: '整条记录', en: 'whole record' };
  const top = /^[A-Za-z]+/.exec(path)?.[0] ?? path;
  for (const group of RECORD_FIELD_GROUPS) {
    const field = group.fields.find((f) => f.key === top);
    if (field) return type === 'minguo' && field.labelMinguo ? field.labelMinguo : field.label;
  }
  return { zh: path, en: path };
}
