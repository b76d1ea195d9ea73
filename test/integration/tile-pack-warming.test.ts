// Opening a page (TilePackReader.warmPages, on a viewer's info.json): the page's index and first
// view are read at once, so that the tiles the viewer asks for next find them and cost no GET of
// their own; then the next pages' indexes and first views. The GETs are counted by a proxy in
// front of the S3 server.
import test from 'ava';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CuttingProxy } from '../helpers/cutting-proxy.js';
import { createTestObjectStore } from '../helpers/test-app.js';
import { eventually } from '../helpers/eventually.js';
import { PAGE, pagePaths } from '../helpers/page-tiles.js';
import { ObjectStore } from '../../src/object-store/object-store.js';
import { storePack } from '../../src/tile-pack/tile-pack-writer.js';
import { TilePackReader } from '../../src/tile-pack/tile-pack-reader.js';
import { tileIndexKey, tilePackKey } from '../../src/domain/object-layout.rules.js';

type Page = { id: string; sha256: string; width: number; height: number };

/** Each entry's bytes: its path, so that a tile read back says which one it is. */
const bytesOf = (canonicalPath: string) => Buffer.from(canonicalPath);

test("opening a page reads its index and first view, then the next pages'; its first-view tiles cost no GET", async (t) => {
  const direct = await createTestObjectStore();
  const proxy = await new CuttingProxy(direct.settings.endPoint, direct.settings.port!).start();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'census-warming-'));
  try {
    const opened: Page = { id: 'warming-opened', sha256: 'a'.repeat(64), ...PAGE };
    const following: Page = { id: 'warming-next', sha256: 'b'.repeat(64), ...PAGE };
    for (const page of [opened, following]) {
      const items = pagePaths().map((p) => ({ path: p, body: async () => bytesOf(p) }));
      await storePack(direct, page.id, work, items, {});
    }
    const reader = new TilePackReader(new ObjectStore({ ...direct.settings, port: proxy.port }));
    const gets = () => proxy.requests.filter((r) => r.startsWith('GET ')).map((r) => r.split(' ')[1]!);
    const object = (key: string) => `/${direct.settings.bucket}/${key}`;

    reader.warmPages(opened, [following]);
    const warmed = await eventually(
      async () => gets(),
      (seen) => seen.length >= 4,
    );
    t.deepEqual(warmed, [
      object(tileIndexKey(opened.id)),
      object(tilePackKey(opened.id)),
      object(tileIndexKey(following.id)),
      object(tilePackKey(following.id)),
    ]);
    // What the viewer asks for next: a thumbnail and the screen-sized tiles, from what was read.
    const thumbnail = 'full/75,100/0/default.jpg';
    const fitted = '0,0,4096,4096/512,512/0/default.jpg';
    t.deepEqual(await reader.packedTile(opened, thumbnail), bytesOf(thumbnail));
    t.deepEqual(await reader.packedTile(opened, fitted), bytesOf(fitted));
    t.is(gets().length, 4, 'no GET of their own');
    // A tile past the first view is read when asked for.
    const zoomed = '512,512,512,512/max/0/default.jpg';
    t.deepEqual(await reader.packedTile(opened, zoomed), bytesOf(zoomed));
    t.is(gets().length, 5);
  } finally {
    await proxy.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
});
