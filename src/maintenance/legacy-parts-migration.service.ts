import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObjectStore } from '../object-store/object-store.js';
import { masterKey, pyramidKey, tilePackKey } from '../domain/object-layout.rules.js';
import {
  importFileRow,
  imageMasterRow,
  repointImportFiles,
  repointMasters,
} from './legacy-parts.repository.js';

/**
 * `npm run census -- migrate-parts`: turns the numbered `{prefix}/part-NNNNN` objects written before
 * every file became one S3 object into single objects, and points the rows at them.
 *
 * Per part set, in an order that makes any interruption resumable by simply running again:
 *   1. unless the single object exists and its bytes match its x-amz-meta-sha256: check the set is
 *      complete (part-00000 says `i/n`), join the parts into a local file while hashing, compare
 *      with the checksum recorded at upload (masters, imports), store it as one object, re-read it;
 *   2. point the rows at the new key (masters, imports; derivatives are found by image id);
 *   3. remove the parts.
 * A set that is incomplete or whose bytes do not match is reported and left untouched.
 */
export interface MigrationProblem {
  readonly prefix: string;
  readonly reason: 'incomplete' | 'checksum' | 'unknown-owner';
  readonly detail: string;
}

export interface MigrationReport {
  readonly sets: number;
  readonly migrated: string[];
  readonly problems: MigrationProblem[];
}

type Step = 'stored' | 'rows' | 'removed';

const PART = /^(.+)\/part-(\d{5})$/;
/** Object metadata worth keeping on the joined object (minio strips the x-amz-meta- prefix). */
const KEPT_METADATA = ['image-id', 'width', 'height', 'format', 'master-sha256'];

interface Target {
  readonly key: string;
  readonly expectedSha256: string | undefined;
  readonly updateRows: ((em: EntityManager) => Promise<void>) | undefined;
  readonly derivative: boolean;
}

async function targetOf(em: EntityManager, prefix: string): Promise<Target | undefined> {
  let m = /^masters\/([^/]+)\/([^/]+)\/([0-9a-f]{64})$/.exec(prefix);
  if (m) {
    const row = await imageMasterRow(em, m[2]!);
    const key = row && masterKey(m[1]!, m[2]!, m[3]!, row.format);
    // The row points at these parts, or already at their joined object (a run interrupted before removing them).
    if (!row || !key || (row.master_key !== prefix && row.master_key !== key)) return undefined;
    return {
      key,
      expectedSha256: m[3],
      derivative: false,
      updateRows: (tx) => repointMasters(tx, prefix, key),
    };
  }
  m = /^imports\/([0-9a-f-]{36})$/.exec(prefix);
  if (m) {
    const row = await importFileRow(em, m[1]!);
    if (!row) return undefined;
    const key = `imports/${m[1]}.${row.format}`;
    return {
      key,
      expectedSha256: row.sha256,
      derivative: false,
      updateRows: (tx) => repointImportFiles(tx, prefix, key),
    };
  }
  m = /^derivatives\/([^/]+)\/pyramid$/.exec(prefix);
  if (m)
    return { key: pyramidKey(m[1]!), expectedSha256: undefined, derivative: true, updateRows: undefined };
  m = /^tiles\/([^/]+)\/grid$/.exec(prefix);
  if (m)
    return { key: tilePackKey(m[1]!), expectedSha256: undefined, derivative: true, updateRows: undefined };
  return undefined;
}

async function sha256Of(stream: AsyncIterable<unknown>): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** True when the single object exists and its bytes match the checksum it carries (and the expected one). */
async function alreadyJoined(store: ObjectStore, target: Target): Promise<boolean> {
  const info = await store.stat(target.key);
  const carried = info?.metadata['sha256'];
  if (!info || !carried) return false;
  if (target.expectedSha256 && carried !== target.expectedSha256) return false;
  return (await sha256Of(await store.get(target.key))) === carried;
}

