import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What an upload hands to its derivative job on this machine, so the job need not redo it: the
 * master itself (no download of what was sent a moment ago: 86 MB for a TIFF page, ~0.6 s), or —
 * when the upload's check decoded every pixel anyway (TIFF, PNG) — the working pyramid it decoded
 * into (no second decode: ~0.9 s). Purely an optimisation: the job downloads the master from the
 * object store whenever nothing local is found (another instance, a restart, a retry), and copies
 * nobody takes are removed after an hour.
 */
const DIR = path.join(os.tmpdir(), 'census-masters');
const MAX_AGE_MS = 60 * 60 * 1000;

// Named by SHA-256 (computed while spooling) and size: a file found under that name is the master.
function fileOf(sha256: string, size: number): string {
  return path.join(DIR, `${sha256}-${size}`);
}
function workingOf(sha256: string, size: number): string {
  return path.join(DIR, `${sha256}-${size}.working.tif`);
}

async function removeStale(): Promise<void> {
  const names = await fs.promises.readdir(DIR).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(DIR, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > MAX_AGE_MS) await fs.promises.rm(file, { force: true });
  }
}

/**
 * Keeps a spooled master for its derivative job: a hard link, so the spool file can be removed as
 * usual and no byte is copied. Best effort: any failure just means the job downloads the master.
 */
export async function keepLocalMaster(sha256: string, size: number, spooled: string): Promise<void> {
  try {
    await fs.promises.mkdir(DIR, { recursive: true });
    await removeStale();
    await fs.promises.link(spooled, fileOf(sha256, size));
  } catch {
    // Another upload of the same bytes holds the name already, or another file system: download.
  }
}

/**
 * Keeps the working pyramid the upload decoded a master into (moved, not copied). Best effort like
 * keepLocalMaster; the file is removed when it cannot be kept.
 */
export async function keepLocalWorking(sha256: string, size: number, working: string): Promise<void> {
  try {
    await fs.promises.mkdir(DIR, { recursive: true });
    await removeStale();
    await fs.promises.rename(working, workingOf(sha256, size));
  } catch {
    await fs.promises.rm(working, { force: true });
  }
}

/** Forgets what was kept for an upload that failed after all. */
export async function dropLocalMaster(sha256: string, size: number): Promise<void> {
  await fs.promises.rm(fileOf(sha256, size), { force: true });
  await fs.promises.rm(workingOf(sha256, size), { force: true });
}

async function take(file: string, target: string): Promise<boolean> {
  try {
    await fs.promises.rename(file, target);
    return true;
  } catch {
    return false;
  }
}

/** Moves the kept copy of a master to `target`; false when there is none (then download it). */
export function takeLocalMaster(sha256: string, size: number, target: string): Promise<boolean> {
  return take(fileOf(sha256, size), target);
}

/** Moves the kept working pyramid of a master to `target`; false when there is none (then decode). */
export function takeLocalWorking(sha256: string, size: number, target: string): Promise<boolean> {
  return take(workingOf(sha256, size), target);
}
