import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncompleteUpload, ListedObject, ObjectStore } from '../object-store/object-store.js';
import { bookDownloadsPrefix, derivativesPrefix, tilesPrefix } from '../domain/object-layout.rules.js';
import { catalogueRecordIds, storedObjectOwners } from './orphan-sweep.repository.js';

/** Objects no row references, and multipart uploads never completed, older than the grace period. */
export interface OrphanReport {
  readonly objects: ListedObject[];
  readonly uploads: IncompleteUpload[];
  readonly removed: boolean;
}

/**
 * Finds what faults leave in the bucket: an object whose upload's transaction never committed (the
 * process was killed between storing and the row), parts of a multipart upload nobody completed or
 * aborted (the store went away mid-upload). Only things older than the grace period count, so an
 * upload in progress — stored, row not yet committed — is never taken for an orphan. With `remove`,
 * they are deleted and the uploads aborted.
 *
 * Referenced: every image's master and everything under its derivatives and tiles prefixes, every
 * import's uploaded file (a key or, for part sets not yet migrated, a prefix of keys), and the
 * downloads made of a book while it is published.
 */
export async function sweepOrphans(
  em: EntityManager,
  store: ObjectStore,
  options: { graceMs: number; remove: boolean; now?: Date },
): Promise<OrphanReport> {
  const cutoff = (options.now ?? new Date()).getTime() - options.graceMs;
  // Listed first: an object stored after the listing cannot be judged by rows read before it.
  const listed = await store.listObjects('');
  const uploads = (await store.listIncompleteUploads('')).filter((u) => u.initiated.getTime() <= cutoff);
  const { images, imports } = await storedObjectOwners(em);
  const keys = new Set<string>([...images.map((i) => i.master_key), ...imports.map((i) => i.object_key)]);
  const books = await catalogueRecordIds(em);
  const prefixes = new Set<string>([
    ...images.flatMap((i) => [derivativesPrefix(i.id), tilesPrefix(i.id)]),
    ...books.map((b) => bookDownloadsPrefix(b.record_id)),
  ]);
  const referenced = (key: string) => {
    if (keys.has(key)) return true;
    const slash = key.lastIndexOf('/');
    // A legacy part set `{key}/part-NNNNN` belongs to the row that names `{key}`.
    if (/\/part-\d{5}$/.test(key) && keys.has(key.slice(0, slash))) return true;
    const m = /^(derivatives|tiles|books)\/[^/]+\//.exec(key);
    return !!m && prefixes.has(m[0]);
  };
  const objects = listed.filter((o) => o.lastModified.getTime() <= cutoff && !referenced(o.key));
  if (options.remove) {
    await store.remove(objects.map((o) => o.key));
    for (const u of uploads) await store.abortUpload(u.key, u.uploadId);
  }
  return { objects, uploads, removed: options.remove };
}
