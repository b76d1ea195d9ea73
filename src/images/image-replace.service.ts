import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import type { SpooledFile } from '../kernel/multipart.js';
import type { Context } from '../kernel/context.js';
import { loadImageForWrite } from './image-access.service.js';
import { presentImage } from './image.presenter.js';
import type { ImageUploadDeps } from './image-upload.service.js';
import { removeObjects, storeMaster } from './image-ingest.service.js';
import { DerivativeJobSchema } from './derivative-job.entity.js';
import { queueDerivatives } from './derivative-queue.js';
import { checkUpload } from './upload-check.js';

/**
 * Replaces the master of a page image (same id, sequence and label): the new master is stored
 * under its own checksum key, the row switched over in one transaction with a new derivative
 * job, and only then the old master removed.
 */
export async function replaceImage(
  scope: Context,
  deps: ImageUploadDeps,
  imageId: string,
  file: SpooledFile | undefined,
  version: number | undefined,
) {
  const { image, record } = await loadImageForWrite(scope, imageId);
  if (!file) {
    throw AppError.badRequest('NO_FILES', '请上传一个图像文件', 'Upload one image file', [
      { path: 'file', rule: 'required', messageZh: '没有文件', messageEn: 'no file' },
    ]);
  }
  const upload = await checkUpload(file, { maxBytes: deps.maxBytes, maxPixels: deps.maxPixels });
  // Same bytes again: storing them under the same key would make cleanup remove the master.
  const newKey =
    upload.file.sha256 === image.sha256
      ? undefined
      : await storeMaster(deps.objectStore, record, image.id, upload);
  const oldKey = image.masterKey;
  try {
    const presented = await scope.em.transactional(async (em) => {
      const { image: locked } = await loadImageForWrite(scope, imageId, em);
      if (version !== undefined && version !== locked.version) {
        throw new AppError(
          409,
          'VERSION_CONFLICT',
          `图像已被他人修改（当前版本 ${locked.version}），请刷新后重试`,
          `The image was changed by someone else (current version ${locked.version}); reload and try again`,
          [],
          { currentVersion: locked.version },
        );
      }
      const before = {
        sha256: locked.sha256,
        format: locked.format,
        width: locked.width,
        height: locked.height,
      };
      em.assign(locked, {
        sha256: upload.file.sha256,
        format: upload.format,
        width: upload.width,
        height: upload.height,
        sizeBytes: upload.file.size,
        masterKey: newKey ?? oldKey,
        originalFilename: upload.file.fileName.slice(0, 300),
        status: 'processing',
        error: null,
      });
      em.create(DerivativeJobSchema, { id: randomUUID(), image: locked, sha256: upload.file.sha256 });
      recordAudit(em, scope, {
        action: 'image.replace',
        entityType: 'record_image',
        entityId: locked.id,
        before,
        after: {
          sha256: upload.file.sha256,
          format: upload.format,
          width: upload.width,
          height: upload.height,
        },
        provinceCode: record.provinceCode,
        institutionId: record.institution.id,
      });
      await em.flush();
      await queueDerivatives(em, [locked.id]);
      return presentImage(locked, deps.publicUrl, record.censusNumber);
    });
    // The old derivatives are replaced by the new job itself (it clears the image's tiles and pyramid first).
    if (newKey) await removeObjects(deps.objectStore, [oldKey]);
    return presented;
  } catch (error) {
    if (newKey) await removeObjects(deps.objectStore, [newKey]);
    throw error;
  }
}
