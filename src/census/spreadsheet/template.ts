// The bulk import/export template (records.md, "Spreadsheet template") as data, and the matching of
// a file's header row onto it. Import and export use the same columns, so an export re-imports.

import type { ErrorDetail } from '../../kernel/app-error.js';
import { columnLetter, detail } from './sheet-errors.js';

/** One template column: the English key, the canonical Chinese header, other accepted spellings. */
export interface TemplateColumn {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Other headers that mean the same column (traditional-character spellings). */
  readonly aliases: readonly string[];
  /** A file without this column is refused. */
  readonly required: boolean;
}

/** The template columns in export order; 记录类型 is last and optional (default 古籍). */
export const TEMPLATE_COLUMNS = [
  { key: 'call_number', zh: '索书号', en: 'Call number', aliases: ['索書號'], required: true },
  { key: 'title', zh: '题名卷数', en: 'Title and number of juan', aliases: ['題名卷數'], required: true },
  { key: 'authors', zh: '著者', en: 'Authors', aliases: [], required: false },
  { key: 'edition', zh: '版本', en: 'Edition', aliases: [], required: false },
  { key: 'edition_type', zh: '版本类型', en: 'Edition type', aliases: ['版本類型'], required: false },
  { key: 'volumes', zh: '册数', en: 'Volumes (ce)', aliases: ['冊數', '册數', '冊数'], required: false },
  { key: 'extant', zh: '存缺卷数', en: 'Extant juan', aliases: ['存缺卷數'], required: false },
  { key: 'binding', zh: '装帧形式', en: 'Binding', aliases: ['裝幀形式', '装幀形式'], required: false },
  { key: 'classification', zh: '分类', en: 'Classification', aliases: ['分類'], required: false },
  { key: 'annotations', zh: '批校题跋', en: 'Annotations', aliases: ['批校題跋'], required: false },
  { key: 'seals', zh: '钤印', en: 'Seals', aliases: ['鈐印'], required: false },
  { key: 'grade', zh: '古籍级别', en: 'Grade', aliases: ['古籍級別'], required: false },
  { key: 'damage_grade', zh: '破损级别', en: 'Damage grade', aliases: ['破損級別'], required: false },
  { key: 'document_type', zh: '文献类型', en: 'Document type', aliases: ['文獻類型'], required: false },
  { key: 'script', zh: '文种', en: 'Script', aliases: ['文種'], required: false },
  { key: 'notes', zh: '附注', en: 'Notes', aliases: ['附註'], required: false },
  {
    key: 'precious_list_number',
    zh: '名录号',
    en: 'Precious list number',
    aliases: ['名錄號'],
    required: false,
  },
  // Every other field of the record (records.md: "a column for every other field"), so that an
  // export re-imports unchanged. Files made with the older, shorter template simply lack them.
  { key: 'other_titles', zh: '其他题名', en: 'Other titles', aliases: ['其他題名'], required: false },
  { key: 'title_source', zh: '题名来源', en: 'Title source', aliases: ['題名來源'], required: false },
  { key: 'publisher', zh: '出版者', en: 'Publisher', aliases: ['堂号', '堂號'], required: false },
  { key: 'place', zh: '出版地', en: 'Place', aliases: [], required: false },
  { key: 'mixed_copies', zh: '配补', en: 'Mixed copies', aliases: ['配補', '配本'], required: false },
  { key: 'printing_state', zh: '印刷状态', en: 'Printing state', aliases: ['印刷狀態'], required: false },
  { key: 'cases', zh: '函数', en: 'Cases (han)', aliases: ['函數'], required: false },
  { key: 'total_juan', zh: '总卷数', en: 'Total juan', aliases: ['總卷數'], required: false },
  { key: 'extant_juan', zh: '存卷数', en: 'Extant juan count', aliases: ['存卷數'], required: false },
  { key: 'size', zh: '开本', en: 'Size (cm)', aliases: ['開本'], required: false },
  { key: 'frame', zh: '版框', en: 'Frame (cm)', aliases: [], required: false },
  { key: 'layout', zh: '行款版式', en: 'Layout', aliases: [], required: false },
  { key: 'subclass', zh: '小类', en: 'Subclass', aliases: ['小類', '子目'], required: false },
  { key: 'abstract', zh: '提要', en: 'Abstract', aliases: [], required: false },
  { key: 'edition_statement', zh: '版次', en: 'Edition number', aliases: [], required: false },
  { key: 'printing', zh: '印次', en: 'Printing number', aliases: [], required: false },
  { key: 'pages', zh: '页数', en: 'Pages', aliases: ['頁數'], required: false },
  { key: 'serial_holdings', zh: '馆藏卷期', en: 'Serial holdings', aliases: ['館藏卷期'], required: false },
  { key: 'paper', zh: '纸张', en: 'Paper', aliases: ['紙張'], required: false },
  { key: 'brittleness', zh: '脆化程度', en: 'Brittleness', aliases: [], required: false },
  { key: 'ph_readings', zh: '酸度', en: 'pH readings', aliases: ['pH值', 'pH'], required: false },
  {
    key: 'collection_history',
    zh: '典藏史',
    en: 'Collection history',
    aliases: ['典藏歷史'],
    required: false,
  },
  { key: 'record_type', zh: '记录类型', en: 'Record type', aliases: ['記錄類型'], required: false },
] as const satisfies readonly TemplateColumn[];

