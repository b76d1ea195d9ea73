// Which fields of a published record the public sees, in catalogue order (records.md), each with
// its label in Chinese and English and its text as catalogued. A whitelist: a field not named here
// (condition, pH, brittleness, collection history, anything added later) never reaches a public page.

import type { RecordBody } from '../census/census-record.entity.js';
import type { RecordType, SizeCm } from '../domain/record.types.js';
import { formatAnnotation } from '../census/spreadsheet/annotation-cell.js';
import { formatSeal } from '../census/spreadsheet/seal-cell.js';
import { formatAuthors } from '../iiif/manifest.presenter.js';

/** One line of the public description. */
export interface PublicField {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly value: string;
}

const size = (s: SizeCm | null | undefined) => (s ? `${s.height}×${s.width} cm` : null);
const count = (n: number | null | undefined, unit: string) =>
  n === null || n === undefined ? null : `${n} ${unit}`;
const join = (items: readonly string[] | undefined) => (items && items.length ? items.join('；') : null);

/**
 * The public description of a record: catalogue fields in catalogue order, empty ones left out.
 * `date` is the normalised edition date as text (or null); the title is the page's heading and is
 * not repeated here.
 */
export function publicFields(
  type: RecordType,
  body: RecordBody,
  extra: { date: string | null; institutionName: string; censusNumber: string },
): PublicField[] {
  const guji = type === 'guji';
  const rows: Array<[string, string, string, string | null | undefined]> = [
    ['otherTitles', '其他题名', 'Other titles', join(body.otherTitles)],
    ['authors', '著者', 'Responsibility', body.authors?.length ? formatAuthors(body.authors) : null],
    ['edition', guji ? '版本' : '出版项', guji ? 'Edition' : 'Publication', body.edition],
    ['date', '版本年代', 'Date (normalised)', extra.date],
    ['editionType', '版本类型', 'Edition type', body.editionType],
    ['publisher', '出版者', 'Publisher', body.publisher],
    ['place', '出版地', 'Place', body.place],
    ['editionStatement', '版次', 'Edition statement', guji ? null : body.editionStatement],
    ['printing', '印次', 'Printing', guji ? null : body.printing],
    ['mixedCopies', '配补', 'Supplemented copies', body.mixedCopies],
    ['printingState', '印刷状态', 'Printing state', body.printingState],
    ['volumes', '册数', 'Volumes', count(body.volumes, '册')],
    ['cases', '函数', 'Cases', count(body.cases, '函')],
    ['totalJuan', '总卷数', 'Juan in the work', count(body.totalJuan, '卷')],
    ['extant', '存缺卷', 'Extant juan', body.extant],
    ['pages', '页数', 'Pages', guji ? null : count(body.pages, '页')],
    ['serialHoldings', '馆藏卷期', 'Issues held', guji ? null : body.serialHoldings],
    ['binding', '装帧形式', 'Binding', body.binding],
    ['size', '开本', 'Size', size(body.size)],
    ['frame', '版框', 'Printed frame', size(body.frame)],
    ['layout', '行款版式', 'Layout', body.layout],
    ['paper', '纸张', 'Paper', guji ? null : body.paper],
    [
      'classification',
      '分类',
      'Classification',
      [body.classification, body.subclass].filter(Boolean).join(' · ') || null,
    ],
    ['documentType', '文献类型', 'Document type', guji ? body.documentType : body.minguoDocumentType],
    ['script', '文种', 'Script', body.script],
    ['annotations', '批校题跋', 'Annotations and colophons', join(body.annotations?.map(formatAnnotation))],
    ['seals', '钤印', 'Seals', join(body.seals?.map(formatSeal))],
    ['grade', guji ? '古籍级别' : '级别', 'Grade', body.grade],
    ['preciousListNumber', '国家珍贵古籍名录号', 'National precious list number', body.preciousListNumber],
    ['abstract', '提要', 'Abstract', body.abstract],
    ['notes', '附注', 'Notes', body.notes],
    ['institution', '收藏单位', 'Holding institution', extra.institutionName],
    ['callNumber', '索书号', 'Call number', body.callNumber],
    ['censusNumber', '普查登记编号', 'Census registration number', extra.censusNumber],
  ];
  return rows
    .filter((r): r is [string, string, string, string] => typeof r[3] === 'string' && r[3].trim() !== '')
    .map(([key, labelZh, labelEn, value]) => ({ key, labelZh, labelEn, value }));
}
