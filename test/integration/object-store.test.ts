import test from 'ava';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestObjectStore } from '../helpers/test-app.js';
import type { ObjectStore } from '../../src/object-store/object-store.js';

let store: ObjectStore;
let dir: string;
test.before(async () => {
  store = await createTestObjectStore();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'census-objects-'));
});
test.after.always(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function randomFile(bytes: number): Promise<{ file: string; sha256: string }> {
  const file = path.join(dir, crypto.randomUUID());
  const handle = await fs.open(file, 'w');
  const hash = crypto.createHash('sha256');
  for (let written = 0; written < bytes;) {
    const chunk = crypto.randomBytes(Math.min(4 * 1024 * 1024, bytes - written));
    hash.update(chunk);
    await handle.write(chunk);
    written += chunk.length;
  }
  await handle.close();
  return { file, sha256: hash.digest('hex') };
}

async function sha256Of(stream: NodeJS.ReadableStream): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

test('a file larger than the minio multipart threshold reaches s3rver in parts and reads back identical', async (t) => {
  const bytes = 70 * 1024 * 1024; // above the 64 MiB at which the minio client would switch to multipart
  const { file, sha256 } = await randomFile(bytes);
  const stored = await store.putFileInParts('test/large', file);
  t.is(stored.parts, 3);
  t.is(stored.size, bytes);
  const keys = await store.list('test/large/');
  t.deepEqual(keys, ['test/large/part-00000', 'test/large/part-00001', 'test/large/part-00002']);
  const back = await sha256Of(store.getParts('test/large', stored.parts));
  t.is(back.size, bytes);
  t.is(back.sha256, sha256);
  await store.removeParts('test/large', stored.parts);
  t.deepEqual(await store.list('test/large/'), []);
});

test('part boundaries are exact for sizes around the part size', async (t) => {
  const partBytes = 1024 * 1024;
  for (const bytes of [1, partBytes - 1, partBytes, partBytes + 1, 3 * partBytes]) {
    const { file, sha256 } = await randomFile(bytes);
    const prefix = `test/sizes/${bytes}`;
    const stored = await store.putFileInParts(prefix, file, {}, partBytes);
    t.is(stored.parts, Math.ceil(bytes / partBytes), `parts for ${bytes}`);
    t.is((await sha256Of(store.getParts(prefix, stored.parts))).sha256, sha256, `content for ${bytes}`);
  }
});

test('an empty file is one empty part', async (t) => {
  const { file } = await randomFile(0);
  const stored = await store.putFileInParts('test/empty', file);
  t.is(stored.parts, 1);
  t.is((await sha256Of(store.getParts('test/empty', 1))).size, 0);
});

test('reading a missing part fails the stream instead of returning short data', async (t) => {
  await t.throwsAsync(() => sha256Of(store.getParts('test/missing', 2)));
});

test('getRange reads exactly the asked bytes of an object (one ranged GET)', async (t) => {
  const data = crypto.randomBytes(300_000);
  await store.put('ranges/one', data, data.length);
  t.true((await store.getRange('ranges/one', 0, 10)).equals(data.subarray(0, 10)));
  t.true((await store.getRange('ranges/one', 123_456, 70_000)).equals(data.subarray(123_456, 193_456)));
  t.true((await store.getRange('ranges/one', 299_990, 10)).equals(data.subarray(299_990)));
});
