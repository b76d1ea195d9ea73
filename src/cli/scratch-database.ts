import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';

/**
 * Runs `fn` against DATABASE_URL when set, else against a throwaway embedded PostgreSQL cluster
 * (so developer tools need no database server of their own).
 */
export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-scratch-'));
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), log: () => undefined });
  try {
    return await fn(pg.url);
  } finally {
    await pg.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
