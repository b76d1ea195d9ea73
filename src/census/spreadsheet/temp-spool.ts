// Writes an upload stream to a private temporary file, for readers that need two passes.

import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { scratchTempDir } from '../../runtime/scratch-dir.js';

/** A spooled file and how to remove it. */
export interface SpooledFile {
  readonly path: string;
  dispose(): Promise<void>;
}

/** Copies the stream to a new file in its own temporary directory (streamed, not buffered). */
export async function spoolToTempFile(stream: Readable, name: string): Promise<SpooledFile> {
  const dir = await scratchTempDir('sheet-');
  const path = join(dir, name);
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(stream, createWriteStream(path));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { path, dispose };
}

/** The first bytes of a file (fewer if it is shorter). */
export async function readFileHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
