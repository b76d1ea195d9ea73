// The 著者 cell: responsibility statements in catalogue form, `（宋）朱熹撰\u3000（明）邵寶輯`.

import type { ErrorDetail } from '../../http/app-error.js';
import type { Responsibility } from '../record.types.js';
import { OPEN_BRACKETS, cleanCell, longestFirst, splitCell, trailingWord } from './cell-text.js';
import { detail } from './sheet-errors.js';

/**
 * Words read as the 著作方式 at the end of a statement, simplified and traditional (kept as written:
 * the validator folds 輯 onto 辑). Wider than the seed code list on purpose: recognising 集解 as a role
 * lets the validator say "unknown mode 集解" instead of a name 何晏集 with role 解.
 */
export const AUTHORSHIP_ROLE_WORDS: readonly string[] = longestFirst([
  // the code list (records.md)
  ...['撰', '辑', '輯', '编', '編', '纂', '修', '注', '註', '疏', '译', '譯', '述', '评', '評', '校', '批'],
  ...['批校', '批点', '批點', '题识', '題識', '题', '題', '跋', '过录', '過錄', '刻', '抄', '鈔'],
  ...['著', '绘', '繪', '书', '書', '订', '訂', '补', '補', '集注', '集註', '选', '選'],
  // common compound modes of catalogues
  ...['集解', '集说', '集說', '笺', '箋', '笺注', '箋注', '校注', '校註', '辑注', '輯注', '注疏', '註疏'],
  ...[
    '音义',
    '音義',
    '音注',
    '章句',
    '正义',
    '正義',
    '传',
    '傳',
    '评点',
    '評點',
    '编辑',
    '編輯',
    '编次',
    '編次',
  ],
  ...['编纂', '編纂', '编著', '編著', '辑录', '輯錄', '录', '錄', '校刊', '校订', '校訂', '重订', '重訂'],
  ...['增订', '增訂', '参订', '參訂', '补注', '補注', '画', '畫'],
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
