import fs from 'node:fs';
import path from 'node:path';
import type { ObjectStore } from '../object-store/object-store.js';
import { tileIndexKey, tilePackKey, type TileIndex } from '../domain/object-layout.rules.js';
import { comparePackOrder } from './pack-order.rules.js';

// The tile pack's format has this folder as its one owner: the writer here, the order of its
// entries (pack-order.rules.ts) and the reader delivery uses (tile-pack-reader.ts).

/**
 * Writes the tiles into one pack file (concatenated JPEGs, in pack order) and stores it with its
 * index: one PUT instead of hundreds, which on the embedded s3rver is most of the ingest time.
 */
export async function storePack(
  store: ObjectStore,
  imageId: string,
  work: string,
  items: Array<{ path: string; body: () => Promise<Buffer> }>,
  metadata: Record<string, string>,
): Promise<void> {
  const packFile = path.join(work, 'grid.pack');
  const out = fs.createWriteStream(packFile);
  const index: TileIndex = {};
  let offset = 0;
  for (const item of [...items].sort((a, b) => comparePackOrder(a.path, b.path))) {
    const body = await item.body();
    index[item.path] = [offset, body.length];
    offset += body.length;
    if (!out.write(body)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(() => resolve());
  });
  await store.putFile(tilePackKey(imageId), packFile, {
    'Content-Type': 'application/octet-stream',
    ...metadata,
  });
  const json = Buffer.from(JSON.stringify(index));
  await store.put(tileIndexKey(imageId), json, json.length, {
    'Content-Type': 'application/json',
    ...metadata,
  });
}
