// What bounds one run of an import job, whatever its kind: a stop signal (the
// job was cancelled, ran past its deadline, or the process is shutting down) and the row limit.
// The worker owns the signal; the runner only looks at it between rows and before each batch.

import { AppError } from '../kernel/app-error.js';

/** Why a running job stops early. */
export type StopReason = 'cancelled' | 'deadline' | 'shutdown';

/** Thrown by the runner when it stops early; the runner or worker turns it into the job's final state. */
export class ImportStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`import stopped: ${reason}`);
  }
}

/** The bounds the runner checks as it goes. */
export interface ImportJobControl {
  readonly signal: AbortSignal;
  /** Most data rows in one file. */
  readonly maxRows: number;
}

/** A control that never stops and allows any number of rows (the CLI and tests that run a job directly). */
export function unboundedControl(): ImportJobControl {
  return { signal: new AbortController().signal, maxRows: Number.MAX_SAFE_INTEGER };
}

/** The reason the job was told to stop, or null while it may go on. */
export function stopReason(control: ImportJobControl): StopReason | null {
  if (!control.signal.aborted) return null;
  const reason: unknown = control.signal.reason;
  return reason === 'cancelled' || reason === 'deadline' ? reason : 'shutdown';
}

/** Throws ImportStopped when the job must stop; the runner calls it before each row and each batch. */
export function throwIfStopped(control: ImportJobControl): void {
  const reason = stopReason(control);
  if (reason) throw new ImportStopped(reason);
}

/** Throws TOO_MANY_ROWS once the file has more data rows than allowed. */
export function checkRowCount(control: ImportJobControl, dataRows: number): void {
  if (dataRows <= control.maxRows) return;
  throw AppError.badRequest(
    'TOO_MANY_ROWS',
    `文件的数据行超过上限 ${control.maxRows} 行（IMPORT_MAX_ROWS）；请拆分成几个文件分别导入`,
    `The file has more than ${control.maxRows} data rows (IMPORT_MAX_ROWS); split it into several files`,
    [
      {
        path: 'file',
        value: dataRows,
        rule: 'max_rows',
        messageZh: `最多 ${control.maxRows} 行`,
        messageEn: `at most ${control.maxRows} rows`,
      },
    ],
  );
}

/** The final code and message of a job that stopped early (a shutdown releases the job instead). */
export function stoppedFailure(reason: 'cancelled' | 'deadline') {
  return reason === 'cancelled'
    ? {
        code: 'IMPORT_CANCELLED',
        message: '导入已被取消 / The import was cancelled',
      }
    : {
        code: 'IMPORT_DEADLINE',
        message:
          '导入超过了允许的运行时间（IMPORT_JOB_TIMEOUT_SECONDS），已停止 / The import ran past its deadline (IMPORT_JOB_TIMEOUT_SECONDS) and was stopped',
      };
}
