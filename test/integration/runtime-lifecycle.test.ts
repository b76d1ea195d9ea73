// Runs the service with `npm start`'s own command, with no DATABASE_URL and no MINIO_ENDPOINT: the embedded
// PostgreSQL and s3rver come up, a second start reuses the data, SIGTERM leaves no process behind,
// a `kill -9` leaves an orphaned postmaster that the next start handles, and a busy port is a clear message.
import test from 'ava';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/runtime/free-port.js';
import { ApiClient } from '../helpers/api-client.js';
import { spawnStart } from '../helpers/start-command.js';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let out = '';
  const child = spawnStart(
    { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', ...env },
    ['ignore', 'pipe', 'pipe'],
  );
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(url: string, started: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`service exited early:\n${started.output()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`service did not become healthy:\n${started.output()}`);
}

/** Live (not zombie) processes on this data folder whose command line passes `matches`. */
async function livePidsFor(dataDir: string, matches: (argv: string[]) => boolean): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await fs.readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (cmdline.includes(dataDir) && matches(cmdline.split('\0')) && !/^\d+ \(.*\) Z/.test(stat))
      pids.push(Number(entry));
  }
  return pids;
}

const postgresPidsFor = (dataDir: string) => livePidsFor(dataDir, (argv) => argv[0]!.endsWith('postgres'));
/** The embedded S3 server runs in a process of its own. */
const s3ServerPidsFor = (dataDir: string) =>
  livePidsFor(dataDir, (argv) => argv.some((arg) => arg.includes('embedded-s3-child')));

test.serial(
  'start on embedded defaults, restart with data intact, stop cleanly, survive kill -9',
  async (t) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-lifecycle-'));
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir };
    try {
      // First start: everything embedded, a generated admin password printed once.
      const first = start(env);
      await waitForHealth(url, first);
      const printed = /Initial password \(shown only this once\): (\S+)/.exec(first.output());
      t.truthy(printed, first.output());
      const password = printed![1]!;
      const admin = await new ApiClient(url).login('admin@census.local', password);
      const created = await admin.post('/api/institutions', {
        provinceCode: '350000',
        code: '2001',
        name: '福建省图书馆',
        type: '公共图书馆',
      });
      t.is(created.status, 201);
      t.true((await fs.stat(path.join(dataDir, 'postgres', 'PG_VERSION'))).isFile());
      t.true((await fs.stat(path.join(dataDir, 'objects'))).isDirectory());

      // SIGTERM: exit 0 and no postgres process left for this data folder.
      first.child.kill('SIGTERM');
      t.is(await first.exited, 0);
      t.deepEqual(await postgresPidsFor(dataDir), []);

      // Second start reuses the data: no new admin, the institution is still there.
      const second = start(env);
      await waitForHealth(url, second);
      t.notRegex(second.output(), /Initial password/);
      const again = await new ApiClient(url).login('admin@census.local', password);
      const list = await again.get('/api/institutions');
      t.deepEqual(
        list.body.items.map((i: { fullCode: string }) => i.fullCode),
        ['350000-2001'],
      );

      // kill -9: the postmaster survives as an orphan holding the lock; the next start still comes up.
      second.child.kill('SIGKILL');
      await second.exited;
      t.true((await postgresPidsFor(dataDir)).length > 0, 'the orphaned postmaster is still running');
      // The S3 server's process sees its parent's channel close and stops by itself.
      for (const until = Date.now() + 10_000; (await s3ServerPidsFor(dataDir)).length && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 100));
      t.deepEqual(await s3ServerPidsFor(dataDir), [], 'no S3 server process outlives a killed service');
      // The third start also sizes the embedded server's shared buffers.
      const third = start({ ...env, EMBEDDED_POSTGRES_SHARED_BUFFERS: '64MB' });
      await waitForHealth(url, third);
      t.is(
        (
          await livePidsFor(
            dataDir,
            (argv) => argv[0]!.endsWith('postgres') && argv.includes('shared_buffers=64MB'),
          )
        ).length,
        1,
        'the postmaster runs with the shared buffers asked for',
      );
      const afterCrash = await (
        await new ApiClient(url).login('admin@census.local', password)
      ).get('/api/institutions');
      t.is(afterCrash.body.total, 1);
      third.child.kill('SIGINT');
      t.is(await third.exited, 0);
      t.deepEqual(await postgresPidsFor(dataDir), []);
      t.deepEqual(await s3ServerPidsFor(dataDir), []);
    } finally {
      for (const pid of await postgresPidsFor(dataDir)) process.kill(pid, 'SIGKILL');
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
);

test.serial('a port already in use gives a clear message, not a stack trace', async (t) => {
  const blocker = net.createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as net.AddressInfo).port;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-port-'));
  try {
    const run = start({ PORT: String(port), DATA_DIR: dataDir });
    t.is(await run.exited, 1);
    t.regex(run.output(), new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
    t.regex(run.output(), /端口/);
    t.notRegex(run.output(), /\n\s+at /);
  } finally {
    blocker.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

test.serial('invalid configuration lists every problem and exits', async (t) => {
  const run = start({ PORT: 'abc', MINIO_ENDPOINT: 'minio.example', DATABASE_URL: 'mysql://x' });
  t.is(await run.exited, 1);
  const out = run.output();
  t.regex(out, /PORT: must be a number/);
  t.regex(out, /DATABASE_URL: must be a postgres/);
  t.notRegex(out, /\n\s+at /);
});
