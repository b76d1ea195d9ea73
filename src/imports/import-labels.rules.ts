// How people read an import: its status, kind, mode, counters and the kind and field of each problem,
// in both languages (the page shows these labels; it keeps no list of codes of its own).
import type { ImportKind, ImportMode, ImportStatus } from './import-job.entity.js';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, Label> = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '导入中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const IMPORT_KIND_LABELS: Record<ImportKind, Label> = {
  records: { zh: '普查记录', en: 'Census records' },
  assessments: { zh: '破损评估', en: 'Condition assessments' },
};

export const IMPORT_MODE_LABELS: Record<ImportMode, Label> = {
  skip: { zh: '导入正确的行，报告有错的行', en: 'Import the good rows, report the bad ones' },
  atomic: { zh: '全部不导入（要么全部成功，要么全部不存）', en: 'Import nothing (all or nothing)' },
};

export const PROBLEM_KIND_LABELS: Record<'error' | 'warning' | 'conflict', Label> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提示', en: 'Warning' },
  conflict: { zh: '冲突', en: 'Conflict' },
};

export type ImportCounter = 'created' | 'updated' | 'unchanged' | 'failed' | 'conflicts';

const COUNTER_LABELS: Record<ImportCounter, Label> = {
  created: { zh: '新建', en: 'Created' },
  updated: { zh: '更新', en: 'Updated' },
  unchanged: { zh: '未变', en: 'Unchanged' },
  failed: { zh: '出错', en: 'Failed' },
  conflicts: { zh: '冲突', en: 'Conflicts' },
};

/** What a counter means, where its name alone does not say. */
const COUNTER_HINTS: Partial<Record<ImportCounter, Label>> = {
  conflicts: { zh: '记录已提交或已审核，未覆盖', en: 'record submitted or approved, not overwritten' },
};

/** The counters a kind of import keeps (its registration names them), labelled. */
export function importCounters(
  keys: readonly ImportCounter[],
): ReadonlyArray<{ key: ImportCounter; label: Label; hint: Label | null }> {
  return keys.map((key) => ({ key, label: COUNTER_LABELS[key], hint: COUNTER_HINTS[key] ?? null }));
}

/** Whether the job is still going (queued or running): it may be cancelled, its report is not final. */
export const importRunning = (status: ImportStatus): boolean => status === 'queued' || status === 'running';

/**
 * What a problem is about, when the file has no column for it: the whole row, the file, or the field
 * it names as the kind of import labels it (`authors[0].name` → 著者 for records).
 */
export function problemFieldLabel(
  column: string | null,
  field: string,
  fieldLabel: (field: string) => Label,
): Label {
  if (column) return { zh: column, en: column };
  if (field === 'row') return { zh: '整行', en: 'whole row' };
  if (field === 'file') return { zh: '文件', en: 'file' };
  return fieldLabel(field);
}
