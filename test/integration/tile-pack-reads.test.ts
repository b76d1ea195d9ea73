// How delivery reads a tile pack from a real S3 server: a warmed page's overview (thumbnails and
// coarse levels) with one ranged GET, other tiles by range, and the whole pack only once a page is
// being deep-zoomed. Reads are counted by a wrapper that passes every call to the real store.
import test from 'ava';
import crypto from 'node:crypto';
import { ObjectStore } from '../../src/object-store/object-store.js';
import { packedTile, warmPacks } from '../../src/iiif/tile-pack.js';
import { packOrder } from '../../src/images/tile-pack-order.rules.js';
import { tileIndexKey, tilePackKey, type TileIndex } from '../../src/images/object-layout.rules.js';
import { testS3Servers } from '../helpers/environment.js';

const settings = testS3Servers()[0]!;

/** Grid paths of a 6000×8000 page with 512-px tiles at scale factors 1, 2, 4 and 8, and a thumbnail. */
function gridPaths(): string[] {
  const paths = ['full/150,200/0/default.jpg'];
  for (const scale of [1, 2, 4, 8]) {
    const span = 512 * scale;
    for (let y = 0; y < 8000; y += span)
      for (let x = 0; x < 6000; x += span) {
        const w = Math.min(span, 6000 - x);
        const h = Math.min(span, 8000 - y);
        paths.push(`${x},${y},${w},${h}/${Math.ceil(w / scale)},${Math.ceil(h / scale)}/0/default.jpg`);
      }
  }
  return paths;
}

async function storedPage(store: ObjectStore) {
  const id = crypto.randomUUID();
  const sha256 = crypto.randomBytes(32).toString('hex');
  const bodies = new Map<string, Buffer>();
  const index: TileIndex = {};
  let offset = 0;
  for (const p of packOrder(gridPaths())) {
    const body = crypto.randomBytes(1000 + crypto.randomInt(500));
    bodies.set(p, body);
    index[p] = [offset, body.length];
    offset += body.length;
  }
  const pack = Buffer.concat([...bodies.values()]);
  const json = Buffer.from(JSON.stringify(index));
  await store.put(tilePackKey(id), pack, pack.length);
  await store.put(tileIndexKey(id), json, json.length);
  return { image: { id, sha256 }, bodies };
}

/** The real store, with every read counted by kind and key. */
function countingStore(store: ObjectStore) {
  const reads: string[] = [];
  const counted = Object.create(store) as ObjectStore;
  counted.getBuffer = (key) => (reads.push(`whole ${key}`), store.getBuffer(key));
  counted.getRange = (key, offset, length) => (
    reads.push(`range ${key}`),
    store.getRange(key, offset, length)
  );
  return { store: counted, reads };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not reached in 5 s');
}

test('a warmed page serves its overview from memory after one ranged GET; zoomed tiles are read by range', async (t) => {
  const real = new ObjectStore({ ...settings, bucket: `t-${crypto.randomBytes(6).toString('hex')}` });
  await real.ensureBucket();
  const { image, bodies } = await storedPage(real);
  const { store, reads } = countingStore(real);
  warmPacks(store, [image]);
  const coarse = '0,0,4096,4096/512,512/0/default.jpg';
  await until(async () => reads.length >= 2);
  t.deepEqual(reads, [`whole ${tileIndexKey(image.id)}`, `range ${tilePackKey(image.id)}`]);
  // (Asking while the overview is still on its way reads that one tile by range.)
  await until(async () => (await packedTile(store, image, coarse))?.fromMemory === true);
  const warmed = reads.length;
  // Every overview entry (scale 4 and up, thumbnail) then comes from memory, byte for byte.
  for (const p of [
    coarse,
    'full/150,200/0/default.jpg',
    '4096,4096,1904,3904/238,488/0/default.jpg',
    '4096,6144,1904,1856/476,464/0/default.jpg',
  ]) {
    const tile = await packedTile(store, image, p);
    t.true(tile?.fromMemory, p);
    t.deepEqual(tile?.bytes, bodies.get(p), p);
  }
  t.is(reads.length, warmed);
  const fine = '2048,3072,512,512/512,512/0/default.jpg';
  const tile = await packedTile(store, image, fine);
  t.false(tile?.fromMemory);
  t.deepEqual(tile?.bytes, bodies.get(fine));
  t.deepEqual(reads.slice(warmed), [`range ${tilePackKey(image.id)}`]);
  t.is(await packedTile(store, image, '9999,0,512,512/512,512/0/default.jpg'), undefined);
});

test('a page being deep-zoomed has its whole pack loaded once, then every tile comes from memory', async (t) => {
  const real = new ObjectStore({ ...settings, bucket: `t-${crypto.randomBytes(6).toString('hex')}` });
  await real.ensureBucket();
  const { image, bodies } = await storedPage(real);
  const { store, reads } = countingStore(real);
  // Full-resolution tiles: region as large as the output.
  const fullResolution = [...bodies.keys()].filter(
    (p) => p.split('/')[0]!.endsWith(',512,512') && p.includes('/512,512/'),
  );
  for (const p of fullResolution.slice(0, 30)) await packedTile(store, image, p);
  const whole = `whole ${tilePackKey(image.id)}`;
  await until(
    async () =>
      reads.includes(whole) && (await packedTile(store, image, fullResolution[40]!))?.fromMemory === true,
  );
  const before = reads.length;
  for (const p of fullResolution) {
    const tile = await packedTile(store, image, p);
    t.true(tile?.fromMemory, p);
    t.deepEqual(tile?.bytes, bodies.get(p), p);
  }
  t.is(reads.length, before);
  t.is(reads.filter((r) => r === whole).length, 1);
});