/** The English key of a template column. */
export type TemplateKey = (typeof TEMPLATE_COLUMNS)[number]['key'];

/** The Chinese header of a template column. */
export type TemplateHeader = (typeof TEMPLATE_COLUMNS)[number]['zh'];

/** One row's cells by column key, every key present ('' when the column is absent or empty). */
export type TemplateCells = Record<TemplateKey, string>;

/** The template's keys, in column order. */
export const TEMPLATE_KEYS: readonly TemplateKey[] = TEMPLATE_COLUMNS.map((c) => c.key);

/** The Chinese header row written on export. */
export const TEMPLATE_HEADER: readonly TemplateHeader[] = TEMPLATE_COLUMNS.map((c) => c.zh);

/** Which template column each column of the file holds (null: a blank header, ignored). */
export interface HeaderMapping {
  readonly columns: ReadonlyArray<TemplateKey | null>;
  /** Each mapped column's header as the file writes it (Chinese or English), for the import report. */
  readonly labels?: ReadonlyMap<TemplateKey, string>;
}

const COLUMN_BY_KEY = new Map<TemplateKey, TemplateColumn>(TEMPLATE_COLUMNS.map((c) => [c.key, c]));

/**
 * The comparison form of a header: NFKC folds full-width letters, digits and underscores to
 * half-width; case, spaces, hyphens and underscores are ignored (`Call Number`, `call-number`,
 * `ＣＡＬＬ＿ＮＵＭＢＥＲ` and `索 书 号` all match).
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff_-]+/g, '');
}

const KEY_BY_HEADER = new Map<string, TemplateKey>();
for (const column of TEMPLATE_COLUMNS) {
  // The English label (e.g. `Call number`) is accepted too: it is what the pages show next to the key.
  for (const name of [column.key, column.zh, column.en, ...column.aliases])
    KEY_BY_HEADER.set(normaliseHeader(name), column.key);
}

/** The template key a header names, if any. */
export function templateKeyOf(header: string): TemplateKey | undefined {
  return KEY_BY_HEADER.get(normaliseHeader(header));
}

function headerLabel(key: TemplateKey): string {
  const column = COLUMN_BY_KEY.get(key)!;
  return `${column.zh} (${column.key})`;
}

const ACCEPTED = TEMPLATE_COLUMNS.map((c) => c.zh).join('、');
const ACCEPTED_EN = TEMPLATE_COLUMNS.map((c) => c.key).join(', ');

/**
 * Maps a file's header row onto the template. Every problem is reported at once: unknown headers
 * (each named, with the accepted ones), the same column twice, required columns missing.
 */
