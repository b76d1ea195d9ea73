import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Masters just uploaded to this machine, handed to their derivative job so it need not download
 * again what it was sent a moment ago (86 MB for a TIFF page: ~0.6 s). Purely an optimisation:
 * the job downloads the master from the object store whenever no local copy is found (another
 * instance, a restart, a retry), and copies nobody takes are removed after an hour.
 */
const DIR = path.join(os.tmpdir(), 'census-masters');
const MAX_AGE_MS = 60 * 60 * 1000;

// Named by SHA-256 (computed while spooling) and size: a file found under that name is the master.
function fileOf(sha256: string, size: number): string {
  return path.join(DIR, `${sha256}-${size}`);
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

/** Forgets a kept master whose upload failed after all. */
export async function dropLocalMaster(sha256: string, size: number): Promise<void> {
  await fs.promises.rm(fileOf(sha256, size), { force: true });
}

/** Moves the kept copy of a master to `target`; false when there is none (then download it). */
export async function takeLocalMaster(sha256: string, size: number, target: string): Promise<boolean> {
  try {
    await fs.promises.rename(fileOf(sha256, size), target);
    return true;
  } catch {
    return false;
  }
}
