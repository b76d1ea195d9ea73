import { CensusRecordSchema } from '../census/census-record.entity.js';
import { AppError } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import { canViewRecordImages, imageRecordScope } from './image-access.service.js';
import { cataloguesRecord, imageAbilities, imagesLockedBecause } from './image-abilities.rules.js';
import { presentImage } from './image.presenter.js';
import { RecordImageSchema } from './record-image.entity.js';
import { listRecordImages } from './record-images.service.js';
import { restorationPhotoIds } from '../restoration/restoration-photo-ids.js';

/** The images of a record in reading order, for whoever may see the record. */
export async function listImagesOfRecord(scope: Context, publicUrl: string, censusNumber: string) {
  const record = await scope.em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
  if (!record || !(await canViewRecordImages(scope, record))) {
    throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
  }
  // Restoration photos document a treatment, not the book: they belong to the work order's manifest.
  const images = await listRecordImages(scope.em, record.id);
  const restorationPhotos = await restorationPhotoIds(scope.em, record.id);
  const facts = imageRecordScope(record);
  const actor = scope.actor ?? null;
  return {
    items: images
      .filter((i) => !restorationPhotos.has(i.id))
      .map((i) => presentImage(i, publicUrl, censusNumber)),
    abilities: imageAbilities(actor, facts),
    lockedReason: cataloguesRecord(actor, facts) ? imagesLockedBecause(record.status) : null,
  };
}

/** One image, for whoever may see its record. */
export async function getImage(scope: Context, publicUrl: string, imageId: string) {
  const image = await scope.em.findOne(RecordImageSchema, { id: imageId }, { populate: ['record'] });
  if (!image || !(await canViewRecordImages(scope, image.record, image.id))) {
    throw AppError.notFound(`Image ${imageId}`, `图像 ${imageId} `);
  }
  return presentImage(image, publicUrl, image.record.censusNumber);
}