/** Migrates every part set in the bucket; `afterStep` lets tests interrupt it at a chosen point. */
export async function migrateLegacyParts(
  em: EntityManager,
  store: ObjectStore,
  options: {
    workDir: string;
    log?: (line: string) => void;
    afterStep?: (prefix: string, step: Step) => void;
  },
): Promise<MigrationReport> {
  const log = options.log ?? (() => undefined);
  const sets = new Map<string, string[]>();
  for (const { key } of await store.listObjects('')) {
    const m = PART.exec(key);
    if (m) sets.set(m[1]!, [...(sets.get(m[1]!) ?? []), key]);
  }
  const migrated: string[] = [];
  const problems: MigrationProblem[] = [];
  await fs.promises.mkdir(options.workDir, { recursive: true });
  for (const [prefix, keys] of [...sets].sort(([a], [b]) => a.localeCompare(b))) {
    keys.sort();
    const target = await targetOf(em, prefix);
    if (!target) {
      problems.push({ prefix, reason: 'unknown-owner', detail: 'no row owns these parts' });
      continue;
    }
    if (!(await alreadyJoined(store, target))) {
      const problem = await join(store, prefix, keys, target, options.workDir);
      if (problem) {
        problems.push(problem);
        log(`! ${prefix}: ${problem.detail}`);
        continue;
      }
    }
    options.afterStep?.(prefix, 'stored');
    if (target.updateRows) await em.transactional((tx) => target.updateRows!(tx));
    options.afterStep?.(prefix, 'rows');
    await store.remove(keys);
    options.afterStep?.(prefix, 'removed');
    migrated.push(prefix);
    log(`${prefix}/part-* (${keys.length}) → ${target.key}`);
  }
  return { sets: sets.size, migrated, problems };
}

async function join(
  store: ObjectStore,
  prefix: string,
  keys: string[],
  target: Target,
  workDir: string,
): Promise<MigrationProblem | undefined> {
  const first = await store.stat(`${prefix}/part-00000`);
  const total = Number(/^\d+\/(\d+)$/.exec(first?.metadata['part'] ?? '')?.[1] ?? NaN);
  const expectedKeys = Array.from(
    { length: total },
    (_, i) => `${prefix}/part-${String(i).padStart(5, '0')}`,
  );
  if (!first || !Number.isInteger(total) || keys.join() !== expectedKeys.join())
    return {
      prefix,
      reason: 'incomplete',
      detail: `parts present: ${keys.length}, expected: ${Number.isInteger(total) ? total : 'unknown'}`,
    };
  const file = path.join(workDir, crypto.randomUUID());
  try {
    const hash = crypto.createHash('sha256');
    const out = fs.createWriteStream(file);
    for (const key of keys) {
      for await (const chunk of await store.get(key)) {
        hash.update(chunk as Buffer);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
    }
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    const sha256 = hash.digest('hex');
    if (target.expectedSha256 && sha256 !== target.expectedSha256)
      return {
        prefix,
        reason: 'checksum',
        detail: `joined parts hash to ${sha256}, expected ${target.expectedSha256}`,
      };
    const metadata: Record<string, string> = {};
    if (first.metadata['content-type']) metadata['Content-Type'] = first.metadata['content-type'];
    for (const name of KEPT_METADATA)
      if (first.metadata[name]) metadata[`x-amz-meta-${name}`] = first.metadata[name];
    // Derivatives used to carry the master's checksum as `sha256`; it is `master-sha256` now.
    if (target.derivative && first.metadata['sha256'] && !metadata['x-amz-meta-master-sha256'])
      metadata['x-amz-meta-master-sha256'] = first.metadata['sha256'];
    await store.putFile(target.key, file, metadata, { sha256 });
    if ((await sha256Of(await store.get(target.key))) !== sha256)
      return { prefix, reason: 'checksum', detail: `${target.key} did not read back as ${sha256}` };
    return undefined;
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
