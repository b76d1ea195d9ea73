import {
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
  ForeignKeyConstraintViolationException,
} from '@mikro-orm/core';
import { AppError } from './app-error.js';

/** Maps anything thrown below to the one JSON error shape; unknown errors become a bare 500. */
export function fromUnknown(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { status?: number; type?: string; expose?: boolean; message?: string };
  if (e?.status === 413 || e?.type === 'entity.too.large') {
    return new AppError(413, 'PAYLOAD_TOO_LARGE', '请求体过大', 'Request body too large');
  }
  if (e?.type === 'entity.parse.failed' || (e?.status === 400 && /JSON/i.test(e.message ?? ''))) {
    return AppError.badRequest('INVALID_JSON', '请求体不是合法的 JSON', 'The request body is not valid JSON');
  }
  if (e?.status === 415 || e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '不支持的内容类型或编码',
      'Unsupported content type or encoding',
    );
  }
  if (error instanceof OptimisticLockError) {
    return AppError.conflict(
      'VERSION_CONFLICT',
      '数据已被他人修改，请刷新后重试',
      'Changed by someone else; reload and try again',
    );
  }
  if (error instanceof UniqueConstraintViolationException) {
    return AppError.conflict(
      'CONFLICT',
      '与已有数据冲突（唯一性）',
      'Conflicts with existing data (must be unique)',
    );
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return AppError.conflict(
      'REFERENCED',
      '数据仍被引用或引用了不存在的数据',
      'The data is still referenced or references missing data',
    );
  }
  if (error instanceof NotFoundError) return AppError.notFound('Resource', '资源');
  if (e?.status && e.status >= 400 && e.status < 500 && e.expose) {
    return new AppError(e.status, 'HTTP_ERROR', e.message ?? '请求错误', e.message ?? 'Request error');
  }
  return new AppError(
    500,
    'INTERNAL',
    '服务器内部错误，请联系管理员并提供请求编号',
    'Internal error; report the request id to an administrator',
  );
}
