// Reading a zoomed screen from a stored tile pack (TilePackReader.packedTile): the tiles of one
// level asked for together bring the rest of their rectangle along in the same ranged GETs, so the
// tiles the browser sends next, on connections come free, cost no GET. The GETs are counted by a
// proxy in front of the S3 server.
import test from 'ava';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CuttingProxy } from '../helpers/cutting-proxy.js';
import { createTestObjectStore } from '../helpers/test-app.js';
import { PAGE, pagePaths } from '../helpers/page-tiles.js';
import { ObjectStore } from '../../src/object-store/object-store.js';
import { storePack } from '../../src/tile-pack/tile-pack-writer.js';
import { TilePackReader } from '../../src/tile-pack/tile-pack-reader.js';

/** Each entry: its path, then padding to a full-resolution tile's size (the rows lie apart). */
const bytesOf = (canonicalPath: string) => Buffer.concat([Buffer.from(canonicalPath), Buffer.alloc(40_000)]);
const tile = (column: number, row: number) =>
  `${column * 512},${row * 512},${Math.min(512, PAGE.width - column * 512)},512/max/0/default.jpg`;

test('the first tiles of a zoomed screen bring the rest of their rows along: the tiles sent next cost no GET', async (t) => {
  const direct = await createTestObjectStore();
  const proxy = await new CuttingProxy(direct.settings.endPoint, direct.settings.port!).start();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'census-screen-'));
  try {
    const page = { id: 'screen-page', sha256: 'c'.repeat(64), ...PAGE };
    const items = pagePaths().map((p) => ({ path: p, body: async () => bytesOf(p) }));
    await storePack(direct, page.id, work, items, {});
    const reader = new TilePackReader(new ObjectStore({ ...direct.settings, port: proxy.port }));
    const gets = () => proxy.requests.filter((r) => r.startsWith('GET ')).length;

    // A browser's six connections: row 6 of a 4 × 3 screen, and the first two tiles of row 7.
    const first = [tile(4, 6), tile(5, 6), tile(6, 6), tile(7, 6), tile(4, 7), tile(5, 7)];
    const got = await Promise.all(first.map((p) => reader.packedTile(page, p)));
    t.deepEqual(got, first.map(bytesOf));
    // The index, then one GET per row: row 7 read to the screen's width, not only its two tiles.
    t.is(gets(), 3);
    // Sent as the first ones come back: the rest of row 7 is in memory.
    for (const p of [tile(6, 7), tile(7, 7)]) t.deepEqual(await reader.packedTile(page, p), bytesOf(p));
    t.is(gets(), 3, 'no GET of their own');
    // Row 8 lay outside what was asked together: it is read when asked for.
    t.deepEqual(await reader.packedTile(page, tile(4, 8)), bytesOf(tile(4, 8)));
    t.is(gets(), 4);
  } finally {
    await proxy.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
});
