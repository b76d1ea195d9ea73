// The 钤印 cell: seals in catalogue order, `印文（印主）；印文（印主不详）〔卷端〕；印文` — the position,
// when known, in tortoise-shell brackets at the end.

import type { ErrorDetail } from '../../kernel/app-error.js';
import type { Seal } from '../../domain/record.types.js';
import { cleanCell, splitCell } from './cell-text.js';
import { detail } from './sheet-errors.js';

const SEPARATORS = /[；;\r\n]+/;
// The owner is the last bracketed group; either bracket width.
const WITH_OWNER = /^(.*?)\s*[（(]\s*([^（()）]*?)\s*[）)]$/s;
/** Owner texts that mean "owner not identified" (flagged ownerUnknown, owner null). */
export const UNKNOWN_OWNER_WORDS: readonly string[] = [
  '印主不详',
  '印主不詳',
  '印主未详',
  '印主未詳',
  '不详',
  '不詳',
  '未详',
  '未詳',
];
/** What an unidentified owner is written as on export. */
export const UNKNOWN_OWNER_TEXT = '印主不详';

const WITH_POSITION = /^(.*?)\s*〔([^〔〕]*)〕$/s;

/** One seal: `印文`, `印文（印主）` or `印文（印主不详）`, optionally followed by `〔位置〕`. */
export function parseSeal(text: string): Seal | null {
  const placed = WITH_POSITION.exec(cleanCell(text));
  const rest = placed ? cleanCell(placed[1]) : cleanCell(text);
  const position = placed ? cleanCell(placed[2]) || null : null;
  const match = WITH_OWNER.exec(rest);
  const sealText = cleanCell(match ? match[1] : rest);
  if (sealText === '') return null;
  const owner = match ? cleanCell(match[2]) : '';
  if (UNKNOWN_OWNER_WORDS.includes(owner))
    return { text: sealText, owner: null, ownerUnknown: true, position };
  return { text: sealText, owner: owner === '' ? null : owner, ownerUnknown: false, position };
}

/** The seals of a 钤印 cell, split at `；` or `;` (and line breaks). */
export function parseSealsCell(raw: string | undefined): { seals: Seal[] } | { errors: ErrorDetail[] } {
  const seals: Seal[] = [];
  const errors: ErrorDetail[] = [];
  splitCell(raw, SEPARATORS).forEach((part, i) => {
    const seal = parseSeal(part);
    if (seal) seals.push(seal);
    else
      errors.push(
        detail(
          `seals[${i}]`,
          part,
          'seal_text',
          `钤印“${part}”缺少印文，应写作“印文（印主）”`,
          `Seal "${part}" has no seal text; write it as 印文（印主）`,
        ),
      );
  });
  return errors.length > 0 ? { errors } : { seals };
}

/** The catalogue form of one seal. */
export function formatSeal(seal: Seal): string {
  const position = seal.position ? `〔${seal.position}〕` : '';
  if (seal.ownerUnknown) return `${seal.text}（${UNKNOWN_OWNER_TEXT}）${position}`;
  return `${seal.owner ? `${seal.text}（${seal.owner}）` : seal.text}${position}`;
}

/** The 钤印 cell of a list of seals. */
export function formatSealsCell(seals: readonly Seal[]): string {
  return seals.map(formatSeal).join('；');
}
