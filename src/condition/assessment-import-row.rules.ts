// The bulk assessment import template (issue 4 item 8) as data, and the pure mapping of one
// spreadsheet row onto an observation and/or a pH reading. No I/O: the runner streams, this checks.

import type { ErrorDetail } from '../kernel/app-error.js';
import type { StoredObservation, StoredPhReading } from './condition-assessment.entity.js';
import { validateAssessmentInput } from './damage-level.rules.js';
import { parseDamageType } from '../domain/damage.rules.js';
import { normaliseHeader } from '../census/spreadsheet/template.js';

/** The template columns: key, Chinese header and accepted aliases. Only 索书号 is required. */
export const ASSESSMENT_COLUMNS = [
  { key: 'callNumber', zh: '索书号', aliases: ['call number', '索書號'] },
  { key: 'assessedOn', zh: '评估日期', aliases: ['assessed on', 'date', '評估日期'] },
  { key: 'assessor', zh: '评估人', aliases: ['評估人'] },
  { key: 'damageType', zh: '破损类型', aliases: ['damage type', '破損類型'] },
  { key: 'areaPercent', zh: '破损面积%', aliases: ['破损面积', 'area percent', 'area %', '破損面積%'] },
  { key: 'leavesAffected', zh: '受损叶数', aliases: ['leaves affected', '受損葉數'] },
  { key: 'totalLeaves', zh: '总叶数', aliases: ['total leaves', '總葉數'] },
  { key: 'location', zh: '部位', aliases: ['破损部位'] },
  { key: 'ph', zh: 'pH', aliases: ['ph value', 'pH值'] },
  { key: 'phMethod', zh: 'pH测量方法', aliases: ['ph method', 'pH測量方法'] },
  { key: 'phPoint', zh: '测量部位', aliases: ['ph point', '測量部位'] },
  { key: 'grade', zh: '古籍级别', aliases: ['grade', '古籍級別'] },
  { key: 'overrideLevel', zh: '改定等级', aliases: ['override level', '改定等級'] },
  { key: 'overrideReason', zh: '改定理由', aliases: ['override reason'] },
] as const;

export type AssessmentColumnKey = (typeof ASSESSMENT_COLUMNS)[number]['key'];
export type AssessmentCells = Partial<Record<AssessmentColumnKey, string>>;

const KEY_BY_HEADER = new Map<string, AssessmentColumnKey>();
for (const c of ASSESSMENT_COLUMNS) {
  for (const name of [c.key, c.zh, ...c.aliases]) KEY_BY_HEADER.set(normaliseHeader(name), c.key);
}
const LABEL = new Map<AssessmentColumnKey, string>(ASSESSMENT_COLUMNS.map((c) => [c.key, c.zh]));

/** Which column of the file holds which template field (null: blank header, ignored). */
export type AssessmentHeader = ReadonlyArray<AssessmentColumnKey | null>;

/** Maps the header row; unknown or repeated headers and a missing 索书号 are reported together. */
export function mapAssessmentHeader(
  cells: readonly string[],
): { header: AssessmentHeader } | { errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const seen = new Set<AssessmentColumnKey>();
  const header = cells.map((cell) => {
    if (normaliseHeader(cell) === '') return null;
    const key = KEY_BY_HEADER.get(normaliseHeader(cell));
    if (!key) {
      errors.push({
        path: 'header',
        value: cell,
        rule: 'unknown_column',
        messageZh: `未知列「${cell}」；可用列：${ASSESSMENT_COLUMNS.map((c) => c.zh).join('、')}`,
        messageEn: `unknown column "${cell}"; accepted: ${ASSESSMENT_COLUMNS.map((c) => c.key).join(', ')}`,
      });
      return null;
    }
    if (seen.has(key)) {
      errors.push({
        path: 'header',
        value: cell,
        rule: 'duplicate_column',
        messageZh: `列「${LABEL.get(key)}」出现了两次`,
        messageEn: `column ${key} appears twice`,
      });
      return null;
    }
    seen.add(key);
    return key;
  });
  if (!seen.has('callNumber')) {
    errors.push({
      path: 'header',
      value: null,
      rule: 'required_column',
      messageZh: '缺少必需的列「索书号」',
      messageEn: 'the required column callNumber (索书号) is missing',
    });
  }
  return errors.length ? { errors } : { header };
}

/** One valid row: the assessment it belongs to plus what it adds (an observation, a reading or both). */
export interface AssessmentRow {
  rowNumber: number;
  callNumber: string;
  assessedOn: string | null;
  assessor: string | null;
  totalLeaves: number | null;
  observation: StoredObservation | null;
  phReading: StoredPhReading | null;
  grade: string | null;
  overrideLevel: string | null;
  overrideReason: string | null;
}

function detail(key: AssessmentColumnKey, value: unknown, rule: string, zh: string, en: string): ErrorDetail {
  return { path: key, value, rule, messageZh: `${LABEL.get(key)}：${zh}`, messageEn: `${key}: ${en}` };
}

