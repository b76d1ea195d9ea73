// Spawns the service exactly as `npm start` does: the `start` script of package.json through the
// shell, with the project's node_modules/.bin first on PATH (where npm puts the pinned Node), so
// the flags operators get (heap budget, loader) are the ones tests and benchmarks measure.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The `start` script of package.json. */
export function startScript(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return pkg.scripts.start!;
}

/** Runs `npm start`'s command (without npm in between: the child's pid is the service's own). */
export function spawnStart(env: NodeJS.ProcessEnv, stdio: StdioOptions): ChildProcess {
  return spawn('sh', ['-c', startScript()], {
    cwd: ROOT,
    env: { ...env, PATH: `${path.join(ROOT, 'node_modules/.bin')}:${env.PATH ?? process.env.PATH}` },
    stdio,
  });
}
