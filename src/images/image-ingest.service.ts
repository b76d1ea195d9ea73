// The one use case that makes new images: every way an image enters the system — the record's page
// upload, restoration's before / during / after photos — goes through ingestImages, so the checks,
// the stored master and its checksum, the sequence under the record's lock, the row and its
// derivative job are one code path. The owner says what the images are for inside the same
// transaction (audit entries, links to a work order).

import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CensusRecord } from '../census/census-record.entity.js';
import type { Context } from '../kernel/context.js';
import type { SpooledFile } from '../kernel/multipart.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { masterKey, technicalMetadata } from '../domain/object-layout.rules.js';
import { scratchTempDir } from '../runtime/scratch-dir.js';
import { DerivativeJobSchema } from './derivative-job.entity.js';
import { queueDerivatives } from './derivative-queue.js';
import { dropLocalMaster, keepLocalMaster, keepLocalWorking } from './master-handoff.js';
import { storeCall } from './object-store-errors.js';
import { RecordImageSchema, type RecordImage } from './record-image.entity.js';
import { lockRecordAndNextSequence } from './record-image.repository.js';
import { checkUploadDecodes, checkUploadHeader, type CheckedUpload } from './upload-check.js';

/** Where masters go and the limits every upload is checked against. */
export interface IngestDeps {
  readonly objectStore: ObjectStore;
  readonly maxBytes: number;
  readonly maxPixels: number;
}

/** Whose new images these are, and what it does with them in the transaction that creates them. */
export interface ImageOwner<T> {
  /** The record the images are of (its institution populated). */
  readonly record: CensusRecord;
  /** The account that adds them. */
  readonly createdBy: string;
  /** The label of the batch's `index`-th image, which takes sequence number `sequence`. */
  label(index: number, sequence: number): string;
  /**
   * Runs in the transaction that creates the rows, before they are flushed: links and audits them,
   * and returns what it made (present it after ingestImages returns: ids and times are set on flush).
   * A throw undoes everything — no row, no stored master.
   */
  attach(em: EntityManager, images: readonly RecordImage[], uploads: readonly CheckedUpload[]): Promise<T>;
}

/**
 * Stores a checked master as one object under its own key, with technical metadata and its SHA-256
 * (taken while spooling) on the object. A failed store leaves nothing: ObjectStore.putFile aborts
 * an unfinished multipart upload.
 */
export async function storeMaster(
  store: ObjectStore,
  record: CensusRecord,
  imageId: string,
  upload: CheckedUpload,
): Promise<string> {
  const key = masterKey(record.id, imageId, upload.file.sha256, upload.format);
  await storeCall('masters', () =>
    store.putFile(
      key,
      upload.file.path,
      {
        'Content-Type': upload.file.mimeType || 'application/octet-stream',
        ...technicalMetadata({ ...upload, masterSha256: upload.file.sha256, imageId }),
      },
      { sha256: upload.file.sha256 },
    ),
  );
  return key;
}

/** Removes the given objects, best effort (the store may be what failed). */
export async function removeObjects(store: ObjectStore, keys: string[]): Promise<void> {
  try {
    await store.remove(keys);
  } catch {
    // The store is down: nothing more can be done now; the orphan sweep removes them later.
  }
}

/**
 * Adds images to the owner's record, all or none: checks every file first, stores the masters, then
 * creates the images (next sequence numbers, under a lock on the record) and their derivative jobs
 * and lets the owner attach them, in one transaction. Any failure removes what was stored.
 */
export async function ingestImages<T>(
  scope: Context,
  deps: IngestDeps,
  owner: ImageOwner<T>,
  files: readonly SpooledFile[],
): Promise<{ images: RecordImage[]; attached: T }> {
  const { record } = owner;
  const limits = { maxBytes: deps.maxBytes, maxPixels: deps.maxPixels };
  const checked: CheckedUpload[] = [];
  for (const file of files) checked.push(await checkUploadHeader(file, limits));
  const stored: string[] = [];
  // A JPEG is checked cheaply (decoded at 1/8 scale); a TIFF or PNG must be decoded in full, so
  // its check writes the working pyramid the derivative job would otherwise decode again.
  // Their own folder, removed as a whole at the end: libvips may still be closing a file it failed
  // to write when the refusal reaches us, and a file in a folder that is gone cannot linger.
  const workDir = checked.some((c) => c.format !== 'jpeg') ? await scratchTempDir('working-') : undefined;
  const workingPaths = checked.map((c, i) =>
    c.format === 'jpeg' ? undefined : path.join(workDir!, `${i}-${c.file.sha256}.tif`),
  );
  try {
    const ids = checked.map(() => randomUUID());
    for (const [i, upload] of checked.entries()) {
      // Decoding every pixel is CPU work, storing the master network work: they overlap. A master
      // that turns out corrupt is removed with the others below, so nothing stays stored.
      const [decodes, master] = await Promise.allSettled([
        checkUploadDecodes(upload.file, limits, workingPaths[i]),
        storeMaster(deps.objectStore, record, ids[i]!, upload),
      ]);
      if (master.status === 'fulfilled') stored.push(master.value);
      if (decodes.status === 'rejected') throw decodes.reason;
      if (master.status === 'rejected') throw master.reason;
    }
    for (const [i, { file }] of checked.entries()) {
      const working = workingPaths[i];
      if (working) await keepLocalWorking(file.sha256, file.size, working);
      else await keepLocalMaster(file.sha256, file.size, file.path);
    }
    return await scope.em.transactional(async (em) => {
      const first = await lockRecordAndNextSequence(em, record.id);
      const images = checked.map((upload, i) => {
        const image = em.create(RecordImageSchema, {
          id: ids[i]!,
          record: record.id,
          sequence: first + i,
          label: owner.label(i, first + i),
          status: 'processing',
          width: upload.width,
          height: upload.height,
          format: upload.format,
          sizeBytes: upload.file.size,
          sha256: upload.file.sha256,
          masterKey: stored[i]!,
          originalFilename: upload.file.fileName.slice(0, 300),
          createdBy: owner.createdBy,
        });
        em.create(DerivativeJobSchema, { image, sha256: upload.file.sha256 });
        return image;
      });
      const attached = await owner.attach(em, images, checked);
      await em.flush();
      await queueDerivatives(em, ids);
      return { images, attached };
    });
  } catch (error) {
    await removeObjects(deps.objectStore, stored);
    for (const { file } of checked) await dropLocalMaster(file.sha256, file.size);
    throw error;
  } finally {
    // Working pyramids not handed over (a failed upload) go with the spooled files.
    if (workDir) await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}