/** Spreadsheet numbers: "12", "12.5", "12%"; full-width digits fold via NFKC. */
function parseNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/%$/, '').trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

/** Dates as YYYY-MM-DD, YYYY/M/D or YYYY.M.D; undefined when not a real calendar day. */
export function parseImportDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISSUE_FIELD: Record<string, AssessmentColumnKey> = {
  'observations[0].damageType': 'damageType',
  'observations[0].areaPercent': 'areaPercent',
  'observations[0].leavesAffected': 'leavesAffected',
  'phReadings[0].value': 'ph',
  totalLeaves: 'totalLeaves',
};

/** Checks one data row against the template and the assessment rules; every problem names its column. */
export function checkAssessmentRow(
  header: AssessmentHeader,
  rowNumber: number,
  cells: readonly string[],
): { row: AssessmentRow } | { errors: ErrorDetail[] } {
  const c: AssessmentCells = {};
  header.forEach((key, i) => {
    if (key) c[key] = (cells[i] ?? '').trim();
  });
  const errors: ErrorDetail[] = [];
  const num = (key: AssessmentColumnKey): number | null | 'bad' => {
    const text = c[key] ?? '';
    if (text === '') return null;
    const n = parseNumber(text);
    if (n === undefined) {
      errors.push(detail(key, text, 'number', `「${text}」不是数字`, `"${text}" is not a number`));
      return 'bad';
    }
    return n;
  };
  const callNumber = c.callNumber ?? '';
  if (!callNumber)
    errors.push(detail('callNumber', '', 'required', '必填，不能为空', 'required, must not be empty'));
  let assessedOn: string | null = null;
  if (c.assessedOn) {
    assessedOn = parseImportDate(c.assessedOn) ?? null;
    if (!assessedOn)
      errors.push(
        detail(
          'assessedOn',
          c.assessedOn,
          'date',
          '应为 YYYY-MM-DD 的真实日期',
          'must be a real date YYYY-MM-DD',
        ),
      );
  }
  const area = num('areaPercent');
  const leaves = num('leavesAffected');
  const total = num('totalLeaves');
  const ph = num('ph');
  const damageType = c.damageType ?? '';
  const hasObservation = damageType !== '' || area !== null || leaves !== null || !!c.location;
  if (hasObservation && damageType === '')
    errors.push(
      detail(
        'damageType',
        '',
        'required',
        '填写了破损面积、叶数或部位，须同时写破损类型',
        'an area, leaf count or location needs a damage type',
      ),
    );
  if ((c.phMethod || c.phPoint) && ph === null)
    errors.push(
      detail(
        'ph',
        '',
        'required',
        '填写了测量方法或部位，须同时写 pH 值',
        'a pH method or point needs a pH value',
      ),
    );
  if (errors.length) return { errors };

  const observation: StoredObservation | null = hasObservation
    ? {
        damageType: parseDamageType(damageType)?.code ?? damageType,
        ...(area !== null ? { areaPercent: area as number } : {}),
        ...(leaves !== null ? { leavesAffected: leaves as number } : {}),
        ...(c.location ? { location: c.location.slice(0, 200) } : {}),
      }
    : null;
  const phReading: StoredPhReading | null =
    ph !== null
      ? {
          value: ph as number,
          ...(c.phMethod ? { method: c.phMethod.slice(0, 100) } : {}),
          ...(c.phPoint ? { point: c.phPoint.slice(0, 100) } : {}),
        }
      : null;
  // The domain rules own the ranges and the type list; their issues are re-labelled with columns.
  const issues = validateAssessmentInput({
    observations: observation ? [{ ...observation, damageType }] : [],
    phReadings: phReading ? [phReading] : [],
    ...(total !== null ? { totalLeaves: total } : {}),
  });
  if (issues.length) {
    return {
      errors: issues.map((i) => {
        const key = ISSUE_FIELD[i.field] ?? 'damageType';
        return {
          path: key,
          value: i.value,
          rule: (i.code ?? 'invalid').toLowerCase(),
          messageZh: `${LABEL.get(key)}：${i.messageZh}`,
          messageEn: `${key}: ${i.messageEn}`,
        };
      }),
    };
  }
  return {
    row: {
      rowNumber,
      callNumber,
      assessedOn,
      assessor: c.assessor ? c.assessor.slice(0, 200) : null,
      totalLeaves: total as number | null,
      observation,
      phReading,
      grade: c.grade || null,
      overrideLevel: c.overrideLevel || null,
      overrideReason: c.overrideReason || null,
    },
  };
}

/** Consecutive rows with the same call number, date and assessor form one assessment. */
export function groupKeyOf(row: AssessmentRow): string {
  return JSON.stringify([row.callNumber, row.assessedOn, row.assessor]);
}
