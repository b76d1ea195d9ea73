import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PART_BYTES, type ObjectStore } from '../object-store/object-store.js';
import { partCount } from './object-layout.rules.js';

/** One master whose stored bytes do not match the checksum taken at upload. */
export interface FixityProblem {
  readonly imageId: string;
  readonly censusNumber: string;
  readonly masterKey: string;
  readonly expected: string;
  /** The checksum of the bytes read, or null when the master (or a part of it) is missing. */
  readonly actual: string | null;
  readonly reason: 'mismatch' | 'missing';
}

export interface FixityReport {
  readonly checked: number;
  readonly ok: number;
  readonly problems: FixityProblem[];
}

/**
 * Re-reads every master from the object store and compares its SHA-256 with the one recorded at
 * upload. Reads stream part by part, so masters of any size use little memory.
 */
export async function checkFixity(
  em: EntityManager,
  store: ObjectStore,
  onImage: (done: number, total: number) => void = () => undefined,
): Promise<FixityReport> {
  const rows = await em.execute<
    Array<{ id: string; master_key: string; sha256: string; size_bytes: string; census_number: string }>
  >(
    `select i.id, i.master_key, i.sha256, i.size_bytes, r.census_number
       from record_image i join census_record r on r.id = i.record_id order by r.census_number, i.sequence`,
  );
  const problems: FixityProblem[] = [];
  let done = 0;
  for (const row of rows) {
    const base = {
      imageId: row.id,
      censusNumber: row.census_number,
      masterKey: row.master_key,
      expected: row.sha256,
    };
    const hash = crypto.createHash('sha256');
    try {
      for await (const chunk of store.getParts(row.master_key, partCount(Number(row.size_bytes), PART_BYTES)))
        hash.update(chunk as Buffer);
      const actual = hash.digest('hex');
      if (actual !== row.sha256) problems.push({ ...base, actual, reason: 'mismatch' });
    } catch {
      problems.push({ ...base, actual: null, reason: 'missing' });
    }
    onImage(++done, rows.length);
  }
  return { checked: rows.length, ok: rows.length - problems.length, problems };
}
