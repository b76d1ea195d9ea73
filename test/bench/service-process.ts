import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/runtime/free-port.js';
import { spawnStart } from '../helpers/start-command.js';

export interface ServiceProcess {
  readonly url: string;
  readonly pid: number;
  readonly adminEmail: string;
  readonly adminPassword: string;
  stop(): Promise<void>;
}

/** Peak resident memory (VmHWM) of a process so far, in MiB. */
export async function peakRssMiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Starts the service with `npm start`'s own command, in its own process, on a throwaway data folder. */
export async function startServiceProcess(extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-bench-'));
  const port = await findFreePort();
  const adminEmail = 'bench@census.local';
  const adminPassword = 'Bench-password-1';
  // BENCH_SERVICE_NODE_ARGS: extra node flags for the service, e.g. `--cpu-prof` to profile it;
  // BENCH_SERVICE_STDOUT: a file for the service's stdout, its log (Node refuses `--trace-gc` in
  // NODE_OPTIONS, so it cannot be asked for here).
  const extraNodeArgs = process.env.BENCH_SERVICE_NODE_ARGS ?? '';
  const child: ChildProcess = spawnStart(
    {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, extraNodeArgs].filter(Boolean).join(' '),
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    [
      'ignore',
      process.env.BENCH_SERVICE_STDOUT ? fsSync.openSync(process.env.BENCH_SERVICE_STDOUT, 'w') : 'ignore',
      'inherit',
    ],
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('service exited during start-up');
    if (Date.now() > deadline) throw new Error('service did not start in 120 s');
    const ok = await fetch(`${url}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    adminEmail,
    adminPassword,
    stop: async () => {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
