// Completeness tiers (必登 / 基本 / 全部, records.md): which fields a record must have filled to
// count as mandatory-, basic- or fully-catalogued. The requirements are data (TIER_FIELDS) so a
// deployment can change them; tiers are cumulative (basic needs everything mandatory needs).
//
// Rules chosen here:
// - A requirement is one field or a group of alternatives (publisher or place): filled when any is.
// - Filled means: non-blank text, a number, a non-empty list, a present size. 未定级 (grade) and
//   未评估 (damage grade) are placeholders, not values, and do not count — as at submission.
// - 批校题跋 and 钤印 are 基本 in records.md but many books have none, and an empty list cannot tell
//   "none" from "not yet catalogued", so they are not required for any tier. The same holds for
//   配本 and 印本 state (全部), which most books do not have.
// - 古籍: basic = edition type, binding, classification, publisher or place; full adds title source
//   or other titles, layout, size, frame, notes or abstract.
// - 民国 (records.md gives no tiers; by analogy): mandatory = identity, title, responsibility,
//   publication statement, document type, extent (册, pages or serial holdings), damage grade
//   (there is no 古籍定级 for 民国); basic = publisher or place, binding, paper, brittleness; full =
//   版次, size, pH readings (acidity is the first concern of the 民国 census), collection history,
//   notes or abstract.

import type { CompletenessTier, RecordInput, RecordType } from '../domain/record.types.js';

type Field = keyof RecordInput;
export type TierLevel = Exclude<CompletenessTier, 'none'>;

/** One requirement: filled when any of `anyOf` is. `key` names it in missingForTier's answer. */
export interface TierRequirement {
  key: string;
  anyOf: readonly Field[];
  labelZh: string;
  labelEn: string;
}

function req(anyOf: readonly Field[], labelZh: string, labelEn: string): TierRequirement {
  return { key: anyOf.join('|'), anyOf, labelZh, labelEn };
}

/** What each tier adds to the one below, per record type. */
export const TIER_FIELDS: Record<RecordType, Record<TierLevel, readonly TierRequirement[]>> = {
  guji: {
    mandatory: [
      req(['callNumber'], '索书号', 'call number'),
      req(['title'], '题名卷数', 'title'),
      req(['authors'], '著者', 'responsibility'),
      req(['edition'], '版本', 'edition'),
      req(['volumes'], '册数', 'number of volumes'),
      req(['grade'], '古籍级别', 'grade'),
      req(['damageGrade'], '破损级别', 'damage grade'),
      req(['documentType'], '文献类型', 'document type'),
      req(['script'], '文种', 'script'),
    ],
    basic: [
      req(['editionType'], '版本类型', 'edition type'),
      req(['publisher', 'place'], '出版者或出版地', 'publisher or place'),
      req(['binding'], '装帧形式', 'binding'),
      req(['classification'], '分类', 'classification'),
    ],
    full: [
      req(['titleSource', 'otherTitles'], '题名来源或其他题名', 'title source or other titles'),
      req(['layout'], '行款版式', 'layout'),
      req(['size'], '开本', 'size'),
      req(['frame'], '版框', 'frame'),
      req(['notes', 'abstract'], '附注或提要', 'notes or abstract'),
    ],
  },
  minguo: {
    mandatory: [
      req(['callNumber'], '索书号', 'call number'),
      req(['title'], '题名', 'title'),
      req(['authors'], '责任者', 'responsibility'),
      req(['edition'], '出版项', 'publication statement'),
      req(['minguoDocumentType'], '文献类型', 'document type'),
      req(
        ['volumes', 'pages', 'serialHoldings'],
        '册数、页数或馆藏卷期',
        'volumes, pages or serial holdings',
      ),
      req(['damageGrade'], '破损级别', 'damage grade'),
    ],
    basic: [
      req(['publisher', 'place'], '出版者或出版地', 'publisher or place'),
      req(['binding'], '装帧形式', 'binding'),
      req(['paper'], '纸张', 'paper'),
      req(['brittleness'], '脆化程度', 'brittleness'),
    ],
    full: [
      req(['editionStatement'], '版次', 'edition statement'),
      req(['size'], '开本', 'size'),
      req(['phReadings'], '酸度（pH）', 'pH readings'),
      req(['collectionHistory'], '典藏史', 'collection history'),
      req(['notes', 'abstract'], '附注或提要', 'notes or abstract'),
    ],
  },
};

const LEVELS: readonly TierLevel[] = ['mandatory', 'basic', 'full'];

// Values that stand for "not yet known" and so do not fill the field.
const PLACEHOLDERS: Partial<Record<Field, readonly string[]>> = {
  grade: ['未定级', '未定級'],
  damageGrade: ['未评估', '未評估'],
};

function isFilled(record: RecordInput, field: Field): boolean {
  const value: unknown = record[field];
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') {
    const text = value.trim();
    return text !== '' && !(PLACEHOLDERS[field] ?? []).includes(text);
  }
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function unmet(record: RecordInput, level: TierLevel): TierRequirement[] {
  return TIER_FIELDS[record.type][level].filter((r) => !r.anyOf.some((f) => isFilled(record, f)));
}

/** The highest tier whose requirements (and those of every lower tier) the record meets. */
export function completenessTier(record: RecordInput): CompletenessTier {
  let reached: CompletenessTier = 'none';
  for (const level of LEVELS) {
    if (unmet(record, level).length > 0) break;
    reached = level;
  }
  return reached;
}

/** Requirement keys the record lacks for a tier, lower tiers' first; a group reads "publisher|place". */
export function missingForTier(record: RecordInput, tier: CompletenessTier): string[] {
  if (tier === 'none') return [];
  const upTo = LEVELS.slice(0, LEVELS.indexOf(tier) + 1);
  return upTo.flatMap((level) => unmet(record, level).map((r) => r.key));
}
