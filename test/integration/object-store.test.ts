import test from 'ava';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ObjectStore } from '../../src/object-store/object-store.js';
import { swiftUnavailableReason, testS3Servers } from '../helpers/environment.js';

// Every case runs against each S3 server of the run: s3rver always, OpenStack Swift (s3api) when
// installed. Both must store a large file as one object through a real S3 multipart upload.
let dir: string;
test.before(async () => {
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

const MiB = 1024 * 1024;

for (const server of testS3Servers()) {
  const { name, ...settings } = server;
  const storeOf = async () => {
    const store = new ObjectStore({ ...settings, bucket: `t-${crypto.randomBytes(6).toString('hex')}` });
    await store.ensureBucket();
    return store;
  };

  test(`[${name}] a 40 MiB file is one object (multipart upload), with its SHA-256 as metadata`, async (t) => {
    const store = await storeOf();
    const bytes = 40 * MiB; // above the 16 MiB part size: three parts
    const { file, sha256 } = await randomFile(bytes);
    t.deepEqual(await store.putFile('test/large.bin', file), { size: bytes, sha256 });
    t.deepEqual(await store.list('test/'), ['test/large.bin']);
    const info = await store.stat('test/large.bin');
    t.is(info?.size, bytes);
    t.is(info?.metadata['sha256'], sha256);
    const back = await sha256Of(await store.get('test/large.bin'));
    t.deepEqual(back, { sha256, size: bytes });
    t.deepEqual(await store.listIncompleteUploads('test/'), []);
    await store.remove(['test/large.bin']);
    t.deepEqual(await store.list('test/'), []);
  });

  test(`[${name}] sizes around the part size round-trip exactly`, async (t) => {
    const store = await storeOf();
    const partBytes = 5 * MiB; // the smallest part S3 allows
    for (const bytes of [1, partBytes - 1, partBytes, partBytes + 1, 2 * partBytes + 7]) {
      const { file, sha256 } = await randomFile(bytes);
      const key = `test/sizes/${bytes}`;
      await store.putFile(key, file, { 'Content-Type': 'application/octet-stream' }, { partBytes });
      t.deepEqual(await sha256Of(await store.get(key)), { sha256, size: bytes }, `content for ${bytes}`);
      t.is((await store.stat(key))?.metadata['sha256'], sha256);
    }
    t.is((await store.list('test/sizes/')).length, 5);
  });

  test(`[${name}] an empty file is one empty object`, async (t) => {
    const store = await storeOf();
    const { file } = await randomFile(0);
    await store.putFile('test/empty', file);
    t.is((await sha256Of(await store.get('test/empty'))).size, 0);
  });

  test(`[${name}] getRange reads exactly the asked bytes of an object (one ranged GET)`, async (t) => {
    const store = await storeOf();
    const data = crypto.randomBytes(300_000);
    await store.put('ranges/one', data, data.length);
    t.true((await store.getRange('ranges/one', 0, 10)).equals(data.subarray(0, 10)));
    t.true((await store.getRange('ranges/one', 123_456, 70_000)).equals(data.subarray(123_456, 193_456)));
    t.true((await store.getRange('ranges/one', 299_990, 10)).equals(data.subarray(299_990)));
  });

  test(`[${name}] a missing object is reported as missing`, async (t) => {
    const store = await storeOf();
    t.is(await store.stat('test/missing'), undefined);
    await t.throwsAsync(async () => sha256Of(await store.get('test/missing')));
  });
}

if (!testS3Servers().some((s) => s.name === 'swift')) {
  const reason = swiftUnavailableReason();
  console.log(`object-store tests ran on s3rver only: ${reason}`);
  test.skip(`[swift] object-store tests (${reason})`, () => undefined);
}
