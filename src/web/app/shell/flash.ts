// A message for the next page of the app after an in-app navigation ("账号已创建"), shown once. Kept
// as a message key and its values, so it follows a switch of the interface language.
export interface Flash {
  key: string;
  values?: Record<string, string>;
}

let pending: Flash | null = null;

export function setFlash(key: string, values?: Record<string, string>): void {
  pending = { key, ...(values ? { values } : {}) };
}

/** The waiting message, forgotten once taken. */
export function takeFlash(): Flash | null {
  const message = pending;
  pending = null;
  return message;
}
