// `npm start` is how operators and process managers run the service: a SIGTERM (or SIGINT) sent to
// the npm process must stop the service and its embedded PostgreSQL, not orphan them. npm forwards
// the signal to the script's shell; the script execs node, so the service itself receives it.
import test from 'ava';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/runtime/free-port.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Parent pid of every live process (zombies left out). */
async function processTable(): Promise<Map<number, { ppid: number; cmdline: string }>> {
  const table = new Map<number, { ppid: number; cmdline: string }>();
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const cmdline = await fs.readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const m = /^\d+ \(.*\) (\S) (\d+)/s.exec(stat);
    if (!m || m[1] === 'Z') continue;
    table.set(Number(entry), { ppid: Number(m[2]), cmdline: cmdline.replaceAll('\0', ' ') });
  }
  return table;
}

/** The pids below `root` in the process tree. */
async function descendants(root: number): Promise<number[]> {
  const table = await processTable();
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of table) {
      if (p.ppid !== pid) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

async function alive(pids: number[], dataDir: string): Promise<string[]> {
  const table = await processTable();
  return [...table]
    .filter(([pid, p]) => pids.includes(pid) || p.cmdline.includes(dataDir))
    .map(([pid, p]) => `${pid} ${p.cmdline}`);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test.serial(`${signal} to the npm start process stops node and PostgreSQL`, async (t) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-npm-start-'));
    const port = await findFreePort();
    let out = '';
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? '/root',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm.stdout.on('data', (d) => (out += d));
    npm.stderr.on('data', (d) => (out += d));
    let tree: number[] = [];
    try {
      const deadline = Date.now() + 100_000;
      while (!/listening on/.test(out)) {
        if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      tree = await descendants(npm.pid!);
      t.true(tree.length >= 2, `node and postgres below npm: ${tree.join(',')}`);
      t.true((await alive([], dataDir)).length > 0, 'postgres runs on the data folder');
      const table = await processTable();
      t.true(
        tree.some((pid) => table.get(pid)?.cmdline.includes('embedded-s3-child')),
        'the embedded S3 server runs in a process of its own below the service',
      );
      process.kill(npm.pid!, signal);
      const stopBy = Date.now() + 60_000;
      let left = await alive([npm.pid!, ...tree], dataDir);
      while (left.length && Date.now() < stopBy) {
        await new Promise((r) => setTimeout(r, 250));
        left = await alive([npm.pid!, ...tree], dataDir);
      }
      t.deepEqual(left, [], out);
    } finally {
      // Only what this test started: its npm and the processes that were below it.
      for (const pid of [npm.pid!, ...tree]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
}
