/** One field-level problem: which field, which value, which rule — in Chinese and English. */
export interface ErrorDetail {
  readonly path: string;
  readonly value?: unknown;
  readonly rule: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** The one error type the HTTP layer maps to a response; `code` is stable for clients. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: readonly ErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messageEn);
  }

  static badRequest(code: string, zh: string, en: string, details: readonly ErrorDetail[] = []): AppError {
    return new AppError(400, code, zh, en, details);
  }
  static unauthorized(zh = '需要登录', en = 'Authentication required'): AppError {
    return new AppError(401, 'UNAUTHENTICATED', zh, en);
  }
  static forbidden(zh = '无权执行此操作', en = 'You are not allowed to do this'): AppError {
    return new AppError(403, 'FORBIDDEN', zh, en);
  }
  static notFound(what: string, whatZh: string): AppError {
    return new AppError(404, 'NOT_FOUND', `${whatZh}不存在`, `${what} not found`);
  }
  static conflict(code: string, zh: string, en: string, details: readonly ErrorDetail[] = []): AppError {
    return new AppError(409, code, zh, en, details);
  }
}
