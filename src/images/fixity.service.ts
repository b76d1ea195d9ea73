import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObjectStore } from '../object-store/object-store.js';
import { mastersInCensusOrder } from './record-image.repository.js';

/** One master whose stored bytes (or the checksum stored with them) do not match the one taken at upload. */
export interface FixityProblem {
  readonly imageId: string;
  readonly censusNumber: string;
  /** The page: its position in the record and its label (卷, 叶 …). */
  readonly sequence: number;
  readonly label: string;
  readonly masterKey: string;
  readonly expected: string;
  /** The checksum of the bytes read (reason `mismatch`) or stored on the object (`metadata`); null when missing. */
  readonly actual: string | null;
  readonly reason: 'mismatch' | 'missing' | 'metadata';
}

export interface FixityReport {
  readonly checked: number;
  readonly ok: number;
  readonly problems: FixityProblem[];
}

/**
 * Re-reads every master from the object store and compares its SHA-256 with the one recorded at
 * upload, and with the `x-amz-meta-sha256` the object carries (what another tool reading the bucket
 * would trust). Reads are streamed, so masters of any size use little memory.
 */
export async function checkFixity(
  em: EntityManager,
  store: ObjectStore,
  onImage: (done: number, total: number) => void = () => undefined,
): Promise<FixityReport> {
  const rows = await mastersInCensusOrder(em);
  const problems: FixityProblem[] = [];
  let done = 0;
  for (const row of rows) {
    const base = {
      imageId: row.id,
      censusNumber: row.census_number,
      sequence: row.sequence,
      label: row.label,
      masterKey: row.master_key,
      expected: row.sha256,
    };
    const problem = await checkOne(store, row.master_key, row.sha256);
    if (problem) problems.push({ ...base, ...problem });
    onImage(++done, rows.length);
  }
  return { checked: rows.length, ok: rows.length - problems.length, problems };
}

async function checkOne(
  store: ObjectStore,
  key: string,
  expected: string,
): Promise<Pick<FixityProblem, 'actual' | 'reason'> | undefined> {
  const hash = crypto.createHash('sha256');
  try {
    const info = await store.stat(key);
    if (!info) return { actual: null, reason: 'missing' };
    for await (const chunk of await store.get(key)) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    if (actual !== expected) return { actual, reason: 'mismatch' };
    const stored = info.metadata['sha256'] ?? info.metadata['x-amz-meta-sha256'];
    if (stored !== expected) return { actual: stored ?? null, reason: 'metadata' };
    return undefined;
  } catch {
    return { actual: null, reason: 'missing' };
  }
}
