import crypto from 'node:crypto';
import pg from 'pg';
import { TEMPLATE_DATABASE, testEnvironment } from './environment.js';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Clones the migrated template into a fresh database for one test file; returns its URL and a dropper. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const env = testEnvironment();
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(env.databaseUrl, 'postgres') });
  await admin.connect();
  try {
    // CREATE DATABASE … TEMPLATE needs the template to have no other sessions; retry briefly if busy.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
        break;
      } catch (error) {
        if (attempt > 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(env.databaseUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: withDatabase(env.databaseUrl, 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
    },
  };
}