export function mapHeader(cells: readonly string[]): { mapping: HeaderMapping } | { errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const columns: Array<TemplateKey | null> = [];
  const firstAt = new Map<TemplateKey, number>();
  const labels = new Map<TemplateKey, string>();
  cells.forEach((cell, index) => {
    const letter = columnLetter(index);
    if (normaliseHeader(cell) === '') {
      // Spreadsheets often carry formatted but empty columns to the right; rowCells reports any
      // value found under such a column, so nothing typed there is lost silently.
      columns.push(null);
      return;
    }
    const key = templateKeyOf(cell);
    if (key === undefined) {
      errors.push(
        detail(
          `header.${letter}`,
          cell,
          'unknown_column',
          `第 ${letter} 列的表头“${cell.trim()}”不是模板中的列；可用的表头：${ACCEPTED}`,
          `Column ${letter}: header "${cell.trim()}" is not a template column; accepted headers: ${ACCEPTED_EN} (or their Chinese names)`,
        ),
      );
      columns.push(null);
      return;
    }
    const first = firstAt.get(key);
    if (first !== undefined) {
      const firstLetter = columnLetter(first);
      errors.push(
        detail(
          `header.${letter}`,
          cell,
          'duplicate_column',
          `第 ${letter} 列与第 ${firstLetter} 列是同一列“${headerLabel(key)}”，每列只能出现一次`,
          `Column ${letter} repeats column ${firstLetter} ("${headerLabel(key)}"); each column may appear only once`,
        ),
      );
      columns.push(null);
      return;
    }
    firstAt.set(key, index);
    labels.set(key, cell.trim());
    columns.push(key);
  });
  for (const column of TEMPLATE_COLUMNS) {
    if (column.required && !firstAt.has(column.key)) {
      errors.push(
        detail(
          'header',
          column.key,
          'missing_column',
          `缺少必需的列“${column.zh}”（${column.key}）`,
          `Required column "${column.zh}" (${column.key}) is missing`,
        ),
      );
    }
  }
  return errors.length > 0 ? { errors } : { mapping: { columns, labels } };
}

/** Every template key with an empty cell. */
export function emptyTemplateCells(): TemplateCells {
  return Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, ''])) as TemplateCells;
}

/**
 * One data row's cells by template key: only the columns the file has (a column it lacks is
 * absent, never '', so that it cannot blank a field). A value under a column with a blank header
 * is an error (it would otherwise be dropped without anyone noticing).
 */
export function rowCells(
  mapping: HeaderMapping,
  cells: readonly string[],
): { cells: Partial<TemplateCells>; errors: ErrorDetail[] } {
  const byKey: Partial<TemplateCells> = {};
  for (const key of mapping.columns) if (key) byKey[key] = '';
  const errors: ErrorDetail[] = [];
  cells.forEach((cell, index) => {
    const key = mapping.columns[index];
    if (key) {
      byKey[key] = cell;
      return;
    }
    if (cell.trim() === '') return;
    const letter = columnLetter(index);
    errors.push(
      detail(
        `cells.${letter}`,
        cell,
        'unnamed_column',
        `第 ${letter} 列没有表头，但本行在该列有内容“${cell.trim()}”`,
        `Column ${letter} has no header but this row has a value there: "${cell.trim()}"`,
      ),
    );
  });
  return { cells: byKey, errors };
}

/** The column of the file a problem's field path (authors[0].role, size.height, type …) belongs to. */
export function templateKeyOfPath(path: string): TemplateKey | undefined {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  if (head === 'type') return 'record_type';
  if (head === 'minguoDocumentType') return 'document_type';
  const key = head.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return COLUMN_BY_KEY.has(key as TemplateKey) ? (key as TemplateKey) : undefined;
}

/** A row by template key as cells in template column order (for writing). */
export function templateRowValues(row: TemplateCells): string[] {
  return TEMPLATE_KEYS.map((key) => row[key]);
}
