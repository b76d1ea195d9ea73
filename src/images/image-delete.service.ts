import { recordAudit } from '../audit/audit.service.js';
import type { Context } from '../kernel/context.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { loadImageForWrite } from './image-access.service.js';
import { closeSequenceGap, lockRecordAndNextSequence } from './record-image.repository.js';
import { derivativesPrefix, tilesPrefix } from '../domain/object-layout.rules.js';
import { storeCall } from './object-store-errors.js';
import { RecordImageSchema } from './record-image.entity.js';

/** Every object key that belongs to an image: the master, derivatives and tiles. */
export async function imageObjectKeys(
  store: ObjectStore,
  image: { id: string; masterKey: string },
): Promise<string[]> {
  const lists = await Promise.all([
    store.list(derivativesPrefix(image.id)),
    store.list(tilesPrefix(image.id)),
  ]);
  return [image.masterKey, ...lists.flat()];
}

/**
 * Deletes a page image: the row (its derivative jobs cascade), the gap in the sequence closed,
 * an audit entry, and every object of the image. The objects go inside the transaction, so a
 * store that is down answers 503 and the image stays as it was.
 */
export async function deleteImage(scope: Context, store: ObjectStore, imageId: string): Promise<void> {
  await scope.em.transactional(async (em) => {
    const { image, record } = await loadImageForWrite(scope, imageId, em);
    await lockRecordAndNextSequence(em, record.id);
    const snapshot = {
      censusNumber: record.censusNumber,
      sequence: image.sequence,
      label: image.label,
      sha256: image.sha256,
      masterKey: image.masterKey,
      originalFilename: image.originalFilename,
    };
    await em.nativeDelete(RecordImageSchema, { id: image.id });
    await closeSequenceGap(em, record.id, image.sequence);
    recordAudit(em, scope, {
      action: 'image.delete',
      entityType: 'record_image',
      entityId: image.id,
      before: snapshot,
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
    await em.flush();
    await storeCall('delete', async () => store.remove(await imageObjectKeys(store, image)));
  });
}
