import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ObjectStore } from '../object-store/object-store.js';
import { pyramidKey } from '../domain/object-layout.rules.js';

/**
 * Local copies of image pyramids, so arbitrary IIIF requests read tiles from a local file
 * (libvips needs random access) instead of fetching the pyramid from the object store each time.
 * A copy is either the uncompressed working pyramid left by the derivative job on this machine
 * (fast: nothing to decode) or the stored JPEG pyramid fetched from the object store; libvips
 * reads both alike. The object store stays the source of truth; this folder may be wiped at any
 * moment.
 */
// Bounded by bytes, not files: a working pyramid of a 6000×8000 page is ~200 MB, a fetched JPEG
// one ~30 MB. The default 8 GiB keeps the pages of a few books being read hot, least recently used
// go first. Folder and bound are settings (PYRAMID_CACHE_DIR, PYRAMID_CACHE_BYTES).
// One per app, built in src/app/app-deps.ts and handed to the derivative worker (which fills it)
// and the Image API (which reads it): fetches under way are shared between the requests of one app.
export class PyramidCache {
  /** Fetches from the object store under way, by file: concurrent requests for a page wait for one. */
  private readonly pending = new Map<string, Promise<string>>();

  constructor(private readonly settings: { readonly dir: string; readonly maxBytes: number }) {}

  private fileOf(imageId: string, sha256: string): string {
    return path.join(this.settings.dir, `${imageId}-${sha256.slice(0, 16)}.tif`);
  }

  private async evictOld(): Promise<void> {
    const { dir, maxBytes } = this.settings;
    const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
    const stats = await Promise.all(
      names.map(async (n) => {
        const stat = await fs.promises.stat(path.join(dir, n)).catch(() => null);
        return { n, t: stat?.atimeMs ?? 0, size: stat?.size ?? 0 };
      }),
    );
    let bytes = stats.reduce((sum, s) => sum + s.size, 0);
    stats.sort((a, b) => a.t - b.t);
    for (const { n, size } of stats) {
      if (bytes <= maxBytes) break;
      await fs.promises.rm(path.join(dir, n), { force: true });
      bytes -= size;
    }
  }

  /** Keeps a freshly built pyramid: the file is moved into the cache (copied across file systems). */
  async remember(imageId: string, sha256: string, file: string): Promise<void> {
    await fs.promises.mkdir(this.settings.dir, { recursive: true });
    const target = this.fileOf(imageId, sha256);
    const temp = `${target}.${process.pid}.${Date.now()}`;
    await fs.promises.rename(file, temp).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await fs.promises.copyFile(file, temp);
    });
    await fs.promises.rename(temp, target);
    await this.evictOld();
  }

  /** Path of a local copy of the pyramid, fetched from the object store when missing. */
  async local(store: ObjectStore, imageId: string, sha256: string): Promise<string> {
    const target = this.fileOf(imageId, sha256);
    if (fs.existsSync(target)) return target;
    let loading = this.pending.get(target);
    if (!loading) {
      loading = (async () => {
        await fs.promises.mkdir(this.settings.dir, { recursive: true });
        const temp = `${target}.${process.pid}.${Date.now()}`;
        await pipeline(await store.get(pyramidKey(imageId)), fs.createWriteStream(temp)).catch(
          async (error) => {
            await fs.promises.rm(temp, { force: true });
            throw error;
          },
        );
        await fs.promises.rename(temp, target);
        await this.evictOld();
        return target;
      })().finally(() => this.pending.delete(target));
      this.pending.set(target, loading);
    }
    return loading;
  }
}
