// The 著者 cell: responsibility statements in catalogue form, `（宋）朱熹撰\u3000（明）邵寶輯`.

import type { ErrorDetail } from '../../kernel/app-error.js';
import type { Responsibility } from '../../domain/record.types.js';
import { OPEN_BRACKETS, cleanCell, longestFirst, splitCell, trailingWord } from './cell-text.js';
import { detail } from './sheet-errors.js';

/**
 * Words read as the 著作方式 at the end of a statement, simplified and traditional, kept as written
 * (the record stores 輯 as 輯; the validator matches it to the code list through its folded key).
 * The seed list of records.md and the usual traditional spellings; a statement ending in none of
 * them keeps its whole text as the name. The list is open: the validator only warns about a mode
 * outside the code list, so recognising more words here never refuses a row.
 */
export const AUTHORSHIP_ROLE_WORDS: readonly string[] = longestFirst([
  // records.md seed list, simplified and traditional (OpenCC cn → tw)
  ...['撰', '著', '辑', '輯', '编', '編', '纂', '修', '修纂', '纂集', '编次', '編次', '编辑', '編輯'],
  ...['编纂', '編纂', '注', '疏', '笺', '箋', '传', '傳', '解', '集解', '集注', '集註', '集传', '集傳'],
  ...['补注', '補註', '補注', '音注', '音註', '音义', '音義', '音辩', '音辯', '正义', '正義', '章句'],
  ...['笺注', '箋註', '箋注', '辑注', '輯注', '輯註', '校注', '校註', '评注', '評註', '評注', '评点'],
  ...['評點', '评选', '評選', '选', '選', '评', '評', '述', '译', '譯', '译述', '譯述', '口授', '笔录'],
  ...['筆錄', '录', '錄', '续', '續', '增订', '增訂', '增补', '增補', '重订', '重訂', '重辑', '重輯'],
  ...['校', '校订', '校訂', '校勘', '参订', '參訂', '考', '考证', '考證', '订', '訂', '补', '補', '批'],
  ...['批校', '批点', '批點', '题识', '題識', '题', '題', '跋', '过录', '過錄', '刻', '抄', '鈔', '书'],
  ...['書', '绘', '繪', '图', '圖', '註'],
  // other compound modes met in catalogues
  ...['集说', '集說', '注疏', '註疏', '编著', '編著', '辑录', '輯錄', '校刊', '画', '畫'],
]);

const SEPARATORS = /[\u3000；;\r\n]+/;
// （宋） (宋) 〔宋〕 [宋] 【宋】 at the start; widths may be mixed, as typed.
const DYNASTY = /^[（(〔[【]\s*([^）)〕\]】]+?)\s*[）)〕\]】]\s*/;

/**
 * One statement: an optional bracketed dynasty, the name, and the trailing role word if any.
 * A statement without a known role word keeps it all as the name (role null): catalogues sometimes
 * omit the role, and guessing would split names that end in 修 or 書.
 */
export function parseResponsibility(text: string): Responsibility | 'unclosed_bracket' | 'missing_name' {
  let rest = cleanCell(text);
  let dynasty: string | null = null;
  if (OPEN_BRACKETS.includes(rest.charAt(0))) {
    const match = DYNASTY.exec(rest);
    if (!match) return 'unclosed_bracket';
    dynasty = match[1]!;
    rest = rest.slice(match[0].length);
  }
  const role = trailingWord(rest, AUTHORSHIP_ROLE_WORDS);
  const name = cleanCell(role ? rest.slice(0, -role.length) : rest);
  // A bare role word (（明）輯) is a statement whose name was left out, not a person called 輯.
  if (name === '' || AUTHORSHIP_ROLE_WORDS.includes(name)) return 'missing_name';
  return { dynasty, name, role };
}

/** The authors of a 著者 cell, split at full-width spaces, `；` or `;` (and line breaks). */
export function parseAuthorsCell(
  raw: string | undefined,
): { authors: Responsibility[] } | { errors: ErrorDetail[] } {
  const authors: Responsibility[] = [];
  const errors: ErrorDetail[] = [];
  splitCell(raw, SEPARATORS).forEach((part, i) => {
    const parsed = parseResponsibility(part);
    if (parsed === 'unclosed_bracket') {
      errors.push(
        detail(
          `authors[${i}]`,
          part,
          'responsibility_format',
          `著者“${part}”的朝代括号没有闭合，应写作“（宋）朱熹撰”`,
          `Author "${part}": the dynasty bracket is not closed; write it as （宋）朱熹撰`,
        ),
      );
    } else if (parsed === 'missing_name') {
      errors.push(
        detail(
          `authors[${i}]`,
          part,
          'responsibility_name',
          `著者“${part}”缺少姓名`,
          `Author "${part}" has no name`,
        ),
      );
    } else {
      authors.push(parsed);
    }
  });
  return errors.length > 0 ? { errors } : { authors };
}

/** The catalogue form of one statement: （宋）朱熹撰. */
export function formatResponsibility(author: Responsibility): string {
  return `${author.dynasty ? `（${author.dynasty}）` : ''}${author.name}${author.role ?? ''}`;
}

/** The 著者 cell of a list of statements, joined with full-width spaces as catalogues print them. */
export function formatAuthorsCell(authors: readonly Responsibility[]): string {
  return authors.map(formatResponsibility).join('\u3000');
}
