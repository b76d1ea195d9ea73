// The census registration number (普查登记编号), records.md "Identifiers": province code, institution
// code and a serial per institution and record type, e.g. 350000-2001-0000001 (古籍) and
// 350000-2001-M0000001 (民国). The official format is not public, so the shape is data (a setting).

import type { RecordType } from '../domain/record.types.js';

/** How numbers are written; stored as the `numbering_scheme` setting. */
export interface NumberingScheme {
  /** Between province code, institution code and serial. */
  separator: string;
  /** Serial width, zero-padded. */
  serialDigits: number;
  /** Written before a 民国 serial (in addition to the digits), so the two series never collide. */
  minguoPrefix: string;
}

export const DEFAULT_NUMBERING_SCHEME: NumberingScheme = {
  separator: '-',
  serialDigits: 7,
  minguoPrefix: 'M',
};

/** The parts of a census number. */
export interface CensusNumberParts {
  provinceCode: string; // GB/T 2260, 6 digits
  institutionCode: string; // 4 digits, unique within the province
  type: RecordType;
  serial: number; // 1, 2, … within the institution's series of this type
}

const PROVINCE = /^\d{6}$/;
const INSTITUTION = /^\d{4}$/;

// A scheme comes from a setting an administrator can edit: refuse one whose numbers could not be
// read back unambiguously rather than issue them.
function assertScheme(scheme: NumberingScheme): void {
  if (!Number.isInteger(scheme.serialDigits) || scheme.serialDigits < 1 || scheme.serialDigits > 15) {
    throw new RangeError(
      `numbering scheme: serialDigits must be a whole number 1–15, got ${scheme.serialDigits}`,
    );
  }
  if (/\d/.test(scheme.separator)) {
    throw new RangeError(`numbering scheme: separator must not contain digits, got "${scheme.separator}"`);
  }
  if (scheme.minguoPrefix === '' || /\d/.test(scheme.minguoPrefix)) {
    throw new RangeError(
      `numbering scheme: minguoPrefix must be non-empty and without digits, got "${scheme.minguoPrefix}"`,
    );
  }
}

/** Writes a census number; throws RangeError for malformed codes or a serial that does not fit the digits. */
export function formatCensusNumber(scheme: NumberingScheme, parts: CensusNumberParts): string {
  assertScheme(scheme);
  if (!PROVINCE.test(parts.provinceCode)) {
    throw new RangeError(`province code must be 6 digits, got "${parts.provinceCode}"`);
  }
  if (!INSTITUTION.test(parts.institutionCode)) {
    throw new RangeError(`institution code must be 4 digits, got "${parts.institutionCode}"`);
  }
  const max = 10 ** scheme.serialDigits - 1;
  if (!Number.isSafeInteger(parts.serial) || parts.serial < 1 || parts.serial > max) {
    throw new RangeError(
      `serial ${parts.serial} does not fit ${scheme.serialDigits} digits (1–${max}) for institution ${parts.provinceCode}${scheme.separator}${parts.institutionCode}`,
    );
  }
  const serial = String(parts.serial).padStart(scheme.serialDigits, '0');
  const prefix = parts.type === 'minguo' ? scheme.minguoPrefix : '';
  return [parts.provinceCode, parts.institutionCode, `${prefix}${serial}`].join(scheme.separator);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a census number written in the scheme; null when it is not one (serial 0 included). */
export function parseCensusNumber(scheme: NumberingScheme, text: string): CensusNumberParts | null {
  assertScheme(scheme);
  const sep = escapeRegExp(scheme.separator);
  const pattern = new RegExp(
    `^(\\d{6})${sep}(\\d{4})${sep}(${escapeRegExp(scheme.minguoPrefix)})?(\\d{${scheme.serialDigits}})$`,
  );
  const m = pattern.exec(text);
  if (!m?.[1] || !m[2] || !m[4]) return null;
  const serial = Number(m[4]);
  if (serial < 1) return null;
  return { provinceCode: m[1], institutionCode: m[2], type: m[3] ? 'minguo' : 'guji', serial };
}

/** Whether a text is a census number in the scheme. */
export function isCensusNumber(scheme: NumberingScheme, text: string): boolean {
  return parseCensusNumber(scheme, text) !== null;
}
