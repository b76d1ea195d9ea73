// SQL of the legacy-parts migration: the rows that point at a part set, and re-pointing them at the
// joined object.

import type { EntityManager } from '@mikro-orm/postgresql';

/** A master's format and current key, by image id. */
export async function imageMasterRow(
  em: EntityManager,
  imageId: string,
): Promise<{ format: string; master_key: string } | undefined> {
  const [row] = await em.execute<Array<{ format: string; master_key: string }>>(
    'select format, master_key from record_image where id = ?',
    [imageId],
  );
  return row;
}

/** Points the images stored under `from` at `to`. */
export async function repointMasters(em: EntityManager, from: string, to: string): Promise<void> {
  await em.execute('update record_image set master_key = ? where master_key = ?', [to, from]);
}

/** An import's file format and checksum, by job id. */
export async function importFileRow(
  em: EntityManager,
  jobId: string,
): Promise<{ format: string; sha256: string } | undefined> {
  const [row] = await em.execute<Array<{ format: string; sha256: string }>>(
    'select format, sha256 from import_job where id = ?',
    [jobId],
  );
  return row;
}

/** Points the import jobs whose file is stored under `from` at `to`. */
export async function repointImportFiles(em: EntityManager, from: string, to: string): Promise<void> {
  await em.execute('update import_job set object_key = ? where object_key = ?', [to, from]);
}
