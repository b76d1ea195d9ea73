// The embedded PostgreSQL takes server settings from its caller (a benchmark sizes its shared
// buffers this way): they reach the running server, and a name that is not a setting's is refused
// before anything is created.
import test from 'ava';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';

test('settings given to the embedded PostgreSQL are the running server’s', async (t) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-pg-settings-'));
  const server = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    log: () => undefined,
    settings: { work_mem: '7MB', plan_cache_mode: 'force_custom_plan' },
  });
  const client = new pg.Client({ connectionString: server.url });
  try {
    await client.connect();
    const shown = await client.query<{ work_mem: string; mode: string }>(
      `select current_setting('work_mem') as work_mem, current_setting('plan_cache_mode') as mode`,
    );
    t.deepEqual(shown.rows[0], { work_mem: '7MB', mode: 'force_custom_plan' });
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a name that is not a PostgreSQL setting’s is refused before the cluster is made', async (t) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-pg-settings-'));
  try {
    for (const name of ['work_mem=1MB -c fsync', '', 'shared buffers', 'x\u0000y']) {
      await t.throwsAsync(
        () =>
          startEmbeddedPostgres({
            dir: path.join(dir, 'pg'),
            log: () => undefined,
            settings: { [name]: '1' },
          }),
        { message: /not a PostgreSQL setting name/ },
        JSON.stringify(name),
      );
    }
    t.deepEqual(await fs.readdir(dir), [], 'no cluster folder, no password file');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
