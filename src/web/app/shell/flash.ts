// A message for the next page of the app after an in-app navigation ("账号已创建"), shown once.
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** The waiting message, forgotten once taken. */
export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
