import { AppError } from '../kernel/app-error.js';

/** Runs an object-store call; any failure of the store becomes a 503 (the store is down or refusing). */
export async function storeCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      503,
      'OBJECT_STORE_UNAVAILABLE',
      `对象存储暂不可用（${what}），请稍后重试；未保存任何内容`,
      `The object store is unavailable (${what}); try again later. Nothing was stored`,
      [],
      { reason: (error as Error).message },
    );
  }
}
