import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every temporary file of the service (spooled uploads, working pyramids of an upload, a
 * derivative job's work folder, spreadsheets being read) lives under one folder per process:
 * `{tmp}/census-scratch/{pid}/`. A process killed with `kill -9` cannot clean up after itself, so
 * each start removes the folders of processes that no longer run (sweepDeadScratch). Per process,
 * not shared, because several instances may share a machine and must not sweep each other's files.
 */
const ROOT = path.join(os.tmpdir(), 'census-scratch');

/** This process's scratch folder (created on first use by the callers' mkdir/mkdtemp). */
export function processScratchDir(): string {
  return path.join(ROOT, String(process.pid));
}

/** A scratch sub-folder of this process, created. */
export async function scratchDir(name: string): Promise<string> {
  const dir = path.join(processScratchDir(), name);
  await fs.promises.mkdir(dir, { recursive: true });
  return dir;
}

/** A fresh private folder under this process's scratch folder (like fs.mkdtemp). */
export async function scratchTempDir(prefix: string): Promise<string> {
  await fs.promises.mkdir(processScratchDir(), { recursive: true });
  return fs.promises.mkdtemp(path.join(processScratchDir(), prefix));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the scratch folders of processes that are gone; returns how many bytes were freed. */
export async function sweepDeadScratch(root = ROOT): Promise<{ folders: string[]; bytes: number }> {
  const names = await fs.promises.readdir(root).catch(() => [] as string[]);
  const folders: string[] = [];
  let bytes = 0;
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    const dir = path.join(root, name);
    bytes += await sizeOf(dir);
    await fs.promises.rm(dir, { recursive: true, force: true });
    folders.push(dir);
  }
  return { folders, bytes };
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await sizeOf(p);
    else total += (await fs.promises.stat(p).catch(() => ({ size: 0 }))).size;
  }
  return total;
}
