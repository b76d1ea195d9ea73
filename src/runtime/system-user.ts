import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import path from 'node:path';

const run = promisify(execFile);

export interface SystemUser {
  uid: number;
  gid: number;
}

/** True when this process runs as root, where PostgreSQL refuses to start. */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Looks up (and when missing creates) the `postgres` system user that runs the embedded cluster. */
export async function ensurePostgresSystemUser(): Promise<SystemUser> {
  const lookup = async (): Promise<SystemUser | undefined> => {
    try {
      const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
        run('id', ['-u', 'postgres']),
        run('id', ['-g', 'postgres']),
      ]);
      return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
    } catch {
      return undefined;
    }
  };
  const existing = await lookup();
  if (existing) return existing;
  await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
  await run('useradd', [
    '--system',
    '-g',
    'postgres',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]);
  const created = await lookup();
  if (!created) throw new Error('could not create the postgres system user');
  return created;
}

/**
 * Makes every ancestor of `target` searchable by other users (o+x) so the postgres user can reach
 * its binaries and data; a clone under a private temporary folder (mode 700) would otherwise fail.
 * Returns the folders it changed.
 */
export async function ensureTraversable(target: string): Promise<string[]> {
  const changed: string[] = [];
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o001) === 0) {
      await fs.chmod(dir, (stat.mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return changed;
}

/** Gives a folder tree to a user (the data folder of the embedded cluster). */
export async function chownTree(dir: string, user: SystemUser): Promise<void> {
  await run('chown', ['-R', `${user.uid}:${user.gid}`, dir]);
}
