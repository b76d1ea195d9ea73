// 同版: copies of one edition held by different institutions — what 《中华古籍总目》 lists under
// one entry. Two published records belong to one group when they agree on
//
//   1. the title (题名卷数), folded as search keys are (traditional = simplified, punctuation and
//      spacing ignored);
//   2. the name of the first responsible person (dynasty prefix and 著作方式 left out: catalogues
//      disagree on 撰/著 and on 宋/南宋 far more often than on the name; later persons — commentators,
//      editors — are often left out by one catalogue and not another, while the edition core below
//      already tells apart the editions of one work);
//   3. the edition statement up to and including its printing word (刻, 刊, 活字, 印 …), with every
//      bracketed part removed and what follows the printing word dropped. The bracket holds the
//      cataloguer's Gregorian reading or copy notes (（1605）, （目錄卷上配清抄本）); what follows the
//      printing word is the state of this copy (遞修, 後印, 增修): copies printed from the same blocks
//      at different times are still 同版.
//
// No group is formed (null) when the edition cannot name one edition: manuscripts (抄本, 寫本,
// 稿本 — every manuscript is its own object), statements without a printing word, and statements
// too vague to tell editions apart — a dynasty and at most a two-character rest (明刻本, 明嘉靖刻本,
// 清內府刻本): several 嘉靖 editions of 《史記》 exist, and a wrong group is worse than none.
// Precision and recall are measured by `npm run bench:same-edition` (README).

import type { RecordInput } from '../domain/record.types.js';
import { searchKey } from './search-key.rules.js';

// Whatever a cataloguer puts in brackets, full-width or not.
const BRACKETED = /（[^（）]*）|\([^()]*\)|〔[^〔〕]*〕|\[[^[\]]*\]/gu;
// The printing word of a printed edition, after folding (simplified). Longest alternatives first.
const PRINTING = /(木活字|铜活字|泥活字|活字|聚珍|石印|铅印|影印|套印|刻|刊|镌|椠|印|拓)/gu;
// What follows a printing word that names the edition: 本, the end, or a later state of the copy
// (明刻清印本, 刻遞修本). Anything else is a name (商務印書館, 刻經處).
const AFTER_PRINTING = /^(本|$|递修|后印|后修|重修|修|补|增|蒙古|南宋|北宋|南明|民国|元|明|清)/u;
// Words that make the copy a manuscript when they come before any printing word.
const MANUSCRIPT = /(抄|钞|写|稿|绘)/u;
// Dynasty or period names a statement starts with (folded); longest first so 南宋 wins over 宋.
const LEADING_DYNASTY =
  /^(蒙古|南宋|北宋|南明|北元|大理国|伪齐|太平天国|西夏|五代|后唐|后晋|后汉|后周|民国|中华民国|日本|朝鲜|越南|唐|宋|辽|金|元|明|清)/u;
/** The fewest characters the edition must name besides its dynasty and printing word. */
const MIN_SPECIFIC_CHARACTERS = 3;

/** The part of an edition statement that names the edition (see the file comment), or null. */
export function editionCore(statement: string): string | null {
  const key = searchKey(statement.replace(BRACKETED, ''));
  const printing = [...key.matchAll(PRINTING)].find((m) =>
    AFTER_PRINTING.test(key.slice(m.index + m[0].length)),
  );
  if (!printing) return null;
  const before = key.slice(0, printing.index);
  if (MANUSCRIPT.test(before)) return null;
  const rest = before.replace(LEADING_DYNASTY, '');
  if ([...rest].length < MIN_SPECIFIC_CHARACTERS) return null;
  return before + printing[0];
}

/** The 同版 group key of a record (title, first person, edition core), or null when it forms no group. */
export function editionGroupKey(input: Pick<RecordInput, 'title' | 'authors' | 'edition'>): string | null {
  const core = editionCore(input.edition);
  const title = searchKey(input.title);
  if (!core || !title) return null;
  const firstName = input.authors.map((a) => searchKey(a.name)).find((n) => n !== '') ?? '';
  return [title, firstName, core].join('|');
}
