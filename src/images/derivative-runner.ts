import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MikroORM, QueryResult } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { buildImageInfo } from '../domain/iiif/image-info.rules.js';
import { canonicalPath } from '../domain/iiif/canonical-path.js';
import { IIIF_LIMITS, TILE_SIZE, THUMBNAIL_MAX } from '../domain/iiif/image-service.config.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { DerivativeJobSchema } from './derivative-job.entity.js';
import {
  renderFromPyramid,
  pyramidLevels,
  writePyramid,
  writeTileGrid,
  writeWorkingPyramid,
} from './image-processor.js';
import { pyramidKey, technicalMetadata, tilesPrefix } from '../domain/object-layout.rules.js';
import { RecordImageSchema } from './record-image.entity.js';
import { takeLocalMaster, takeLocalWorking } from './master-handoff.js';
import type { PyramidCache } from './pyramid-cache.js';
import { storePack } from '../tile-pack/tile-pack-writer.js';
import { scratchTempDir } from '../runtime/scratch-dir.js';

/** What building derivatives needs: the database, the store, a logger and the app's local pyramid cache. */
export interface DerivativeDeps {
  readonly orm: MikroORM;
  readonly objectStore: ObjectStore;
  readonly logger: Logger;
  readonly pyramids: PyramidCache;
}

/**
 * Builds an image's derivatives: takes the master (kept by the upload on this machine, else
 * downloaded), decodes it into the working pyramid (kept in the local pyramid cache), and cuts
 * from that the stored JPEG pyramid, the standard tile grid and the thumbnails (stored under their
 * canonical request keys). Returns false when the job is obsolete (image gone or replaced).
 */
export async function runDerivativeJob(deps: DerivativeDeps, jobId: string): Promise<boolean> {
  const em = deps.orm.em.fork();
  const job = await em.findOne(DerivativeJobSchema, { id: jobId });
  const image = job && (await em.findOne(RecordImageSchema, { id: job.image.id }));
  if (!job || !image || image.sha256 !== job.sha256) return false;
  const work = await scratchTempDir('derivatives-');
  const store = deps.objectStore;
  try {
    // The master is decoded once, into the uncompressed working pyramid; the stored pyramid, the
    // tiles and the thumbnails are cut from it and it then joins the local pyramid cache. The
    // upload's check may have decoded it already (TIFF, PNG) and left the working pyramid here.
    const working = path.join(work, 'working.tif');
    if (!(await takeLocalWorking(image.sha256, image.sizeBytes, working))) {
      const master = path.join(work, 'master');
      if (!(await takeLocalMaster(image.sha256, image.sizeBytes, master)))
        await pipeline(await store.get(image.masterKey), fs.createWriteStream(master));
      await writeWorkingPyramid(master, working);
      await fs.promises.rm(master);
    }
    const pyramid = path.join(work, 'pyramid.tif');
    const meta = technicalMetadata({
      ...image,
      format: 'tiff',
      masterSha256: image.sha256,
      imageId: image.id,
    });
    await store.remove([...(await store.list(tilesPrefix(image.id))), pyramidKey(image.id)]);
    // Compressing and storing the pyramid and cutting the tiles read the same working pyramid:
    // they overlap (one core each, and the PUTs are network work).
    const [, tiles] = await Promise.all([
      writePyramid(working, pyramid).then(() =>
        store.putFile(pyramidKey(image.id), pyramid, { 'Content-Type': 'image/tiff', ...meta }),
      ),
      writeTileGrid(working, work, TILE_SIZE),
    ]);
    const size = { width: image.width, height: image.height };
    const grid = path.join(work, 'grid');
    const items: Array<{ path: string; body: () => Promise<Buffer> }> = [];
    for (const file of tiles) {
      const [region, tileSize] = path.relative(grid, file).split(path.sep);
      const canonical = canonicalPath(region!, tileSize!, size);
      if (canonical) items.push({ path: canonical, body: () => fs.promises.readFile(file) });
    }
    // Thumbnails: the advertised whole-image sizes up to THUMBNAIL_MAX that the grid does not hold.
    const levels = await pyramidLevels(working);
    const info = buildImageInfo({ id: image.id, ...size, tileSize: TILE_SIZE, ...IIIF_LIMITS });
    const gridPaths = new Set(items.map((i) => i.path));
    for (const s of info.sizes) {
      if (Math.max(s.width, s.height) > THUMBNAIL_MAX) continue;
      const canonical = canonicalPath('full', `${s.width},${s.height}`, size);
      if (!canonical || gridPaths.has(canonical)) continue;
      items.push({
        path: canonical,
        body: () =>
          renderFromPyramid(working, levels, {
            region: { x: 0, y: 0, w: image.width, h: image.height },
            size: { w: s.width, h: s.height },
            mirror: false,
            rotation: 0,
            quality: 'default',
            format: 'jpg',
          }),
      });
    }
    await storePack(store, image.id, work, items, meta);
    await deps.pyramids.remember(image.id, image.sha256, working);
    const fresh = deps.orm.em.fork();
    // Raw SQL on purpose: the ORM's update would bump `version`, and the derivatives being ready is
    // not an edit — a cataloguer relabelling the page meanwhile must not get 'changed by someone else'.
    const updated = await fresh.execute<QueryResult>(
      `update record_image set status = 'ready', error = null where id = ? and sha256 = ?`,
      [image.id, job.sha256],
      'run',
    );
    if (!updated.affectedRows) {
      // Deleted or replaced meanwhile: what this job wrote belongs to nobody.
      const current = await fresh.findOne(RecordImageSchema, { id: image.id });
      if (!current) {
        await store.remove([...(await store.list(tilesPrefix(image.id))), pyramidKey(image.id)]);
      }
      return false;
    }
    return true;
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
