import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit.service.js';
import type { CensusRecord } from '../census/census-record.entity.js';
import { AppError } from '../kernel/app-error.js';
import { assertSafeInput } from '../kernel/input-safety.js';
import type { SpooledFile } from '../kernel/multipart.js';
import type { Context } from '../kernel/context.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { loadRecordForImageWrite } from './image-access.service.js';
import { presentImage } from './image.presenter.js';
import { DerivativeJobSchema } from './derivative-job.entity.js';
import { queueDerivatives } from './derivative-queue.js';
import { dropLocalMaster, keepLocalMaster, keepLocalWorking } from './master-handoff.js';
import { masterKey, technicalMetadata } from '../domain/object-layout.rules.js';
import { storeCall } from './object-store-errors.js';
import { RecordImageSchema } from './record-image.entity.js';
import { scratchTempDir } from '../runtime/scratch-dir.js';
import { checkUploadDecodes, checkUploadHeader, type CheckedUpload } from './upload-check.js';

export interface ImageUploadDeps {
  readonly objectStore: ObjectStore;
  readonly publicUrl: string;
  readonly maxBytes: number;
  readonly maxPixels: number;
}

/** Default page label when none was sent: 叶 (leaf) and the sequence number. */
export function defaultLabel(sequence: number): string {
  return `叶${sequence}`;
}

/** Parses the optional `labels` form field: a JSON array of strings, one per file in order. */
export function parseLabels(text: string | undefined, count: number): Array<string | undefined> {
  if (text === undefined || text === '') return Array.from({ length: count }, () => undefined);
  let labels: unknown;
  try {
    labels = JSON.parse(text);
  } catch {
    labels = undefined;
  }
  // JSON inside a form field escapes the request gate: the same check on what it decodes to.
  assertSafeInput(labels, 'form', 'labels');
  if (
    !Array.isArray(labels) ||
    labels.length !== count ||
    labels.some((l) => typeof l !== 'string' || l.trim().length === 0 || l.length > 100)
  ) {
    throw AppError.badRequest(
      'INVALID_LABELS',
      `labels 应为与文件数（${count}）等长的 JSON 字符串数组，每项 1–100 字`,
      `labels must be a JSON array of ${count} strings (one per file, 1–100 characters each)`,
      [
        {
          path: 'labels',
          value: text,
          rule: 'json_string_array',
          messageZh: '格式不正确',
          messageEn: 'invalid format',
        },
      ],
    );
  }
  return (labels as string[]).map((l) => l.trim());
}

/** Locks the record row so concurrent uploads to it take sequence numbers one after the other. */
export async function lockRecordAndNextSequence(em: EntityManager, recordId: string): Promise<number> {
  await em.execute('select id from census_record where id = ? for update', [recordId]);
  const rows = await em.execute<Array<{ max: number | null }>>(
    'select max(sequence) as max from record_image where record_id = ?',
    [recordId],
  );
  return (rows[0]?.max ?? 0) + 1;
}

/**
 * The row of a newly stored master, status `processing`, and the derivative job that will make it
 * ready; called inside the caller's transaction, with the record locked for its sequence.
 */
export function createImageRow(
  em: EntityManager,
  row: {
    id: string;
    recordId: string;
    sequence: number;
    label: string;
    upload: CheckedUpload;
    masterKey: string;
    createdBy: string;
  },
) {
  const image = em.create(RecordImageSchema, {
    id: row.id,
    record: row.recordId,
    sequence: row.sequence,
    label: row.label,
    status: 'processing',
    width: row.upload.width,
    height: row.upload.height,
    format: row.upload.format,
    sizeBytes: row.upload.file.size,
    sha256: row.upload.file.sha256,
    masterKey: row.masterKey,
    originalFilename: row.upload.file.fileName.slice(0, 300),
    createdBy: row.createdBy,
  });
  em.create(DerivativeJobSchema, { image, sha256: row.upload.file.sha256 });
  return image;
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
 * Adds page images to a record: checks every file first, stores the masters, then creates the
 * images (next sequence numbers, under a lock on the record), their derivative jobs and the
 * audit entries in one transaction. Any failure removes what was stored: no object, no row.
 */
export async function uploadImages(
  scope: Context,
  deps: ImageUploadDeps,
  censusNumber: string,
  files: SpooledFile[],
  labelsField: string | undefined,
) {
  const { actor, record } = await loadRecordForImageWrite(scope, censusNumber);
  if (!files.length) {
    throw AppError.badRequest('NO_FILES', '请至少上传一个图像文件', 'Upload at least one image file', [
      { path: 'files', rule: 'required', messageZh: '没有文件', messageEn: 'no file' },
    ]);
  }
  const labels = parseLabels(labelsField, files.length);
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
        const sequence = first + i;
        const image = createImageRow(em, {
          id: ids[i]!,
          recordId: record.id,
          sequence,
          label: labels[i] ?? defaultLabel(sequence),
          upload,
          masterKey: stored[i]!,
          createdBy: actor.userId,
        });
        recordAudit(em, scope, {
          action: 'image.upload',
          entityType: 'record_image',
          entityId: image.id,
          after: {
            censusNumber,
            sequence,
            label: image.label,
            format: upload.format,
            width: upload.width,
            height: upload.height,
            sha256: upload.file.sha256,
            originalFilename: image.originalFilename,
          },
          provinceCode: record.provinceCode,
          institutionId: record.institution.id,
        });
        return image;
      });
      await em.flush();
      await queueDerivatives(em, ids);
      return images.map((image) => presentImage(image, deps.publicUrl, censusNumber));
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
