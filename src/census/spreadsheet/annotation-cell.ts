// The 批校题跋 cell: `清黄丕烈跋；（清）顾广圻校：据宋本`.

import type { ErrorDetail } from '../../kernel/app-error.js';
import type { Annotation } from '../../domain/record.types.js';
import { cleanCell, longestFirst, splitCell } from './cell-text.js';
import { detail } from './sheet-errors.js';

/** Words read as the annotation mode at the end of an entry, simplified and traditional (kept as written). */
export const ANNOTATION_MODE_WORDS: readonly string[] = longestFirst([
  ...[
    '批',
    '校',
    '批校',
    '批点',
    '批點',
    '批注',
    '批註',
    '评',
    '評',
    '评点',
    '評點',
    '圈点',
    '圈點',
    '注',
    '註',
  ],
  ...['题', '題', '跋', '题识', '題識', '题跋', '題跋', '题记', '題記', '识', '識', '过录', '過錄'],
  ...['校注', '校註', '批校并跋', '批校並跋', '手校', '手跋', '录', '錄', '书', '書', '观款', '觀款'],
]);

const SEPARATORS = /[；;]+/;
// The note follows the first colon of either width: 黄丕烈跋：記得書之由.
const NOTE = /[：:]/;

/**
 * One entry: the person, the mode word at the end, and an optional note after `：`. The person is
 * kept as written, dynasty included (清黄丕烈, （清）黄丕烈): an Annotation has no dynasty field, and
 * an unbracketed dynasty cannot be cut off safely (宋濂 is a person, not 宋 + 濂).
 */
export function parseAnnotation(text: string): Annotation | null {
  const cleaned = cleanCell(text);
  const at = cleaned.search(NOTE);
  const head = cleanCell(at < 0 ? cleaned : cleaned.slice(0, at));
  const note = at < 0 ? null : cleanCell(cleaned.slice(at + 1)) || null;
  if (head === '') return null;
  // Unlike an author, an entry may be the bare mode (批校, 跋): the person is then not known.
  // An entry ending in no known mode is kept whole as its mode (the list is open): the validator
  // shows it to the reviewer as an unknown mode, and the export writes it back as it was.
  const mode = ANNOTATION_MODE_WORDS.find((word) => head.endsWith(word)) ?? head;
  const person = cleanCell(head.slice(0, -mode.length));
  return { person: person === '' ? null : person, mode, note };
}

/** The entries of a 批校题跋 cell, split at `；` or `;`. */
export function parseAnnotationsCell(
  raw: string | undefined,
): { annotations: Annotation[] } | { errors: ErrorDetail[] } {
  const annotations: Annotation[] = [];
  const errors: ErrorDetail[] = [];
  splitCell(raw, SEPARATORS).forEach((part, i) => {
    const annotation = parseAnnotation(part);
    if (annotation) annotations.push(annotation);
    else
      errors.push(
        detail(
          `annotations[${i}]`,
          part,
          'annotation_format',
          `批校题跋“${part}”在冒号前没有内容，应写作“（清）黄丕烈跋：说明”`,
          `Annotation "${part}" has nothing before the colon; write it as （清）黄丕烈跋：note`,
        ),
      );
  });
  return errors.length > 0 ? { errors } : { annotations };
}

/** The catalogue form of one entry. */
export function formatAnnotation(annotation: Annotation): string {
  return `${annotation.person ?? ''}${annotation.mode}${annotation.note ? `：${annotation.note}` : ''}`;
}

/** The 批校题跋 cell of a list of entries. */
export function formatAnnotationsCell(annotations: readonly Annotation[]): string {
  return annotations.map(formatAnnotation).join('；');
}
